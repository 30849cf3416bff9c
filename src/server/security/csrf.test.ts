import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/helpers/app.ts';
import { buildMission, buildPlan, buildUser } from '../../../test/helpers/factories.ts';
import { createApp } from '../app.ts';
import { mediaTypeOf, originOf } from '../platform/http/csrf.ts';

// publicUrl 'http://localhost'; in-process requests go to http://localhost/…
const { app, db, call } = await setupTestApp();
const mission = await buildMission(db);
const officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
const plan = await buildPlan(db, { missionId: mission.id });
const publicApp = createApp({
  db,
  config: { publicUrl: 'https://softpower.example.org', isSecureCookie: true },
});

/** A write without a body that any visitor may send: 204 when the guard lets it through. */
const signOut = (headers: Record<string, string>, target = app, url = '/api/auth/sign-out') =>
  target.request(url, { method: 'POST', headers });
const invalidSignIn = (headers: Record<string, string>, body: BodyInit = '{}') =>
  app.request('/api/auth/sign-in', { method: 'POST', headers, body });

describe('the Origin of a state-changing request', () => {
  it("may be the public URL, or the request's own origin on localhost", async () => {
    expect((await signOut({ origin: 'http://localhost' })).status).toBe(204);
    expect(
      (
        await signOut(
          { origin: 'https://softpower.example.org' },
          publicApp,
          'https://softpower.example.org/api/auth/sign-out',
        )
      ).status,
    ).toBe(204);
    // Behind a TLS proxy the server sees http, the browser says https: the public URL decides.
    expect(
      (
        await signOut(
          { origin: 'https://softpower.example.org' },
          publicApp,
          'http://10.0.0.5/api/auth/sign-out',
        )
      ).status,
    ).toBe(204);
  });

  it('may be absent (the CLI, scripts, tests), and is not looked at on reads', async () => {
    expect((await signOut({})).status).toBe(204);
    expect(
      (
        await call('GET', '/api/plans', {
          cookie: officer.cookie,
          headers: { origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(200);
  });

  const refused: [string, Record<string, string>, typeof app?, string?][] = [
    ['another host', { origin: 'http://evil.example' }],
    ['another scheme', { origin: 'https://localhost' }],
    ['another port', { origin: 'http://localhost:3000' }],
    ['a malformed port', { origin: 'http://127.0.0.1:3000.evil.example' }],
    ['a suffix trick', { origin: 'http://localhost.evil.example' }],
    ['a value that is not a URL', { origin: 'not a url' }],
    ['an origin with a path', { origin: 'http://localhost/' }],
    ['an opaque origin', { origin: 'null' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    [
      'a cross-site fetch that names our origin',
      { origin: 'http://localhost', 'sec-fetch-site': 'cross-site' },
    ],
    [
      'the public host over http',
      { origin: 'http://softpower.example.org' },
      publicApp,
      'https://softpower.example.org/api/auth/sign-out',
    ],
    // DNS rebinding: the page's own origin is not local, so it must be the public URL.
    [
      'a rebound name on its own origin',
      { origin: 'http://evil.example:3000' },
      publicApp,
      'http://evil.example:3000/api/auth/sign-out',
    ],
  ];
  for (const [name, headers, target, url] of refused) {
    it(`is refused with 403 for ${name}`, async () => {
      const res = await signOut(headers, target, url);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).detail).toMatch(/cross-site|origin/i);
    });
  }

  it('is refused for every unsafe method', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await call(method, `/api/plans/${plan.id}`, {
        cookie: officer.cookie,
        headers: { origin: 'http://127.0.0.1:3000.evil.example' },
      });
      expect(res.status, method).toBe(403);
    }
  });
});

describe('the body of a state-changing request', () => {
  it('is accepted as JSON (the route then validates it)', async () => {
    const res = await invalidSignIn({
      'content-type': 'application/json; charset=utf-8',
      origin: 'http://localhost',
    });
    expect(res.status).toBe(400);
  });

  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'text/plain;charset=UTF-8',
    'application/xml',
  ]) {
    it(`is refused as ${type} (415)`, async () => {
      const res = await invalidSignIn({ 'content-type': type }, '{"email":"a@b.org","password":"x"}');
      expect(res.status).toBe(415);
      expect((await res.json()).detail).toContain('application/json');
    });
  }

  it('is refused as multipart on a route that takes no upload', async () => {
    const form = new FormData();
    form.set('email', 'a@b.org');
    const res = await app.request('/api/auth/sign-in', { method: 'POST', body: form });
    expect(res.status).toBe(415);
  });

  it('is accepted as multipart on an upload route', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#1f4e99' } })
      .png()
      .toBuffer();
    const form = new FormData();
    form.set('file', new File([new Uint8Array(png)], 'logo.png', { type: 'image/png' }));
    const res = await app.request(`/api/plans/${plan.id}/communication-strategy/logo`, {
      method: 'PUT',
      headers: { cookie: officer.cookie, origin: 'http://localhost' },
      body: form,
    });
    expect(res.status).toBe(200);
  });

  it('may be absent: a POST with Content-Length 0 and any type passes', async () => {
    expect((await signOut({ 'content-length': '0', 'content-type': 'text/plain' })).status).toBe(204);
  });
});

describe('originOf', () => {
  it('keeps serialised origins only', () => {
    expect(originOf('https://softpower.example.org')).toBe('https://softpower.example.org');
    expect(originOf('http://[::1]:3000')).toBe('http://[::1]:3000');
    expect(originOf('HTTP://LOCALHOST')).toBeUndefined();
    expect(originOf('http://localhost:80')).toBeUndefined();
    expect(originOf('file://')).toBeUndefined();
    expect(originOf('')).toBeUndefined();
  });

  it('reads media types without parameters or case', () => {
    expect(mediaTypeOf('Multipart/Form-Data; boundary=x')).toBe('multipart/form-data');
    expect(mediaTypeOf(undefined)).toBeUndefined();
    expect(mediaTypeOf(' ')).toBeUndefined();
  });
});
