import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildPerson,
  buildPlan,
  buildUser,
} from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

const fieldsOf = async (res: Response) =>
  ((await res.json()).errors as { field: string }[]).map((e) => e.field).sort();

beforeAll(async () => {
  mission = await buildMission(db, { name: 'Embassy in Astana' });
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
});

describe('GET /api/plans', () => {
  it('refuses a caller without a session (401) and names invalid filters (400)', async () => {
    expect((await call('GET', '/api/plans')).status).toBe(401);
    const res = await call('GET', '/api/plans?missionId=x&includeArchived=maybe', { cookie: officer.cookie });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['includeArchived', 'missionId']);
  });

  it('lists the plans of the caller’s missions with their visible initiative count', async () => {
    const plan = await buildPlan(db, {
      missionId: mission.id,
      title: 'Together towards 2050',
      acronym: 'TT2050',
    });
    await buildInitiative(db, { missionId: mission.id, planId: plan.id });
    await buildInitiative(db, { missionId: mission.id, planId: plan.id });
    await buildInitiative(db, { missionId: mission.id, planId: plan.id, archivedAt: new Date() });
    const res = await call('GET', `/api/plans?missionId=${mission.id}`, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const item = (await res.json()).items.find((p: { id: string }) => p.id === plan.id);
    expect(item).toMatchObject({
      missionId: mission.id,
      missionName: 'Embassy in Astana',
      title: 'Together towards 2050',
      acronym: 'TT2050',
      periodStart: '2022-01-01',
      initiativeCount: 2,
      version: 1,
    });
    const outside = await (await call('GET', '/api/plans', { cookie: outsider.cookie })).json();
    expect(outside.items.map((p: { id: string }) => p.id)).not.toContain(plan.id);
  });

  it('counts only the initiatives a collaborator is assigned to', async () => {
    const plan = await buildPlan(db, { missionId: mission.id });
    const collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
    const person = await buildPerson(db, { missionId: mission.id, userId: collaborator.id });
    await buildInitiative(db, { missionId: mission.id, planId: plan.id, ownerId: person.id });
    await buildInitiative(db, { missionId: mission.id, planId: plan.id });
    const res = await call('GET', `/api/plans/${plan.id}`, { cookie: collaborator.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).initiativeCount).toBe(1);
  });

  it('shows every mission’s plans to headquarters', async () => {
    const plan = await buildPlan(db, { missionId: mission.id });
    const hq = await buildMission(db, { kind: 'headquarters' });
    const hqUser = await buildUser(db, { missionId: hq.id, role: 'viewer' });
    const body = await (await call('GET', '/api/plans', { cookie: hqUser.cookie })).json();
    expect(body.items.map((p: { id: string }) => p.id)).toContain(plan.id);
  });
});

describe('POST /api/plans', () => {
  const valid = () => ({
    missionId: mission.id,
    title: 'Together towards 2050',
    acronym: `TT${Math.floor(Math.random() * 1e6)}`,
    missionStatement: 'Thirty years of friendship.',
    periodStart: '2022-01-01',
    periodEnd: '2022-12-31',
    objectives: [
      { level: 1, text: 'Raise Italy’s profile' },
      { level: 2, text: 'Test agile, delegated project work' },
      { level: 1, text: 'Open new markets' },
    ],
  });

  it('walks 401 → 400 → 403/404', async () => {
    expect((await call('POST', '/api/plans', { body: valid() })).status).toBe(401);
    const invalid = await call('POST', '/api/plans', {
      cookie: head.cookie,
      body: {
        missionId: mission.id,
        title: '',
        periodStart: '2022-13-01',
        objectives: [{ level: 3, text: 'x' }],
      },
    });
    expect(invalid.status).toBe(400);
    expect(await fieldsOf(invalid)).toEqual(['acronym', 'objectives.0.level', 'periodStart', 'title']);
    const backwards = await call('POST', '/api/plans', {
      cookie: head.cookie,
      body: { ...valid(), periodStart: '2022-12-31', periodEnd: '2022-01-01' },
    });
    expect(await fieldsOf(backwards)).toEqual(['periodEnd']);
    expect((await call('POST', '/api/plans', { cookie: officer.cookie, body: valid() })).status).toBe(403);
    expect((await call('POST', '/api/plans', { cookie: outsider.cookie, body: valid() })).status).toBe(404);
  });

  it('creates the plan with the default structure and an audit entry (201)', async () => {
    const res = await call('POST', '/api/plans', { cookie: head.cookie, body: valid() });
    expect(res.status).toBe(201);
    const plan = await res.json();
    expect(plan).toMatchObject({ missionName: 'Embassy in Astana', version: 1, initiativeCount: 0 });
    expect(plan.focusAreas.map((f: { key: string; name: string }) => [f.key, f.name])).toEqual([
      ['political_institutional', 'Political and institutional'],
      ['economic_commercial', 'Economic and commercial'],
      ['cultural', 'Cultural'],
    ]);
    expect(plan.vectors.map((v: { name: string }) => v.name)).toEqual([
      'Cooperation',
      'Innovation',
      'Education',
    ]);
    expect(plan.phases).toEqual(
      ['programming', 'identification', 'formulation', 'financing', 'implementation', 'evaluation'].map(
        (kind) => ({ kind, startDate: null, endDate: null }),
      ),
    );
    expect(plan.objectives.map((o: { level: number; position: number }) => [o.level, o.position])).toEqual([
      [1, 0],
      [1, 1],
      [2, 0],
    ]);
    expect(plan.programmes).toEqual([]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, plan.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'plan', action: 'create', userId: head.id });
  });

  it('refuses an acronym already used in the mission, whatever its case (400)', async () => {
    const body = valid();
    expect((await call('POST', '/api/plans', { cookie: head.cookie, body })).status).toBe(201);
    const again = await call('POST', '/api/plans', {
      cookie: head.cookie,
      body: { ...valid(), acronym: body.acronym.toLowerCase() },
    });
    expect(again.status).toBe(400);
    expect((await again.json()).errors).toEqual([
      { field: 'acronym', message: 'is already used by another plan of this mission' },
    ]);
    const elsewhere = await buildMission(db);
    const elsewhereHead = await buildUser(db, { missionId: elsewhere.id, role: 'admin' });
    const res = await call('POST', '/api/plans', {
      cookie: elsewhereHead.cookie,
      body: { ...body, missionId: elsewhere.id },
    });
    expect(res.status).toBe(201);
  });

  it('forbids headquarters from creating plans in another mission (403)', async () => {
    const hq = await buildMission(db, { kind: 'headquarters' });
    const hqAdmin = await buildUser(db, { missionId: hq.id, role: 'admin' });
    expect((await call('POST', '/api/plans', { cookie: hqAdmin.cookie, body: valid() })).status).toBe(403);
  });
});

describe('GET /api/plans/:id', () => {
  it('walks 401 → 400 → 404 → 200 and embeds the structure in order', async () => {
    const plan = await buildPlan(db, { missionId: mission.id });
    const path = `/api/plans/${plan.id}`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', '/api/plans/x', { cookie: officer.cookie })).status).toBe(400);
    expect((await call('GET', path, { cookie: outsider.cookie })).status).toBe(404);
    await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      focusAreaId: plan.focusAreas[2]!.id,
      programmeId: plan.programme.id,
    });
    const res = await call('GET', path, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.phases).toHaveLength(6);
    expect(body.focusAreas.map((f: { initiativeCount: number }) => f.initiativeCount)).toEqual([0, 0, 1]);
    expect(body.programmes[0]).toMatchObject({
      name: 'Mani esperte',
      hashtag: '#handsnotonlybrands',
      colors: ['#1F4E99'],
      initiativeCount: 1,
      version: 1,
    });
  });
});

describe('PATCH /api/plans/:id', () => {
  it('walks 401 → 400 → 403/404 → 200 → 409, and audits', async () => {
    const plan = await buildPlan(db, { missionId: mission.id, title: 'Original' });
    const path = `/api/plans/${plan.id}`;
    expect((await call('PATCH', path, { body: { version: 1, title: 'x' } })).status).toBe(401);
    const invalid = await call('PATCH', path, {
      cookie: head.cookie,
      body: { title: '', budgetEnvelope: -5 },
    });
    expect(invalid.status).toBe(400);
    expect(await fieldsOf(invalid)).toEqual(['budgetEnvelope', 'title', 'version']);
    const before = await call('PATCH', path, {
      cookie: head.cookie,
      body: { version: 1, periodEnd: '2021-01-01' },
    });
    expect(before.status).toBe(400);
    expect(await fieldsOf(before)).toEqual(['periodEnd']);
    expect(
      (await call('PATCH', path, { cookie: officer.cookie, body: { version: 1, title: 'x' } })).status,
    ).toBe(403);
    expect(
      (await call('PATCH', path, { cookie: outsider.cookie, body: { version: 1, title: 'x' } })).status,
    ).toBe(404);

    const ok = await call('PATCH', path, {
      cookie: head.cookie,
      body: { version: 1, title: 'Renamed', budgetEnvelope: 250000.5, missionStatement: '' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      title: 'Renamed',
      budgetEnvelope: 250000.5,
      missionStatement: null,
      version: 2,
    });

    const stale = await call('PATCH', path, { cookie: head.cookie, body: { version: 1, title: 'Lost' } });
    expect(stale.status).toBe(409);
    expect((await (await call('GET', path, { cookie: head.cookie })).json()).title).toBe('Renamed');

    const [update] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, plan.id), eq(auditLog.action, 'update')));
    expect(update?.before).toMatchObject({ title: 'Original' });
    expect(update?.after).toMatchObject({ title: 'Renamed', budgetEnvelope: 250000.5 });
  });

  it('refuses to take the acronym of another plan of the mission', async () => {
    const first = await buildPlan(db, { missionId: mission.id, acronym: 'FIRST' });
    const second = await buildPlan(db, { missionId: mission.id });
    const res = await call('PATCH', `/api/plans/${second.id}`, {
      cookie: head.cookie,
      body: { version: 1, acronym: 'first' },
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['acronym']);
    const own = await call('PATCH', `/api/plans/${first.id}`, {
      cookie: head.cookie,
      body: { version: 1, acronym: 'First' },
    });
    expect(own.status).toBe(200);
  });
});

describe('DELETE /api/plans/:id', () => {
  it('archives: 401 → 403 → 409 (stale) → 200, then the plan leaves the list', async () => {
    const plan = await buildPlan(db, { missionId: mission.id });
    const path = `/api/plans/${plan.id}`;
    expect((await call('DELETE', path)).status).toBe(401);
    expect((await call('DELETE', path, { cookie: officer.cookie })).status).toBe(403);
    expect((await call('DELETE', path, { cookie: outsider.cookie })).status).toBe(404);
    expect((await call('DELETE', `${path}?version=9`, { cookie: head.cookie })).status).toBe(409);
    const res = await call('DELETE', `${path}?version=1`, { cookie: head.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).archivedAt).not.toBeNull();
    const ids = async (query: string) =>
      (await (await call('GET', `/api/plans?${query}`, { cookie: head.cookie })).json()).items.map(
        (p: { id: string }) => p.id,
      );
    expect(await ids(`missionId=${mission.id}`)).not.toContain(plan.id);
    expect(await ids(`missionId=${mission.id}&includeArchived=true`)).toContain(plan.id);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, plan.id), eq(auditLog.action, 'archive')));
    expect(entry?.userId).toBe(head.id);
  });
});
