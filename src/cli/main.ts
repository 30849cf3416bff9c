/**
 * `softpower` — the command line. A thin adapter over the same commands the API calls; every
 * command honours SOFTPOWER_DATA_DIR and DATABASE_URL, prints clear errors and exits non-zero
 * on failure.
 */
import { Command, CommanderError } from 'commander';
import { loadPlanData, readPlanDataFile } from '../server/demo/load-demo.ts';
import { registerCommunicationCalendarCommand } from '../server/modules/communication/index.ts';
import { registerReportCommand } from '../server/modules/evaluation/index.ts';
import { registerInitiativeIoCommands } from '../server/modules/initiatives/index.ts';
import { addUser, signInLinkUrl } from '../server/modules/missions/index.ts';
import { registerPressCommands } from '../server/modules/press/index.ts';
import { readEnvConfig } from '../server/platform/config.ts';
import { migrateDatabase, openDatabase, type TDatabase } from '../server/platform/db/client.ts';
import { startServer } from '../server/serve.ts';
import { ROLES } from '../shared/enums.ts';

/** Opens and migrates the configured database, runs `work`, closes it. */
export async function withDatabase<T>(work: (database: TDatabase) => Promise<T>): Promise<T> {
  const config = readEnvConfig();
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command()
  .name('softpower')
  .description('SoftPower: plan, run, communicate, measure and archive an integrated promotion action plan.')
  .showHelpAfterError()
  .exitOverride();

program
  .command('serve')
  .description(
    'Run migrations, load the demo plan on first start and serve the API and the web app (PORT, default 3000).',
  )
  .action(async () => {
    const server = await startServer(readEnvConfig());
    const stop = async () => {
      await server.stop();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('Apply pending database migrations.')
  .action(async () => {
    await withDatabase(async (database) => console.log(`Database is up to date (${database.location}).`));
  });

program
  .command('demo')
  .description('Load the TT2050 demo plan (loading it twice changes nothing).')
  .option('--file <path>', 'a plan data file in the demo format')
  .action(async (options: { file?: string }) => {
    const data = readPlanDataFile(options.file);
    await withDatabase(async ({ db }) => {
      const result = await loadPlanData(db, data);
      console.log(
        result.isCreated
          ? `Loaded plan ${data.plan.acronym}: ${result.counts.initiatives} initiatives, ${result.counts.organisations} organisations, ${result.counts.people} people.`
          : `Plan ${data.plan.acronym} is already loaded: nothing changed.`,
      );
    });
  });

const user = program.command('user').description('Manage accounts.');
user
  .command('add')
  .description('Create an account (or reset its password) and give it a role in a mission.')
  .requiredOption('--email <email>', 'e-mail address, used to sign in')
  .option('--name <name>', 'display name (default: the part of the e-mail before @)')
  .option('--mission <slug>', 'mission slug, e.g. it-astana', 'it-astana')
  .option('--role <role>', `one of ${ROLES.join(', ')}`, 'officer')
  .option(
    '--password <password>',
    '12 to 200 characters, not a common password (default: a generated one, printed once)',
  )
  .option('--network-admin', 'also make the account a network administrator (manages missions and accounts)')
  .action(
    async (options: {
      email: string;
      name?: string;
      mission: string;
      role: string;
      password?: string;
      networkAdmin?: boolean;
    }) => {
      await withDatabase(async ({ db }) => {
        const result = await addUser(db, {
          email: options.email,
          name: options.name ?? options.email.split('@')[0] ?? options.email,
          missionSlug: options.mission,
          role: options.role as (typeof ROLES)[number],
          password: options.password,
          isNetworkAdmin: options.networkAdmin === true,
        });
        const { publicUrl } = readEnvConfig();
        console.log(
          `${result.isNewUser ? 'Created' : 'Updated'} ${result.email} as ${options.role} of ${options.mission}${options.networkAdmin ? ', network administrator' : ''}.`,
        );
        if (result.generatedPassword) console.log(`Password (shown once): ${result.generatedPassword}`);
        console.log(
          `One-time sign-in link (24 h; older links stop working): ${signInLinkUrl(publicUrl, result.signInToken)}`,
        );
      });
    },
  );

registerInitiativeIoCommands(program, withDatabase);
registerReportCommand(program, withDatabase);
registerCommunicationCalendarCommand(program, withDatabase);
registerPressCommands(program, withDatabase);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(error.exitCode);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (error && typeof error === 'object' && 'issues' in error) {
    const issues = (error as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    console.error(
      `softpower: invalid input:\n${issues.map((i) => `  ${i.path.join('.') || 'value'}: ${i.message}`).join('\n')}`,
    );
  } else {
    console.error(`softpower: ${message}`);
  }
  process.exit(1);
}
