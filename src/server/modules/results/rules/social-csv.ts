/**
 * Reads the CSV exports the platforms give (Instagram and Facebook insights, Meta Business
 * Suite) into monthly snapshots or per-post metrics. Column names are matched loosely
 * ("Accounts reached", "Reach", "Page reach" …); every problem is reported with its row and
 * column, and the caller writes nothing unless there is none (all or nothing).
 */
import { parse } from 'csv-parse/sync';
import { ZIsoDate, ZOptionalText, zHttpUrl, zLine } from '../../../../shared/schemas/common.ts';

/** The checks of the same fields typed in by hand (`ZSocialPostRequest`). */
const CELL_CHECKS = { externalId: zLine(200), url: zHttpUrl(), caption: ZOptionalText } as const;

export type TSocialCsvKind = 'snapshots' | 'posts';

export interface TSnapshotRow {
  month: string;
  followers: number | null;
  accountsReached: number | null;
  accountsEngaged: number | null;
  impressions: number | null;
  posts: number | null;
}

export interface TPostRow {
  externalId: string | null;
  publishedOn: string;
  url: string | null;
  caption: string | null;
  reach: number | null;
  impressions: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
}

export interface TCsvRowError {
  /** e.g. `row 3, column Reach` (row 1 is the header). */
  field: string;
  message: string;
}

const normalise = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const SNAPSHOT_COLUMNS: Record<keyof TSnapshotRow, string[]> = {
  month: ['month', 'date', 'period', 'data', 'mese'],
  followers: ['followers', 'follower count', 'page followers', 'lifetime followers', 'fans', 'page likes'],
  accountsReached: ['accounts reached', 'reach', 'page reach', 'reached accounts', 'unique reach'],
  accountsEngaged: ['accounts engaged', 'engaged accounts', 'engaged users', 'page engaged users'],
  impressions: ['impressions', 'page impressions', 'views'],
  posts: ['posts', 'posts published', 'content published', 'number of posts'],
};

const POST_COLUMNS: Record<keyof TPostRow, string[]> = {
  externalId: ['post id', 'id', 'media id'],
  publishedOn: ['publish time', 'published', 'date', 'posted', 'created time', 'publish date'],
  url: ['permalink', 'url', 'link', 'post link'],
  caption: ['description', 'caption', 'title', 'message', 'post message'],
  reach: ['reach', 'accounts reached', 'post reach'],
  impressions: ['impressions', 'post impressions', 'views'],
  likes: ['likes', 'reactions', 'reactions comments and shares likes'],
  comments: ['comments'],
  shares: ['shares'],
  saves: ['saves', 'saved'],
  clicks: ['link clicks', 'clicks', 'total clicks', 'other clicks'],
};

const REQUIRED: Record<TSocialCsvKind, string> = { snapshots: 'month', posts: 'publishedOn' };

/** A count: digits with optional thousands separators (1,234 / 1 234 / 1.234). */
function parseCount(raw: string): number | null | 'invalid' {
  const text = raw.trim();
  if (text === '' || text === '-' || text === '--') return null;
  const digits = text.replace(/[\s,.'\u00A0\u202F]/g, '');
  if (!/^\d+$/.test(digits)) return 'invalid';
  // "1.5" is not a count: only separators every three digits are accepted.
  if (/[.,]/.test(text) && !/^\d{1,3}([.,\s\u00A0\u202F']\d{3})+$/.test(text)) return 'invalid';
  const value = Number(digits);
  return Number.isSafeInteger(value) && value <= 2_147_483_647 ? value : 'invalid';
}

const pad = (n: number) => String(n).padStart(2, '0');
function isRealDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A day from the formats exports use: 2022-12-31, 2022-12-31T18:00:00, 12/31/2022 18:00
 * (Meta's US format), 31.12.2022; for months also 2022-12 and "December 2022".
 */
function parseDay(raw: string, isMonth: boolean): string | null {
  const parts = splitDay(raw.trim(), isMonth);
  if (!parts) return null;
  const [y, m, d] = parts;
  if (!isRealDay(y, m, d)) return null;
  return `${y}-${pad(m)}-${pad(isMonth ? 1 : d)}`;
}

/** [year, month, day] from one of the accepted formats (day 1 when the text names a month). */
function splitDay(text: string, isMonth: boolean): [number, number, number] | null {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text);
  if (iso) {
    if (!iso[3] && !isMonth) return null;
    return [Number(iso[1]), Number(iso[2]), iso[3] ? Number(iso[3]) : 1];
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (us) return [Number(us[3]), Number(us[1]), Number(us[2])];
  const european = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(text);
  if (european) return [Number(european[3]), Number(european[2]), Number(european[1])];
  const named = isMonth ? /^([a-z]+)\s+(\d{4})$/i.exec(text) : null;
  if (named) {
    const index = MONTHS.findIndex((name) => named[1]!.toLowerCase().startsWith(name));
    return index < 0 ? null : [Number(named[2]), index + 1, 1];
  }
  return null;
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Parses a CSV export. Returns the rows, or the errors (row and column named) when any row is
 * wrong — never a partial result.
 * @example parseSocialCsv('snapshots', 'Month,Followers,Accounts reached\n2022-12,1300,7422') // { rows: [{ month: '2022-12-01', … }], errors: [] }
 */
export function parseSocialCsv(
  kind: 'snapshots',
  csv: string,
): { rows: TSnapshotRow[]; errors: TCsvRowError[] };
export function parseSocialCsv(kind: 'posts', csv: string): { rows: TPostRow[]; errors: TCsvRowError[] };
export function parseSocialCsv(
  kind: TSocialCsvKind,
  csv: string,
): { rows: (TSnapshotRow | TPostRow)[]; errors: TCsvRowError[] } {
  let records: string[][];
  try {
    records = parse(csv, { skip_empty_lines: true, relax_column_count: true, bom: true, trim: true });
  } catch (error) {
    return { rows: [], errors: [{ field: 'csv', message: `is not valid CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], errors: [{ field: 'csv', message: 'is empty: a header row is needed' }] };
  const columns = kind === 'snapshots' ? SNAPSHOT_COLUMNS : POST_COLUMNS;
  const names = header.map(normalise);
  const positions = new Map<string, number>();
  for (const [field, aliases] of Object.entries(columns)) {
    const at = aliases.map((alias) => names.indexOf(alias)).find((i) => i >= 0);
    if (at !== undefined) positions.set(field, at);
  }
  const required = REQUIRED[kind];
  if (!positions.has(required))
    return {
      rows: [],
      errors: [
        {
          field: 'csv',
          message: `has no ${kind === 'snapshots' ? 'month' : 'publish date'} column (expected one of: ${columns[required as keyof typeof columns].join(', ')})`,
        },
      ],
    };
  const TEXT_FIELDS = ['month', 'publishedOn', 'externalId', 'url', 'caption'];
  if (![...positions.keys()].some((field) => !TEXT_FIELDS.includes(field)))
    return {
      rows: [],
      errors: [{ field: 'csv', message: 'has no metric column that SoftPower recognises' }],
    };
  if (body.length === 0) return { rows: [], errors: [{ field: 'csv', message: 'has a header but no rows' }] };

  const errors: TCsvRowError[] = [];
  const rows: (TSnapshotRow | TPostRow)[] = [];
  const seen = new Set<string>();
  body.forEach((record, index) => {
    const rowNumber = index + 2;
    const row: Record<string, string | number | null> = {};
    for (const field of Object.keys(columns)) {
      const at = positions.get(field);
      const raw = at === undefined ? '' : (record[at] ?? '');
      const where = `row ${rowNumber}, column ${at === undefined ? field : header[at]!.replace(/^\uFEFF/, '')}`;
      if (field === 'month' || field === 'publishedOn') {
        const day = parseDay(raw, field === 'month');
        const range = day ? ZIsoDate.safeParse(day) : null;
        if (!day) errors.push({ field: where, message: `"${raw}" is not a date (use YYYY-MM-DD)` });
        else if (range && !range.success)
          errors.push({ field: where, message: range.error.issues[0]!.message });
        row[field] = day;
      } else if (field === 'externalId' || field === 'url' || field === 'caption') {
        if (raw.trim() === '') row[field] = null;
        else {
          const checked = CELL_CHECKS[field].safeParse(raw);
          if (checked.success) row[field] = checked.data;
          else errors.push({ field: where, message: checked.error.issues[0]!.message });
        }
      } else {
        const count = parseCount(raw);
        if (count === 'invalid')
          errors.push({ field: where, message: `"${raw}" is not a whole, non-negative number` });
        row[field] = count === 'invalid' ? null : count;
      }
    }
    const key = kind === 'snapshots' ? String(row.month) : row.externalId ? String(row.externalId) : null;
    if (key && row[REQUIRED[kind]]) {
      if (seen.has(key))
        errors.push({
          field: `row ${rowNumber}`,
          message: kind === 'snapshots' ? `repeats the month ${key}` : `repeats the post ${key}`,
        });
      seen.add(key);
    }
    rows.push(row as unknown as TSnapshotRow | TPostRow);
  });
  return errors.length ? { rows: [], errors } : { rows, errors };
}
