/**
 * Property-based fuzzing of every operation through a real HTTP server, as the mission
 * administrator of A (the most permissive role): requests generated from the OpenAPI schemas,
 * mutated with the classes of `fuzz-cases.ts`, under a fixed seed (printed; set
 * SOFTPOWER_FUZZ_SEED to replay, SOFTPOWER_FUZZ_RUNS for more samples per operation and class).
 *
 * Asserts: no 5xx, no dropped connection, and a rejected write (4xx) changed nothing — the audit
 * log (count and highest id) and the relevant record or list read the same before and after.
 * Every failure of the run is collected and reported at once.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { count, max } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { createApp } from '../app.ts';
import { auditLog } from '../schema.ts';
import { buildFixture, fillPath, type TFixture } from './fixture.ts';
import { applies, buildFuzzCase, FUZZ_CLASSES, type TFuzzCase, type TNoise } from './fuzz-cases.ts';
import { isWrite, readOperations, type TOperation } from './openapi-operations.ts';
import { buildQuery } from './requests.ts';

const SEED = Number(process.env.SOFTPOWER_FUZZ_SEED ?? 20_261_202);
const RUNS = Number(process.env.SOFTPOWER_FUZZ_RUNS ?? 2);

/** Operations not fuzzed: they end the administrator's session, which every later case needs. */
const NOT_FUZZED = new Set(['POST /api/auth/sign-out', 'POST /api/auth/password']);

const database = await createTestDatabase();
let fixture: TFixture;
let operations: TOperation[];
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const app = createApp({
    db: database.db,
    config: { publicUrl: 'http://127.0.0.1', isSecureCookie: false },
  });
  fixture = await buildFixture(database.db, app);
  operations = await readOperations(app);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close?.();
  await database.close();
});

/** The GET that shows what a write would change: the record itself, else its collection. */
function probeFor(op: TOperation, byKey: Map<string, TOperation>): TOperation | undefined {
  const candidates = [op.path];
  let path = op.path;
  while (path.lastIndexOf('/') > '/api'.length) {
    path = path.slice(0, path.lastIndexOf('/'));
    candidates.push(path);
  }
  for (const candidate of candidates) {
    const probe = byKey.get(`GET ${candidate}`);
    if (probe) return probe;
  }
  return undefined;
}

async function auditState() {
  const [row] = await database.db.select({ n: count(), top: max(auditLog.id) }).from(auditLog);
  return `${row?.n ?? 0}/${row?.top ?? 0}`;
}

interface TFailure {
  fuzzClass: string;
  kind: '5xx' | 'dropped' | 'changed';
  key: string;
  detail: string;
  status: number | string;
  body: string;
}

describe('fuzzing every operation from its schema', () => {
  it('answers no 5xx, drops no connection, and a rejected write changes nothing', async () => {
    const byKey = new Map(operations.map((op) => [op.key, op]));
    const fuzzed = operations.filter((op) => !NOT_FUZZED.has(op.key));
    const combos = fuzzed.flatMap((op) =>
      FUZZ_CLASSES.filter((c) => applies(op, c, fixture)).flatMap((fuzzClass) =>
        Array.from({ length: RUNS }, (_, run) => ({ op, fuzzClass, run })),
      ),
    );
    // The randomness of every case, drawn once under the seed: the same seed gives the same run.
    const noises = fc.sample(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 4, maxLength: 4 }), {
      seed: SEED,
      numRuns: combos.length,
    }) as TNoise[];
    // Destructive operations last, so that deleting the fixture's records does not hide later cases.
    const cases: TFuzzCase[] = combos
      .map(({ op, fuzzClass, run }, i) => buildFuzzCase(fixture, op, fuzzClass, noises[i]!, base, run))
      .filter(
        (c) =>
          !(c.method === 'DELETE' && c.fuzzClass !== 'bad-path-param' && c.fuzzClass !== 'bad-query-param'),
      )
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    console.log(`fuzz: seed ${SEED}, ${cases.length} requests over ${fuzzed.length} operations`);

    const failures: TFailure[] = [];
    const started = Date.now();
    for (const c of cases) {
      const probe = isWrite(c.op) ? probeFor(c.op, byKey) : undefined;
      const probeUrl = probe
        ? `${base}${fillPath(fixture, probe)}${buildQuery(fixture, probe).size ? `?${buildQuery(fixture, probe)}` : ''}`
        : undefined;
      const read = async () =>
        probeUrl
          ? await fetch(probeUrl, { headers: { cookie: fixture.cookies.missionAdmin! } }).then((r) =>
              r.text(),
            )
          : '';
      const before = isWrite(c.op) ? [await auditState(), await read()] : [];
      let status: number;
      let text: string;
      try {
        const res = await fetch(`${base}${c.path}`, {
          method: c.method,
          headers: c.headers,
          body: c.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(20_000),
        });
        status = res.status;
        text = await res.text();
      } catch (error) {
        failures.push({
          fuzzClass: c.fuzzClass,
          kind: 'dropped',
          key: c.op.key,
          detail: c.detail,
          status: (error as Error).cause ? String((error as { cause: Error }).cause.message) : String(error),
          body: '',
        });
        continue;
      }
      const report = {
        fuzzClass: c.fuzzClass,
        key: c.op.key,
        detail: c.detail,
        status,
        body: text.slice(0, 200),
      };
      if (status >= 500) failures.push({ ...report, kind: '5xx' });
      else if (isWrite(c.op) && status >= 400) {
        const after = [await auditState(), await read()];
        if (after[0] !== before[0])
          failures.push({ ...report, kind: 'changed', body: `audit log ${before[0]} → ${after[0]}` });
        else if (after[1] !== before[1])
          failures.push({ ...report, kind: 'changed', body: `${probe!.key} changed` });
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const byClass = new Map<string, TFailure[]>();
    for (const f of failures)
      byClass.set(`${f.kind} ${f.fuzzClass}`, [...(byClass.get(`${f.kind} ${f.fuzzClass}`) ?? []), f]);
    const summary = [...byClass.entries()]
      .sort((a, b) => b[1].length - a[1].length)
      .map(([name, list]) => {
        const ops = [...new Set(list.map((f) => f.key))];
        const example = list[0]!;
        return `${name}: ${list.length} (${ops.length} operations: ${ops.join(', ')})\n    e.g. ${example.key} ${example.detail} → ${example.status} ${example.body}`;
      });
    console.log(
      `fuzz: ${cases.length} requests in ${seconds} s, seed ${SEED}; ${failures.length} failures${summary.length ? `:\n  ${summary.join('\n  ')}` : ''}`,
    );
    expect(failures.map((f) => `${f.kind} ${f.fuzzClass} ${f.key} ${f.detail} → ${f.status}`)).toEqual([]);
  }, 300_000);
});
