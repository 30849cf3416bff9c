/**
 * Everything the bench starts — child processes, temporary folders, servers, databases — is
 * registered here, so that `releaseAll()` can stop and remove it even after a failure or Ctrl-C.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const children = new Set<ChildProcess>();
const releases: { label: string; release: () => Promise<void> | void }[] = [];

/**
 * Spawns a child process that `releaseAll()` kills if it is still running.
 * Its output is kept (last 4 kB) for error messages.
 */
export function spawnTracked(
  command: string,
  args: string[],
  options: SpawnOptions,
): ChildProcess & { output: () => string } {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4096);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return Object.assign(child, { output: () => output });
}

/** Resolves when the child has exited; after `timeoutMs` it is killed (SIGKILL). */
export async function waitForExit(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Registers work to undo; `releaseAll()` runs it in reverse order (last acquired, first released). */
export function onRelease(label: string, release: () => Promise<void> | void): void {
  releases.push({ label, release });
}

/** A temporary folder that `releaseAll()` deletes. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onRelease(`remove ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Kills the children still running, then releases everything else (never throws). */
export async function releaseAll(): Promise<void> {
  for (const child of children) child.kill('SIGKILL');
  while (releases.length > 0) {
    const { label, release } = releases.pop()!;
    try {
      await release();
    } catch (error) {
      console.error(`bench: could not ${label}: ${(error as Error).message}`);
    }
  }
}

/**
 * GET `url` on a fresh connection (no keep-alive, so a server can stop at once).
 * @returns the status code, or null when nothing answers.
 */
export function fetchStatus(url: string, timeoutMs = 2000): Promise<number | null> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? null));
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(null));
    req.end();
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
