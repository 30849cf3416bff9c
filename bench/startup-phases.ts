/**
 * Where a second start's time goes. Run by bench/startup.ts as
 * `node --import tsx bench/startup-phases.ts` with SOFTPOWER_DATA_DIR pointing at a prepared data
 * folder; repeats the steps of `startServer` one by one and prints one JSON line of milliseconds.
 *
 * Modules are imported dynamically, in layers, so that each layer's cost (tsx transform, or its
 * cache, plus evaluation) is measured on its own; each layer includes what earlier layers did not.
 */
import { performance } from 'node:perf_hooks';
import { fetchStatus } from './resources.ts';

const phases: Record<string, number> = {};
let last = 0;
const mark = (phase: string) => {
  const now = performance.now();
  phases[phase] = Math.round(now - last);
  last = now;
};

// Time since the process started: node itself plus tsx's loader.
mark('node + tsx loader');
await import('drizzle-orm');
await import('@electric-sql/pglite');
await import('pg');
mark('import drizzle, pglite, pg (libraries)');
const { migrateDatabase, openDatabase } = await import('../src/server/platform/db/client.ts');
mark('import db/client.ts + schema');
await import('hono');
await import('@hono/zod-openapi');
await import('zod');
mark('import hono, zod-openapi, zod (libraries)');
const { createApp } = await import('../src/server/app.ts');
mark('import app.ts (routes, schemas, commands)');
const { serve } = await import('@hono/node-server');
const { countUsers } = await import('../src/server/modules/missions/index.ts');
const { readEnvConfig } = await import('../src/server/platform/config.ts');
await import('../src/server/serve.ts');
await import('commander');
mark('import the rest (serve.ts, commander)');

const config = readEnvConfig();
const database = await openDatabase({ dataDir: config.dataDir });
mark('openDatabase (PGlite)');
await migrateDatabase(database);
mark('migrateDatabase');
await countUsers(database.db);
mark('countUsers');
const app = createApp({
  db: database.db,
  config: { publicUrl: 'http://127.0.0.1', isSecureCookie: false, webDir: config.webDir },
});
mark('createApp');
const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
  const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
});
mark('listen');
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;
// node:http rather than fetch: loading undici would be counted against the server.
const status = await fetchStatus(`http://127.0.0.1:${port}/api/health`);
if (status !== 200) throw new Error(`GET /api/health answered ${status}`);
mark('first GET /api/health');
phases.total = Math.round(last);

console.log(JSON.stringify(phases));
server.close();
await database.close();
