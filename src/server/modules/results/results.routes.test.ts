import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { loadPlanData } from '../../../../test/helpers/demo.ts';
import {
  buildInitiative,
  buildMission,
  buildPerson,
  buildPlan,
  buildUser,
} from '../../../../test/helpers/factories.ts';
import { auditLog, findActorBySession } from '../missions/index.ts';
import { loadResultsSummary } from './results-summary.ts';
import { socialSnapshots } from './tables.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let headquarters: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  const hq = await buildMission(db, { kind: 'headquarters' });
  headquarters = await buildUser(db, { missionId: hq.id, role: 'officer' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
});

const followers = {
  name: 'Instagram followers',
  kind: 'impact',
  amecStage: 'output',
  unit: 'followers',
  baseline: { value: 1000, date: '2022-01-01' },
  target: { value: 1300, date: '2022-12-31' },
};

async function createIndicator(body: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/indicators', {
    cookie: officer.cookie,
    body: { planId: plan.id, ...followers, ...body },
  });
  expect(res.status).toBe(201);
  return res.json();
}

const fieldsOf = async (res: Response) =>
  ((await res.json()).errors as { field: string; message: string }[]).map((e) => e.field).sort();

describe('POST /api/indicators', () => {
  it('refuses a caller without a session (401)', async () => {
    expect((await call('POST', '/api/indicators', { body: { planId: plan.id, ...followers } })).status).toBe(
      401,
    );
  });

  it('names each invalid field (400)', async () => {
    const res = await call('POST', '/api/indicators', {
      cookie: officer.cookie,
      body: {
        planId: plan.id,
        name: '',
        kind: 'vibe',
        amecStage: 'output',
        baseline: { value: 'many', date: null },
      },
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['baseline.value', 'kind', 'name']);
  });

  it('refuses a target date before the baseline date (400 naming target.date)', async () => {
    const res = await call('POST', '/api/indicators', {
      cookie: officer.cookie,
      body: { planId: plan.id, ...followers, target: { value: 1300, date: '2021-06-30' } },
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['target.date']);
  });

  it('refuses reach filed as an outcome, and says why (AMEC)', async () => {
    const res = await call('POST', '/api/indicators', {
      cookie: officer.cookie,
      body: { planId: plan.id, ...followers, name: 'Accounts reached', amecStage: 'outcome' },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].field).toBe('amecStage');
    expect(body.errors[0].message).toMatch(/AMEC/);
    expect(body.errors[0].message).toMatch(/outputs/);
  });

  it('refuses an ascending target below the baseline', async () => {
    const res = await call('POST', '/api/indicators', {
      cookie: officer.cookie,
      body: { planId: plan.id, ...followers, target: { value: 900, date: '2022-12-31' } },
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['target.value']);
  });

  it('refuses viewers and headquarters (403), collaborators and other missions (404)', async () => {
    const body = { planId: plan.id, ...followers };
    expect((await call('POST', '/api/indicators', { cookie: viewer.cookie, body })).status).toBe(403);
    expect((await call('POST', '/api/indicators', { cookie: headquarters.cookie, body })).status).toBe(403);
    expect((await call('POST', '/api/indicators', { cookie: collaborator.cookie, body })).status).toBe(404);
    expect((await call('POST', '/api/indicators', { cookie: outsider.cookie, body })).status).toBe(404);
  });

  it('creates an indicator on an initiative of the plan, and audits it', async () => {
    const initiative = await buildInitiative(db, { missionId: mission.id, planId: plan.id });
    const created = await createIndicator({
      name: 'People at the concert',
      unit: 'people',
      initiativeId: initiative.id,
    });
    expect(created).toMatchObject({
      level: 'initiative',
      initiativeId: initiative.id,
      status: 'none',
      latest: null,
    });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'indicator'), eq(auditLog.entityId, created.id)));
    expect(audit?.action).toBe('create');
    const elsewhere = await buildPlan(db, { missionId: mission.id });
    const res = await call('POST', '/api/indicators', {
      cookie: officer.cookie,
      body: { planId: elsewhere.id, ...followers, initiativeId: initiative.id },
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['initiativeId']);
  });
});

describe('actual values, progress and status', () => {
  it('records a value and computes progress and status', async () => {
    const indicator = await createIndicator();
    const res = await call('POST', `/api/indicators/${indicator.id}/values`, {
      cookie: officer.cookie,
      body: {
        periodStart: '2022-12-01',
        periodEnd: '2022-12-31',
        value: 1270,
        evidenceUrl: 'https://example.org/insights',
      },
    });
    expect(res.status).toBe(201);
    const detail = await res.json();
    expect(detail.progress).toBeCloseTo(0.9);
    expect(detail.status).toBe('green');
    expect(detail.latest).toMatchObject({ value: 1270, enteredBy: { id: officer.id } });
    expect(detail.values).toHaveLength(1);
    const list = await (
      await call('GET', `/api/plans/${plan.id}/indicators`, { cookie: viewer.cookie })
    ).json();
    expect(list.find((i: { id: string }) => i.id === indicator.id)).toMatchObject({ status: 'green' });
  });

  it('refuses a value that is not a number, and a period that ends before it starts', async () => {
    const indicator = await createIndicator();
    const notNumber = await call('POST', `/api/indicators/${indicator.id}/values`, {
      cookie: officer.cookie,
      body: { periodEnd: '2022-12-31', value: 'lots' },
    });
    expect(notNumber.status).toBe(400);
    expect(await fieldsOf(notNumber)).toEqual(['value']);
    const missing = await call('POST', `/api/indicators/${indicator.id}/values`, {
      cookie: officer.cookie,
      body: { periodStart: '2022-12-31', periodEnd: '2022-12-01' },
    });
    expect(missing.status).toBe(400);
    expect(await fieldsOf(missing)).toEqual(['periodEnd', 'value']);
  });

  it('lets viewers and headquarters read, not write', async () => {
    const indicator = await createIndicator();
    const body = { periodEnd: '2022-12-31', value: 1100 };
    expect((await call('GET', `/api/indicators/${indicator.id}`, { cookie: viewer.cookie })).status).toBe(
      200,
    );
    expect(
      (await call('GET', `/api/indicators/${indicator.id}`, { cookie: headquarters.cookie })).status,
    ).toBe(200);
    expect(
      (await call('GET', `/api/indicators/${indicator.id}`, { cookie: collaborator.cookie })).status,
    ).toBe(404);
    expect((await call('GET', `/api/indicators/${indicator.id}`, { cookie: outsider.cookie })).status).toBe(
      404,
    );
    for (const user of [viewer, headquarters])
      expect(
        (await call('POST', `/api/indicators/${indicator.id}/values`, { cookie: user.cookie, body })).status,
      ).toBe(403);
  });

  it('updates with the version and answers 409 on a stale one; the AMEC guard applies to updates', async () => {
    const indicator = await createIndicator();
    const first = await call('PATCH', `/api/indicators/${indicator.id}`, {
      cookie: officer.cookie,
      body: { version: 1, sourceOfVerification: 'Instagram Insights' },
    });
    expect(first.status).toBe(200);
    expect((await first.json()).version).toBe(2);
    const stale = await call('PATCH', `/api/indicators/${indicator.id}`, {
      cookie: officer.cookie,
      body: { version: 1, unit: 'people' },
    });
    expect(stale.status).toBe(409);
    const guarded = await call('PATCH', `/api/indicators/${indicator.id}`, {
      cookie: officer.cookie,
      body: { version: 2, amecStage: 'impact' },
    });
    expect(guarded.status).toBe(400);
    expect(await fieldsOf(guarded)).toEqual(['amecStage']);
  });
});

describe('initiative results', () => {
  it('lets an assigned collaborator record them; others get 404 or 403', async () => {
    const person = await buildPerson(db, { missionId: mission.id, userId: collaborator.id });
    const assigned = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      ownerId: person.id,
    });
    const other = await buildInitiative(db, { missionId: mission.id, planId: plan.id });
    const body = { version: null, attendance: 1700, qualitativeOutcomes: 'Full house' };
    const saved = await call('PUT', `/api/initiatives/${assigned.id}/results`, {
      cookie: collaborator.cookie,
      body,
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ attendance: 1700, version: 1 });
    expect(
      (await call('PUT', `/api/initiatives/${other.id}/results`, { cookie: collaborator.cookie, body }))
        .status,
    ).toBe(404);
    expect(
      (await call('PUT', `/api/initiatives/${other.id}/results`, { cookie: viewer.cookie, body })).status,
    ).toBe(403);
    const again = await call('PUT', `/api/initiatives/${assigned.id}/results`, {
      cookie: officer.cookie,
      body,
    });
    expect(again.status).toBe(409);
    const bad = await call('PUT', `/api/initiatives/${assigned.id}/results`, {
      cookie: officer.cookie,
      body: { version: 1, attendance: -5, scholarships: 1.5 },
    });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(['attendance', 'scholarships']);
  });
});

describe('social metrics', () => {
  async function createAccount(handle: string) {
    const res = await call('POST', '/api/social-accounts', {
      cookie: officer.cookie,
      body: { missionId: mission.id, platform: 'instagram', handle },
    });
    expect(res.status).toBe(201);
    return res.json();
  }

  it('keeps monthly snapshots with labelled engagement rates and year-on-year change', async () => {
    const account = await createAccount(`@embassy${Date.now()}`);
    for (const body of [
      { month: '2021-12', followers: 1000, accountsReached: 2922 },
      { month: '2022-11', followers: 1250, accountsReached: 5000 },
      { month: '2022-12', followers: 1300, accountsReached: 7422, accountsEngaged: 424, impressions: 20000 },
    ])
      expect(
        (await call('PUT', `/api/social-accounts/${account.id}/snapshots`, { cookie: officer.cookie, body }))
          .status,
      ).toBe(200);
    const detail = await (
      await call('GET', `/api/social-accounts/${account.id}`, { cookie: viewer.cookie })
    ).json();
    expect(detail.latestMonth).toBe('2022-12-01');
    expect(detail.latestEngagementRate.basis).toBe('reach');
    expect(detail.latestEngagementRate.value).toBeCloseTo(5.71, 2);
    expect(detail.snapshots.at(-1).engagementRates.map((r: { label: string }) => r.label)).toEqual([
      'engagement rate by reach',
      'engagement rate by followers',
      'engagement rate by impressions',
    ]);
    expect(detail.yoyChange.accountsReached.percent).toBeCloseTo(154, 0);
    expect(detail.yoyChange.followers.percent).toBeCloseTo(30, 5);
    expect(detail.momChange.followers.absolute).toBe(50);
  });

  it('imports a CSV export all or nothing, naming the bad rows', async () => {
    const account = await createAccount(`csv${Date.now()}`);
    const bad = await call('POST', `/api/social-accounts/${account.id}/import`, {
      cookie: officer.cookie,
      body: {
        kind: 'snapshots',
        csv: 'Month,Followers,Accounts reached\n2022-10,1200,4000\n2022-11,lots,5000\n',
      },
    });
    expect(bad.status).toBe(400);
    expect(await fieldsOf(bad)).toEqual(['row 3, column Followers']);
    const stored = await db.select().from(socialSnapshots).where(eq(socialSnapshots.accountId, account.id));
    expect(stored).toHaveLength(0);
    const good = await call('POST', `/api/social-accounts/${account.id}/import`, {
      cookie: officer.cookie,
      body: {
        kind: 'snapshots',
        csv: 'Month,Followers,Accounts reached\n2022-10,1200,4000\n2022-11,1250,5000\n',
      },
    });
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ kind: 'snapshots', imported: 2 });
    const posts = await call('POST', `/api/social-accounts/${account.id}/import`, {
      cookie: officer.cookie,
      body: {
        kind: 'posts',
        csv: 'Post ID,Publish time,Reach,Likes,Comments\nA1,12/18/2022 19:30,500,40,10\n',
      },
    });
    expect(posts.status).toBe(200);
    const detail = await (
      await call('GET', `/api/social-accounts/${account.id}`, { cookie: officer.cookie })
    ).json();
    expect(detail.posts[0]).toMatchObject({ externalId: 'A1', publishedOn: '2022-12-18', reach: 500 });
    expect(detail.posts[0].engagementRate).toMatchObject({ value: 10, basis: 'reach' });
    expect(
      (
        await call('POST', `/api/social-accounts/${account.id}/import`, {
          cookie: viewer.cookie,
          body: { kind: 'posts', csv: 'x' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('results summary', () => {
  it('derives realised vs planned, sums results, and says when the press review is needed', async () => {
    const own = await buildMission(db);
    const head = await buildUser(db, { missionId: own.id, role: 'head_of_mission' });
    const p = await buildPlan(db, { missionId: own.id });
    const done = await buildInitiative(db, {
      missionId: own.id,
      planId: p.id,
      status: 'done',
      startDate: '2022-05-10',
    });
    await buildInitiative(db, { missionId: own.id, planId: p.id, status: 'planned' });
    await buildInitiative(db, { missionId: own.id, planId: p.id, status: 'rejected' });
    await call('PUT', `/api/initiatives/${done.id}/results`, {
      cookie: head.cookie,
      body: { version: null, attendance: 250, participantsTrained: 50, audienceReached: 900 },
    });
    const res = await call('GET', `/api/plans/${p.id}/results-summary`, { cookie: head.cookie });
    expect(res.status).toBe(200);
    const summary = await res.json();
    const derived = (key: string) => summary.derived.find((d: { key: string }) => d.key === key);
    expect(derived('initiatives_realised')).toMatchObject({ value: 1, reference: 2, progress: 0.5 });
    expect(derived('attendance_total').value).toBe(250);
    expect(derived('scholarships_total')).toMatchObject({ value: null, unavailableReason: 'no_data' });
    // The press review counts the mission's clippings: none here.
    expect(derived('media_items')).toMatchObject({ value: 0, unavailableReason: null });
    expect(summary.exposure.find((m: { month: string }) => m.month === '2022-05').audienceReached).toBe(900);
    expect(summary.exposure).toHaveLength(12);

    const actor = await findActorBySession(db, head.cookie.replace('sp_session=', ''));
    const counted = await loadResultsSummary(db, actor!, p.id, {
      mediaCount: async (_db, period) => (period.from.startsWith('2022') ? 45 : 10),
    });
    const change = counted.derived.find((d) => d.key === 'media_items_change')!;
    expect(change).toMatchObject({ value: 45, reference: 10, unavailableReason: null });
    expect(change.change?.percent).toBe(350);
    expect(change.baselinePeriod).toEqual({ from: '2021-01-01', to: '2021-12-31' });
    expect(
      (await call('GET', `/api/plans/${p.id}/results-summary`, { cookie: outsider.cookie })).status,
    ).toBe(404);
  });
});

describe('the TT2050 demo results', () => {
  it('holds the seed figures, read from headquarters', async () => {
    const demo = await loadPlanData(db);
    const actor = await findActorBySession(db, headquarters.cookie.replace('sp_session=', ''));
    const summary = await loadResultsSummary(db, actor!, demo.planId);
    const byKey = new Map(summary.initiativeResults.map((r) => [r.key, r]));
    expect(byKey.get('martire-larme-concert')?.attendance).toBe(1700);
    expect(byKey.get('marzadori-masterclass')).toMatchObject({ participantsTrained: 50, scholarships: 3 });
    const [instagram] = summary.social.accounts;
    expect(instagram?.snapshots.at(-1)).toMatchObject({
      month: '2022-12-01',
      accountsReached: 7422,
      accountsEngaged: 424,
    });
    expect(instagram?.yoyChange.accountsReached?.percent).toBeCloseTo(154, 0);
    expect(instagram?.yoyChange.followers?.percent).toBeCloseTo(29.5, 1);
    const exposure = summary.indicators.find((i) => i.name.startsWith('Media exposure'));
    expect(exposure).toMatchObject({ amecStage: 'output', latest: { value: 450 }, status: 'green' });
    expect(summary.indicators.map((i) => i.level)).toContain('objective');
    expect(summary.derived.find((d) => d.key === 'initiatives_realised')).toMatchObject({
      value: 30,
      reference: 30,
    });
    // Loading again adds nothing.
    await loadPlanData(db);
    const again = await loadResultsSummary(db, actor!, demo.planId);
    expect(again.indicators).toHaveLength(summary.indicators.length);
  });
});
