/**
 * The building blocks of every request schema: text, numbers, dates, keys and web addresses
 * with the limits the database can hold. The API, the importers and the web forms parse with the
 * same ones, so a value the form accepts is a value the server stores (docs/security.md, "Input
 * limits").
 */
import { z } from 'zod';
import { isIsoDate } from '../dates.ts';

/** Limits shared by the API, the importer and the forms. */
export const LIMITS = {
  title: 300,
  text: 10_000,
  name: 200,
  url: 2000,
  listItems: 50,
  pageSize: 500,
} as const;

/** The largest value of a PostgreSQL `integer` column. */
export const INT4_MAX = 2_147_483_647;
/** Money columns are `numeric(14, 2)`: twelve digits before the point. */
export const MONEY_MAX = 1e12;
/** Calendar days are accepted in this range (inclusive). */
export const DATE_RANGE = { min: '1900-01-01', max: '2200-12-31' } as const;

// ——— Text ———

/** C0 controls other than tab, newline and carriage return; DEL; C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const URL_FORBIDDEN = /[\s\u0000-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `value` has no lone surrogate (it can be written as UTF-8). */
export function isWellFormedText(value: string): boolean {
  const native = (value as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(value) : !LONE_SURROGATE.test(value);
}

/** The messages every text field answers with, also used by the importers. */
export const TEXT_ERRORS = {
  control: 'must not contain control characters',
  surrogate: 'must not contain invalid characters (a lone UTF-16 surrogate)',
  singleLine: 'must be a single line',
  type: 'must be text',
} as const;

const stringError = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : TEXT_ERRORS.type;

/**
 * A text field: trimmed, no control characters (tab and newline are allowed in multi-line text;
 * carriage returns there are turned into newlines, so `\r\n` from Windows is stored as `\n`), no
 * lone surrogates, at most `max` characters (after trimming), at least `min` when given.
 * @example zText({ max: 300, min: 1 }).parse('  Concert  ') // 'Concert'
 */
export function zText(options: { max: number; min?: number; isMultiline?: boolean }) {
  const { max, min, isMultiline = false } = options;
  let schema = z.string({ error: stringError });
  if (isMultiline) schema = schema.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  schema = schema
    .trim()
    .refine((v) => !CONTROL_CHARACTERS.test(v), { error: TEXT_ERRORS.control })
    .refine(isWellFormedText, { error: TEXT_ERRORS.surrogate });
  if (!isMultiline) schema = schema.refine((v) => !LINE_BREAK.test(v), { error: TEXT_ERRORS.singleLine });
  if (min !== undefined) schema = schema.min(min, { error: 'must not be empty' });
  return schema.max(max, { error: `must be at most ${max} characters` });
}

/** One line of text, `max` characters at most (empty allowed). */
export const zLine = (max: number) => zText({ max });
/** One line of text that must not be empty. */
export const zRequiredLine = (max: number) => zText({ max, min: 1 });
/** An optional line: empty, null or absent is stored as null. */
export const zOptionalLine = (max: number) =>
  zLine(max)
    .nullish()
    .transform((v) => v || null);

/** Free text over several lines (descriptions, notes). */
export const ZText = zText({ max: LIMITS.text, isMultiline: true });
export const ZOptionalText = ZText.nullish().transform((v) => (v === '' ? null : (v ?? null)));
/** A required multi-line text. */
export const zRequiredText = (max: number = LIMITS.text) => zText({ max, min: 1, isMultiline: true });
/** A name: one line, 1–200 characters. */
export const ZName = zRequiredLine(LIMITS.name);
/** A title: one line, 1–300 characters. */
export const ZTitle = zRequiredLine(LIMITS.title);

/**
 * Unstructured text of any length (an uploaded CSV, a pasted article): only the characters are
 * checked, not the lines, and it is not trimmed.
 */
export const zRawText = (max: number) =>
  z
    .string({ error: stringError })
    .refine((v) => !v.includes('\u0000'), { error: TEXT_ERRORS.control })
    .refine(isWellFormedText, { error: TEXT_ERRORS.surrogate })
    .max(max, { error: `must be at most ${max} characters` });

// ——— Identifiers and keys ———

export const ZId = z.uuid({ error: 'must be an identifier (UUID)' });

/** A record's stable code (structure items, programmes): `cultural`, `mani-esperte`. */
export const ZKey = z
  .string({ error: stringError })
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, {
    error: 'must be lowercase letters, digits, - or _ (at most 60), such as cultural',
  });

/**
 * A key people choose for an initiative (imports match rows by it): letters, digits, `.`, `-`
 * or `_`, starting with a letter or a digit, at most 100 characters. A blank key is refused.
 */
export const ZRecordKey = z
  .string({ error: stringError })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
    error: 'must be letters, digits, ".", "-" or "_" (at most 100), starting with a letter or digit',
  });

// ——— Numbers ———

const numberError = (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is required' : 'must be a number';

/**
 * A whole number in `[min, max]` (by default a PostgreSQL `integer`).
 * @example zInteger({ min: 0 }).parse(3) // 3
 */
export function zInteger(options: { min?: number; max?: number } = {}) {
  const { min = -INT4_MAX - 1, max = INT4_MAX } = options;
  return z
    .number({ error: numberError })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });
}

/**
 * A finite number whose magnitude is below `maxAbs` (`double precision` or wide `numeric`
 * columns: a sane bound keeps sums and ratios finite).
 */
export const zFiniteNumber = (maxAbs = 1e13) =>
  z
    .number({ error: numberError })
    .refine(Number.isFinite, { error: 'must be a finite number' })
    .refine((v) => Math.abs(v) < maxAbs, { error: `must be between -${maxAbs} and ${maxAbs}` });

/** A sum of money: 0 or more, below 1,000,000,000,000, with at most 2 decimals. */
export const ZMoney = z
  .number({ error: numberError })
  .nonnegative({ error: 'must not be negative' })
  .lt(MONEY_MAX, { error: 'must be less than 1000000000000', abort: true })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: 'must have at most 2 decimals' });

/** The version a client edited: the `integer` column of every editable record. */
export const ZVersion = z
  .number({ error: 'is required: the version you edited' })
  .int({ error: 'must be a whole number' })
  .positive({ error: 'must be 1 or more' })
  .max(INT4_MAX, { error: `must be at most ${INT4_MAX}` });

/** A whole number in a query string. */
export const zQueryInteger = (options: { min: number; max: number }) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(options.min, { error: `must be at least ${options.min}` })
    .max(options.max, { error: `must be at most ${options.max}` });

/** The version a client edited, sent in a query string (`?version=3`). */
export const ZQueryVersion = zQueryInteger({ min: 1, max: INT4_MAX });

// ——— Dates ———

const DATE_RANGE_ERROR = `must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}`;

/** A calendar day YYYY-MM-DD between 1900-01-01 and 2200-12-31. */
export const ZIsoDate = z
  .string({ error: stringError })
  .refine(isIsoDate, { error: 'must be a date in the form YYYY-MM-DD', abort: true })
  .refine((v) => v >= DATE_RANGE.min && v <= DATE_RANGE.max, { error: DATE_RANGE_ERROR });

/** A month YYYY-MM between 1900-01 and 2200-12. */
export const ZIsoMonth = z
  .string({ error: stringError })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month in the form YYYY-MM', abort: true })
  .refine((v) => v >= DATE_RANGE.min.slice(0, 7) && v <= DATE_RANGE.max.slice(0, 7), {
    error: `must be between ${DATE_RANGE.min.slice(0, 7)} and ${DATE_RANGE.max.slice(0, 7)}`,
  });

// ——— Web addresses ———

/**
 * A web address: `http:` or `https:` only (never `javascript:`, `data:` or `file:`), with a
 * host, no spaces or control characters, at most `max` characters.
 * @example zHttpUrl().parse('https://ice.it/news') // 'https://ice.it/news'
 */
export function zHttpUrl(max: number = LIMITS.url) {
  return z
    .string({ error: stringError })
    .trim()
    .max(max, { error: `must be at most ${max} characters`, abort: true })
    .refine((v) => !URL_FORBIDDEN.test(v) && isWellFormedText(v), {
      error: 'must not contain spaces or control characters',
      abort: true,
    })
    .refine((v) => /^[a-z][a-z0-9+.-]*:/i.test(v) && URL.canParse(v), {
      error: 'must be a web address such as https://example.org',
      abort: true,
    })
    .refine(
      (v) => {
        const url = new URL(v);
        return url.protocol === 'http:' || url.protocol === 'https:';
      },
      { error: 'must use http or https', abort: true },
    )
    .refine((v) => new URL(v).hostname !== '', { error: 'must name a host, such as https://example.org' });
}
export const ZHttpUrl = zHttpUrl();
/** An optional web address: empty, null or absent is stored as null. */
export const zOptionalHttpUrl = (max: number = LIMITS.url) =>
  // Not a union with '': a failed union reports only "Invalid input", not the address's reason.
  z
    .string({ error: stringError })
    .nullish()
    .transform((v) => (v?.trim() ? v : null))
    .pipe(zHttpUrl(max).nullable());

// ——— Other shared fields ———

export const ZCountryCode = z
  .string({ error: stringError })
  .trim()
  .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter ISO country code such as IT or KZ' });

/** An e-mail address, lower-cased, at most 254 characters. */
export const ZEmail = z
  .string({ error: stringError })
  .trim()
  .toLowerCase()
  .max(254, { error: 'must be at most 254 characters', abort: true })
  .email({ error: 'must be an e-mail address' });

/** Words to search for in a query string. */
export const ZSearchQuery = zLine(LIMITS.name);

/** A list filter in a query string: `a,b,c`. */
export const ZCsvEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(2000, { error: 'must be at most 2000 characters' })
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `must be one of ${values.join(', ')}` })));

export const ZPageQuery = z.object({
  limit: zQueryInteger({ min: 1, max: LIMITS.pageSize }).default(50),
  offset: zQueryInteger({ min: 0, max: INT4_MAX }).default(0),
});

export const ZVersioned = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
});

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
