import { z } from 'zod';
import { isIsoDate } from '../dates.ts';

/** Limits shared by the API, the importer and the forms. */
export const LIMITS = {
  title: 300,
  text: 10_000,
  name: 200,
  listItems: 50,
  pageSize: 500,
} as const;

export const ZId = z.uuid({ error: 'must be an identifier (UUID)' });
export const ZIsoDate = z.string().refine(isIsoDate, { error: 'must be a date in the form YYYY-MM-DD' });
export const ZText = z
  .string()
  .trim()
  .max(LIMITS.text, { error: `must be at most ${LIMITS.text} characters` });
export const ZOptionalText = ZText.nullish().transform((v) => (v === '' ? null : (v ?? null)));
export const ZName = z
  .string({ error: 'is required' })
  .trim()
  .min(1, { error: 'must not be empty' })
  .max(LIMITS.name, { error: `must be at most ${LIMITS.name} characters` });
export const ZVersion = z.number({ error: 'is required: the version you edited' }).int().positive();
export const ZCountryCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, { error: 'must be a two-letter ISO country code such as IT or KZ' });

/** A list filter in a query string: `a,b,c`. */
export const ZCsvEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)));

export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize).default(50),
  offset: z.coerce.number().int().min(0).default(0),
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
