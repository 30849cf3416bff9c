import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildPerson,
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

describe('GET /api/people', () => {
  it('refuses a caller without a session (401) and names invalid filters (400)', async () => {
    expect((await call('GET', '/api/people')).status).toBe(401);
    const res = await call('GET', '/api/people?kind=wizard&language=italian&limit=1000', {
      cookie: officer.cookie,
    });
    expect(res.status).toBe(400);
    expect(await fieldsOf(res)).toEqual(['kind.0', 'language', 'limit']);
  });

  it('filters by kind, competence, language and words; sorts and pages', async () => {
    const team = await buildMission(db);
    const reader = await buildUser(db, { missionId: team.id, role: 'viewer' });
    await buildPerson(db, {
      missionId: team.id,
      fullName: 'Marco Alberti',
      kind: 'head_of_mission',
      email: 'marco@example.org',
      languages: ['it', 'en', 'ru'],
      competences: [{ tag: 'protocol', level: 3 }],
      capacity: 4,
    });
    await buildPerson(db, {
      missionId: team.id,
      fullName: 'Aigerim Nurlanova',
      kind: 'local_staff',
      languages: ['kk', 'ru'],
      competences: [{ tag: 'communication', level: 3 }],
      capacity: 6,
    });
    await buildPerson(db, { missionId: team.id, fullName: 'Daniyar Journalist', kind: 'journalist' });
    const list = async (query: string) =>
      (await call('GET', `/api/people?missionId=${team.id}&${query}`, { cookie: reader.cookie })).json();
    const names = async (query: string) =>
      (await list(query)).items.map((p: { fullName: string }) => p.fullName);

    expect(await names('sort=capacity&order=desc&limit=2')).toEqual(['Aigerim Nurlanova', 'Marco Alberti']);
    expect((await list('limit=1')).total).toBe(3);
    expect(await names('kind=journalist,head_of_mission')).toEqual(['Daniyar Journalist', 'Marco Alberti']);
    expect(await names('competence=Protocol')).toEqual(['Marco Alberti']);
    expect(await names('language=ru')).toEqual(['Aigerim Nurlanova', 'Marco Alberti']);
    expect(await names('q=MARCO@')).toEqual(['Marco Alberti']);
  });

  it('shows collaborators no contacts and outsiders nothing', async () => {
    await buildPerson(db, { missionId: mission.id, fullName: 'Hidden person' });
    const query = `/api/people?missionId=${mission.id}`;
    expect((await (await call('GET', query, { cookie: collaborator.cookie })).json()).total).toBe(0);
    expect((await (await call('GET', query, { cookie: outsider.cookie })).json()).total).toBe(0);
    expect((await (await call('GET', query, { cookie: viewer.cookie })).json()).total).toBeGreaterThan(0);
  });
});

describe('GET /api/people/:id', () => {
  it('walks 401 → 400 → 404 → 200, with owned and delegated initiatives', async () => {
    const person = await buildPerson(db, { missionId: mission.id });
    const plan = await buildPlan(db, { missionId: mission.id });
    const owned = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Owned',
      ownerId: person.id,
      startDate: '2022-03-01',
    });
    await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      ownerId: person.id,
      archivedAt: new Date(),
    });
    const delegated = await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Delegated',
    });
    await linkInitiatives(db, {
      delegates: [{ missionId: mission.id, initiativeId: delegated.id, personId: person.id }],
    });

    const path = `/api/people/${person.id}`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', '/api/people/x', { cookie: officer.cookie })).status).toBe(400);
    expect((await call('GET', path, { cookie: outsider.cookie })).status).toBe(404);
    expect((await call('GET', path, { cookie: collaborator.cookie })).status).toBe(404);
    const res = await call('GET', path, { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.ownedInitiatives).toEqual([{ id: owned.id, title: 'Owned', startDate: '2022-03-01' }]);
    expect(body.delegatedInitiatives).toEqual([{ id: delegated.id, title: 'Delegated', startDate: null }]);
  });
});

describe('POST /api/people', () => {
  const valid = () => ({
    missionId: mission.id,
    fullName: 'Vincenzo Spinelli',
    kind: 'diplomat',
    email: 'Vincenzo@Example.org',
    languages: ['IT', 'en', 'ru', 'en'],
    competences: [
      { tag: 'Culture', level: 3 },
      { tag: 'music', level: 2 },
    ],
    capacity: 7,
  });

  it('walks 401 → 400 → 403/404 → 201, ignores userId, and audits', async () => {
    expect((await call('POST', '/api/people', { body: valid() })).status).toBe(401);
    const invalid = await call('POST', '/api/people', {
      cookie: officer.cookie,
      body: {
        missionId: mission.id,
        fullName: '',
        kind: 'spy',
        email: 'not-an-email',
        languages: ['italian'],
        competences: [
          { tag: 'music', level: 4 },
          { tag: 'Music', level: 1 },
        ],
        capacity: -1,
      },
    });
    expect(invalid.status).toBe(400);
    expect(await fieldsOf(invalid)).toEqual([
      'capacity',
      'competences.0.level',
      'competences.1.tag',
      'email',
      'fullName',
      'kind',
      'languages.0',
    ]);
    expect((await call('POST', '/api/people', { cookie: viewer.cookie, body: valid() })).status).toBe(403);
    expect((await call('POST', '/api/people', { cookie: outsider.cookie, body: valid() })).status).toBe(404);

    const res = await call('POST', '/api/people', {
      cookie: officer.cookie,
      body: { ...valid(), userId: officer.id },
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({
      fullName: 'Vincenzo Spinelli',
      email: 'vincenzo@example.org',
      languages: ['it', 'en', 'ru'],
      competences: [
        { tag: 'culture', level: 3 },
        { tag: 'music', level: 2 },
      ],
      capacity: 7,
      userId: null,
      version: 1,
    });
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'person', action: 'create', userId: officer.id });
  });
});

describe('PATCH /api/people/:id', () => {
  it('walks 401 → 400 → 403/404 → 200 → 409, and audits', async () => {
    const person = await buildPerson(db, { missionId: mission.id, fullName: 'Original', capacity: 2 });
    const path = `/api/people/${person.id}`;
    expect((await call('PATCH', path, { body: { version: 1 } })).status).toBe(401);
    expect(
      await fieldsOf(
        await call('PATCH', path, { cookie: officer.cookie, body: { capacity: 1.5, email: 'x' } }),
      ),
    ).toEqual(['capacity', 'email', 'version']);
    expect((await call('PATCH', path, { cookie: viewer.cookie, body: { version: 1 } })).status).toBe(403);
    expect((await call('PATCH', path, { cookie: outsider.cookie, body: { version: 1 } })).status).toBe(404);
    expect((await call('PATCH', path, { cookie: collaborator.cookie, body: { version: 1 } })).status).toBe(
      404,
    );

    const ok = await call('PATCH', path, {
      cookie: officer.cookie,
      body: {
        version: 1,
        fullName: 'Renamed',
        competences: [{ tag: 'press', level: 1 }],
        email: '',
        userId: viewer.id,
      },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      fullName: 'Renamed',
      competences: [{ tag: 'press', level: 1 }],
      email: null,
      capacity: 2,
      userId: null,
      version: 2,
    });
    const stale = await call('PATCH', path, {
      cookie: officer.cookie,
      body: { version: 1, fullName: 'Lost' },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).currentVersion).toBe(2);
    expect((await (await call('GET', path, { cookie: officer.cookie })).json()).fullName).toBe('Renamed');

    const [update] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, person.id), eq(auditLog.action, 'update')));
    expect(update?.before).toMatchObject({ fullName: 'Original' });
    expect(update?.after).toMatchObject({ fullName: 'Renamed' });
  });

  it('lets headquarters read but not change', async () => {
    const person = await buildPerson(db, { missionId: mission.id });
    const hq = await buildMission(db, { kind: 'headquarters' });
    const hqUser = await buildUser(db, { missionId: hq.id, role: 'officer' });
    expect((await call('GET', `/api/people/${person.id}`, { cookie: hqUser.cookie })).status).toBe(200);
    const write = await call('PATCH', `/api/people/${person.id}`, {
      cookie: hqUser.cookie,
      body: { version: 1, fullName: 'x' },
    });
    expect(write.status).toBe(403);
  });
});

describe('DELETE /api/people/:id', () => {
  it('archives: 401 → 403/404 → 409 (stale) → 200', async () => {
    const person = await buildPerson(db, { missionId: mission.id, fullName: 'Leaving soon' });
    const path = `/api/people/${person.id}`;
    expect((await call('DELETE', path)).status).toBe(401);
    expect((await call('DELETE', path, { cookie: viewer.cookie })).status).toBe(403);
    expect((await call('DELETE', path, { cookie: outsider.cookie })).status).toBe(404);
    expect((await call('DELETE', `${path}?version=2`, { cookie: officer.cookie })).status).toBe(409);
    const res = await call('DELETE', `${path}?version=1`, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).archivedAt).not.toBeNull();
    const list = async (extra: string) =>
      (
        await (
          await call('GET', `/api/people?missionId=${mission.id}&q=Leaving${extra}`, {
            cookie: officer.cookie,
          })
        ).json()
      ).total;
    expect(await list('')).toBe(0);
    expect(await list('&includeArchived=true')).toBe(1);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, person.id), eq(auditLog.action, 'archive')));
    expect(entry?.userId).toBe(officer.id);
  });
});
