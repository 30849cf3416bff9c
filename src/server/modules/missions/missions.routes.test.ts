import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildUser } from '../../../../test/helpers/factories.ts';
import { auditLog } from './tables.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let admin: Awaited<ReturnType<typeof buildUser>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let other: Awaited<ReturnType<typeof buildMission>>;

const fieldsOf = async (res: Response) =>
  ((await res.json()).errors as { field: string }[]).map((e) => e.field).sort();

beforeAll(async () => {
  mission = await buildMission(db, { name: 'Embassy in Astana' });
  admin = await buildUser(db, { missionId: mission.id, role: 'admin' });
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  other = await buildMission(db, { name: 'Consulate in Almaty' });
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
});

describe('GET /api/missions', () => {
  it('refuses a caller without a session (401)', async () => {
    expect((await call('GET', '/api/missions')).status).toBe(401);
  });

  it("lists only the caller's missions", async () => {
    const res = await call('GET', '/api/missions', { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      id: mission.id,
      name: 'Embassy in Astana',
      kind: 'embassy',
      timeZone: 'Asia/Almaty',
      version: 1,
      archivedAt: null,
    });
  });

  it('shows every mission to headquarters members', async () => {
    const hq = await buildMission(db, { kind: 'headquarters', name: 'Ministry' });
    const hqUser = await buildUser(db, { missionId: hq.id, role: 'viewer' });
    const ids = (await (await call('GET', '/api/missions', { cookie: hqUser.cookie })).json()).items.map(
      (m: { id: string }) => m.id,
    );
    expect(ids).toEqual(expect.arrayContaining([mission.id, other.id, hq.id]));
  });
});

describe('GET /api/missions/:id', () => {
  it('walks 401 → 400 → 404 → 200', async () => {
    const path = `/api/missions/${mission.id}`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', '/api/missions/nope', { cookie: officer.cookie })).status).toBe(400);
    expect((await call('GET', path, { cookie: outsider.cookie })).status).toBe(404);
    const res = await call('GET', path, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    expect((await res.json()).id).toBe(mission.id);
  });
});

describe('PATCH /api/missions/:id', () => {
  it('walks 401 → 400 → 403/404 → 200 → 409, and audits', async () => {
    const target = await buildMission(db, { name: 'Before' });
    const targetAdmin = await buildUser(db, { missionId: target.id, role: 'admin' });
    const targetHead = await buildUser(db, { missionId: target.id, role: 'head_of_mission' });
    const path = `/api/missions/${target.id}`;
    expect((await call('PATCH', path, { body: { version: 1, name: 'x' } })).status).toBe(401);

    const invalid = await call('PATCH', path, {
      cookie: targetAdmin.cookie,
      body: {
        version: 1,
        timeZone: 'Mars/Olympus',
        currency: 'euro',
        hostCountry: 'kz',
        defaultLocale: 'fr',
      },
    });
    expect(invalid.status).toBe(400);
    expect(await fieldsOf(invalid)).toEqual(['currency', 'defaultLocale', 'hostCountry', 'timeZone']);
    const noVersion = await call('PATCH', path, { cookie: targetAdmin.cookie, body: { name: 'x' } });
    expect(await fieldsOf(noVersion)).toEqual(['version']);

    expect(
      (await call('PATCH', path, { cookie: targetHead.cookie, body: { version: 1, name: 'x' } })).status,
    ).toBe(403);
    expect(
      (await call('PATCH', path, { cookie: outsider.cookie, body: { version: 1, name: 'x' } })).status,
    ).toBe(404);

    const ok = await call('PATCH', path, {
      cookie: targetAdmin.cookie,
      body: { version: 1, name: 'After', hostCountry: 'KZ', currency: 'KZT', timeZone: 'asia/almaty' },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      name: 'After',
      hostCountry: 'KZ',
      currency: 'KZT',
      timeZone: 'Asia/Almaty',
      version: 2,
    });

    const stale = await call('PATCH', path, {
      cookie: targetAdmin.cookie,
      body: { version: 1, name: 'Lost' },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).currentVersion).toBe(2);
    expect((await (await call('GET', path, { cookie: targetAdmin.cookie })).json()).name).toBe('After');

    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'mission'), eq(auditLog.entityId, target.id)));
    expect(entry).toMatchObject({ action: 'update', userId: targetAdmin.id, missionId: target.id });
    expect(entry?.before).toMatchObject({ name: 'Before' });
    expect(entry?.after).toMatchObject({ name: 'After' });
  });

  it('accepts UTC, which Intl.supportedValuesOf leaves out', async () => {
    const res = await call('PATCH', `/api/missions/${mission.id}`, {
      cookie: admin.cookie,
      body: { version: 1, timeZone: 'UTC' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).timeZone).toBe('UTC');
  });

  it('lets headquarters read but not change another mission', async () => {
    const hq = await buildMission(db, { kind: 'headquarters' });
    const hqAdmin = await buildUser(db, { missionId: hq.id, role: 'admin' });
    const res = await call('PATCH', `/api/missions/${other.id}`, {
      cookie: hqAdmin.cookie,
      body: { version: 1, name: 'Taken over' },
    });
    expect(res.status).toBe(403);
  });
});

describe('members', () => {
  it('lists members for administrators and the head of mission only', async () => {
    const path = `/api/missions/${mission.id}/members`;
    expect((await call('GET', path)).status).toBe(401);
    expect((await call('GET', '/api/missions/x/members', { cookie: admin.cookie })).status).toBe(400);
    expect((await call('GET', path, { cookie: officer.cookie })).status).toBe(403);
    expect((await call('GET', path, { cookie: outsider.cookie })).status).toBe(404);
    const res = await call('GET', path, { cookie: head.cookie });
    expect(res.status).toBe(200);
    const items = (await res.json()).items as { userId: string; role: string; email: string }[];
    expect(items.find((m) => m.userId === officer.id)).toMatchObject({
      role: 'officer',
      email: officer.email,
    });
    expect(Object.keys(items[0]!).sort()).toEqual([
      'email',
      'isActive',
      'memberSince',
      'name',
      'role',
      'status',
      'userId',
    ]);
  });

  it('adds an existing account: 401 → 400 → 403/404 → 201 → 409', async () => {
    const path = `/api/missions/${mission.id}/members`;
    const newcomer = await buildUser(db, {});
    expect((await call('POST', path, { body: { email: newcomer.email, role: 'officer' } })).status).toBe(401);

    const invalid = await call('POST', path, { cookie: admin.cookie, body: { email: 'nope', role: 'king' } });
    expect(invalid.status).toBe(400);
    expect(await fieldsOf(invalid)).toEqual(['email', 'role']);

    const unknown = await call('POST', path, {
      cookie: admin.cookie,
      body: { email: 'nobody@example.org', role: 'officer' },
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).errors).toEqual([
      { field: 'name', message: 'is required for a new account' },
    ]);

    const body = { email: newcomer.email.toUpperCase(), role: 'viewer' };
    expect((await call('POST', path, { cookie: head.cookie, body })).status).toBe(403);
    expect((await call('POST', path, { cookie: outsider.cookie, body })).status).toBe(404);

    const created = await call('POST', path, { cookie: admin.cookie, body });
    expect(created.status).toBe(201);
    // An existing account is invited, not added: it gives no access until the person accepts.
    expect(await created.json()).toMatchObject({ userId: newcomer.id, role: 'viewer', status: 'invited' });
    expect((await call('POST', path, { cookie: admin.cookie, body })).status).toBe(409);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'membership'), eq(auditLog.entityId, newcomer.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', userId: admin.id, missionId: mission.id });
  });

  it('invites a new colleague: creates the account, then a one-time link signs them in', async () => {
    const path = `/api/missions/${mission.id}/members`;
    const email = `invited-${Date.now()}@example.org`;
    const created = await call('POST', path, {
      cookie: admin.cookie,
      body: { email, name: 'Aigerim Invited', role: 'officer' },
    });
    expect(created.status).toBe(201);
    const member = await created.json();
    expect(member).toMatchObject({ email, name: 'Aigerim Invited', role: 'officer', isActive: true });

    const linkPath = `${path}/${member.userId}/sign-in-link`;
    expect((await call('POST', linkPath)).status).toBe(401);
    expect((await call('POST', linkPath, { cookie: head.cookie })).status).toBe(403);
    expect((await call('POST', linkPath, { cookie: outsider.cookie })).status).toBe(404);
    expect((await call('POST', `${path}/${outsider.id}/sign-in-link`, { cookie: admin.cookie })).status).toBe(
      404,
    );
    const issued = await call('POST', linkPath, { cookie: admin.cookie });
    expect(issued.status).toBe(201);
    const { url, expiresAt } = await issued.json();
    expect(url).toMatch(/\/api\/auth\/link\/[A-Za-z0-9_-]{20,}$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

    // The link signs in once; the session then sets a first password without a current one.
    const linkUrl = new URL(url).pathname;
    const used = await call('GET', linkUrl);
    expect(used.status).toBe(302);
    const cookie = used.headers.get('set-cookie')!.split(';')[0]!;
    expect((await call('GET', linkUrl)).status).toBe(401);
    const me = await call('GET', '/api/auth/me', { cookie });
    expect((await me.json()).email).toBe(email);

    const short = await call('POST', '/api/auth/password', { cookie, body: { newPassword: 'short' } });
    expect(short.status).toBe(400);
    expect(await fieldsOf(short)).toEqual(['newPassword']);
    const set = await call('POST', '/api/auth/password', {
      cookie,
      body: { newPassword: 'a long enough secret' },
    });
    expect(set.status).toBe(204);
    const signIn = await call('POST', '/api/auth/sign-in', {
      body: { email, password: 'a long enough secret' },
    });
    expect(signIn.status).toBe(200);

    // From now on the current password is needed, and must be right.
    const missing = await call('POST', '/api/auth/password', {
      cookie,
      body: { newPassword: 'another long secret' },
    });
    expect(await fieldsOf(missing)).toEqual(['currentPassword']);
    const wrong = await call('POST', '/api/auth/password', {
      cookie,
      body: { currentPassword: 'not it at all', newPassword: 'another long secret' },
    });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors).toEqual([{ field: 'currentPassword', message: 'is not correct' }]);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'membership'), eq(auditLog.entityId, member.userId)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'sign_in_link']);
  });

  it('changes a role and removes a member', async () => {
    const member = await buildUser(db, { missionId: mission.id, role: 'viewer' });
    const path = `/api/missions/${mission.id}/members/${member.id}`;
    expect((await call('PATCH', path, { body: { role: 'officer' } })).status).toBe(401);
    const invalid = await call('PATCH', path, { cookie: admin.cookie, body: { role: 'boss' } });
    expect(await fieldsOf(invalid)).toEqual(['role']);
    expect((await call('PATCH', path, { cookie: officer.cookie, body: { role: 'officer' } })).status).toBe(
      403,
    );
    const missing = `/api/missions/${mission.id}/members/${outsider.id}`;
    expect((await call('PATCH', missing, { cookie: admin.cookie, body: { role: 'officer' } })).status).toBe(
      404,
    );

    const changed = await call('PATCH', path, { cookie: admin.cookie, body: { role: 'officer' } });
    expect(changed.status).toBe(200);
    expect((await changed.json()).role).toBe('officer');

    expect((await call('DELETE', path)).status).toBe(401);
    expect((await call('DELETE', path, { cookie: head.cookie })).status).toBe(403);
    expect((await call('DELETE', path, { cookie: admin.cookie })).status).toBe(204);
    expect((await call('DELETE', path, { cookie: admin.cookie })).status).toBe(404);

    const actions = (
      await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'membership'), eq(auditLog.entityId, member.id)))
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(['delete', 'update']);
  });

  it('never leaves a mission without an administrator (409)', async () => {
    const lonely = await buildMission(db);
    const onlyAdmin = await buildUser(db, { missionId: lonely.id, role: 'admin' });
    const path = `/api/missions/${lonely.id}/members/${onlyAdmin.id}`;
    const demote = await call('PATCH', path, { cookie: onlyAdmin.cookie, body: { role: 'officer' } });
    expect(demote.status).toBe(409);
    expect((await demote.json()).detail).toContain('at least one administrator');
    expect((await call('DELETE', path, { cookie: onlyAdmin.cookie })).status).toBe(409);

    const second = await buildUser(db, { missionId: lonely.id, role: 'admin' });
    expect((await call('DELETE', path, { cookie: second.cookie })).status).toBe(204);
  });
});
