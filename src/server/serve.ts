import { writeFileSync } from 'node:fs';
import { createApp } from './app.ts';
import { loadPlanData } from './demo/load-demo.ts';
import { addUser, countUsers } from './modules/missions/index.ts';
import { startFeedPolling } from './modules/press/index.ts';
import type { TEnvConfig } from './platform/config.ts';
import { migrateDatabase, openDatabase } from './platform/db/client.ts';
import { listen } from './platform/http/listen.ts';

export const FIRST_ADMIN_EMAIL = 'admin@softpower.local';

/**
 * `softpower serve`: migrate, load the demo plan on first start, create the first admin, listen.
 * Resolves once listening; returns a stop function.
 */
export async function startServer(config: TEnvConfig, log: (line: string) => void = console.log) {
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await migrateDatabase(database);
  const { db } = database;
  let firstAdmin: { password: string | null; token: string } | null = null;
  if ((await countUsers(db)) === 0) {
    const demo = await loadPlanData(db);
    if (demo.isCreated) log(`Loaded the demo plan TT2050 (${demo.counts.initiatives} initiatives).`);
    const admin = await addUser(db, {
      email: FIRST_ADMIN_EMAIL,
      name: 'Administrator',
      missionSlug: 'it-astana',
      role: 'admin',
      // The first account also runs the network: it creates missions and their administrators.
      isNetworkAdmin: true,
    });
    firstAdmin = { password: admin.generatedPassword, token: admin.signInToken };
    // For automation (the browser tests): hand the generated password over in a private file.
    if (config.firstAdminFile) {
      writeFileSync(
        config.firstAdminFile,
        JSON.stringify({ email: FIRST_ADMIN_EMAIL, password: admin.generatedPassword }),
        { mode: 0o600 },
      );
    }
  }
  const app = createApp({
    db,
    config: {
      publicUrl: config.publicUrl,
      isSecureCookie: config.publicUrl.startsWith('https:'),
      webDir: config.webDir,
      trustedProxies: config.trustedProxies,
      sessionIdleMs: config.sessionIdleHours * 60 * 60 * 1000,
      sessionMaxAgeMs: config.sessionMaxDays * 24 * 60 * 60 * 1000,
    },
  });
  const server = await listen({ fetch: app.fetch, port: config.port, hostname: config.host });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
  log(`SoftPower is running at ${url}  (data: ${database.location})`);
  if (!config.webDir)
    log('The web app is not built: run `npm run build` to serve it (the API works without it).');
  if (firstAdmin) {
    log('');
    log(
      'First start: an administrator account was created (network administrator, and administrator of the demo mission).',
    );
    log(`  Sign in at ${url} with  ${FIRST_ADMIN_EMAIL}  and password  ${firstAdmin.password}`);
    log(`  or open this one-time link (valid 24 h): ${url}/api/auth/link/${firstAdmin.token}`);
    log('  The password is shown only now. Create more accounts with: softpower user add');
  }
  const stopFeedPolling = startFeedPolling(db, log);
  return {
    url,
    port,
    stop: async () => {
      stopFeedPolling();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
