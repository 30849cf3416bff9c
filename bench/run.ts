/**
 * `npm run bench` — figures and ratios measured in one run; a benchmark, not a test (nothing fails
 * on a slow figure). About two minutes.
 *
 * 1. Second start (bench/startup.ts). A first `softpower serve` prepares a temporary data folder
 *    (migrations, demo, first admin) and is stopped with SIGTERM. Then N=5 times: spawn
 *    `node bin/softpower.js serve`, poll GET /api/health (and GET / when dist/web is built) every
 *    10 ms until it answers 200, stop it. Same for the floor: `node -e` with a node:http server that
 *    imports nothing. Goal: median ≤ 2000 ms. bench/startup-phases.ts then splits one second start
 *    into its phases (imports, openDatabase, migrate, countUsers, createApp, listen).
 * 2. Initiative list (bench/list-throughput.ts). On PGlite (temporary data folder) and on a
 *    throwaway PostgreSQL 15 cluster (test/helpers/postgres.ts; skipped when its binaries are
 *    missing), with the demo loaded: GET /api/initiatives?planId=<TT2050>&limit=50 with a session
 *    cookie, and a bare Hono route running the same SQL on the same connection or pool
 *    (bench/baseline-app.ts). Both listen in this process; autocannon, in a child process, loads
 *    each in turn: 32 connections, 2 s warm-up, 10 s measured. Goal: SoftPower ≥ 0.6 × baseline.
 * 3. A table and one line per goal.
 *
 * Everything started is stopped and deleted at the end, also on failure or Ctrl-C
 * (bench/resources.ts). BENCH_DURATION_SEC and BENCH_STARTS shorten a trial run.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/platform/db/client.ts';
import { hasPostgresBinaries, startPostgresCluster } from '../test/helpers/postgres.ts';
import { measureList, type TListFigures } from './list-throughput.ts';
import { makeTempDir, onRelease, releaseAll } from './resources.ts';
import { measureSecondStarts, measureStartupPhases, median, type TStartupResult } from './startup.ts';

const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const LOAD = {
  connections: 32,
  durationSec: Number(process.env.BENCH_DURATION_SEC ?? 10),
  warmupSec: 2,
};
const START_GOAL_MS = 2000;
const RATIO_GOAL = 0.6;

const ms = (value: number) => `${Math.round(value)} ms`;
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const verdict = (isMet: boolean) => (isMet ? 'met' : 'NOT met');

interface TRow {
  scenario: string;
  reqPerSec: string;
  p50: string;
  p99: string;
  ratio: string;
  goal: string;
}

function printTable(rows: TRow[]): void {
  const header: TRow = {
    scenario: 'scenario',
    reqPerSec: 'req/s',
    p50: 'p50',
    p99: 'p99',
    ratio: 'ratio to baseline',
    goal: 'goal',
  };
  const keys = Object.keys(header) as (keyof TRow)[];
  const widths = keys.map((k) => Math.max(...[header, ...rows].map((r) => r[k].length)));
  const line = (r: TRow) =>
    keys
      .map((k, i) => r[k].padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

function reportStartup(result: TStartupResult): void {
  const list = (values: number[]) => values.map((v) => Math.round(v)).join(', ');
  const health = result.softpower.map((s) => s.healthMs);
  const floor = result.nodeFloor.map((s) => s.healthMs);
  console.log(`  first start (migrations, demo, first admin): ${ms(result.firstStartMs)}`);
  console.log(`  softpower serve, spawn → 200 /api/health: ${list(health)} ms`);
  console.log(`    median ${ms(median(health))}, max ${ms(Math.max(...health))}`);
  if (result.hasWebApp) {
    const page = result.softpower.map((s) => s.pageMs!);
    console.log(
      `  softpower serve, spawn → 200 GET /: median ${ms(median(page))}, max ${ms(Math.max(...page))}`,
    );
  } else {
    console.log('  (dist/web is not built: GET / not measured; `npm run build` to include it)');
  }
  console.log(`  node floor (node -e + node:http): ${list(floor)} ms → median ${ms(median(floor))}`);
}

function reportList(label: string, figures: TListFigures): void {
  const { softpower, baseline, perRequest } = figures;
  console.log(
    `  ${label}: ${perRequest.items} initiatives per page, ${perRequest.statements} SQL statements in the baseline ` +
      `(SoftPower also looks the session up); response ${perRequest.softpowerBytes} B vs ${perRequest.baselineBytes} B`,
  );
  for (const [name, r] of [
    ['SoftPower', softpower],
    ['baseline', baseline],
  ] as const) {
    const problems = r.non2xx + r.errors + r.timeouts;
    console.log(
      `    ${name.padEnd(9)} ${fixed(r.requestsPerSec, 0)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ` +
        `CPU ${fixed(r.cpuMsPerRequest)} ms per request` +
        (problems ? `  ⚠ ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts` : ''),
    );
  }
  console.log(
    `    CPU per request, baseline ÷ SoftPower: ${fixed(baseline.cpuMsPerRequest / softpower.cpuMsPerRequest)} ` +
      '(steadier than req/s when other work shares the machine)',
  );
}

const loadAverage = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

function listRows(label: string, figures: TListFigures): { rows: TRow[]; goals: string[] } {
  const { softpower, baseline } = figures;
  const throughputRatio = softpower.requestsPerSec / baseline.requestsPerSec;
  // Inverted for latency, so that both ratios read "share of the baseline's speed".
  const latencyRatio = baseline.p99Ms / softpower.p99Ms;
  const cpuRatio = baseline.cpuMsPerRequest / softpower.cpuMsPerRequest;
  const row = (scenario: string, r: typeof softpower, ratio: string, goal: string): TRow => ({
    scenario,
    reqPerSec: fixed(r.requestsPerSec, 0),
    p50: `${r.p50Ms} ms`,
    p99: `${r.p99Ms} ms`,
    ratio,
    goal,
  });
  return {
    rows: [
      row(
        `list, ${label}, SoftPower`,
        softpower,
        `req/s ${fixed(throughputRatio)} · p99 ${fixed(latencyRatio)} · CPU ${fixed(cpuRatio)}`,
        `≥ ${RATIO_GOAL}: ${verdict(throughputRatio >= RATIO_GOAL)}`,
      ),
      row(`list, ${label}, bare Hono`, baseline, '1 (baseline)', ''),
    ],
    goals: [
      `list on ${label}: req/s ≥ ${RATIO_GOAL} × baseline: ${verdict(throughputRatio >= RATIO_GOAL)} (${fixed(throughputRatio, 3)})`,
      `list on ${label}: p99 within 1/${RATIO_GOAL} × baseline (ratio ≥ ${RATIO_GOAL}): ${verdict(latencyRatio >= RATIO_GOAL)} (${fixed(latencyRatio, 3)})`,
    ],
  };
}

async function main(): Promise<void> {
  const cores = availableParallelism();
  console.log(`SoftPower bench — node ${process.version}, ${cores} CPU cores (${cpus()[0]?.model ?? '?'})`);
  console.log(`  load average (1, 5, 15 min) at the start: ${loadAverage()}`);
  if (loadavg()[0]! > cores / 2)
    console.log('  ⚠ Other work is running on this machine: every figure is skewed; rerun when it is quiet.');
  if (cores <= 2)
    console.log(
      `  Note: only ${cores} cores. The server, autocannon and (for PostgreSQL) the database processes share them,` +
        '\n  so absolute req/s are pessimistic; the ratios compare like with like in the same run.',
    );

  const rows: TRow[] = [];
  const goals: string[] = [];

  console.log(`\n1. Second start of \`softpower serve\` (N=${STARTS}, polling every 10 ms)`);
  const startup = await measureSecondStarts({ runs: STARTS });
  reportStartup(startup);
  const phases = await measureStartupPhases({ dataDir: startup.dataDir });
  console.log('  where one second start goes (bench/startup-phases.ts, same data folder):');
  for (const [phase, value] of Object.entries(phases)) console.log(`    ${phase.padEnd(44)} ${ms(value)}`);
  const startHealth = startup.softpower.map((s) => s.healthMs);
  const startFloor = startup.nodeFloor.map((s) => s.healthMs);
  const startMedian = median(startHealth);
  const isStartMet = startMedian <= START_GOAL_MS;
  rows.push(
    {
      scenario: 'second start, softpower serve',
      reqPerSec: '–',
      p50: ms(startMedian),
      p99: ms(Math.max(...startHealth)),
      ratio: `${fixed(startMedian / median(startFloor), 1)}× node floor`,
      goal: `≤ ${START_GOAL_MS} ms: ${verdict(isStartMet)}`,
    },
    {
      scenario: 'second start, node floor',
      reqPerSec: '–',
      p50: ms(median(startFloor)),
      p99: ms(Math.max(...startFloor)),
      ratio: '',
      goal: '',
    },
  );
  goals.push(
    `second start ≤ ${START_GOAL_MS} ms (median of ${STARTS}): ${verdict(isStartMet)} (median ${ms(startMedian)}, max ${ms(Math.max(...startHealth))})`,
  );

  const loadText = `${LOAD.connections} connections, ${LOAD.warmupSec} s warm-up, ${LOAD.durationSec} s measured`;
  console.log(`\n2. GET /api/initiatives?planId=<TT2050>&limit=50 vs a bare Hono handler (${loadText})`);

  const pgliteDir = makeTempDir('softpower-bench-pglite-');
  const pglite = await openDatabase({ dataDir: join(pgliteDir, 'data') });
  onRelease('close PGlite', () => pglite.close());
  const pgliteFigures = await measureList({ database: pglite, ...LOAD });
  reportList('PGlite', pgliteFigures);
  console.log(
    '    (PGlite runs one statement at a time inside this process: at 32 connections the requests queue,\n' +
      '     so its p99 is mostly queueing and changes a lot from run to run)',
  );
  const pgliteResult = listRows('PGlite', pgliteFigures);
  rows.push(...pgliteResult.rows);
  goals.push(...pgliteResult.goals);

  if (hasPostgresBinaries()) {
    const cluster = await startPostgresCluster();
    onRelease('stop the PostgreSQL cluster', () => cluster.stop());
    // The pool size `softpower serve` uses (openDatabase's default).
    const postgres = await openDatabase({ databaseUrl: cluster.url('postgres') });
    onRelease('close the PostgreSQL pool', () => postgres.close());
    const postgresFigures = await measureList({ database: postgres, ...LOAD });
    reportList('PostgreSQL 15 (pool of 20)', postgresFigures);
    const postgresResult = listRows('PostgreSQL', postgresFigures);
    rows.push(...postgresResult.rows);
    goals.push(...postgresResult.goals);
  } else {
    console.log('  PostgreSQL: skipped (no /usr/lib/postgresql/15/bin; set PG_BIN to use another).');
    goals.push('list on PostgreSQL: not measured (no PostgreSQL binaries)');
  }

  console.log('\n3. Summary (second-start rows: p50 = median, p99 = max of the starts;');
  console.log('   ratios read "share of the baseline\'s speed": p99 and CPU per request are inverted)');
  printTable(rows);
  console.log('');
  for (const goal of goals) console.log(`goal: ${goal}`);
  console.log(`\nload average at the end: ${loadAverage()} (the bench itself keeps about 2 busy)`);
}

const stopOnSignal = (signal: NodeJS.Signals) => {
  console.error(`\nbench: ${signal}, cleaning up…`);
  void releaseAll().then(() => process.exit(130));
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

try {
  await main();
} catch (error) {
  console.error('bench failed:', error);
  process.exitCode = 1;
} finally {
  await releaseAll();
}
