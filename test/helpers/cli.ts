import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `softpower` as a user would, on a data folder of the test file's own (deleted after it).
 * Each run opens (on first use creates) an embedded database: a few seconds, so keep runs few.
 * @example const cli = setupCli(); const { code, stdout } = await cli('demo');
 */
export function setupCli() {
  const dataDir = mkdtempSync(join(tmpdir(), 'softpower-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  return (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    const env: NodeJS.ProcessEnv = { ...process.env, SOFTPOWER_DATA_DIR: dataDir, NO_COLOR: '1' };
    delete env.DATABASE_URL;
    return new Promise((resolve) => {
      execFile('node', ['bin/softpower.js', ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      });
    });
  };
}
