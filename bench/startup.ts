/**
 * Second start: how long `softpower serve` takes from spawn to the first HTTP 200 when the data
 * folder already holds a migrated database with the demo (the everyday restart), next to the
 * floor — a `node -e` HTTP server that imports nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { freePort } from '../test/helpers/postgres.ts';
import { fetchStatus, makeTempDir, sleep, spawnTracked, waitForExit } from './resources.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '..');
const SOFTPOWER_BIN = join(PROJECT_ROOT, 'bin', 'softpower.js');
const POLL_INTERVAL_MS = 10;
const FLOOR_SCRIPT =
  "require('node:http').createServer((req, res) => res.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')";

export interface TStartSample {
  /** Spawn → first 200 on GET /api/health. */
  healthMs: number;
  /** Spawn → first 200 on GET / (only when the web app is built). */
  pageMs: number | null;
}

export interface TStartupResult {
  softpower: TStartSample[];
  nodeFloor: TStartSample[];
  hasWebApp: boolean;
  /** The first start (migrations, demo, first admin), for context. */
  firstStartMs: number;
  /** The prepared data folder (deleted by `releaseAll()`). */
  dataDir: string;
}

interface TStartOptions {
  args: string[];
  env: NodeJS.ProcessEnv;
  port: number;
  checkPage: boolean;
  timeoutMs: number;
}

/** Spawns one server, polls it every 10 ms until it answers 200, stops it with SIGTERM. */
async function timeOneStart({ args, env, port, checkPage, timeoutMs }: TStartOptions): Promise<TStartSample> {
  const base = `http://127.0.0.1:${port}`;
  const startedAt = performance.now();
  const child = spawnTracked(process.execPath, args, { cwd: PROJECT_ROOT, env });
  try {
    const waitFor200 = async (path: string) => {
      while ((await fetchStatus(`${base}${path}`, 1000)) !== 200) {
        if (child.exitCode !== null)
          throw new Error(`the server exited (${child.exitCode}):\n${child.output()}`);
        if (performance.now() - startedAt > timeoutMs)
          throw new Error(`no 200 on ${path} after ${timeoutMs} ms:\n${child.output()}`);
        await sleep(POLL_INTERVAL_MS);
      }
      return performance.now() - startedAt;
    };
    const healthMs = await waitFor200('/api/health');
    const pageMs = checkPage ? await waitFor200('/') : null;
    return { healthMs, pageMs };
  } finally {
    child.kill('SIGTERM');
    await waitForExit(child);
  }
}

/**
 * Prepares a data folder with a first start, then times `runs` second starts of
 * `node bin/softpower.js serve` and of the bare node floor.
 */
export async function measureSecondStarts({ runs }: { runs: number }): Promise<TStartupResult> {
  const dataDir = makeTempDir('softpower-bench-start-');
  const port = await freePort();
  const hasWebApp = existsSync(join(PROJECT_ROOT, 'dist', 'web', 'index.html'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SOFTPOWER_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
  };
  const serve = { args: [SOFTPOWER_BIN, 'serve'], env, port, checkPage: hasWebApp };
  const first = await timeOneStart({ ...serve, timeoutMs: 120_000 });
  const softpower: TStartSample[] = [];
  for (let i = 0; i < runs; i++) softpower.push(await timeOneStart({ ...serve, timeoutMs: 30_000 }));
  const nodeFloor: TStartSample[] = [];
  for (let i = 0; i < runs; i++) {
    nodeFloor.push(
      await timeOneStart({ args: ['-e', FLOOR_SCRIPT], env, port, checkPage: false, timeoutMs: 10_000 }),
    );
  }
  return { softpower, nodeFloor, hasWebApp, firstStartMs: first.healthMs, dataDir };
}

export interface TStartupPhases {
  [phase: string]: number;
}

/**
 * Runs `bench/startup-phases.ts` on an already prepared data folder and returns how long each
 * phase of a second start took (see that file).
 */
export async function measureStartupPhases({ dataDir }: { dataDir: string }): Promise<TStartupPhases> {
  const child = spawnTracked(
    process.execPath,
    ['--import', 'tsx', join(PROJECT_ROOT, 'bench', 'startup-phases.ts')],
    { cwd: PROJECT_ROOT, env: { ...process.env, SOFTPOWER_DATA_DIR: dataDir } },
  );
  await waitForExit(child, 60_000);
  const line = child
    .output()
    .split('\n')
    .find((l) => l.startsWith('{'));
  if (child.exitCode !== 0 || !line) throw new Error(`startup-phases failed:\n${child.output()}`);
  return JSON.parse(line) as TStartupPhases;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
