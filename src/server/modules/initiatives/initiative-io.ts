import { and, asc, eq, isNull } from 'drizzle-orm';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { HttpProblem, notFound, type TFieldError } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { UPLOAD_LIMITS } from '../../platform/uploads/limits.ts';
import { parseWorkbook } from '../../platform/uploads/parse-in-worker.ts';
import { fileRefused, tooManyRows } from '../../platform/uploads/problems.ts';
import { missions } from '../missions/index.ts';
import { plans } from '../plans/index.ts';
import { IMPORT_LIMITS } from './rules/initiative-table.ts';
import { decodeText, parseCsv } from './rules/table-csv.ts';

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type TImportFormat = (typeof IMPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<TImportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The role a partner gets when an import links it to an initiative for the first time. */
export const IMPORTED_PARTNER_ROLE = 'co_organiser' as const;

/** A validation error of one cell: `field` is "row 3, column type" for clients that show only fields. */
export interface TImportError extends TFieldError {
  row: number;
  column: string;
}

export interface TImportProgress {
  phase: 'validating' | 'writing';
  done: number;
  total: number;
}

export interface TImportOptions {
  planId: string;
  file: { name: string; data: Uint8Array };
  /** Validate and count, write nothing. */
  isDryRun?: boolean;
  /** The year of dates written without one (default: from the plan's period). */
  year?: number;
  onProgress?: (progress: TImportProgress) => void;
}

export interface TImportResult {
  /** Data rows read (empty rows not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Organisations created for partner names the mission did not know (kind "other"). */
  createdOrganisations: string[];
  warnings: string[];
  /** When not empty, nothing was written. */
  errors: TImportError[];
  isDryRun: boolean;
}

const CHUNK = 500;

export function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const fileProblem = (message: string, status: 400 | 413 = 400) =>
  new HttpProblem(status, status === 413 ? 'Payload too large' : 'Invalid request', `The file ${message}.`, {
    errors: [{ field: 'file', message }],
  });

/** The format of a file from its name. @throws 400 naming `file` for anything but .csv/.xlsx. */
export function formatOfFile(name: string): TImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'xlsx') return extension;
  if (extension === 'xls')
    throw fileProblem(`"${name}" is an old Excel .xls workbook: save it as .xlsx or .csv`);
  throw fileProblem(`"${name}" must be a .csv or .xlsx file`);
}

/**
 * Reads a CSV or XLSX file into rows of cells with their spreadsheet row numbers. A workbook is
 * checked from its zip directory first and parsed in a worker with bounded memory and time
 * (`uploads/parse-in-worker.ts`); CSV text has a byte limit. Either has at most
 * `UPLOAD_LIMITS.maxRows` data rows.
 * @throws 400 naming `file` when it is not what its name says, is a suspicious archive or has too
 *   many rows; 413 when it is too large (or too complex) to read; 429 when the server is busy.
 */
export async function readTableFile(
  file: { name: string; data: Uint8Array },
  options: { field?: string; preferredSheet?: string } = {},
): Promise<{ rows: string[][]; rowNumbers: number[] }> {
  const field = options.field ?? 'file';
  const format = formatOfFile(file.name);
  const maxBytes =
    format === 'csv' ? Math.min(IMPORT_LIMITS.maxBytes, UPLOAD_LIMITS.maxCsvBytes) : IMPORT_LIMITS.maxBytes;
  if (file.data.byteLength > maxBytes)
    throw fileRefused(field, `is larger than ${maxBytes / 1024 / 1024} MB: split it`, 413);
  const isZip = file.data[0] === 0x50 && file.data[1] === 0x4b;
  if (format === 'csv') {
    if (isZip) throw fileRefused(field, `"${file.name}" is an Excel workbook: give it the .xlsx extension`);
    if (file.data.includes(0)) throw fileRefused(field, `"${file.name}" is not a CSV text file`);
    let table: { rows: string[][]; rowNumbers: number[] };
    try {
      table = parseCsv(decodeText(file.data));
    } catch (error) {
      throw fileRefused(field, (error as Error).message);
    }
    const dataRows = table.rows.length - 1;
    if (dataRows > UPLOAD_LIMITS.maxRows) throw tooManyRows(field, dataRows);
    return table;
  }
  if (!isZip) throw fileRefused(field, `"${file.name}" is not a valid .xlsx workbook`);
  return parseWorkbook(file.data, {
    field,
    name: file.name,
    preferredSheet: options.preferredSheet ?? 'Initiatives',
  });
}

/** The plan, through the actor's scope (404 when it does not exist, is archived or is not visible). */
export async function loadPlan(db: DbOrTx, actor: TActor, planId: string) {
  const [plan] = await db
    .select({
      id: plans.id,
      missionId: plans.missionId,
      acronym: plans.acronym,
      periodEnd: plans.periodEnd,
    })
    .from(plans)
    .where(and(eq(plans.id, planId), planPolicy.scope(actor, plans.missionId), isNull(plans.archivedAt)));
  if (!plan) throw notFound('Plan');
  return plan;
}

/**
 * Finds a plan by acronym (case-insensitive) and mission slug, for the command line. Without an
 * acronym, the only plan there is.
 * @throws Error listing the plans when there is none or more than one.
 */
export async function findPlanByAcronym(
  db: DbOrTx,
  options: { acronym?: string; missionSlug?: string },
): Promise<{ id: string; acronym: string; missionSlug: string }> {
  const all = await db
    .select({ id: plans.id, acronym: plans.acronym, missionSlug: missions.slug })
    .from(plans)
    .innerJoin(missions, eq(missions.id, plans.missionId))
    .where(isNull(plans.archivedAt))
    .orderBy(asc(missions.slug), asc(plans.acronym));
  const list = (items: typeof all) => items.map((p) => `${p.acronym} (${p.missionSlug})`).join(', ');
  const matching = all.filter(
    (p) =>
      (!options.acronym || p.acronym.toUpperCase() === options.acronym.toUpperCase()) &&
      (!options.missionSlug || p.missionSlug === options.missionSlug),
  );
  if (matching.length === 1) return matching[0]!;
  if (all.length === 0) throw new Error('There are no plans yet: load one with `softpower demo`.');
  if (matching.length === 0) {
    const wanted = [
      options.acronym && `plan ${options.acronym}`,
      options.missionSlug && `mission ${options.missionSlug}`,
    ]
      .filter(Boolean)
      .join(' in ');
    throw new Error(`No ${wanted}. The plans are: ${list(all)}.`);
  }
  throw new Error(
    options.acronym
      ? `Several missions have a plan ${options.acronym}: add --mission (${list(matching)}).`
      : `There are several plans: choose one with --plan ACRONYM (${list(matching)}).`,
  );
}
