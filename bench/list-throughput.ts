/**
 * The initiative list under load: SoftPower's GET /api/initiatives (session cookie, validation,
 * scoped query, presenter) against the bare Hono handler of bench/baseline-app.ts, both served by
 * @hono/node-server in this process on the same database, measured one after the other.
 */
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApp } from '../src/server/app.ts';
import { loadPlanData } from '../src/server/demo/load-demo.ts';
import {
  addUser,
  createSession,
  findActorBySession,
  SESSION_COOKIE,
} from '../src/server/modules/missions/index.ts';
import { migrateDatabase, type TDatabase } from '../src/server/platform/db/client.ts';
import { ZInitiativeListQuery } from '../src/shared/schemas/initiative.ts';
import { captureListQueries, createBaselineApp } from './baseline-app.ts';
import { runLoad, type TLoadResult } from './load.ts';
import { onRelease, sleep } from './resources.ts';

export type TMeasuredLoad = TLoadResult & {
  /** CPU time of this Node process (server, drizzle, driver; PGlite too) per answered request. */
  cpuMsPerRequest: number;
};

export interface TListFigures {
  softpower: TMeasuredLoad;
  baseline: TMeasuredLoad;
  /** What one request does, for the reader: statements sent and response size. */
  perRequest: { softpowerBytes: number; baselineBytes: number; items: number; statements: number };
}

export interface TMeasureListOptions {
  database: TDatabase;
  connections: number;
  durationSec: number;
  warmupSec: number;
}

interface TListening {
  url: string;
  drain: () => Promise<void>;
}

/**
 * Listens on a free loopback port; the server is closed by `releaseAll()`.
 * `drain()` resolves once no request is in flight: autocannon stops sending at the end of its run,
 * but the requests it queued are still being served, and they must not overlap the next run.
 */
async function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  label: string,
): Promise<TListening> {
  let inFlight = 0;
  const counted = async (request: Request) => {
    inFlight++;
    try {
      return await fetch(request);
    } finally {
      inFlight--;
    }
  };
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: counted, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
  const drain = async () => {
    while (inFlight > 0) await sleep(20);
  };
  onRelease(`close the ${label} server`, async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
    await drain();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, drain };
}

/**
 * Loads the demo into `database` (already open), signs a bench admin in, serves both apps and
 * runs the load against each in turn.
 */
export async function measureList({
  database,
  connections,
  durationSec,
  warmupSec,
}: TMeasureListOptions): Promise<TListFigures> {
  const { db } = database;
  await migrateDatabase(database);
  const { planId } = await loadPlanData(db);
  const { userId } = await addUser(db, {
    email: 'bench@softpower.local',
    name: 'Bench',
    missionSlug: 'it-astana',
    role: 'admin',
    password: 'bench-password-not-secret',
  });
  const token = await createSession(db, userId);
  const actor = (await findActorBySession(db, token))!;
  const search = new URLSearchParams({ planId, limit: '50' });
  const query = ZInitiativeListQuery.parse(Object.fromEntries(search));
  // Fresh statistics, as autovacuum would have gathered them on a database in use; without them
  // PostgreSQL's autovacuum may analyse the new tables in the middle of a measured run.
  await db.execute(sql`vacuum analyze`);
  const queries = await captureListQueries({ database, actor, query });

  const app = createApp({ db, config: { publicUrl: 'http://127.0.0.1', isSecureCookie: false } });
  const baseline = createBaselineApp({ database, queries });
  const softpowerServer = await listen(app.fetch, 'SoftPower');
  const baselineServer = await listen(baseline.fetch, 'baseline');
  const softpowerUrl = `${softpowerServer.url}/api/initiatives?${search}`;
  const baselineUrl = `${baselineServer.url}/initiatives`;
  const headers = { cookie: `${SESSION_COOKIE}=${token}` };

  // Both must answer 200 with the same page before their speed means anything.
  const softpowerResponse = await fetch(softpowerUrl, { headers });
  const baselineResponse = await fetch(baselineUrl);
  const softpowerBody = await softpowerResponse.text();
  const baselineBody = await baselineResponse.text();
  if (softpowerResponse.status !== 200 || baselineResponse.status !== 200)
    throw new Error(
      `status ${softpowerResponse.status} / ${baselineResponse.status}: ${softpowerBody.slice(0, 300)}`,
    );
  const items = (JSON.parse(softpowerBody) as { items: unknown[] }).items.length;
  const baselineItems = (JSON.parse(baselineBody) as { items: unknown[] }).items.length;
  if (items !== baselineItems)
    throw new Error(`SoftPower lists ${items} initiatives, the baseline ${baselineItems}.`);

  /** Warm-up, then the measured run; CPU is this process's (both servers live here). */
  const measure = async (url: string, server: TListening, requestHeaders?: Record<string, string>) => {
    await runLoad({ url, headers: requestHeaders, connections, durationSec: warmupSec });
    await server.drain();
    const cpuBefore = process.cpuUsage();
    const result = await runLoad({ url, headers: requestHeaders, connections, durationSec });
    await server.drain();
    const cpu = process.cpuUsage(cpuBefore);
    const answered = result.ok + result.non2xx;
    return { ...result, cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(answered, 1) };
  };
  return {
    softpower: await measure(softpowerUrl, softpowerServer, headers),
    baseline: await measure(baselineUrl, baselineServer),
    perRequest: {
      softpowerBytes: Buffer.byteLength(softpowerBody),
      baselineBytes: Buffer.byteLength(baselineBody),
      items,
      statements: queries.length,
    },
  };
}
