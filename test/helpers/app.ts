import { afterAll } from 'vitest';
import { createApp } from '../../src/server/app.ts';

export { createApp };

import { createTestDatabase } from './db.ts';

/**
 * An in-process app on a database of its own (closed after the file's tests).
 * @example const { db, call } = await setupTestApp(); const res = await call('GET', '/api/initiatives', { cookie });
 */
export async function setupTestApp() {
  const database = await createTestDatabase();
  const app = createApp({
    db: database.db,
    config: { publicUrl: 'http://localhost', isSecureCookie: false },
  });
  afterAll(() => database.close());
  /** Calls the API in-process; `body` is sent as JSON. */
  const call = (
    method: string,
    path: string,
    options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    app.request(path, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    });
  return { app, db: database.db, kind: database.kind, call };
}
