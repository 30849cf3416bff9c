/**
 * The initiatives table (Annex 1 of the seed plus SoftPower's own columns) as a spreadsheet:
 * its columns, how each cell is read (dates in many human forms, Italian and English labels,
 * partner lists) and written, and the CSV text format. Pure functions: no database, no files.
 *
 * Reading is all-or-nothing friendly: `readInitiativeRows` validates every row and returns every
 * error with its spreadsheet row number (header = row 1) and column, so that the caller can
 * write nothing when anything is wrong.
 */
import { parse as parseCsvText } from 'csv-parse/sync';
import { isIsoDate } from '../../../../shared/dates.ts';
import {
  IMPORTANCES,
  INITIATIVE_STATUSES,
  MEDIA_REFLECTIONS,
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
// Dates

const MONTHS: Record<string, number> = {};
for (const [i, names] of [
  ['gennaio', 'gen', 'january', 'jan'],
  ['febbraio', 'feb', 'february'],
  ['marzo', 'mar', 'march'],
  ['aprile', 'apr', 'april'],
  ['maggio', 'mag', 'may'],
  ['giugno', 'giu', 'june', 'jun'],
  ['luglio', 'lug', 'july', 'jul'],
  ['agosto', 'ago', 'august', 'aug'],
  ['settembre', 'set', 'september', 'sep', 'sept'],
  ['ottobre', 'ott', 'october', 'oct'],
  ['novembre', 'nov', 'november'],
  ['dicembre', 'dic', 'december', 'dec'],
].entries()) {
  for (const name of names) MONTHS[name] = i + 1;
}

/** Where a date without a year takes its year from. */
export interface TYearContext {
  /** An explicit year (`--year`, `?year=`): wins over everything. */
  year?: number;
  /** The plan's last day: a month without a year is its latest occurrence not after it. */
  periodEnd?: string | null;
  /** When neither is known (the current year, passed in to keep this module pure). */
  fallbackYear: number;
}

export interface TDates {
  datePrecision: TDatePrecision;
  startDate: string;
  endDate: string;
}

const DATE_HINT =
  'must be a date such as 2022-05, 2022-05-14, 2022-01..2022-03, 2022-05-14..2022-05-16 or Gennaio–Marzo';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function yearFor(month: number, ctx: TYearContext): number {
  if (ctx.year) return ctx.year;
  if (ctx.periodEnd && /^\d{4}-\d{2}/.test(ctx.periodEnd)) {
    const endYear = Number(ctx.periodEnd.slice(0, 4));
    const endMonth = Number(ctx.periodEnd.slice(5, 7));
    return month <= endMonth ? endYear : endYear - 1;
  }
  return ctx.fallbackYear;
}

type TDateResult = { value: TDates | null } | { error: string };

/** Builds the result, checking that each day exists and the end is not before the start. */
function datesOf(
  precision: TDatePrecision,
  start: { y: number; m: number; d?: number },
  end: { y: number; m: number; d?: number },
): TDateResult {
  const startDate = `${start.y}-${pad(start.m)}-${pad(start.d ?? 1)}`;
  const endDate = `${end.y}-${pad(end.m)}-${pad(end.d ?? lastDay(end.y, end.m))}`;
  if (!isIsoDate(startDate) || !isIsoDate(endDate)) return { error: 'is not a real calendar day' };
  if (endDate < startDate) return { error: 'ends before it starts' };
  return { value: { datePrecision: precision, startDate, endDate } };
}

const ISO_PART = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const EURO_PART = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
/** Range separators between two numeric dates: `..`, `/` (ISO 8601 intervals), dashes with or without spaces around them only where unambiguous. */
const NUMERIC_RANGE = /^(.+?)\s*(?:\.\.|–|—|\s-\s|\/(?=\d{4}-))\s*(.+)$/;

function parseNumericPart(part: string): { y: number; m: number; d?: number } | null {
  const iso = ISO_PART.exec(part);
  if (iso) {
    const m = Number(iso[2]);
    if (m < 1 || m > 12) return null;
    return { y: Number(iso[1]), m, ...(iso[3] ? { d: Number(iso[3]) } : {}) };
  }
  const euro = EURO_PART.exec(part);
  if (euro) {
    const m = Number(euro[2]);
    if (m < 1 || m > 12) return null;
    return { y: Number(euro[3]), m, d: Number(euro[1]) };
  }
  return null;
}

/** Numeric forms: 2022-05, 2022-05-14, 14/05/2022, and ranges of two of the same precision. */
function parseNumericDate(text: string): TDateResult | null {
  const single = parseNumericPart(text);
  if (single) return datesOf(single.d ? 'day' : 'month', single, single);
  const range = NUMERIC_RANGE.exec(text);
  if (!range) return null;
  const start = parseNumericPart(range[1]!.trim());
  const end = parseNumericPart(range[2]!.trim());
  if (!start || !end) return null;
  if ((start.d === undefined) !== (end.d === undefined))
    return { error: 'must give both ends as months (2022-01..2022-03) or both as days' };
  return datesOf(start.d ? 'day' : 'month', start, end);
}

/** Words forms: "Gennaio–Marzo", "May 2022", "14 maggio 2022", "14–16 May", "Jan 2022 - Mar 2022". */
function parseWordDate(text: string, ctx: TYearContext): TDateResult | null {
  const tokens = text
    .toLowerCase()
    .split(/\.\.|[\s\-–—/.,]+/)
    .filter((t) => t && !['to', 'a', 'al', 'dal', 'da', 'from', 'until', 'fino', 'through'].includes(t));
  const kinds: string[] = [];
  const values: number[] = [];
  for (const token of tokens) {
    const month = MONTHS[token];
    if (month) {
      kinds.push('M');
      values.push(month);
    } else if (/^\d{4}$/.test(token)) {
      kinds.push('Y');
      values.push(Number(token));
    } else if (/^\d{1,2}$/.test(token)) {
      kinds.push('D');
      values.push(Number(token));
    } else return null;
  }
  const v = values;
  const pattern = kinds.join('');
  if (!pattern.includes('M')) return null;
  // The year of a start given without one: the end's year, a year earlier if the range wraps.
  const startYear = (m: number, d: number, endY: number, endM: number, endD: number) =>
    m < endM || (m === endM && d <= endD) ? endY : endY - 1;
  const withDefault = (m: number) => yearFor(m, ctx);
  const endAfter = (y: number, m: number, d: number, endM: number, endD: number) =>
    endM > m || (endM === m && endD >= d) ? y : y + 1;
  switch (pattern) {
    case 'M':
    case 'MY': {
      const y = pattern === 'MY' ? v[1]! : withDefault(v[0]!);
      return datesOf('month', { y, m: v[0]! }, { y, m: v[0]! });
    }
    case 'MM': {
      const y = withDefault(v[0]!);
      return datesOf('month', { y, m: v[0]! }, { y: endAfter(y, v[0]!, 1, v[1]!, 1), m: v[1]! });
    }
    case 'MMY':
      return datesOf('month', { y: startYear(v[0]!, 1, v[2]!, v[1]!, 1), m: v[0]! }, { y: v[2]!, m: v[1]! });
    case 'MYMY':
      return datesOf('month', { y: v[1]!, m: v[0]! }, { y: v[3]!, m: v[2]! });
    case 'DM':
    case 'DMY': {
      const y = pattern === 'DMY' ? v[2]! : withDefault(v[1]!);
      return datesOf('day', { y, m: v[1]!, d: v[0]! }, { y, m: v[1]!, d: v[0]! });
    }
    case 'DDM':
    case 'DDMY': {
      const y = pattern === 'DDMY' ? v[3]! : withDefault(v[2]!);
      return datesOf('day', { y, m: v[2]!, d: v[0]! }, { y, m: v[2]!, d: v[1]! });
    }
    case 'DMDM': {
      const y = withDefault(v[1]!);
      return datesOf(
        'day',
        { y, m: v[1]!, d: v[0]! },
        { y: endAfter(y, v[1]!, v[0]!, v[3]!, v[2]!), m: v[3]!, d: v[2]! },
      );
    }
    case 'DMDMY':
      return datesOf(
        'day',
        { y: startYear(v[1]!, v[0]!, v[4]!, v[3]!, v[2]!), m: v[1]!, d: v[0]! },
        { y: v[4]!, m: v[3]!, d: v[2]! },
      );
    case 'DMYDMY':
      return datesOf('day', { y: v[2]!, m: v[1]!, d: v[0]! }, { y: v[5]!, m: v[4]!, d: v[3]! });
    default:
      return null;
  }
}

/**
 * Reads a date cell: ISO months and days and their ranges (`..`), European days (14/05/2022),
 * and Italian or English month names ("Gennaio Marzo", "Marzo-Aprile", "January–March",
 * "May 2022", "14 maggio 2022"). A missing year comes from `ctx` (see `TYearContext`).
 * @returns `{ value: null }` for an empty cell, `{ value }` for a date, `{ error }` otherwise.
 * @example parseDateCell('Gennaio–Marzo', { year: 2022, fallbackYear: 2025 })
 * // { value: { datePrecision: 'month', startDate: '2022-01-01', endDate: '2022-03-31' } }
 */
export function parseDateCell(cell: string, ctx: TYearContext): TDateResult {
  const text = cell.trim().replace(/\s+/g, ' ');
  if (!text) return { value: null };
  const result = parseNumericDate(text) ?? parseWordDate(text, ctx);
  if (!result) return { error: `${DATE_HINT} (found "${cell.trim()}")` };
  if ('error' in result) return { error: `${result.error} (found "${cell.trim()}")` };
  return result;
}

/**
 * Writes dates the way the importer reads them back.
 * @example formatDateCell({ datePrecision: 'month', startDate: '2022-01-01', endDate: '2022-03-31' }) // '2022-01..2022-03'
 */
export function formatDateCell(input: {
  datePrecision: TDatePrecision;
  startDate: string | null;
  endDate: string | null;
}): string {
  const { datePrecision, startDate } = input;
  if (!startDate) return '';
  const endDate = input.endDate ?? startDate;
  const [start, end] =
    datePrecision === 'month' ? [startDate.slice(0, 7), endDate.slice(0, 7)] : [startDate, endDate];
  return start === end ? start : `${start}..${end}`;
}

// ---------------------------------------------------------------------------------------------
// Enumerations

const snake = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s\-–]+/g, '_');

/** Italian (the annex's) and English labels for initiative types, in snake form. */
const TYPE_LABELS: Record<string, TInitiativeType> = {
  mostra: 'exhibition',
  mostra_digitale: 'exhibition',
  concerto: 'concert',
  concerto_lirico: 'concert',
  master_class: 'masterclass',
  b2b: 'b2b_meeting',
  sfilata: 'fashion_show',
  sfilata_di_moda: 'fashion_show',
  show_moda: 'fashion_show',
  evento_istituzionale: 'institutional_event',
  diplomazia_pubblica: 'public_diplomacy',
  iniziativa_public_diplomacy: 'public_diplomacy',
  modulo_formativo: 'training_module',
  formazione: 'training_module',
  conferenza: 'conference',
  seminario: 'seminar',
  evento_promozione: 'promotion_event',
  evento_di_promozione: 'promotion_event',
  evento_promozionale: 'promotion_event',
  spettacolo: 'performance',
  spettacolo_teatrale: 'performance',
  lancio: 'launch',
  pubblicazione: 'publication',
  altro: 'other',
};

const MEDIA_LABELS: Record<string, TMediaReflection> = {
  low: 'low',
  basso: 'low',
  bassa: 'low',
  medium: 'medium',
  medio: 'medium',
  media: 'medium',
  medium_high: 'medium_high',
  medio_alto: 'medium_high',
  media_alta: 'medium_high',
  high: 'high',
  elevato: 'high',
  elevata: 'high',
  alto: 'high',
  alta: 'high',
  very_high: 'very_high',
  molto_elevato: 'very_high',
  molto_elevata: 'very_high',
  molto_alto: 'very_high',
  molto_alta: 'very_high',
};

type TCellResult<T> = { value: T } | { error: string };

const found = (message: string, cell: string) => {
  const shown = cell.trim();
  return `${message} (found "${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown}")`;
};

/**
 * An initiative type from its value (`b2b_meeting`), English label (`B2B meeting`) or the
 * annex's Italian label (`Mostra`, `Evento promozione`), case-insensitive.
 */
export function parseTypeCell(cell: string): TCellResult<TInitiativeType> {
  const key = snake(cell);
  const candidate = TYPE_LABELS[key] ?? key;
  const parsed = ZInitiativeFields.shape.type.safeParse(candidate);
  if (parsed.success) return { value: parsed.data };
  return { error: found(parsed.error.issues[0]!.message, cell) };
}

/** A media reflection from its value or the Italian/English labels; empty → null. */
export function parseMediaReflectionCell(cell: string): TCellResult<TMediaReflection | null> {
  if (!cell.trim()) return { value: null };
  const value = MEDIA_LABELS[snake(cell)];
  if (value) return { value };
  return {
    error: found(
      `must be one of ${MEDIA_REFLECTIONS.join(', ')} or Basso, Medio, Medio-alto, Elevato, Molto elevato`,
      cell,
    ),
  };
}

/** A status (`in preparation` or `in_preparation`); empty → undefined (the default or unchanged). */
export function parseStatusCell(cell: string): TCellResult<TInitiativeStatus | undefined> {
  if (!cell.trim()) return { value: undefined };
  const parsed = ZInitiativeFields.shape.status.safeParse(snake(cell));
  return parsed.success
    ? { value: parsed.data }
    : { error: found(`must be one of ${INITIATIVE_STATUSES.join(', ')}`, cell) };
}

/** Importance; empty → undefined (the default or unchanged). */
export function parseImportanceCell(cell: string): TCellResult<TImportance | undefined> {
  if (!cell.trim()) return { value: undefined };
  const parsed = ZInitiativeFields.shape.importance.safeParse(snake(cell));
  return parsed.success
    ? { value: parsed.data }
    : { error: found(`must be one of ${IMPORTANCES.join(', ')}`, cell) };
}

// ---------------------------------------------------------------------------------------------
// Lists

/**
 * Partner names in an "actors involved" cell, separated by " / ", ";" or line breaks (not by
 * commas or dashes: names such as "Museo del Violino, Cremona" contain them).
 * @example splitActors('Fondazione Torino Musei / Partner locali; ENI') // ['Fondazione Torino Musei', 'Partner locali', 'ENI']
 */
export function splitActors(cell: string): string[] {
  return unique(cell.split(/\s+\/\s+|;|\r?\n/).map(tidy));
}

/** Items of a list cell (vectors, cities), separated by ";" or ",". */
export function splitList(cell: string): string[] {
  return unique(cell.split(/[;,\r\n]/).map(tidy));
}

const tidy = (s: string) => s.trim().replace(/\s+/g, ' ');

/** Without empties and case-insensitive duplicates, first spelling kept. */
function unique(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = item.toLowerCase();
    if (!item || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Case- and space-insensitive comparison key for names. */
export const nameKey = (name: string) => tidy(name).toLowerCase();

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

// ---------------------------------------------------------------------------------------------
// CSV text

/** A cell that Excel would run as a formula gets an apostrophe (dropped again by `cleanCell`). */
const guardFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const quoteCsv = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so that Excel shows accents right), CRLF line ends.
 * @example toCsv([['a', 'b,c']]) // '\uFEFFa,"b,c"\r\n'
 */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.map((v) => quoteCsv(guardFormula(v))).join(',')).join('\r\n')}\r\n`;
}

/** Windows-1252 bytes 0x80–0x9F (Node's decoder maps them as Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * CSV bytes to text: UTF-8 (with or without BOM) or, when the bytes are not UTF-8, Windows-1252
 * (what Excel on Windows saves as "CSV").
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let text = '';
    for (const b of bytes) text += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    return text;
  }
}

/** The delimiter of the header line: ",", ";" (Excel in Italian and other locales) or tab. */
function sniffDelimiter(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  const outside = line.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outside.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * Parses CSV text into rows of cells; `rowNumbers[i]` is the spreadsheet row of `rows[i]`.
 * @throws Error with the line number when the text is not valid CSV (e.g. an unclosed quote).
 */
export function parseCsv(text: string): { rows: string[][]; rowNumbers: number[] } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    const rows = parseCsvText(body, {
      delimiter: sniffDelimiter(body),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return { rows, rowNumbers: rows.map((_, i) => i + 1) };
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new Error(
      `is not valid CSV${e.lines ? ` near line ${e.lines}` : ''}: ${e.message.replace(/^Invalid \w+: /, '')}`,
    );
  }
}
