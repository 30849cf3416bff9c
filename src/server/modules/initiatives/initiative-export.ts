import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  IMPORTANCES,
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  MEDIA_REFLECTIONS,
} from '../../../shared/enums.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { neutraliseCell } from '../../platform/reports/inert-cells.ts';
import { focusAreas, programmes, vectors } from '../plans/index.ts';
import { CONTENT_TYPES, chunks, loadPlan, type TImportFormat } from './initiative-io.ts';
import { loadInitiativeRelations } from './initiative-relations.ts';
import { initiativePolicy } from './policy.ts';
import { presentInitiative } from './present.ts';
import {
  formatInitiativeRow,
  IMPORT_LIMITS,
  INITIATIVE_COLUMNS,
  type TInitiativeColumn,
} from './rules/initiative-table.ts';
import { toCsv } from './rules/table-csv.ts';
import { initiatives } from './tables.ts';

// ---------------------------------------------------------------------------------------------
// Export

export interface TExportFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
  /** Initiatives in the file. */
  rows: number;
}

/**
 * A plan's initiatives (those the actor can see, not archived) as a CSV or XLSX file in the
 * import's format.
 * @throws 404 when the plan is not visible to the actor.
 */
export async function exportInitiatives(
  db: DbOrTx,
  actor: TActor,
  options: { planId: string; format: TImportFormat },
): Promise<TExportFile> {
  const plan = await loadPlan(db, actor, options.planId);
  const rows = await db
    .select()
    .from(initiatives)
    .where(
      and(eq(initiatives.planId, plan.id), isNull(initiatives.archivedAt), initiativePolicy.scope(actor)),
    )
    .orderBy(sql`${initiatives.startDate} asc nulls last`, asc(initiatives.title), asc(initiatives.id));
  const cells: string[][] = [];
  for (const part of chunks(rows)) {
    const relations = await loadInitiativeRelations(db, part);
    for (const row of part) cells.push(formatInitiativeRow(presentInitiative(row, relations.get(row.id)!)));
  }
  const filename = `${plan.acronym.replace(/[^A-Za-z0-9_-]+/g, '-')}-initiatives.${options.format}`;
  const contentType = CONTENT_TYPES[options.format];
  if (options.format === 'csv')
    return {
      filename,
      contentType,
      data: Buffer.from(toCsv([[...INITIATIVE_COLUMNS], ...cells]), 'utf8'),
      rows: cells.length,
    };
  const structure = {
    focusAreas: await db
      .select({ key: focusAreas.key })
      .from(focusAreas)
      .where(eq(focusAreas.planId, plan.id))
      .orderBy(focusAreas.position),
    vectors: await db
      .select({ key: vectors.key })
      .from(vectors)
      .where(eq(vectors.planId, plan.id))
      .orderBy(vectors.position),
    programmes: await db
      .select({ key: programmes.key })
      .from(programmes)
      .where(eq(programmes.planId, plan.id))
      .orderBy(programmes.key),
  };
  const data = await toWorkbook(cells, {
    type: [...INITIATIVE_TYPES],
    'media reflection': [...MEDIA_REFLECTIONS],
    status: [...INITIATIVE_STATUSES],
    importance: [...IMPORTANCES],
    'focus area': structure.focusAreas.map((f) => f.key),
    vectors: structure.vectors.map((v) => v.key),
    programme: structure.programmes.map((p) => p.key),
  });
  return { filename, contentType, data, rows: cells.length };
}

const MAX_WIDTH: Partial<Record<TInitiativeColumn, number>> = {
  initiative: 60,
  'actors involved': 60,
  summary: 80,
  key: 38,
};

/**
 * The "Initiatives" sheet (bold frozen header, autofilter, widths from the content, text cells)
 * and a "Lists" sheet of the allowed values, offered as drop-downs that warn but do not block
 * (the importer also reads labels such as "Elevato").
 */
async function toWorkbook(
  cells: string[][],
  lists: Partial<Record<TInitiativeColumn, string[]>>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SoftPower';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Initiatives', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = INITIATIVE_COLUMNS.map((column, i) => {
    const longest = Math.max(column.length, ...cells.map((r) => r[i]?.length ?? 0));
    // Text format: Excel keeps "2022-05" as typed instead of turning it into a date.
    return {
      header: column,
      key: column,
      width: Math.min(longest + 2, MAX_WIDTH[column] ?? 30),
      style: { numFmt: '@' },
    };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(cells.map((r) => r.map(neutraliseCell)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: INITIATIVE_COLUMNS.length } };

  const listSheet = workbook.addWorksheet('Lists');
  const listColumns = Object.entries(lists) as [TInitiativeColumn, string[]][];
  listSheet.columns = listColumns.map(([column]) => ({ header: column, key: column, width: 24 }));
  listSheet.getRow(1).font = { bold: true };
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  listColumns.forEach(([column, values], i) => {
    const letter = listSheet.getColumn(i + 1).letter;
    values.forEach((value, r) => {
      listSheet.getCell(r + 2, i + 1).value = value;
    });
    if (!values.length || column === 'vectors') return;
    const target = sheet.getColumn(INITIATIVE_COLUMNS.indexOf(column) + 1).letter;
    validations.add(`${target}2:${target}${IMPORT_LIMITS.maxRows + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`Lists!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: `Unknown ${column}`,
      error: `Use a value from the Lists sheet.`,
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
