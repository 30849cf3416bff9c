/**
 * The load generator: autocannon's CLI in a child process, so that it does not share the event
 * loop of the servers being measured (it still shares the machine's cores).
 */
import { createRequire } from 'node:module';
import { spawnTracked, waitForExit } from './resources.ts';

const AUTOCANNON_CLI = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export interface TLoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Responses with a 2xx status; anything else below is a reason to distrust the figures. */
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface TRunLoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationSec: number;
}

/**
 * Runs autocannon against `url` and returns its figures.
 * @throws Error when autocannon fails or prints no result.
 */
export async function runLoad({
  url,
  headers = {},
  connections,
  durationSec,
}: TRunLoadOptions): Promise<TLoadResult> {
  const args = [AUTOCANNON_CLI, '--json', '-c', String(connections), '-d', String(durationSec)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}:${value}`);
  args.push(url);

  const child = spawnTracked(process.execPath, args, {});
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  await waitForExit(child, (durationSec + 30) * 1000);
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (child.exitCode !== 0 || !line) throw new Error(`autocannon failed:\n${child.output()}`);
  const result = JSON.parse(line) as {
    requests: { average: number };
    latency: { p50: number; p99: number };
    '2xx': number;
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
