/**
 * Hostile input on the write routes (issue 12): for each class of value that has no place in the
 * database — control characters, lone surrogates, numbers beyond a column, dates outside
 * 1900–2200, blank keys, non-web addresses, huge texts — a representative route answers 400
 * naming the field and the reason, and stores nothing (no row, no audit entry).
 */
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildPerson,
  buildPlan,
  buildUser,
} from '../../../test/helpers/factories.ts';
import {
  auditLog,
  bilateralFacts,
  indicators,
  initiatives,
  mediaFeeds,
  mediaItems,
  mediaLists,
  organisations,
  people,
  plans,
  risks,
} from '../schema.ts';

const { db, call } = await setupTestApp();

/** One hostile value per class. */
const HOSTILE = {
  nul: 'Gala\u0000night',
  bell: 'Gala\u0007night',
  loneSurrogate: '\ud800x',
  hugePositive: 1e308,
  hugeNegative: -1e308,
  beyondSafeInteger: 9007199254740992,
  fractionForInteger: 1.5,
  farFuture: '9999-12-31',
  beforeRange: '1899-12-31',
  blankKey: '   ',
  javascriptUrl: 'javascript:alert(1)',
  fileUrl: 'file:///etc/passwd',
  hugeText: 'x'.repeat(100_000),
} as const;
type THostileClass = keyof typeof HOSTILE;

interface TRouteCase {
  name: string;
  method: 'POST' | 'PATCH';
  path: () => string;
  body: () => Record<string, unknown>;
  /** The table a successful call writes to. */
  table: PgTable;
  /** The field each class is sent in (a dotted path; a number picks an array item). */
  fields: Partial<Record<THostileClass, string>>;
}

let mission: Awaited<ReturnType<typeof buildMission>>;
let admin: Awaited<ReturnType<typeof buildUser>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let owner: Awaited<ReturnType<typeof buildPerson>>;
let initiative: Awaited<ReturnType<typeof buildInitiative>>;

beforeAll(async () => {
  mission = await buildMission(db);
  admin = await buildUser(db, { missionId: mission.id, role: 'admin' });
  plan = await buildPlan(db, { missionId: mission.id });
  owner = await buildPerson(db, { missionId: mission.id });
  initiative = await buildInitiative(db, { missionId: mission.id, planId: plan.id });
});

const ROUTES: TRouteCase[] = [
  {
    name: 'POST /api/plans',
    method: 'POST',
    path: () => '/api/plans',
    body: () => ({
      missionId: mission.id,
      title: 'Together towards 2050',
      acronym: 'TT2050',
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      objectives: [{ level: 1, text: 'Raise the profile' }],
    }),
    table: plans,
    fields: {
      nul: 'title',
      bell: 'objectives.0.text',
      loneSurrogate: 'missionStatement',
      hugePositive: 'budgetEnvelope',
      hugeNegative: 'budgetEnvelope',
      beyondSafeInteger: 'budgetEnvelope',
      fractionForInteger: 'objectives.0.level',
      farFuture: 'periodEnd',
      beforeRange: 'periodStart',
      hugeText: 'missionStatement',
    },
  },
  {
    name: 'POST /api/initiatives',
    method: 'POST',
    path: () => '/api/initiatives',
    body: () => ({ planId: plan.id, title: 'Zeta gala', type: 'concert' }),
    table: initiatives,
    fields: {
      nul: 'title',
      bell: 'title',
      loneSurrogate: 'summary',
      hugePositive: 'budget',
      hugeNegative: 'budget',
      beyondSafeInteger: 'budget',
      farFuture: 'startDate',
      beforeRange: 'startDate',
      blankKey: 'key',
      javascriptUrl: 'mediaLinks.0',
      fileUrl: 'mediaLinks.0',
      hugeText: 'title',
    },
  },
  {
    name: 'PATCH /api/initiatives/{id}',
    method: 'PATCH',
    path: () => `/api/initiatives/${initiative.id}`,
    body: () => ({ version: initiative.version }),
    table: initiatives,
    fields: {
      nul: 'title',
      bell: 'venues.0',
      loneSurrogate: 'title',
      hugePositive: 'budget',
      hugeNegative: 'budget',
      beyondSafeInteger: 'budget',
      fractionForInteger: 'version',
      farFuture: 'startDate',
      beforeRange: 'startDate',
      javascriptUrl: 'mediaLinks.0',
      fileUrl: 'mediaLinks.0',
      hugeText: 'summary',
    },
  },
  {
    name: 'POST /api/organisations',
    method: 'POST',
    path: () => '/api/organisations',
    body: () => ({ missionId: mission.id, name: 'Confindustria Kazakhstan', kind: 'association' }),
    table: organisations,
    fields: {
      nul: 'name',
      bell: 'sector',
      loneSurrogate: 'notes',
      javascriptUrl: 'website',
      fileUrl: 'website',
      hugeText: 'name',
    },
  },
  {
    name: 'POST /api/people',
    method: 'POST',
    path: () => '/api/people',
    body: () => ({ missionId: mission.id, fullName: 'Vincenzo Spinelli', kind: 'diplomat' }),
    table: people,
    fields: {
      nul: 'fullName',
      bell: 'competences.0.tag',
      loneSurrogate: 'fullName',
      hugePositive: 'capacity',
      hugeNegative: 'capacity',
      beyondSafeInteger: 'capacity',
      fractionForInteger: 'capacity',
      hugeText: 'fullName',
    },
  },
  {
    name: 'POST /api/risks',
    method: 'POST',
    path: () => '/api/risks',
    body: () => ({
      planId: plan.id,
      area: 'pandemic',
      title: 'A new wave',
      inherentLikelihood: 'likely',
      inherentImpact: 'major',
      ownerId: owner.id,
    }),
    table: risks,
    fields: {
      nul: 'title',
      bell: 'cause',
      loneSurrogate: 'consequence',
      farFuture: 'reviewDate',
      beforeRange: 'reviewDate',
      blankKey: 'area',
      hugeText: 'title',
    },
  },
  {
    name: 'POST /api/indicators',
    method: 'POST',
    path: () => '/api/indicators',
    body: () => ({
      planId: plan.id,
      name: 'Instagram followers',
      kind: 'impact',
      amecStage: 'output',
      unit: 'followers',
      baseline: { value: 1000, date: '2022-01-01' },
    }),
    table: indicators,
    fields: {
      nul: 'name',
      bell: 'unit',
      loneSurrogate: 'name',
      hugePositive: 'baseline.value',
      hugeNegative: 'baseline.value',
      beyondSafeInteger: 'baseline.value',
      farFuture: 'baseline.date',
      beforeRange: 'baseline.date',
      hugeText: 'name',
    },
  },
  {
    name: 'POST /api/bilateral-facts',
    method: 'POST',
    path: () => '/api/bilateral-facts',
    body: () => ({ missionId: mission.id, kind: 'visit', title: 'State visit', date: '2025-06-10' }),
    table: bilateralFacts,
    fields: {
      nul: 'title',
      bell: 'place',
      loneSurrogate: 'people.0',
      hugePositive: 'value',
      hugeNegative: 'value',
      beyondSafeInteger: 'value',
      farFuture: 'date',
      beforeRange: 'date',
      javascriptUrl: 'sourceUrl',
      fileUrl: 'sourceUrl',
      hugeText: 'title',
    },
  },
  {
    name: 'POST /api/media-lists',
    method: 'POST',
    path: () => '/api/media-lists',
    body: () => ({ missionId: mission.id, name: 'Culture journalists' }),
    table: mediaLists,
    fields: { nul: 'name', bell: 'name', loneSurrogate: 'description', hugeText: 'name' },
  },
  {
    name: 'POST /api/press/items',
    method: 'POST',
    path: () => '/api/press/items',
    body: () => ({ missionId: mission.id, text: 'The Italian embassy opened a gala night in Astana.' }),
    table: mediaItems,
    fields: {
      nul: 'title',
      bell: 'title',
      loneSurrogate: 'text',
      farFuture: 'publishedAt',
      beforeRange: 'publishedAt',
      javascriptUrl: 'url',
      fileUrl: 'url',
      hugeText: 'title',
    },
  },
  {
    name: 'POST /api/press/feeds',
    method: 'POST',
    path: () => '/api/press/feeds',
    body: () => ({ missionId: mission.id, url: 'https://news.example.org/rss' }),
    table: mediaFeeds,
    fields: { nul: 'title', bell: 'title', javascriptUrl: 'url', fileUrl: 'url', hugeText: 'url' },
  },
];

/** `body` with `value` at the dotted `path` (a number names an array item). */
function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let node: Record<string, unknown> | unknown[] = copy;
  keys.forEach((key, index) => {
    const isLast = index === keys.length - 1;
    const slot = /^\d+$/.test(key) ? Number(key) : key;
    if (isLast) (node as Record<string | number, unknown>)[slot] = value;
    else {
      const next = (node as Record<string | number, unknown>)[slot];
      const created = next ?? (/^\d+$/.test(keys[index + 1]!) ? [] : {});
      (node as Record<string | number, unknown>)[slot] = created;
      node = created as Record<string, unknown>;
    }
  });
  return copy;
}

async function stored(table: PgTable) {
  const [rows] = await db.select({ n: count() }).from(table);
  const [audits] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.missionId, mission.id));
  const [row] = await db.select().from(initiatives).where(eq(initiatives.id, initiative.id));
  return { rows: rows!.n, audits: audits!.n, initiative: row };
}

describe('hostile input on the write routes', () => {
  it('the valid bodies are accepted, so each refusal below is the hostile value’s', async () => {
    for (const route of ROUTES.filter((r) => r.method === 'POST' && r.table !== mediaFeeds)) {
      const res = await call('POST', route.path(), { cookie: admin.cookie, body: route.body() });
      expect(res.status, route.name).toBe(201);
    }
  });

  const cases = ROUTES.flatMap((route) =>
    (Object.entries(route.fields) as [THostileClass, string][]).map(([kind, field]) => ({
      label: `${route.name}: ${kind} in ${field}`,
      route,
      kind,
      field,
    })),
  );

  it.each(cases)('$label → 400 naming the field, nothing stored', async ({ route, kind, field }) => {
    const before = await stored(route.table);
    const res = await call(route.method, route.path(), {
      cookie: admin.cookie,
      body: withValue(route.body(), field, HOSTILE[kind]),
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { errors: { field: string; message: string }[] };
    const named = problem.errors.filter((e) => e.field === field);
    expect(named, JSON.stringify(problem.errors).slice(0, 500)).not.toHaveLength(0);
    expect(named[0]!.message).toMatch(/\w{3,}/);
    expect(await stored(route.table)).toEqual(before);
  });

  it('gives the reason in words a person can act on', async () => {
    const reasonOf = async (route: string, body: Record<string, unknown>, field: string) => {
      const res = await call('POST', route, { cookie: admin.cookie, body });
      const problem = (await res.json()) as { errors: { field: string; message: string }[] };
      return problem.errors.find((e) => e.field === field)?.message;
    };
    const initiativeBody = { planId: plan.id, title: 'Zeta gala', type: 'concert' };
    expect(await reasonOf('/api/initiatives', { ...initiativeBody, title: HOSTILE.nul }, 'title')).toBe(
      'must not contain control characters',
    );
    expect(await reasonOf('/api/initiatives', { ...initiativeBody, title: 'Zeta\ngala' }, 'title')).toBe(
      'must be a single line',
    );
    expect(
      await reasonOf('/api/initiatives', { ...initiativeBody, startDate: HOSTILE.farFuture }, 'startDate'),
    ).toBe('must be between 1900-01-01 and 2200-12-31');
    expect(
      await reasonOf(
        '/api/initiatives',
        { ...initiativeBody, mediaLinks: [HOSTILE.javascriptUrl] },
        'mediaLinks.0',
      ),
    ).toBe('must use http or https');
    expect(
      await reasonOf(
        '/api/people',
        { missionId: mission.id, fullName: 'A', kind: 'diplomat', capacity: 1.5 },
        'capacity',
      ),
    ).toBe('must be a whole number');
  });
});
