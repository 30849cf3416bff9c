import { isIsoDate } from '../../../../shared/dates.ts';
import type { TDatePrecision } from '../../../../shared/enums.ts';

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
