import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildMission } from '../../../../test/helpers/factories.ts';
import { addUser } from './users.ts';

const { db, call } = await setupTestApp();
const mission = await buildMission(db, { slug: 'auth-test', name: 'Embassy of Test' });
const { generatedPassword, signInToken } = await addUser(db, {
  email: 'hom@example.org',
  name: 'Head',
  missionSlug: 'auth-test',
  role: 'head_of_mission',
});

describe('sign-in', () => {
  it('names the invalid fields (400)', async () => {
    const res = await call('POST', '/api/auth/sign-in', { body: { email: 'nope' } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'password',
    ]);
  });

  it('refuses a wrong password (401) without saying which part was wrong', async () => {
    const res = await call('POST', '/api/auth/sign-in', {
      body: { email: 'hom@example.org', password: 'wrong-password' },
    });
    expect(res.status).toBe(401);
    expect((await res.json()).detail).toBe('The e-mail or the password is not correct.');
  });

  it('signs in with an HttpOnly cookie that then authenticates /me; sign-out ends it', async () => {
    const res = await call('POST', '/api/auth/sign-in', {
      body: { email: 'HOM@example.org', password: generatedPassword },
    });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/sp_session=[\w-]+/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const cookie = setCookie.split(';')[0]!;
    const me = await call('GET', '/api/auth/me', { cookie });
    expect(await me.json()).toMatchObject({
      email: 'hom@example.org',
      memberships: [{ missionId: mission.id, missionName: 'Embassy of Test', role: 'head_of_mission' }],
    });
    expect((await call('POST', '/api/auth/sign-out', { cookie })).status).toBe(204);
    expect((await call('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('limits attempts per account (429 with Retry-After)', async () => {
    await addUser(db, { email: 'target@example.org', name: 'T', missionSlug: 'auth-test' });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await call('POST', '/api/auth/sign-in', {
            body: { email: 'target@example.org', password: `guess-${i}` },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    const blocked = await call('POST', '/api/auth/sign-in', {
      body: { email: 'target@example.org', password: 'x' },
    });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('accepts a one-time sign-in link once', async () => {
    const first = await call('GET', `/api/auth/link/${signInToken}`);
    expect(first.status).toBe(302);
    expect(first.headers.get('set-cookie')).toContain('sp_session=');
    const again = await call('GET', `/api/auth/link/${signInToken}`);
    expect(again.status).toBe(401);
  });

  it('answers unknown API paths with a problem, not the web app', async () => {
    const res = await call('GET', '/api/nothing-here');
    expect(res.status).toBe(401);
  });
});
