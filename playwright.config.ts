import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against the app started the way `npm start` starts it (the web app must be
 * built first: scripts/test.sh runs `vite build`). Each run gets a fresh data directory; the
 * server writes the generated admin password to E2E_ADMIN_FILE (SOFTPOWER_FIRST_ADMIN_FILE).
 */
const PORT = Number(process.env.E2E_PORT ?? 3310);
// The config is loaded again in each worker: keep the first process's directory.
if (!process.env.E2E_RUN_DIR) {
  mkdirSync('.tmp', { recursive: true });
  // Earlier runs' databases are of no further use.
  for (const entry of readdirSync('.tmp', { withFileTypes: true }).filter((e) => /^e2e-\d+$/.test(e.name)))
    rmSync(join('.tmp', entry.name), { recursive: true, force: true });
  const runDir = resolve(`.tmp/e2e-${Date.now()}`);
  mkdirSync(runDir, { recursive: true });
  process.env.E2E_RUN_DIR = runDir;
  process.env.E2E_ADMIN_FILE = join(runDir, 'first-admin.json');
}
const runDir = process.env.E2E_RUN_DIR;

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.tmp/playwright-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    {
      name: 'journeys',
      testMatch: /.*\.spec\.ts/,
      dependencies: ['setup'],
      use: { storageState: join(runDir, 'storage-state.json') },
    },
  ],
  webServer: {
    command: 'node bin/softpower.js serve',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SOFTPOWER_DATA_DIR: join(runDir, 'data'),
      SOFTPOWER_FIRST_ADMIN_FILE: process.env.E2E_ADMIN_FILE!,
      // The press journey serves a news page on loopback; any other internal address stays refused.
      SOFTPOWER_FETCH_ALLOW_HOSTS: '127.0.0.1',
    },
  },
});
