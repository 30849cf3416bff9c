/**
 * Nothing acknowledged is lost on a crash (issue 12, "what already holds"): the server started as
 * `npm start` starts it, on the embedded database, is killed with SIGKILL three times in the
 * middle of a stream of writes; after each restart every write that was answered 201 is there.
 * PGlite only (the PostgreSQL run has its own server's durability).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'softpower-crash-'));
const adminFile = join(dataDir, 'first-admin.json');
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `softpower serve` on a free port; resolves with its URL once it listens. */
function start(): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SOFTPOWER_DATA_DIR: join(dataDir, 'db'),
    SOFTPOWER_FIRST_ADMIN_FILE: adminFile,
    PORT: '0',
    HOST: '127.0.0.1',
    NO_COLOR: '1',
  };
  delete env.DATABASE_URL;
  const proc = spawn('node', ['bin/softpower.js', 'serve'], { cwd: ROOT, env, stdio: 'pipe' });
  child = proc;
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before listening:\n${output}`)),
    );
  });
}

function killHard(): Promise<void> {
  const proc = child!;
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

async function signIn(url: string): Promise<string> {
  const { email, password } = JSON.parse(readFileSync(adminFile, 'utf8'));
  const answer = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(answer.status).toBe(200);
  return answer.headers.get('set-cookie')!.split(';')[0]!;
}

describe.skipIf(inject('dbKind') === 'postgres')('crash durability on the embedded database', () => {
  it('keeps every acknowledged write across three kill -9 during writes', async () => {
    const acknowledged: string[] = [];
    let missionId = '';
    for (let round = 0; round < 3; round++) {
      const url = await start();
      const cookie = await signIn(url);
      if (!missionId) {
        const me = await (await fetch(`${url}/api/auth/me`, { headers: { cookie } })).json();
        missionId = me.memberships[0].missionId;
      }
      // A stream of writes, a few in flight at once; the kill lands in the middle of it.
      let stop = false;
      const writer = async (lane: number) => {
        for (let i = 0; !stop; i++) {
          const name = `Crash test ${round}-${lane}-${i}`;
          try {
            const answer = await fetch(`${url}/api/organisations`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', cookie },
              body: JSON.stringify({ missionId, name, kind: 'agency' }),
            });
            if (answer.status === 201) acknowledged.push(name);
            else expect(answer.status).toBe(201);
          } catch {
            return; // the connection died with the server: not acknowledged
          }
        }
      };
      const lanes = [0, 1, 2].map(writer);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await killHard();
      stop = true;
      await Promise.all(lanes);
    }
    const url = await start();
    const cookie = await signIn(url);
    const found = new Set<string>();
    for (let offset = 0; ; offset += 500) {
      const page = await (
        await fetch(`${url}/api/organisations?missionId=${missionId}&limit=500&offset=${offset}`, {
          headers: { cookie },
        })
      ).json();
      for (const o of page.items) found.add(o.name);
      if (page.items.length < 500) break;
    }
    const lost = acknowledged.filter((name) => !found.has(name));
    console.log(`crash durability: ${acknowledged.length} acknowledged writes, ${lost.length} lost`);
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(lost).toEqual([]);
    await killHard();
  }, 180_000);
});
