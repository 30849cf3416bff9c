import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildUser } from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';
import { loadPressDemo, mediaItems } from '../press/index.ts';
import { loadBilateralDemo } from './demo.ts';
import { bilateralFacts } from './tables.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let hq: Awaited<ReturnType<typeof buildUser>>;
let clippingId: string;

const visit = () => ({
  missionId: mission.id,
  kind: 'visit',
  title: 'State visit of the President of Italy to Kazakhstan',
  date: '2025-06-10',
  people: ['Sergio Mattarella'],
  parties: ['Italy', 'Kazakhstan'],
  level: 'president',
  direction: 'to Kazakhstan',
  place: 'Astana',
});

const create = (cookie: string, body: unknown) => call('POST', '/api/bilateral-facts', { cookie, body });

beforeAll(async () => {
  mission = await buildMission(db);
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  outsider = await buildUser(db, { missionId: (await buildMission(db)).id, role: 'admin' });
  hq = await buildUser(db, {
    missionId: (await buildMission(db, { kind: 'headquarters' })).id,
    role: 'officer',
  });
  const [item] = await db
    .insert(mediaItems)
    .values({
      missionId: mission.id,
      sourceKind: 'paste',
      url: 'https://news.example/italy-kazakhstan-forum',
      canonicalUrl: 'https://news.example/italy-kazakhstan-forum',
      title: 'Italy and Kazakhstan sign 29 agreements',
      publishedAt: new Date('2025-11-08T09:00:00Z'),
      text: 'Italy and Kazakhstan signed 29 agreements worth nearly $17 billion.',
      figures: [
        { kind: 'count', value: 29, unit: 'agreements', start: 31, end: 44, raw: '29 agreements' },
        { kind: 'money', value: 17_000_000_000, currency: 'USD', start: 58, end: 70, raw: '$17 billion' },
      ],
    })
    .returning();
  clippingId = item!.id;
});

describe('bilateral facts', () => {
  it('lets a writer add a visit, audited, and lists it by date for every full reader', async () => {
    const res = await create(officer.cookie, visit());
    expect(res.status).toBe(201);
    const fact = await res.json();
    expect(fact).toMatchObject({
      kind: 'visit',
      date: '2025-06-10',
      version: 1,
      people: ['Sergio Mattarella'],
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'bilateral_fact'), eq(auditLog.entityId, fact.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);

    await create(officer.cookie, { ...visit(), title: 'Earlier visit', date: '1997-09-01' });
    for (const user of [officer, viewer, hq]) {
      const list = await (
        await call('GET', `/api/bilateral-facts?missionId=${mission.id}`, { cookie: user.cookie })
      ).json();
      expect(list.items.map((f: { date: string }) => f.date)).toEqual(['1997-09-01', '2025-06-10']);
    }
    const filtered = await (
      await call('GET', `/api/bilateral-facts?kind=agreement&missionId=${mission.id}`, {
        cookie: officer.cookie,
      })
    ).json();
    expect(filtered.items).toEqual([]);
    const ranged = await (
      await call('GET', `/api/bilateral-facts?from=2000-01-01&missionId=${mission.id}`, {
        cookie: officer.cookie,
      })
    ).json();
    expect(ranged.items).toHaveLength(1);
  });

  it('hides facts from other missions and collaborators, and refuses writes to readers', async () => {
    const fact = await (await create(officer.cookie, visit())).json();
    expect((await call('GET', `/api/bilateral-facts/${fact.id}`, { cookie: outsider.cookie })).status).toBe(
      404,
    );
    expect(
      (await call('GET', `/api/bilateral-facts/${fact.id}`, { cookie: collaborator.cookie })).status,
    ).toBe(404);
    expect((await call('GET', `/api/bilateral-facts/${fact.id}`, { cookie: hq.cookie })).status).toBe(200);
    const outsiderList = await (
      await call('GET', '/api/bilateral-facts', { cookie: outsider.cookie })
    ).json();
    expect(outsiderList.items).toEqual([]);
    expect((await create(viewer.cookie, visit())).status).toBe(403);
    expect((await create(hq.cookie, visit())).status).toBe(403);
    expect(
      (
        await call('PATCH', `/api/bilateral-facts/${fact.id}`, {
          cookie: viewer.cookie,
          body: { version: 1, title: 'Changed' },
        })
      ).status,
    ).toBe(403);
    expect((await call('DELETE', `/api/bilateral-facts/${fact.id}`, { cookie: hq.cookie })).status).toBe(403);
    expect((await call('GET', '/api/bilateral-facts')).status).toBe(401);
  });

  it('names the bad fields', async () => {
    const noValue = await create(officer.cookie, {
      ...visit(),
      kind: 'economic_figure',
      title: 'Trade turnover',
    });
    expect(noValue.status).toBe(400);
    expect(JSON.stringify(await noValue.json())).toContain('value');
    const badDate = await create(officer.cookie, { ...visit(), date: '2025-02-30' });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(await badDate.json())).toContain('date');
    const badPrecision = await create(officer.cookie, { ...visit(), datePrecision: 'decade' });
    expect(badPrecision.status).toBe(400);
    expect(JSON.stringify(await badPrecision.json())).toContain('datePrecision');
    const badKind = await create(officer.cookie, { ...visit(), kind: 'rumour' });
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(await badKind.json())).toContain('kind');
  });

  it('versions edits: a stale version gets 409 and changes nothing; archive hides the fact', async () => {
    const fact = await (await create(officer.cookie, visit())).json();
    const ok = await call('PATCH', `/api/bilateral-facts/${fact.id}`, {
      cookie: officer.cookie,
      body: { version: 1, title: 'Renamed visit' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ title: 'Renamed visit', version: 2 });
    const stale = await call('PATCH', `/api/bilateral-facts/${fact.id}`, {
      cookie: officer.cookie,
      body: { version: 1, title: 'Lost edit' },
    });
    expect(stale.status).toBe(409);
    const now = await (
      await call('GET', `/api/bilateral-facts/${fact.id}`, { cookie: officer.cookie })
    ).json();
    expect(now.title).toBe('Renamed visit');
    const toFigure = await call('PATCH', `/api/bilateral-facts/${fact.id}`, {
      cookie: officer.cookie,
      body: { version: 2, kind: 'economic_figure' },
    });
    expect(toFigure.status).toBe(400);
    const archived = await call('DELETE', `/api/bilateral-facts/${fact.id}?version=2`, {
      cookie: officer.cookie,
    });
    expect(archived.status).toBe(200);
    const list = await (
      await call('GET', `/api/bilateral-facts?missionId=${mission.id}`, { cookie: officer.cookie })
    ).json();
    expect(list.items.map((f: { id: string }) => f.id)).not.toContain(fact.id);
  });

  it('creates a fact from a clipping, with its date, link and a chosen figure', async () => {
    const res = await call('POST', `/api/press/items/${clippingId}/bilateral-facts`, {
      cookie: officer.cookie,
      body: { kind: 'economic_figure', figureIndex: 1 },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      kind: 'economic_figure',
      title: 'Italy and Kazakhstan sign 29 agreements',
      date: '2025-11-08',
      value: 17_000_000_000,
      currency: 'USD',
      sourceMediaItemId: clippingId,
      sourceUrl: 'https://news.example/italy-kazakhstan-forum',
      sourceTitle: 'Italy and Kazakhstan sign 29 agreements',
    });
    const outOfRange = await call('POST', `/api/press/items/${clippingId}/bilateral-facts`, {
      cookie: officer.cookie,
      body: { kind: 'economic_figure', figureIndex: 5 },
    });
    expect(outOfRange.status).toBe(400);
    expect(JSON.stringify(await outOfRange.json())).toContain('figureIndex');
    const noFigure = await call('POST', `/api/press/items/${clippingId}/bilateral-facts`, {
      cookie: officer.cookie,
      body: { kind: 'economic_figure' },
    });
    expect(noFigure.status).toBe(400);
    expect(
      (
        await call('POST', `/api/press/items/${clippingId}/bilateral-facts`, {
          cookie: viewer.cookie,
          body: { kind: 'agreement' },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', `/api/press/items/${clippingId}/bilateral-facts`, {
          cookie: outsider.cookie,
          body: { kind: 'agreement' },
        })
      ).status,
    ).toBe(404);
    const other = await buildMission(db);
    const otherClip = await db
      .insert(mediaItems)
      .values({ missionId: other.id, sourceKind: 'paste', title: 'Elsewhere', text: 'x' })
      .returning();
    const foreign = await create(officer.cookie, { ...visit(), sourceMediaItemId: otherClip[0]!.id });
    expect(foreign.status).toBe(400);
  });

  it('loads the demo facts once, linked to the demo clippings they come from', async () => {
    const demo = await buildMission(db);
    await loadPressDemo(db, { missionId: demo.id });
    const first = await loadBilateralDemo(db, { missionId: demo.id });
    expect(first).toBeGreaterThan(10);
    expect(await loadBilateralDemo(db, { missionId: demo.id })).toBe(0);
    const rows = await db.select().from(bilateralFacts).where(eq(bilateralFacts.missionId, demo.id));
    expect(rows).toHaveLength(first);
    const investment = rows.find((r) => r.title.startsWith('Italian investment'));
    expect(investment).toMatchObject({ kind: 'economic_figure', currency: 'USD' });
    expect(Number(investment!.value)).toBe(8_000_000_000);
    expect(investment!.sourceMediaItemId).not.toBeNull();
    expect(rows.every((r) => r.sourceMediaItemId !== null)).toBe(true);
    expect(rows.find((r) => r.title.startsWith('Previous state visit'))?.datePrecision).toBe('year');
  });
});
