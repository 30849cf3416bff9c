import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildOrganisation, buildPlan, buildUser } from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let otherCollaborator: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id });
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  otherCollaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
});

async function submit(cookie: string, body: Record<string, unknown> = {}) {
  const res = await call('POST', '/api/proposals', {
    cookie,
    body: { planId: plan.id, title: 'Italian design week', type: 'exhibition', ...body },
  });
  expect(res.status).toBe(201);
  return res.json();
}

describe('POST /api/proposals', () => {
  it('refuses a caller without a session (401)', async () => {
    const res = await call('POST', '/api/proposals', {
      body: { planId: plan.id, title: 'x', type: 'concert' },
    });
    expect(res.status).toBe(401);
  });

  it('names each invalid field (400)', async () => {
    const res = await call('POST', '/api/proposals', {
      cookie: officer.cookie,
      body: { planId: plan.id, title: '', type: 'party', estimatedCost: -1, status: 'approved' },
    });
    expect(res.status).toBe(400);
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['estimatedCost', 'status', 'title', 'type']);
  });

  it('refuses viewers (403) and plans of other missions (404)', async () => {
    const body = { planId: plan.id, title: 'x', type: 'concert' };
    expect((await call('POST', '/api/proposals', { cookie: viewer.cookie, body })).status).toBe(403);
    expect((await call('POST', '/api/proposals', { cookie: outsider.cookie, body })).status).toBe(404);
  });

  it('lets a collaborator submit, with the initiative fields, and audits it', async () => {
    const org = await buildOrganisation(db, { missionId: mission.id, name: 'Astana Opera' });
    const created = await submit(collaborator.cookie, {
      summary: 'Young designers from both countries',
      focusAreaId: plan.focusAreas[2]!.id,
      vectorIds: [plan.vectors[0]!.id],
      programmeId: plan.programme.id,
      partners: [{ organisationId: org.id, role: 'venue' }],
      datePrecision: 'month',
      startDate: '2022-04-10',
      cities: ['Astana', 'Almaty'],
      estimatedCost: 12000,
      targetAudience: 'Design students',
      rationale: 'Design is a strength the host country asks about',
      involvesYouth: true,
    });
    expect(created).toMatchObject({
      status: 'submitted',
      author: { id: collaborator.id },
      focusArea: { id: plan.focusAreas[2]!.id },
      vectors: [{ id: plan.vectors[0]!.id }],
      partners: [{ organisationId: org.id, role: 'venue', name: 'Astana Opera' }],
      startDate: '2022-04-01',
      endDate: '2022-04-30',
      estimatedCost: 12000,
      isLocked: false,
      decision: null,
      version: 1,
    });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'proposal'), eq(auditLog.entityId, created.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses references outside the plan (400)', async () => {
    const res = await call('POST', '/api/proposals', {
      cookie: officer.cookie,
      body: { planId: plan.id, title: 'x', type: 'concert', focusAreaId: crypto.randomUUID() },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].field).toBe('focusAreaId');
  });
});

describe('GET /api/proposals', () => {
  it('shows collaborators only their own, and drafts only to their author', async () => {
    const mine = await submit(otherCollaborator.cookie, { title: 'Mine only' });
    const officers = await submit(officer.cookie, { title: 'Officer idea' });
    const draft = await submit(officer.cookie, { title: 'Officer draft', status: 'draft' });
    const ids = async (cookie: string) =>
      (await (await call('GET', `/api/proposals?planId=${plan.id}&limit=500`, { cookie })).json()).items.map(
        (p: { id: string }) => p.id,
      );
    const seenByCollaborator = await ids(otherCollaborator.cookie);
    expect(seenByCollaborator).toEqual([mine.id]);
    const seenByHead = await ids(head.cookie);
    expect(seenByHead).toEqual(expect.arrayContaining([mine.id, officers.id]));
    expect(seenByHead).not.toContain(draft.id);
    expect(await ids(officer.cookie)).toContain(draft.id);
    expect(await ids(outsider.cookie)).toEqual([]);
    expect(
      (await call('GET', `/api/proposals/${officers.id}`, { cookie: otherCollaborator.cookie })).status,
    ).toBe(404);
    expect((await call('GET', `/api/proposals/${mine.id}`, { cookie: outsider.cookie })).status).toBe(404);
  });
});

describe('PATCH /api/proposals/{id}', () => {
  it('lets only the author edit (403), with versions (409)', async () => {
    const created = await submit(collaborator.cookie);
    const other = await call('PATCH', `/api/proposals/${created.id}`, {
      cookie: officer.cookie,
      body: { version: 1, title: 'Hijacked' },
    });
    expect(other.status).toBe(403);
    const ok = await call('PATCH', `/api/proposals/${created.id}`, {
      cookie: collaborator.cookie,
      body: { version: 1, title: 'Italian design week 2022' },
    });
    expect(ok.status).toBe(200);
    expect((await ok.json()).version).toBe(2);
    const stale = await call('PATCH', `/api/proposals/${created.id}`, {
      cookie: collaborator.cookie,
      body: { version: 1, title: 'Old copy' },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).currentVersion).toBe(2);
  });

  it('refuses edits once a scoring round has opened on the proposal (409)', async () => {
    const created = await submit(collaborator.cookie);
    const opened = await call('POST', '/api/scoring-rounds', {
      cookie: head.cookie,
      body: { planId: plan.id, name: 'Round', proposalIds: [created.id], evaluatorIds: [officer.id] },
    });
    expect(opened.status).toBe(201);
    const res = await call('PATCH', `/api/proposals/${created.id}`, {
      cookie: collaborator.cookie,
      body: { version: 2, title: 'Too late' },
    });
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toContain('scoring round');
  });
});

describe('POST /api/proposals/{id}/decisions', () => {
  it('requires a reason (400) and the head of mission (403)', async () => {
    const created = await submit(officer.cookie);
    const noReason = await call('POST', `/api/proposals/${created.id}/decisions`, {
      cookie: head.cookie,
      body: { outcome: 'approved', reason: '   ' },
    });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    const missing = await call('POST', `/api/proposals/${created.id}/decisions`, {
      cookie: head.cookie,
      body: { outcome: 'approved' },
    });
    expect(missing.status).toBe(400);
    const byOfficer = await call('POST', `/api/proposals/${created.id}/decisions`, {
      cookie: officer.cookie,
      body: { outcome: 'approved', reason: 'I like it' },
    });
    expect(byOfficer.status).toBe(403);
    const byOutsider = await call('POST', `/api/proposals/${created.id}/decisions`, {
      cookie: outsider.cookie,
      body: { outcome: 'approved', reason: 'I like it' },
    });
    expect(byOutsider.status).toBe(404);
  });

  it('approves into an initiative of the plan, and keeps the history when revisited', async () => {
    const created = await submit(collaborator.cookie, {
      title: 'Masterclass in leather craft',
      type: 'masterclass',
      estimatedCost: 5000,
      focusAreaId: plan.focusAreas[1]!.id,
      vectorIds: [plan.vectors[2]!.id],
    });
    const approved = await call('POST', `/api/proposals/${created.id}/decisions`, {
      cookie: head.cookie,
      body: { outcome: 'approved', reason: 'Fills the training gap' },
    });
    expect(approved.status).toBe(201);
    const detail = await approved.json();
    expect(detail.status).toBe('approved');
    expect(detail.decision).toMatchObject({ outcome: 'approved', reason: 'Fills the training gap' });
    const initiativeId = detail.initiativeId as string;
    expect(initiativeId).toBeTruthy();

    const list = await (
      await call('GET', `/api/initiatives?planId=${plan.id}`, { cookie: officer.cookie })
    ).json();
    const initiative = list.items.find((i: { id: string }) => i.id === initiativeId);
    expect(initiative).toMatchObject({
      title: 'Masterclass in leather craft',
      status: 'approved',
      budget: 5000,
      focusArea: { id: plan.focusAreas[1]!.id },
      vectors: [{ id: plan.vectors[2]!.id }],
    });

    const twice = await call('POST', `/api/proposals/${created.id}/decisions`, {
      cookie: head.cookie,
      body: { outcome: 'approved', reason: 'Again' },
    });
    expect(twice.status).toBe(409);

    const parked = await call('POST', `/api/proposals/${created.id}/decisions`, {
      cookie: head.cookie,
      body: { outcome: 'parked', reason: 'No venue this year' },
    });
    expect(parked.status).toBe(201);
    const parkedDetail = await parked.json();
    expect(parkedDetail.decisions.map((d: { outcome: string }) => d.outcome)).toEqual(['parked', 'approved']);
    const afterPark = await (
      await call('GET', `/api/initiatives/${initiativeId}`, { cookie: head.cookie })
    ).json();
    expect(afterPark.status).toBe('parked');

    const back = await call('POST', `/api/proposals/${created.id}/decisions`, {
      cookie: head.cookie,
      body: { outcome: 'approved', reason: 'Venue found' },
    });
    expect((await back.json()).initiativeId).toBe(initiativeId);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'decision'), eq(auditLog.missionId, mission.id)));
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps drafts out of decisions: unseen by others (404), refused to their author (409)', async () => {
    const draft = await submit(officer.cookie, { status: 'draft' });
    const body = { outcome: 'rejected', reason: 'Not now' };
    expect(
      (await call('POST', `/api/proposals/${draft.id}/decisions`, { cookie: head.cookie, body })).status,
    ).toBe(404);
    const own = await submit(head.cookie, { status: 'draft' });
    const res = await call('POST', `/api/proposals/${own.id}/decisions`, { cookie: head.cookie, body });
    expect(res.status).toBe(409);
  });
});

describe('DELETE /api/proposals/{id}', () => {
  it('archives for the author, refuses others', async () => {
    const created = await submit(collaborator.cookie);
    expect((await call('DELETE', `/api/proposals/${created.id}`, { cookie: officer.cookie })).status).toBe(
      403,
    );
    const res = await call('DELETE', `/api/proposals/${created.id}?version=1`, {
      cookie: collaborator.cookie,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).archivedAt).not.toBeNull();
  });
});
