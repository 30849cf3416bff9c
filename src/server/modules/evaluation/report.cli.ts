/**
 * `softpower report --plan ACRONYM --format pdf|docx|xlsx [--lang it|en|ru|kk] --out FILE`: the report for
 * headquarters, made by the same code as `GET /api/plans/:id/report.{format}`, acting as the
 * system actor.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { REPORT_FORMATS, type TReportFormat } from '../../../shared/enums.ts';
import type { TDatabase } from '../../platform/db/client.ts';
import { REPORT_LANGUAGES, type TReportLanguage } from '../../platform/reports/i18n.ts';
import { findPlanByAcronym } from '../initiatives/index.ts';
import { createSystemActor } from '../missions/index.ts';
import { exportPlanReport } from './plan-report.ts';

type TWithDatabase = <T>(work: (database: TDatabase) => Promise<T>) => Promise<T>;

/**
 * The format asked for, else the one of the --out extension.
 * @throws when neither names pdf, docx or xlsx
 * @example reportFormatOf(undefined, 'tt2050.docx') // 'docx'
 */
export function reportFormatOf(format: string | undefined, out: string): TReportFormat {
  const wanted = (format ?? /\.([a-z]+)$/i.exec(out)?.[1] ?? '').toLowerCase();
  if (!REPORT_FORMATS.includes(wanted as TReportFormat)) {
    throw new Error(
      format
        ? `--format must be pdf, docx or xlsx, not "${format}".`
        : `Give --format pdf, docx or xlsx (the extension of ${out} names none of them).`,
    );
  }
  return wanted as TReportFormat;
}

/**
 * The language asked for (English when none).
 * @throws when it is not one of it, en, ru, kk
 * @example reportLanguageOf('IT') // 'it'
 */
export function reportLanguageOf(lang: string | undefined): TReportLanguage {
  if (lang === undefined) return 'en';
  const wanted = lang.trim().toLowerCase();
  if (!REPORT_LANGUAGES.includes(wanted as TReportLanguage))
    throw new Error(`--lang must be one of ${REPORT_LANGUAGES.join(', ')}, not "${lang}".`);
  return wanted as TReportLanguage;
}

/** `report` (see README, CLI reference). */
export function registerReportCommand(program: Command, withDatabase: TWithDatabase): void {
  program
    .command('report')
    .description(
      "Write a plan's report for headquarters: PDF or DOCX (plan, structure, impact, indicators, DAC ratings, conclusions, annex of initiatives) or the data as XLSX.",
    )
    .requiredOption('--out <file>', 'the file to write')
    .option('--plan <acronym>', 'the plan (default: the only plan)')
    .option('--mission <slug>', 'the mission, when several have a plan with that acronym')
    .option('--format <format>', 'pdf, docx or xlsx (default: from the --out extension)')
    .option(
      '--lang <lang>',
      `language of the headings and labels: ${REPORT_LANGUAGES.join(', ')} (default: en)`,
    )
    .action(
      async (options: { out: string; plan?: string; mission?: string; format?: string; lang?: string }) => {
        const format = reportFormatOf(options.format, options.out);
        const lang = reportLanguageOf(options.lang);
        await withDatabase(async ({ db }) => {
          const plan = await findPlanByAcronym(db, { acronym: options.plan, missionSlug: options.mission });
          const actor = await createSystemActor(db);
          const file = await exportPlanReport(db, actor, { planId: plan.id, format, lang });
          writeFileSync(options.out, file.data);
          console.log(
            `Wrote the ${format.toUpperCase()} report of ${plan.acronym} to ${options.out} (${Math.ceil(file.data.byteLength / 1024)} KB).`,
          );
        });
      },
    );
}
