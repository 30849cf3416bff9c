import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildOrganisation, buildUser } from '../../../../test/helpers/factories.ts';
import { writeAudit } from './audit.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  mission = await buildMission(db);
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
});

describe('GET /api/audit', () => {
  it('refuses a caller without a session (401)', async () => {
    expect((await call('GET', `/api/audit?missionId=${mission.id}`)).status).toBe(401);
  });

  it('requires a mission and names invalid filters (400)', async () => {
    const missing = await call('GET', '/api/audit', { cookie: head.cookie });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual([{ field: 'missionId', message: 'is required' }]);
    const invalid = await call('GET', `/api/audit?missionId=${mission.id}&limit=0&offset=-1`, {
      cookie: head.cookie,
    });
    expect(((await invalid.json()).errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'limit',
      'offset',
    ]);
  });

  it('is for the mission’s administrators and head only (403/404)', async () => {
    const path = `/api/audit?missionId=${mission.id}`;
    expect((await call('GET', path, { cookie: officer.cookie })).status).toBe(403);
    expect((await call('GET', path, { cookie: outsider.cookie })).status).toBe(404);
    const hq = await buildMission(db, { kind: 'headquarters' });
    const hqAdmin = await buildUser(db, { missionId: hq.id, role: 'admin' });
    expect((await call('GET', path, { cookie: hqAdmin.cookie })).status).toBe(403);
  });

  it('pages the writes newest first, with who made them, and filters by record', async () => {
    const org = await buildOrganisation(db, { missionId: mission.id, name: 'Astana Opera' });
    const renamed = await call('PATCH', `/api/organisations/${org.id}`, {
      cookie: officer.cookie,
      body: { version: 1, name: 'Astana Opera House' },
    });
    expect(renamed.status).toBe(200);
    await call('DELETE', `/api/organisations/${org.id}`, { cookie: officer.cookie });
    await writeAudit(db, {
      actor: null,
      missionId: mission.id,
      entity: 'plan',
      entityId: 'from-the-cli',
      action: 'import',
      after: { acronym: 'TT2050' },
    });

    const res = await call('GET', `/api/audit?missionId=${mission.id}&limit=2`, { cookie: head.cookie });
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items[0]).toMatchObject({ entity: 'plan', action: 'import', user: null });
    expect(page.items[1]).toMatchObject({
      entity: 'organisation',
      entityId: org.id,
      action: 'archive',
      user: { id: officer.id, name: 'Test User' },
    });

    const filtered = await (
      await call('GET', `/api/audit?missionId=${mission.id}&entity=organisation&entityId=${org.id}`, {
        cookie: head.cookie,
      })
    ).json();
    expect(filtered.items.map((e: { action: string }) => e.action)).toEqual(['archive', 'update']);
    expect(filtered.items[1].before).toMatchObject({ name: 'Astana Opera' });
    expect(filtered.items[1].after).toMatchObject({ name: 'Astana Opera House' });
    expect(typeof filtered.items[1].at).toBe('string');
  });
});
