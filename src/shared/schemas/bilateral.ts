/** Bilateral knowledge base (issue 6, DESIGN.md §11): visits, agreements and economic figures. */
import { z } from 'zod';
import { BILATERAL_DATE_PRECISIONS, BILATERAL_FACT_KINDS } from '../enums.ts';
import {
  ZCsvEnum,
  ZId,
  ZIsoDate,
  ZName,
  ZVersion,
  ZVersioned,
  zFiniteNumber,
  zInteger,
  zOptionalHttpUrl,
  zOptionalLine,
  zRequiredLine,
  zText,
} from './common.ts';
import { ZIncludeArchived } from './query.ts';

const ZShortList = z.array(zRequiredLine(200)).max(50, { error: 'at most 50' });
const ZShortText = zOptionalLine(200);
const ZSummary = zText({ max: 5000, isMultiline: true });

/** Every field a person edits on a bilateral fact. */
export const ZBilateralFactFields = z.object({
  kind: z.enum(BILATERAL_FACT_KINDS, { error: `must be one of ${BILATERAL_FACT_KINDS.join(', ')}` }),
  title: ZName,
  date: ZIsoDate,
  datePrecision: z.enum(BILATERAL_DATE_PRECISIONS, {
    error: `must be one of ${BILATERAL_DATE_PRECISIONS.join(', ')}`,
  }),
  summary: ZSummary.nullish().transform((v) => v || null),
  parties: ZShortList,
  people: ZShortList,
  level: ZShortText,
  direction: ZShortText,
  place: ZShortText,
  sectors: ZShortList,
  /** A figure (a trade volume, an investment): any sign, below 10^15 in magnitude. */
  value: zFiniteNumber(1e15).nullable(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: 'must be a three-letter currency code such as USD' })
    .nullish()
    .transform((v) => v || null),
  unit: ZShortText,
  sourceMediaItemId: ZId.nullable(),
  sourceUrl: zOptionalHttpUrl(),
});
export type TBilateralFactFields = z.infer<typeof ZBilateralFactFields>;

export const ZCreateBilateralFactRequest = ZBilateralFactFields.partial()
  .required({ kind: true, title: true, date: true })
  .extend({ missionId: ZId })
  .meta({ id: 'CreateBilateralFactRequest' });
export type TCreateBilateralFactRequest = z.infer<typeof ZCreateBilateralFactRequest>;

export const ZUpdateBilateralFactRequest = ZBilateralFactFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateBilateralFactRequest' });
export type TUpdateBilateralFactRequest = z.infer<typeof ZUpdateBilateralFactRequest>;

/** Creates a fact from a clipping: its title, publication date and link; a figure by index. */
export const ZBilateralFactFromClippingRequest = z
  .object({
    kind: z.enum(BILATERAL_FACT_KINDS, { error: `must be one of ${BILATERAL_FACT_KINDS.join(', ')}` }),
    /** Index in the clipping's `figures` whose value and currency the fact takes. */
    figureIndex: zInteger({ min: 0, max: 10_000 }).optional(),
    title: ZName.optional(),
    summary: ZSummary.optional(),
  })
  .meta({ id: 'BilateralFactFromClippingRequest' });
export type TBilateralFactFromClippingRequest = z.infer<typeof ZBilateralFactFromClippingRequest>;

export const ZBilateralFact = ZVersioned.extend({
  id: ZId,
  missionId: ZId,
  kind: z.enum(BILATERAL_FACT_KINDS),
  title: z.string(),
  date: z.string(),
  datePrecision: z.enum(BILATERAL_DATE_PRECISIONS),
  summary: z.string().nullable(),
  parties: z.array(z.string()),
  people: z.array(z.string()),
  level: z.string().nullable(),
  direction: z.string().nullable(),
  place: z.string().nullable(),
  sectors: z.array(z.string()),
  value: z.number().nullable(),
  currency: z.string().nullable(),
  unit: z.string().nullable(),
  sourceMediaItemId: ZId.nullable(),
  sourceUrl: z.string().nullable(),
  /** The source clipping's title and outlet, when linked. */
  sourceTitle: z.string().nullable(),
  sourceOutlet: z.string().nullable(),
}).meta({ id: 'BilateralFact' });
export type TBilateralFact = z.infer<typeof ZBilateralFact>;

export const ZBilateralFactList = z
  .object({ items: z.array(ZBilateralFact) })
  .meta({ id: 'BilateralFactList' });
export type TBilateralFactList = z.infer<typeof ZBilateralFactList>;

export const ZBilateralFactListQuery = z.object({
  missionId: ZId.optional(),
  kind: ZCsvEnum(BILATERAL_FACT_KINDS).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  includeArchived: ZIncludeArchived,
});
export type TBilateralFactListQuery = z.infer<typeof ZBilateralFactListQuery>;
