import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { buildMission, buildUser } from '../../../test/helpers/factories.ts';
import { createApp } from '../app.ts';
import { API_CSP, WEB_APP_CSP } from '../platform/http/security-headers.ts';

const database = await createTestDatabase();
const webDir = mkdtempSync(join(tmpdir(), 'softpower-web-'));
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>SoftPower</title><div id="root"></div>');
afterAll(async () => {
  rmSync(webDir, { recursive: true, force: true });
  await database.close();
});
const appFor = (publicUrl: string) =>
  createApp({
    db: database.db,
    config: { publicUrl, isSecureCookie: publicUrl.startsWith('https:'), webDir },
  });
const httpApp = appFor('http://localhost');
const httpsApp = appFor('https://softpower.example.org');
const mission = await buildMission(database.db);
const user = await buildUser(database.db, { missionId: mission.id, role: 'officer' });

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

describe('security headers', () => {
  const cases = [
    { name: 'the health check', path: '/api/health', csp: API_CSP, status: 200 },
    { name: 'an API JSON route', path: '/api/plans', csp: API_CSP, status: 200, cookie: user.cookie },
    { name: 'an API error', path: '/api/plans', csp: API_CSP, status: 401 },
    { name: 'the web app', path: '/', csp: WEB_APP_CSP, status: 200 },
    { name: 'a client-side route of the web app', path: '/plans/123', csp: WEB_APP_CSP, status: 200 },
    { name: 'the API docs page', path: '/api/docs', csp: WEB_APP_CSP, status: 200 },
  ];
  for (const { name, path, csp, status, cookie } of cases) {
    it(`are on ${name} (${path} → ${status})`, async () => {
      const res = await httpApp.request(path, { headers: cookie ? { cookie } : {} });
      expect(res.status).toBe(status);
      for (const [header, value] of Object.entries(COMMON)) expect(res.headers.get(header)).toBe(value);
      expect(res.headers.get('content-security-policy')).toBe(csp);
      expect(res.headers.get('strict-transport-security')).toBeNull();
    });
  }

  it('give the web app a policy without inline scripts that no one can frame', () => {
    const directives = new Map(
      WEB_APP_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values];
      }),
    );
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(API_CSP).toContain("default-src 'none'");
    expect(API_CSP).toContain("frame-ancestors 'none'");
  });

  it('add HSTS only when the public URL is https', async () => {
    for (const path of ['/api/health', '/']) {
      const res = await httpsApp.request(path);
      expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
      expect((await httpApp.request(path)).headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('keep API answers out of caches unless the route chose otherwise', async () => {
    const json = await httpApp.request('/api/plans', { headers: { cookie: user.cookie } });
    expect(json.headers.get('cache-control')).toBe('no-store');
    expect((await httpApp.request('/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    const asset = await httpApp.request('/api/docs/assets/swagger-ui.css');
    expect(asset.headers.get('cache-control')).toContain('public');
  });

  it('serve the API docs without an inline script', async () => {
    const page = await (await httpApp.request('/api/docs')).text();
    const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src="\/api\/docs\//);
      expect(body!.trim()).toBe('');
    }
    const start = await httpApp.request('/api/docs/start.js');
    expect(start.status).toBe(200);
    expect(start.headers.get('content-type')).toContain('javascript');
    expect(await start.text()).toContain("url: '/api/openapi.json'");
  });
});
