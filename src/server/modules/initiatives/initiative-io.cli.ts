/**
 * `softpower import initiatives FILE` and `softpower export initiatives`: the command-line face
 * of `server/commands/initiative-io.ts`, acting as the system actor.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { TDatabase } from '../../platform/db/client.ts';
import { createSystemActor } from '../missions/index.ts';
import { exportInitiatives } from './initiative-export.ts';
import { importInitiatives } from './initiative-import.ts';
import {
  findPlanByAcronym,
  formatOfFile,
  IMPORT_FORMATS,
  type TImportFormat,
  type TImportProgress,
} from './initiative-io.ts';

type TWithDatabase = <T>(work: (database: TDatabase) => Promise<T>) => Promise<T>;

const PHASE_LABELS: Record<TImportProgress['phase'], string> = {
  validating: 'Checking rows',
  writing: 'Writing',
};

/**
 * Progress on stderr: a line rewritten in place on a terminal, otherwise one line per 10%.
 * @example const progress = createProgressReporter(process.stderr); progress.report({ phase: 'writing', done: 5, total: 10 });
 */
export function createProgressReporter(stream: NodeJS.WriteStream) {
  const isTty = Boolean(stream.isTTY);
  let phase: TImportProgress['phase'] | null = null;
  let lastTenth = 0;
  let isLineOpen = false;
  const endLine = () => {
    if (isLineOpen) stream.write('\n');
    isLineOpen = false;
  };
  return {
    report(progress: TImportProgress) {
      if (progress.phase !== phase) {
        endLine();
        phase = progress.phase;
        lastTenth = 0;
      }
      const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 100;
      const text = `${PHASE_LABELS[progress.phase]}: ${percent}% (${progress.done}/${progress.total})`;
      if (isTty) {
        stream.write(`\r\x1b[K${text}`);
        isLineOpen = true;
      } else if (Math.floor(percent / 10) > lastTenth) {
        lastTenth = Math.floor(percent / 10);
        stream.write(`${text}\n`);
      }
    },
    done: endLine,
  };
}

function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 1900 || year > 2200)
    throw new Error(`--year must be a year such as 2022, not "${value}".`);
  return year;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `import initiatives` and `export initiatives` (see README, CLI reference). */
export function registerInitiativeIoCommands(program: Command, withDatabase: TWithDatabase): void {
  program
    .command('import')
    .description('Import data from files.')
    .command('initiatives')
    .description(
      "Import a plan's initiatives from a .csv or .xlsx file. Every row is checked first; with any error nothing is written and each is printed as FILE:ROW: column COLUMN: message. Rows whose key exists in the plan update it, the others are created.",
    )
    .argument('<file>', 'a .csv or .xlsx file with a header row (initiative, date, type, …)')
    .option('--plan <acronym>', 'the plan (default: the only plan)')
    .option('--mission <slug>', 'the mission, when several have a plan with that acronym')
    .option('--dry-run', 'check and count, write nothing')
    .option('--year <yyyy>', 'the year of dates written without one (default: from the plan period)')
    .action(
      async (file: string, options: { plan?: string; mission?: string; dryRun?: boolean; year?: string }) => {
        formatOfFile(file);
        const year = parseYear(options.year);
        let data: Uint8Array;
        try {
          data = readFileSync(file);
        } catch (error) {
          throw new Error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
        }
        await withDatabase(async ({ db }) => {
          const plan = await findPlanByAcronym(db, { acronym: options.plan, missionSlug: options.mission });
          const actor = await createSystemActor(db);
          const progress = createProgressReporter(process.stderr);
          const result = await importInitiatives(db, actor, {
            planId: plan.id,
            file: { name: basename(file), data },
            isDryRun: options.dryRun,
            year,
            onProgress: progress.report,
          });
          progress.done();
          for (const warning of result.warnings) console.error(`${file}: warning: ${warning}`);
          if (result.errors.length) {
            for (const e of result.errors)
              console.error(`${file}:${e.row}: column ${e.column}: ${e.message}`);
            throw new Error(`${plural(result.errors.length, 'error')} in ${file}: nothing was imported.`);
          }
          const counts = `${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`;
          console.log(
            result.isDryRun
              ? `Dry run of ${file} into ${plan.acronym}: ${plural(result.rows, 'row')} would give ${counts}. Nothing was written.`
              : `Imported ${file} into ${plan.acronym}: ${plural(result.rows, 'row')}, ${counts}.`,
          );
          if (result.createdOrganisations.length)
            console.log(
              `${result.isDryRun ? 'Would create' : 'Created'} ${plural(result.createdOrganisations.length, 'organisation')} of kind "other" (review them): ${result.createdOrganisations.join('; ')}`,
            );
        });
      },
    );

  program
    .command('export')
    .description('Export data to files.')
    .command('initiatives')
    .description("Export a plan's initiatives in the import's format (CSV to standard output without --out).")
    .option('--plan <acronym>', 'the plan (default: the only plan)')
    .option('--mission <slug>', 'the mission, when several have a plan with that acronym')
    .option('--format <format>', 'csv or xlsx (default: from the --out extension, else csv)')
    .option('--out <file>', 'the file to write')
    .action(async (options: { plan?: string; mission?: string; format?: string; out?: string }) => {
      const format = (options.format?.toLowerCase() ??
        (options.out ? /\.(csv|xlsx)$/i.exec(options.out)?.[1]?.toLowerCase() : undefined) ??
        'csv') as TImportFormat;
      if (!IMPORT_FORMATS.includes(format))
        throw new Error(`--format must be csv or xlsx, not "${options.format}".`);
      if (format === 'xlsx' && !options.out) throw new Error('xlsx needs --out FILE.');
      await withDatabase(async ({ db }) => {
        const plan = await findPlanByAcronym(db, { acronym: options.plan, missionSlug: options.mission });
        const actor = await createSystemActor(db);
        const file = await exportInitiatives(db, actor, { planId: plan.id, format });
        if (!options.out) {
          process.stdout.write(file.data);
          return;
        }
        writeFileSync(options.out, file.data);
        console.log(`Wrote ${plural(file.rows, 'initiative')} of ${plan.acronym} to ${options.out}.`);
      });
    });
}
