import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildOrganisation,
  buildPlan,
  buildUser,
  linkInitiatives,
} from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

const fieldsOf = async (res: Response) =>
  ((await res.json()).errors as { field: string }[]).map((e) => e.field).sort();

beforeAll(async () => {
  mission = await buildMission(db);
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
});

describe('GET /api/organisations', () => {
  it('refuses a caller without a session (401) and names invalid filters (400)', async () => {
    expect((await call('GET', '/api/organisations')).status).toBe(401);
    const res = await call('GET', '/api/organisations?kind=pub&country=italy&sort=size&isNewActor=yes', {
      cookie: officer.cookie,
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['country', 'isNewActor', 'kind.0', 'sort']);
  });

  it('filters, sorts and pages in the caller’s missions only', async () => {
    const scoped = await buildMission(db);
    const reader = await buildUser(db, { missionId: scoped.id, role: 'viewer' });
    await buildOrganisation(db, { missionId: scoped.id, name: 'ICE Agency', kind: 'agency', country: 'IT' });
    await buildOrganisation(db, {
      missionId: scoped.id,
      name: 'Astana Opera',
      kind: 'cultural_venue',
      country: 'KZ',
    });
    await buildOrganisation(db, {
      missionId: scoped.id,
      name: 'Italian Cultural Institute Almaty',
      kind: 'public_institution',
      country: 'KZ',
      isNewActor: true,
      newActorStatus: 'in_constitution',
    });
    await buildOrganisation(db, { missionId: scoped.id, name: 'Old partner', archivedAt: new Date() });
    const list = async (query: string, cookie = reader.cookie) =>
      (await call('GET', `/api/organisations?missionId=${scoped.id}&${query}`, { cookie })).json();

    const all = await list('sort=name&order=desc&limit=2');
    expect(all.total).toBe(3);
    expect(all.items.map((o: { name: string }) => o.name)).toEqual([
      'Italian Cultural Institute Almaty',
      'ICE Agency',
    ]);
    expect((await list('sort=name&limit=2&offset=2')).items.map((o: { name: string }) => o.name)).toEqual([
      'Italian Cultural Institute Almaty',
    ]);
    expect(
      (await list('country=KZ&kind=cultural_venue,agency')).items.map((o: { name: string }) => o.name),
    ).toEqual(['Astana Opera']);
    expect((await list('isNewActor=true')).items[0]).toMatchObject({ newActorStatus: 'in_constitution' });
    expect((await list('q=opera')).total).toBe(1);
    expect((await list('q=%25')).total).toBe(0);
    expect((await list('includeArchived=true')).total).toBe(4);
    expect((await list('', outsider.cookie)).total).toBe(0);
  });

  it('shows collaborators no contacts', async () => {
    await buildOrganisation(db, { missionId: mission.id, name: 'Hidden from collaborators' });
    const res = await call('GET', `/api/organisations?missionId=${mission.id}`, {
      cookie: collaborator.cookie,
    });
    expect(res.status).toBe(200);
    expect((await res.json()).total).toBe(0);
  });

  it('shows headquarters every mission’s organisations, read-only', async () => {
    const org = await buildOrganisation(db, { missionId: mission.id, name: 'Seen from Rome' });
    const hq = await buildMission(db, { kind: 'headquarters' });
    const hqUser = await buildUser(db, { missionId: hq.id, role: 'admin' });
    const read = await call('GET', `/api/organisations/${org.id}`, { cookie: hqUser.cookie });
    expect(read.status).toBe(200);
    const write = await call('PATCH', `/api/organisations/${org.id}`, {
      cookie: hqUser.cookie,
      body: { version: 1, name: 'x' },
    });
    expect(write.status).toBe(403);
  });
});

describe('GET /api/organisations/:id', () => {
  it('walks 401 → 400 → 404 → 200, with the visible initiatives it takes part in', async () => {
    const org = await buildOrganisation(db, { missionId: mission.id, name: 'Astana Opera' });
    const plan = await buildPlan(db, { missionId: mission.id });
    const concert = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Gala concert',
      startDate: '2022-06-02',
    });
    const archived = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      archivedAt: new Date(),
    });
    await linkInitiatives(db, {
      partners: [
        { missionId: mission.id, initiativeId: concert.id, organisationId: org.id, role: 'venue' },
        { missionId: mission.id, initiativeId: archived.id, organisationId: org.id, role: 'venue' },
      ],
    });
    const path = `/api/organisations/${org.id}`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', '/api/organisations/x', { cookie: officer.cookie })).status).toBe(400);
    expect((await call('GET', path, { cookie: outsider.cookie })).status).toBe(404);
    expect((await call('GET', path, { cookie: collaborator.cookie })).status).toBe(404);
    const res = await call('GET', path, { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).initiatives).toEqual([
      { id: concert.id, planId: plan.id, title: 'Gala concert', role: 'venue', startDate: '2022-06-02' },
    ]);
  });
});

describe('POST /api/organisations', () => {
  const valid = () => ({
    missionId: mission.id,
    name: 'Confindustria Kazakhstan',
    kind: 'association',
    country: 'KZ',
    sector: 'industry',
    website: 'https://confindustria.example.org',
    isNewActor: true,
    newActorStatus: 'constituted',
    notes: 'Created with the plan’s help.',
  });

  it('walks 401 → 400 → 403/404 → 201, and audits', async () => {
    expect((await call('POST', '/api/organisations', { body: valid() })).status).toBe(401);
    const invalid = await call('POST', '/api/organisations', {
      cookie: officer.cookie,
      body: { missionId: mission.id, name: '', kind: 'club', country: 'it', website: 'javascript:alert(1)' },
    });
    expect(invalid.status).toBe(400);
    expect(await fieldsOf(invalid)).toEqual(['country', 'kind', 'name', 'website']);
    const status = await call('POST', '/api/organisations', {
      cookie: officer.cookie,
      body: { ...valid(), isNewActor: false },
    });
    expect(status.status).toBe(400);
    expect((await status.json()).errors).toEqual([
      { field: 'newActorStatus', message: 'applies only to a new actor (set isNewActor to true)' },
    ]);
    expect((await call('POST', '/api/organisations', { cookie: viewer.cookie, body: valid() })).status).toBe(
      403,
    );
    expect(
      (await call('POST', '/api/organisations', { cookie: collaborator.cookie, body: valid() })).status,
    ).toBe(403);
    expect(
      (await call('POST', '/api/organisations', { cookie: outsider.cookie, body: valid() })).status,
    ).toBe(404);

    const res = await call('POST', '/api/organisations', { cookie: officer.cookie, body: valid() });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ ...valid(), key: null, version: 1, archivedAt: null });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'organisation', action: 'create', userId: officer.id });
    expect(audit[0]?.after).toMatchObject({ name: 'Confindustria Kazakhstan' });
  });

  it('applies the defaults for what is left out', async () => {
    const res = await call('POST', '/api/organisations', {
      cookie: officer.cookie,
      body: { missionId: mission.id, name: 'Minimal', website: '' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      kind: 'other',
      isNewActor: false,
      website: null,
      country: null,
    });
  });
});

describe('PATCH /api/organisations/:id', () => {
  it('walks 401 → 400 → 403/404 → 200 → 409, and audits', async () => {
    const org = await buildOrganisation(db, { missionId: mission.id, name: 'Original' });
    const path = `/api/organisations/${org.id}`;
    expect((await call('PATCH', path, { body: { version: 1, name: 'x' } })).status).toBe(401);
    expect(
      await fieldsOf(await call('PATCH', path, { cookie: officer.cookie, body: { name: 'x' } })),
    ).toEqual(['version']);
    const status = await call('PATCH', path, {
      cookie: officer.cookie,
      body: { version: 1, newActorStatus: 'operating' },
    });
    expect(status.status).toBe(400);
    expect(await fieldsOf(status)).toEqual(['newActorStatus']);
    expect(
      (await call('PATCH', path, { cookie: viewer.cookie, body: { version: 1, name: 'x' } })).status,
    ).toBe(403);
    expect(
      (await call('PATCH', path, { cookie: outsider.cookie, body: { version: 1, name: 'x' } })).status,
    ).toBe(404);
    expect(
      (await call('PATCH', path, { cookie: collaborator.cookie, body: { version: 1, name: 'x' } })).status,
    ).toBe(404);

    const ok = await call('PATCH', path, {
      cookie: officer.cookie,
      body: { version: 1, name: 'Renamed', isNewActor: true, newActorStatus: 'operating' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ name: 'Renamed', newActorStatus: 'operating', version: 2 });

    const stale = await call('PATCH', path, { cookie: officer.cookie, body: { version: 1, name: 'Lost' } });
    expect(stale.status).toBe(409);
    expect((await (await call('GET', path, { cookie: officer.cookie })).json()).name).toBe('Renamed');

    const off = await call('PATCH', path, {
      cookie: officer.cookie,
      body: { version: 2, isNewActor: false },
    });
    expect(await off.json()).toMatchObject({ isNewActor: false, newActorStatus: null, version: 3 });

    const [update] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, org.id), eq(auditLog.action, 'update')))
      .orderBy(auditLog.id);
    expect(update?.before).toMatchObject({ name: 'Original', version: 1 });
    expect(update?.after).toMatchObject({ name: 'Renamed', version: 2 });
  });
});

describe('DELETE /api/organisations/:id', () => {
  it('archives: 401 → 403/404 → 409 (stale) → 200', async () => {
    const org = await buildOrganisation(db, { missionId: mission.id, name: 'To archive' });
    const path = `/api/organisations/${org.id}`;
    expect((await call('DELETE', path)).status).toBe(401);
    expect((await call('DELETE', path, { cookie: viewer.cookie })).status).toBe(403);
    expect((await call('DELETE', path, { cookie: outsider.cookie })).status).toBe(404);
    expect((await call('DELETE', `${path}?version=4`, { cookie: officer.cookie })).status).toBe(409);
    const res = await call('DELETE', path, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).archivedAt).not.toBeNull();
    const list = await (
      await call('GET', `/api/organisations?missionId=${mission.id}&q=To%20archive`, {
        cookie: officer.cookie,
      })
    ).json();
    expect(list.total).toBe(0);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, org.id), eq(auditLog.action, 'archive')));
    expect(entry?.userId).toBe(officer.id);
  });
});
