import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildOrganisation,
  buildPerson,
  buildPlan,
  buildUser,
} from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
});

describe('GET /api/initiatives', () => {
  it('refuses a caller without a session (401)', async () => {
    const res = await call('GET', '/api/initiatives');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('names each invalid filter (400)', async () => {
    const res = await call('GET', '/api/initiatives?month=2022-13&limit=0&sort=colour', {
      cookie: officer.cookie,
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'month', 'sort']);
  });

  it('filters by month, including month-precision ranges that span it', async () => {
    const base = { missionId: mission.id, planId: plan.id };
    const may = await buildInitiative(db, {
      ...base,
      title: 'May concert',
      datePrecision: 'month',
      startDate: '2022-05-01',
      endDate: '2022-05-31',
    });
    const spring = await buildInitiative(db, {
      ...base,
      title: 'Spring exhibition',
      datePrecision: 'month',
      startDate: '2022-03-01',
      endDate: '2022-06-30',
    });
    await buildInitiative(db, { ...base, title: 'June day', startDate: '2022-06-02', endDate: '2022-06-02' });
    const res = await call('GET', `/api/initiatives?planId=${plan.id}&month=2022-05`, {
      cookie: officer.cookie,
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items.map((i: { id: string }) => i.id).sort()).toEqual([may.id, spring.id].sort());
    expect(body.total).toBe(2);
  });

  it("never shows another mission's initiatives", async () => {
    await buildInitiative(db, { missionId: mission.id, planId: plan.id, title: 'Private to the mission' });
    const res = await call('GET', '/api/initiatives?q=Private', { cookie: outsider.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).total).toBe(0);
  });

  it('searches title and partner names, and sorts', async () => {
    const org = await buildOrganisation(db, { missionId: mission.id, name: 'Astana Opera' });
    const created = await call('POST', '/api/initiatives', {
      cookie: officer.cookie,
      body: {
        planId: plan.id,
        title: 'Zeta gala',
        type: 'concert',
        partners: [{ organisationId: org.id, role: 'venue' }],
      },
    });
    expect(created.status).toBe(201);
    const res = await call('GET', `/api/initiatives?planId=${plan.id}&q=opera&sort=title&order=desc`, {
      cookie: officer.cookie,
    });
    const body = await res.json();
    expect(body.items.map((i: { title: string }) => i.title)).toEqual(['Zeta gala']);
    expect(body.items[0].partners).toEqual([
      { organisationId: org.id, name: 'Astana Opera', role: 'venue', country: null },
    ]);
  });
});

describe('POST /api/initiatives', () => {
  it('refuses a caller without a session (401)', async () => {
    expect(
      (await call('POST', '/api/initiatives', { body: { planId: plan.id, title: 'x', type: 'concert' } }))
        .status,
    ).toBe(401);
  });

  it('names each invalid field (400) and writes nothing', async () => {
    const res = await call('POST', '/api/initiatives', {
      cookie: officer.cookie,
      body: { planId: plan.id, title: '', type: 'party', startDate: '2022-02-30', mediaReflection: 'huge' },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['mediaReflection', 'startDate', 'title', 'type']);
    expect(body.errors.find((e: { field: string }) => e.field === 'startDate').message).toContain(
      'YYYY-MM-DD',
    );
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await call('POST', '/api/initiatives', {
      cookie: officer.cookie,
      body: '{"title": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
  });

  it('rejects an end date before the start date', async () => {
    const res = await call('POST', '/api/initiatives', {
      cookie: officer.cookie,
      body: {
        planId: plan.id,
        title: 'Backwards',
        type: 'concert',
        startDate: '2022-05-10',
        endDate: '2022-05-01',
      },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      { field: 'endDate', message: 'must not be before the start date' },
    ]);
  });

  it('refuses references from another plan or mission (400)', async () => {
    const otherMission = await buildMission(db);
    const otherPlan = await buildPlan(db, { missionId: otherMission.id });
    const foreignPerson = await buildPerson(db, { missionId: otherMission.id });
    const res = await call('POST', '/api/initiatives', {
      cookie: officer.cookie,
      body: {
        planId: plan.id,
        title: 'Mixed',
        type: 'concert',
        focusAreaId: otherPlan.focusAreas[0]!.id,
        ownerId: foreignPerson.id,
      },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'focusAreaId',
      'ownerId',
    ]);
  });

  it("forbids a viewer (403) and hides another mission's plan (404)", async () => {
    const body = { planId: plan.id, title: 'Not mine', type: 'concert' };
    expect((await call('POST', '/api/initiatives', { cookie: viewer.cookie, body })).status).toBe(403);
    expect((await call('POST', '/api/initiatives', { cookie: outsider.cookie, body })).status).toBe(404);
  });

  it('creates with month precision, relations and an audit entry (201)', async () => {
    const owner = await buildPerson(db, { missionId: mission.id, fullName: 'Dinara Omarova' });
    const res = await call('POST', '/api/initiatives', {
      cookie: officer.cookie,
      body: {
        planId: plan.id,
        title: 'Italian design day',
        type: 'workshop',
        datePrecision: 'month',
        startDate: '2022-03-15',
        endDate: '2022-04-02',
        cities: ['Astana', 'Almaty'],
        focusAreaId: plan.focusAreas[1]!.id,
        vectorIds: [plan.vectors[0]!.id, plan.vectors[1]!.id],
        programmeId: plan.programme.id,
        ownerId: owner.id,
        mediaReflection: 'high',
      },
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      startDate: '2022-03-01',
      endDate: '2022-04-30',
      cities: ['Astana', 'Almaty'],
      status: 'proposed',
      version: 1,
      owner: { id: owner.id, fullName: 'Dinara Omarova' },
      programme: { id: plan.programme.id },
    });
    expect(created.vectors).toHaveLength(2);
    // The initiative's own entry (its communication steps are audited as `communication_schedule`).
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'initiative'), eq(auditLog.entityId, created.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'initiative', userId: officer.id });
  });
  it('keeps links to photos and videos, and names a link that is not a web address', async () => {
    const bad = await call('POST', '/api/initiatives', {
      cookie: officer.cookie,
      body: {
        planId: plan.id,
        title: 'Gala',
        type: 'concert',
        mediaLinks: ['https://youtu.be/abc', 'javascript:alert(1)'],
      },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors).toEqual([{ field: 'mediaLinks.1', message: 'must use http or https' }]);
    const ok = await call('POST', '/api/initiatives', {
      cookie: officer.cookie,
      body: { planId: plan.id, title: 'Gala', type: 'concert', mediaLinks: ['https://youtu.be/abc'] },
    });
    expect(ok.status).toBe(201);
    expect((await ok.json()).mediaLinks).toEqual(['https://youtu.be/abc']);
  });
});

describe('PATCH /api/initiatives/:id', () => {
  it('walks 401 → 400 → 403/404 → 200 → 409', async () => {
    const initiative = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Original',
    });
    const path = `/api/initiatives/${initiative.id}`;
    expect((await call('PATCH', path, { body: { version: 1, title: 'x' } })).status).toBe(401);

    const invalid = await call('PATCH', path, { cookie: officer.cookie, body: { title: 'No version' } });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).errors[0].field).toBe('version');

    expect(
      (await call('PATCH', path, { cookie: viewer.cookie, body: { version: 1, title: 'x' } })).status,
    ).toBe(403);
    expect(
      (await call('PATCH', path, { cookie: outsider.cookie, body: { version: 1, title: 'x' } })).status,
    ).toBe(404);
    expect(
      (await call('PATCH', '/api/initiatives/not-a-uuid', { cookie: officer.cookie, body: { version: 1 } }))
        .status,
    ).toBe(400);

    const ok = await call('PATCH', path, {
      cookie: officer.cookie,
      body: { version: 1, title: 'Renamed', mediaReflection: 'very_high' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ title: 'Renamed', mediaReflection: 'very_high', version: 2 });

    const stale = await call('PATCH', path, {
      cookie: officer.cookie,
      body: { version: 1, title: 'Lost update' },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).currentVersion).toBe(2);
    const after = await (await call('GET', path, { cookie: officer.cookie })).json();
    expect(after.title).toBe('Renamed');

    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, initiative.id));
    const update = audit.find((a) => a.action === 'update');
    expect(update?.before).toMatchObject({ title: 'Original' });
    expect(update?.after).toMatchObject({ title: 'Renamed' });
  });

  it('lets a collaborator see and edit only the initiatives assigned to them', async () => {
    const collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
    const person = await buildPerson(db, { missionId: mission.id, userId: collaborator.id });
    const mine = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Assigned',
      ownerId: person.id,
    });
    const notMine = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Unassigned',
    });

    const list = await (
      await call('GET', `/api/initiatives?planId=${plan.id}`, { cookie: collaborator.cookie })
    ).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect(
      (await call('GET', `/api/initiatives/${notMine.id}`, { cookie: collaborator.cookie })).status,
    ).toBe(404);

    const edit = await call('PATCH', `/api/initiatives/${mine.id}`, {
      cookie: collaborator.cookie,
      body: { version: 1, results: 'Went well' },
    });
    expect(edit.status).toBe(200);
    const reassign = await call('PATCH', `/api/initiatives/${mine.id}`, {
      cookie: collaborator.cookie,
      body: { version: 2, ownerId: null },
    });
    expect(reassign.status).toBe(403);
    expect(
      (await call('DELETE', `/api/initiatives/${mine.id}`, { cookie: collaborator.cookie })).status,
    ).toBe(403);
  });

  it('refuses a cross-site write', async () => {
    const initiative = await buildInitiative(db, { missionId: mission.id, planId: plan.id });
    const res = await call('PATCH', `/api/initiatives/${initiative.id}`, {
      cookie: officer.cookie,
      body: { version: 1, title: 'csrf' },
      headers: { origin: 'https://evil.example', host: 'localhost' },
    });
    expect(res.status).toBe(403);
  });
});

describe('DELETE /api/initiatives/:id', () => {
  it('archives: the initiative leaves the list but can still be listed with includeArchived', async () => {
    const initiative = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'To archive',
    });
    expect(
      (await call('DELETE', `/api/initiatives/${initiative.id}?version=7`, { cookie: officer.cookie }))
        .status,
    ).toBe(409);
    const res = await call('DELETE', `/api/initiatives/${initiative.id}`, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).archivedAt).not.toBeNull();
    const list = await (
      await call('GET', `/api/initiatives?q=To%20archive`, { cookie: officer.cookie })
    ).json();
    expect(list.total).toBe(0);
    const all = await (
      await call('GET', `/api/initiatives?q=To%20archive&includeArchived=true`, { cookie: officer.cookie })
    ).json();
    expect(all.total).toBe(1);
  });
});

describe('headquarters', () => {
  it('reads every mission but changes none', async () => {
    const hq = await buildMission(db, { kind: 'headquarters', name: 'Ministry' });
    const hqUser = await buildUser(db, { missionId: hq.id, role: 'head_of_mission' });
    const initiative = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Seen from Rome',
    });
    const read = await call('GET', `/api/initiatives/${initiative.id}`, { cookie: hqUser.cookie });
    expect(read.status).toBe(200);
    const write = await call('PATCH', `/api/initiatives/${initiative.id}`, {
      cookie: hqUser.cookie,
      body: { version: 1, title: 'x' },
    });
    expect(write.status).toBe(403);
  });
});
