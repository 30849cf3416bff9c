import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../test/helpers/app.ts';

const { call } = await setupTestApp();

describe('public API paths', () => {
  it('serves the OpenAPI 3.1 document and a readable docs page without a session', async () => {
    const doc = await call('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    const body = await doc.json();
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/initiatives', '/api/plans/{id}', '/api/organisations']),
    );
    const page = await call('GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/docs/start.js');
    expect(await (await call('GET', '/api/docs/start.js')).text()).toContain('/api/openapi.json');
    const asset = await call('GET', '/api/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await call('GET', '/api/docs/assets/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('answers health checks, and keeps everything else behind sign-in', async () => {
    expect((await call('GET', '/api/health')).status).toBe(200);
    expect((await call('GET', '/api/plans')).status).toBe(401);
  });

  it('refuses a JSON body over 1 MB with 413, before reading it all', async () => {
    const res = await call('POST', '/api/auth/sign-in', {
      body: { email: 'a@b.org', password: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
