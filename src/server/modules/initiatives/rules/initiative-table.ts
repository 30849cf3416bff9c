import {
  PARTNER_ROLES,
  type TDatePrecision,
  type TImportance,
  type TInitiativeStatus,
  type TInitiativeType,
  type TMediaReflection,
  type TPartnerRole,
} from '../../../../shared/enums.ts';
import { ZName } from '../../../../shared/schemas/common.ts';
import { ZInitiativeFields } from '../../../../shared/schemas/initiative.ts';
import {
  found,
  nameKey,
  parseImportanceCell,
  parseMediaReflectionCell,
  parseStatusCell,
  parseTypeCell,
  splitActors,
  splitList,
  type TCellResult,
  unique,
} from './table-cells.ts';
import { formatDateCell, parseDateCell, type TDates, type TYearContext } from './table-dates.ts';

/** The columns, in export order: the Annex 1 columns first, then SoftPower's. */
export const INITIATIVE_COLUMNS = [
  'initiative',
  'date',
  'type',
  'actors involved',
  'media reflection',
  'status',
  'focus area',
  'vectors',
  'programme',
  'cities',
  'importance',
  'summary',
  'key',
] as const;
export type TInitiativeColumn = (typeof INITIATIVE_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly TInitiativeColumn[] = ['initiative', 'type'];

/** Limits of one import. */
export const IMPORT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 5_000 } as const;

/** Other header spellings accepted on import (normalised: lower case, single spaces). */
const HEADER_ALIASES: Record<string, TInitiativeColumn> = {
  title: 'initiative',
  iniziativa: 'initiative',
  data: 'date',
  dates: 'date',
  tipologia: 'type',
  tipo: 'type',
  actors: 'actors involved',
  partners: 'actors involved',
  'soggetti coinvolti': 'actors involved',
  'riflesso mediatico': 'media reflection',
  stato: 'status',
  'area tematica': 'focus area',
  vettori: 'vectors',
  programma: 'programme',
  program: 'programme',
  città: 'cities',
  citta: 'cities',
  city: 'cities',
  importanza: 'importance',
  sintesi: 'summary',
  descrizione: 'summary',
  chiave: 'key',
};

/** One problem in a file: `row` is the spreadsheet row (header = 1), `column` the header as written. */
export interface TTableError {
  row: number;
  column: string;
  message: string;
}

// ---------------------------------------------------------------------------------------------
// The header

export interface THeader {
  /** Index of each known column in the row. */
  index: Partial<Record<TInitiativeColumn, number>>;
  /** The header as written in the file, per known column (for error messages). */
  label: Partial<Record<TInitiativeColumn, string>>;
  errors: TTableError[];
  warnings: string[];
}

const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

/** Maps the header row to the known columns; unknown columns are warnings, missing required ones errors. */
export function readHeader(cells: string[]): THeader {
  const header: THeader = { index: {}, label: {}, errors: [], warnings: [] };
  cells.forEach((raw, i) => {
    const text = raw.trim();
    if (!text) return;
    const normal = normaliseHeader(text);
    const column = (INITIATIVE_COLUMNS as readonly string[]).includes(normal)
      ? (normal as TInitiativeColumn)
      : HEADER_ALIASES[normal];
    if (!column) {
      header.warnings.push(`Column "${text}" is not known and was ignored.`);
      return;
    }
    if (header.index[column] !== undefined) {
      header.errors.push({ row: 1, column: text, message: `is a second "${column}" column: keep one` });
      return;
    }
    header.index[column] = i;
    header.label[column] = text;
  });
  for (const column of REQUIRED_COLUMNS) {
    if (header.index[column] === undefined)
      header.errors.push({
        row: 1,
        column,
        message: `is missing: the header row must name the columns, e.g. ${INITIATIVE_COLUMNS.slice(0, 5).join(', ')}`,
      });
  }
  return header;
}

// ---------------------------------------------------------------------------------------------
// Rows

export interface TRef {
  id: string;
  key: string | null;
  name: string;
}

/** What the rows are checked against: the plan's structure, the mission's organisations, the plan's initiatives. */
export interface TReadContext {
  focusAreas: TRef[];
  vectors: TRef[];
  programmes: TRef[];
  organisations: TRef[];
  /** Every initiative of the plan, archived ones included (their keys are taken). */
  initiatives: { id: string; key: string | null; isArchived: boolean }[];
  years: TYearContext;
}

/** The fields a row sets; a field is absent when its column is absent (left unchanged on update). */
export interface TRowFields {
  title: string;
  type: TInitiativeType;
  dates?: TDates | null;
  mediaReflection?: TMediaReflection | null;
  status?: TInitiativeStatus;
  focusAreaId?: string | null;
  vectorIds?: string[];
  programmeId?: string | null;
  cities?: string[];
  importance?: TImportance;
  summary?: string | null;
  /** Partners by organisation id; `organisationId: null` is an organisation to create. */
  actors?: { organisationId: string | null; name: string }[];
}

export interface TImportRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  key: string | null;
  /** The existing initiative this row updates, or null to create one. */
  initiativeId: string | null;
  fields: TRowFields;
}

export interface TReadResult {
  rows: TImportRow[];
  errors: TTableError[];
  warnings: string[];
  /** Organisations to create (names as first written). */
  newOrganisations: string[];
}

/** A cell as written in a file: a leading apostrophe that guarded a formula character on export is dropped. */
export function cleanCell(value: string | undefined): string {
  const text = value ?? '';
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function findRef(refs: TRef[], text: string): TRef | undefined {
  const k = nameKey(text);
  return refs.find((r) => r.key?.toLowerCase() === k) ?? refs.find((r) => nameKey(r.name) === k);
}

const refChoices = (refs: TRef[]) => refs.map((r) => r.key ?? r.name).join(', ') || '(none in this plan)';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates every data row (rows `[1..]` of `table`; `rowNumbers[i]` is the spreadsheet row of
 * `table[i]`) and resolves names to ids. Empty rows are skipped.
 */
export function readInitiativeRows(
  table: string[][],
  ctx: TReadContext,
  options: { rowNumbers?: number[]; onRow?: (done: number, total: number) => void } = {},
): TReadResult {
  const result: TReadResult = { rows: [], errors: [], warnings: [], newOrganisations: [] };
  const header = readHeader(table[0] ?? []);
  const headerRow = options.rowNumbers?.[0] ?? 1;
  result.errors.push(...header.errors.map((e) => ({ ...e, row: headerRow })));
  result.warnings.push(...header.warnings);
  if (header.errors.length) return result;

  const orgByName = new Map<string, TRef>();
  for (const o of ctx.organisations) {
    const k = nameKey(o.name);
    if (!orgByName.has(k)) orgByName.set(k, o);
  }
  const orgByKey = new Map(ctx.organisations.filter((o) => o.key).map((o) => [o.key!.toLowerCase(), o]));
  const newOrgs = new Map<string, string>();
  const byKey = new Map(ctx.initiatives.filter((i) => i.key).map((i) => [i.key!, i]));
  const byId = new Map(ctx.initiatives.map((i) => [i.id, i]));
  const keyRows = new Map<string, number>();
  const targetRows = new Map<string, number>();

  const total = table.length - 1;
  for (let i = 1; i < table.length; i++) {
    options.onRow?.(i - 1, total);
    const cells = table[i]!.map(cleanCell);
    if (cells.every((c) => !c.trim())) continue;
    const row = options.rowNumbers?.[i] ?? i + 1;
    const errorsBefore = result.errors.length;
    const cell = (column: TInitiativeColumn) => {
      const at = header.index[column];
      return at === undefined ? undefined : (cells[at] ?? '');
    };
    const fail = (column: TInitiativeColumn, message: string) =>
      result.errors.push({ row, column: header.label[column] ?? column, message });
    const pick = <T>(column: TInitiativeColumn, parsed: TCellResult<T>): T | undefined => {
      if ('error' in parsed) {
        fail(column, parsed.error);
        return undefined;
      }
      return parsed.value;
    };

    const title = ZInitiativeFields.shape.title.safeParse(cell('initiative'));
    if (!title.success) fail('initiative', title.error.issues[0]!.message);
    const typeCell = cell('type') ?? '';
    const type = typeCell.trim() ? pick('type', parseTypeCell(typeCell)) : undefined;
    if (!typeCell.trim()) fail('type', 'is required');
    const fields: Partial<TRowFields> = {};

    const dateCell = cell('date');
    if (dateCell !== undefined) {
      const parsed = parseDateCell(dateCell, ctx.years);
      if ('error' in parsed) fail('date', parsed.error);
      else fields.dates = parsed.value;
    }
    const media = cell('media reflection');
    if (media !== undefined)
      fields.mediaReflection = pick('media reflection', parseMediaReflectionCell(media));
    const status = cell('status');
    if (status !== undefined) fields.status = pick('status', parseStatusCell(status));
    const importance = cell('importance');
    if (importance !== undefined) fields.importance = pick('importance', parseImportanceCell(importance));
    const summary = cell('summary');
    if (summary !== undefined) {
      const parsed = ZInitiativeFields.shape.summary.safeParse(summary);
      if (parsed.success) fields.summary = parsed.data;
      else fail('summary', parsed.error.issues[0]!.message);
    }
    const cities = cell('cities');
    if (cities !== undefined) {
      const parsed = ZInitiativeFields.shape.cities.safeParse(splitList(cities));
      if (parsed.success) fields.cities = parsed.data;
      else fail('cities', `${parsed.error.issues[0]!.message} (each city at most 100 characters)`);
    }
    const focus = cell('focus area');
    if (focus !== undefined) {
      if (!focus.trim()) fields.focusAreaId = null;
      else {
        const ref = findRef(ctx.focusAreas, focus);
        if (ref) fields.focusAreaId = ref.id;
        else fail('focus area', found(`must be one of ${refChoices(ctx.focusAreas)}`, focus));
      }
    }
    const programme = cell('programme');
    if (programme !== undefined) {
      if (!programme.trim()) fields.programmeId = null;
      else {
        const ref = findRef(ctx.programmes, programme);
        if (ref) fields.programmeId = ref.id;
        else fail('programme', found(`must be one of ${refChoices(ctx.programmes)}`, programme));
      }
    }
    const vectorCell = cell('vectors');
    if (vectorCell !== undefined) {
      const ids: string[] = [];
      for (const name of splitList(vectorCell)) {
        const ref = findRef(ctx.vectors, name);
        if (ref) ids.push(ref.id);
        else fail('vectors', found(`each must be one of ${refChoices(ctx.vectors)}`, name));
      }
      fields.vectorIds = ids;
    }
    const actorCell = cell('actors involved');
    if (actorCell !== undefined) {
      const names = splitActors(actorCell);
      const refused = names
        .map((name) => ({ name, check: ZName.safeParse(name) }))
        .find(({ check }) => !check.success);
      if (refused)
        fail('actors involved', found(`each name ${refused.check.error!.issues[0]!.message}`, refused.name));
      else if (names.length > 100) fail('actors involved', 'lists more than 100 organisations');
      else
        fields.actors = names.map((name) => {
          const k = nameKey(name);
          const org = orgByName.get(k) ?? orgByKey.get(k);
          if (org) return { organisationId: org.id, name: org.name };
          if (!newOrgs.has(k)) newOrgs.set(k, name);
          return { organisationId: null, name: newOrgs.get(k)! };
        });
    }

    let key: string | null = null;
    let initiativeId: string | null = null;
    const keyCell = cell('key')?.trim() ?? '';
    const previous = keyRows.get(keyCell);
    if (keyCell.length > 100) fail('key', 'must be at most 100 characters');
    else if (previous) fail('key', `repeats the key of row ${previous}: each row needs its own key`);
    else if (keyCell) {
      keyRows.set(keyCell, row);
      // An exported initiative without a key carries its id there instead.
      const existing =
        byKey.get(keyCell) ?? (UUID.test(keyCell) ? byId.get(keyCell.toLowerCase()) : undefined);
      const other = existing && targetRows.get(existing.id);
      if (existing?.isArchived)
        fail('key', 'belongs to an archived initiative: restore it first, or use another key');
      else if (other) fail('key', `updates the same initiative as row ${other}`);
      else if (existing) {
        initiativeId = existing.id;
        key = existing.key;
        targetRows.set(existing.id, row);
      } else key = keyCell;
    }

    if (result.errors.length === errorsBefore && title.success && type) {
      result.rows.push({ row, key, initiativeId, fields: { ...fields, title: title.data, type } });
    }
  }
  options.onRow?.(total, total);
  // Errors read left to right, as the row is laid out in the file.
  const position = new Map(
    Object.entries(header.label).map(([c, label]) => [label, header.index[c as TInitiativeColumn]!]),
  );
  result.errors.sort(
    (a, b) => a.row - b.row || (position.get(a.column) ?? 0) - (position.get(b.column) ?? 0),
  );
  result.newOrganisations = [...newOrgs.values()];
  if (result.rows.length === 0 && result.errors.length === 0)
    result.warnings.push('The file has no rows with initiatives.');
  return result;
}

// ---------------------------------------------------------------------------------------------
// Writing rows

/** What an exported row is made of (a presented initiative has all of it). */
export interface TExportInitiative {
  key: string | null;
  id: string;
  title: string;
  summary: string | null;
  type: TInitiativeType;
  status: TInitiativeStatus;
  datePrecision: TDatePrecision;
  startDate: string | null;
  endDate: string | null;
  cities: string[];
  focusArea: { key: string | null; name: string } | null;
  vectors: { key: string | null; name: string }[];
  programme: { key: string | null; name: string } | null;
  mediaReflection: TMediaReflection | null;
  importance: TImportance;
  partners: { name: string; role?: TPartnerRole }[];
}

/** Organisers first, then the other roles in their DESIGN.md order; names alphabetical within a role. */
function byRole<T extends { name: string; role?: TPartnerRole }>(partners: T[]): T[] {
  const rank = (p: T) => (p.role ? PARTNER_ROLES.indexOf(p.role) : PARTNER_ROLES.length);
  return [...partners].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** One initiative as the export's cells, in `INITIATIVE_COLUMNS` order. */
export function formatInitiativeRow(i: TExportInitiative): string[] {
  const ref = (r: { key: string | null; name: string } | null) => (r ? (r.key ?? r.name) : '');
  const values: Record<TInitiativeColumn, string> = {
    initiative: i.title,
    date: formatDateCell(i),
    type: i.type,
    'actors involved': unique(byRole(i.partners).map((p) => p.name)).join(' / '),
    'media reflection': i.mediaReflection ?? '',
    status: i.status,
    'focus area': ref(i.focusArea),
    vectors: i.vectors.map(ref).join('; '),
    programme: ref(i.programme),
    cities: i.cities.join('; '),
    importance: i.importance,
    summary: i.summary ?? '',
    key: i.key ?? i.id,
  };
  return INITIATIVE_COLUMNS.map((c) => values[c]);
}
