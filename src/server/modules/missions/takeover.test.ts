/**
 * Issue 12 §1: the administrator of mission B must not take over an account of mission A, by any
 * route. Each step of the attack is refused with a clear message.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission, buildPlan, buildUser } from '../../../../test/helpers/factories.ts';
import { createSession } from './auth/sessions.ts';
import { sessions, users } from './tables.ts';

const { db, call } = await setupTestApp();
const missionA = await buildMission(db, { name: 'Mission A' });
const missionB = await buildMission(db, { name: 'Mission B' });
const planA = await buildPlan(db, { missionId: missionA.id });
const victim = await buildUser(db, { missionId: missionA.id, role: 'admin' });
const attacker = await buildUser(db, { missionId: missionB.id, role: 'admin' });
const netAdmin = await buildUser(db, {});
await db.update(users).set({ isNetworkAdmin: true }).where(eq(users.id, netAdmin.id));

const B = `/api/missions/${missionB.id}`;
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

describe('the cross-mission takeover', () => {
  it('adding an existing account makes an invitation that gives no access', async () => {
    const added = await call('POST', `${B}/members`, {
      cookie: attacker.cookie,
      body: { email: victim.email, role: 'admin' },
    });
    expect(added.status).toBe(201);
    expect((await added.json()).status).toBe('invited');
    // The victim still has no access to B, and is told.
    const me = await (await call('GET', '/api/auth/me', { cookie: victim.cookie })).json();
    expect(me.memberships.map((m: { missionId: string }) => m.missionId)).toEqual([missionA.id]);
    expect(me.invitations).toMatchObject([{ missionId: missionB.id, invitedBy: { email: attacker.email } }]);
    const events = await (await call('GET', '/api/auth/me/events', { cookie: victim.cookie })).json();
    expect(events.items[0]).toMatchObject({
      kind: 'invited',
      missionId: missionB.id,
      by: { email: attacker.email },
    });
  });

  it('refuses a sign-in link, an account change and a password reset for that account', async () => {
    const link = await call('POST', `${B}/members/${victim.id}/sign-in-link`, { cookie: attacker.cookie });
    expect(link.status).toBe(403);
    expect((await link.json()).detail).toContain('Only they or a network administrator can');
    const rename = await call('PATCH', `${B}/members/${victim.id}`, {
      cookie: attacker.cookie,
      body: { email: 'attacker-inbox@example.org' },
    });
    expect(rename.status).toBe(403);
    const reset = await call('POST', `/api/network/accounts/${victim.id}/password-reset`, {
      cookie: attacker.cookie,
    });
    expect(reset.status).toBe(403);
    const [row] = await db.select().from(users).where(eq(users.id, victim.id));
    expect(row!.email).toBe(victim.email);
  });

  it('still refuses once the victim accepted: they belong to another mission', async () => {
    const accepted = await call('POST', `/api/auth/invitations/${missionB.id}/accept`, {
      cookie: victim.cookie,
    });
    expect(accepted.status).toBe(200);
    const fresh = cookieOf(accepted);
    expect((await call('GET', '/api/auth/me', { cookie: victim.cookie })).status).toBe(401);
    expect((await accepted.json()).memberships).toHaveLength(2);
    const link = await call('POST', `${B}/members/${victim.id}/sign-in-link`, { cookie: attacker.cookie });
    expect(link.status).toBe(403);
    expect((await link.json()).detail).toContain('belongs to another mission');
    // Removing and re-adding gives an invitation again, never an active membership.
    expect((await call('DELETE', `${B}/members/${victim.id}`, { cookie: attacker.cookie })).status).toBe(204);
    const again = await call('POST', `${B}/members`, {
      cookie: attacker.cookie,
      body: { email: victim.email, role: 'admin' },
    });
    expect((await again.json()).status).toBe('invited');
    expect(
      (await call('POST', `${B}/members/${victim.id}/sign-in-link`, { cookie: attacker.cookie })).status,
    ).toBe(403);
    expect((await call('GET', '/api/auth/me', { cookie: fresh })).status).toBe(401);
  });

  it('an invitation not accepted reads nothing; an accepted one does', async () => {
    const other = await buildUser(db, { missionId: missionB.id, role: 'officer' });
    const adminA = await buildUser(db, { missionId: missionA.id, role: 'admin' });
    await call('POST', `/api/missions/${missionA.id}/members`, {
      cookie: adminA.cookie,
      body: { email: other.email, role: 'viewer' },
    });
    expect((await call('GET', `/api/plans/${planA.id}`, { cookie: other.cookie })).status).toBe(404);
    const accepted = await call('POST', `/api/auth/invitations/${missionA.id}/accept`, {
      cookie: other.cookie,
    });
    expect((await call('GET', `/api/plans/${planA.id}`, { cookie: cookieOf(accepted) })).status).toBe(200);
  });

  it('refuses a link for a network administrator (the first admin) to a mission administrator', async () => {
    const first = await buildUser(db, { missionId: missionB.id, role: 'admin' });
    await db.update(users).set({ isNetworkAdmin: true }).where(eq(users.id, first.id));
    const link = await call('POST', `${B}/members/${first.id}/sign-in-link`, { cookie: attacker.cookie });
    expect(link.status).toBe(403);
    expect((await link.json()).detail).toContain('network administrator');
  });

  it('network routes are for network administrators only, who read no mission data by that', async () => {
    expect((await call('GET', '/api/network/accounts', { cookie: attacker.cookie })).status).toBe(403);
    const found = await call('GET', `/api/network/accounts?email=${encodeURIComponent(victim.email)}`, {
      cookie: netAdmin.cookie,
    });
    expect((await found.json()).items[0].id).toBe(victim.id);
    expect((await call('GET', `/api/plans/${planA.id}`, { cookie: netAdmin.cookie })).status).toBe(404);
  });
});

describe('links and sessions', () => {
  it('builds links from the public URL, revokes older ones, refuses reuse', async () => {
    const only = await buildUser(db, { missionId: missionB.id, role: 'officer' });
    const path = `${B}/members/${only.id}/sign-in-link`;
    const first = await (
      await call('POST', path, { cookie: attacker.cookie, headers: { host: 'evil.example' } })
    ).json();
    expect(first.url.startsWith('http://localhost/api/auth/link/')).toBe(true);
    const second = await (await call('POST', path, { cookie: attacker.cookie })).json();
    const old = await call('GET', new URL(first.url).pathname);
    expect(old.status).toBe(401);
    expect((await old.json()).detail).toContain('replaced by a newer one');
    expect((await call('GET', new URL(second.url).pathname)).status).toBe(302);
    const reused = await call('GET', new URL(second.url).pathname);
    expect((await reused.json()).detail).toContain('used already');
  });

  it('ends a session idle for longer than the time-out', async () => {
    const idle = await buildUser(db, { missionId: missionB.id });
    expect((await call('GET', '/api/auth/me', { cookie: idle.cookie })).status).toBe(200);
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 9 * 3600_000) })
      .where(eq(sessions.userId, idle.id));
    expect((await call('GET', '/api/auth/me', { cookie: idle.cookie })).status).toBe(401);
  });

  it('refuses weak passwords naming newPassword; a password change ends other sessions', async () => {
    const person = await buildUser(db, { missionId: missionB.id });
    const otherCookie = `sp_session=${await createSession(db, person.id)}`;
    for (const newPassword of ['aaaaaaaaaa', 'password1234', 'aaaaaaaaaaaaaaaa']) {
      const res = await call('POST', '/api/auth/password', { cookie: person.cookie, body: { newPassword } });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0].field).toBe('newPassword');
    }
    const ok = await call('POST', '/api/auth/password', {
      cookie: person.cookie,
      body: { newPassword: 'violet kettle under moonlight' },
    });
    expect(ok.status).toBe(204);
    expect((await call('GET', '/api/auth/me', { cookie: person.cookie })).status).toBe(200);
    expect((await call('GET', '/api/auth/me', { cookie: otherCookie })).status).toBe(401);
    const out = await call('POST', '/api/auth/sign-out', { cookie: person.cookie });
    expect(out.status).toBe(204);
    expect(await db.select().from(sessions).where(eq(sessions.userId, person.id))).toHaveLength(0);
  });
});
