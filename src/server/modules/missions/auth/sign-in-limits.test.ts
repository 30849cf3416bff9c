import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, setupTestApp } from '../../../../../test/helpers/app.ts';
import { buildMission } from '../../../../../test/helpers/factories.ts';
import { parseTrustedProxies, testConnection } from '../../../platform/http/client-address.ts';
import { addUser } from '../users.ts';
import { DEFAULT_SIGN_IN_LIMITS } from './rate-limit.ts';

const { db } = await setupTestApp();
await buildMission(db, { slug: 'limits-test' });
const ADMIN_EMAIL = 'admin@limits.example';
const admin = await addUser(db, {
  email: ADMIN_EMAIL,
  name: 'Admin',
  missionSlug: 'limits-test',
  role: 'admin',
});
const newApp = (trustedProxies?: string) =>
  createApp({
    db,
    config: {
      publicUrl: 'http://localhost',
      isSecureCookie: false,
      trustedProxies: trustedProxies ? parseTrustedProxies(trustedProxies) : undefined,
    },
  });
const signIn = (
  app: ReturnType<typeof newApp>,
  body: { email: string; password: string },
  from: string,
  headers: Record<string, string> = {},
) =>
  app.request(
    '/api/auth/sign-in',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    },
    testConnection(from),
  );

afterEach(() => {
  vi.useRealTimers();
});

describe('sign-in limits over HTTP', () => {
  it('limit a spray from one address that rotates X-Forwarded-For (not a trusted proxy)', async () => {
    const app = newApp();
    const statuses: number[] = [];
    for (let i = 0; i <= DEFAULT_SIGN_IN_LIMITS.addressFailures; i++) {
      const res = await signIn(
        app,
        { email: `user${i}@limits.example`, password: 'Winter2026!' },
        '203.0.113.66',
        {
          'x-forwarded-for': `198.51.100.${i}`,
        },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    const last = await signIn(
      app,
      { email: ADMIN_EMAIL, password: admin.generatedPassword! },
      '203.0.113.66',
      {
        'x-forwarded-for': '192.0.2.1',
      },
    );
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect(
      (await signIn(app, { email: ADMIN_EMAIL, password: admin.generatedPassword! }, '203.0.113.67')).status,
    ).toBe(200);
  });

  it('tell clients apart behind a trusted proxy by the address it forwards', async () => {
    const app = newApp('10.0.0.0/8');
    for (let i = 0; i < DEFAULT_SIGN_IN_LIMITS.pairFailures; i++)
      await signIn(app, { email: ADMIN_EMAIL, password: `guess-${i}` }, '10.0.0.2', {
        'x-forwarded-for': '203.0.113.5',
      });
    const attacker = await signIn(app, { email: ADMIN_EMAIL, password: 'guess' }, '10.0.0.2', {
      'x-forwarded-for': '203.0.113.5',
    });
    expect(attacker.status).toBe(429);
    const owner = await signIn(app, { email: ADMIN_EMAIL, password: admin.generatedPassword! }, '10.0.0.2', {
      'x-forwarded-for': '198.51.100.20',
    });
    expect(owner.status).toBe(200);
  });

  it('let 50 failures from address X never stop address Y signing in as the administrator', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const app = newApp();
    let failures = 0;
    let refusals = 0;
    const waits: number[] = [];
    while (failures < 50) {
      const res = await signIn(app, { email: ADMIN_EMAIL, password: `guess-${failures}` }, '203.0.113.9');
      if (res.status === 401) failures += 1;
      else {
        expect(res.status).toBe(429);
        refusals += 1;
        const wait = Number(res.headers.get('retry-after'));
        waits.push(wait);
        vi.setSystemTime(Date.now() + wait * 1000);
      }
    }
    expect(refusals).toBeGreaterThan(0);
    // The back-off grew, up to its cap.
    expect(waits[0]).toBe(DEFAULT_SIGN_IN_LIMITS.baseDelayMs / 1000);
    expect(Math.max(...waits)).toBe(DEFAULT_SIGN_IN_LIMITS.maxDelayMs / 1000);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    // X is still waiting; Y signs in at once, with the same account.
    expect(
      (await signIn(app, { email: ADMIN_EMAIL, password: admin.generatedPassword! }, '203.0.113.9')).status,
    ).toBe(429);
    const y = await signIn(app, { email: ADMIN_EMAIL, password: admin.generatedPassword! }, '198.51.100.7');
    expect(y.status).toBe(200);
  });

  it('answer an unknown e-mail as a wrong password, and limit both alike', async () => {
    const app = newApp();
    const unknown = await signIn(app, { email: 'nobody@limits.example', password: 'x' }, '203.0.113.30');
    const wrong = await signIn(app, { email: ADMIN_EMAIL, password: 'x' }, '203.0.113.31');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (const [email, from] of [
      ['nobody@limits.example', '203.0.113.30'],
      [ADMIN_EMAIL, '203.0.113.31'],
    ] as const) {
      const statuses = [];
      for (let i = 1; i < DEFAULT_SIGN_IN_LIMITS.pairFailures; i++)
        statuses.push((await signIn(app, { email, password: `p${i}` }, from)).status);
      expect(statuses.every((s) => s === 401)).toBe(true);
      expect((await signIn(app, { email, password: 'p' }, from)).status).toBe(429);
    }
  });
});
