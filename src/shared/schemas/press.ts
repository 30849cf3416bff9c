/** Press review and media monitor (issue 6): clippings, their links to initiatives, search, coverage. */
import { z } from 'zod';
import {
  MEDIA_ENTITY_KINDS,
  MEDIA_FETCH_STATUSES,
  MEDIA_KINDS,
  MEDIA_LANGUAGES,
  MEDIA_LINK_STATUSES,
  MEDIA_SOURCE_KINDS,
  MEDIA_TONES,
} from '../enums.ts';
import {
  LIMITS,
  ZCsvEnum,
  ZId,
  ZIsoDate,
  ZPage,
  ZPageQuery,
  ZSearchQuery,
  ZVersion,
  ZVersioned,
  zHttpUrl,
  zLine,
  zRawText,
  zRequiredLine,
} from './common.ts';

/** Largest pasted text (characters). */
export const PRESS_TEXT_MAX = 200_000;

export const ZMediaEntity = z
  .object({
    kind: z.enum(MEDIA_ENTITY_KINDS),
    /** The record's id, a country's ISO code, or a place's name. */
    ref: z.string(),
    name: z.string(),
    mentions: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string() })),
  })
  .meta({ id: 'MediaEntity' });
export type TMediaEntity = z.infer<typeof ZMediaEntity>;

export const ZMediaFigure = z
  .object({
    kind: z.enum(['money', 'count']),
    value: z.number(),
    currency: z.string().optional(),
    unit: z.string().optional(),
    start: z.number().int(),
    end: z.number().int(),
    raw: z.string(),
  })
  .meta({ id: 'MediaFigure' });
export type TMediaFigure = z.infer<typeof ZMediaFigure>;

export const MEDIA_LINK_REASON_CODES = [
  'initiative',
  'organisation',
  'person',
  'place',
  'date_window',
  'date_distance',
  'other',
] as const;

/**
 * A reason for a suggested link: the initiative named, a shared organisation, person or place
 * (`name`), published around the initiative's dates or `days` from them.
 */
export const ZMediaLinkReason = z
  .object({
    code: z.enum(MEDIA_LINK_REASON_CODES),
    params: z.object({ name: z.string().optional(), days: z.number().int().optional() }),
    text: z.string(),
  })
  .meta({ id: 'MediaLinkReason' });
export type TMediaLinkReason = z.infer<typeof ZMediaLinkReason>;

export const ZMediaLink = z
  .object({
    initiativeId: ZId,
    initiativeTitle: z.string(),
    status: z.enum(MEDIA_LINK_STATUSES),
    score: z.number().nullable(),
    /** Why the link was suggested, in English. */
    reasons: z.array(z.string()),
    /** The same reasons, structured (`other`: an older phrase kept as text). */
    reasonDetails: z.array(ZMediaLinkReason),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'MediaLink' });
export type TMediaLink = z.infer<typeof ZMediaLink>;

/** A part of a search snippet: matched words are `isMatch`. */
export const ZSnippetPart = z.object({ text: z.string(), isMatch: z.boolean() });

export const ZMediaItem = ZVersioned.extend({
  id: ZId,
  missionId: ZId,
  sourceKind: z.enum(MEDIA_SOURCE_KINDS),
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  title: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  outlet: z.string().nullable(),
  kind: z.enum(MEDIA_KINDS),
  language: z.enum(MEDIA_LANGUAGES).nullable(),
  excerpt: z.string().nullable(),
  /** Computed by the lexicon method. */
  tone: z.enum(MEDIA_TONES).nullable(),
  toneScore: z.number().nullable(),
  /** Set by a person; wins over `tone`. */
  toneOverride: z.enum(MEDIA_TONES).nullable(),
  /** `toneOverride` if set, else `tone`. */
  effectiveTone: z.enum(MEDIA_TONES).nullable(),
  fetchStatus: z.enum(MEDIA_FETCH_STATUSES),
  fetchError: z.string().nullable(),
  entities: z.array(ZMediaEntity),
  figureCount: z.number().int(),
  /** In search results: ts_rank of the query. */
  rank: z.number().optional(),
  /** In search results: the best passage, matched words marked. */
  snippet: z.array(ZSnippetPart).optional(),
}).meta({ id: 'MediaItem' });
export type TMediaItem = z.infer<typeof ZMediaItem>;

export const ZMediaItemDetail = ZMediaItem.extend({
  text: z.string(),
  figures: z.array(ZMediaFigure),
  links: z.array(ZMediaLink),
}).meta({ id: 'MediaItemDetail' });
export type TMediaItemDetail = z.infer<typeof ZMediaItemDetail>;

export const ZMediaItemPage = ZPage(ZMediaItem).meta({ id: 'MediaItemPage' });

export const ZIngestResult = z
  .object({
    item: ZMediaItemDetail,
    /** True when the clipping was already there (same address or same text): nothing new was stored. */
    isDuplicate: z.boolean(),
  })
  .meta({ id: 'IngestResult' });
export type TIngestResult = z.infer<typeof ZIngestResult>;

const ZUrl = zHttpUrl(LIMITS.url);

export const ZIngestRequest = z
  .object({
    missionId: ZId,
    /** The server fetches this page … */
    url: ZUrl.optional(),
    /** … or reads this pasted text (or HTML). */
    text: zRawText(PRESS_TEXT_MAX).optional(),
    title: zLine(LIMITS.title).optional(),
    /** The publication date when the text does not say (print clippings). */
    publishedAt: ZIsoDate.optional(),
    kind: z.enum(MEDIA_KINDS).optional(),
  })
  .refine((v) => !!v.url || !!v.text?.trim(), { error: 'give a URL or a text', path: ['url'] })
  .meta({ id: 'IngestRequest' });
export type TIngestRequest = z.infer<typeof ZIngestRequest>;

export const ZUpdateMediaItemRequest = z
  .object({
    version: ZVersion,
    title: zRequiredLine(LIMITS.title).optional(),
    outlet: zLine(LIMITS.name).nullable().optional(),
    publishedAt: ZIsoDate.nullable().optional(),
    kind: z.enum(MEDIA_KINDS).optional(),
    language: z.enum(MEDIA_LANGUAGES).nullable().optional(),
    /** A person's tone; null gives the word back to the lexicon. */
    toneOverride: z
      .enum(MEDIA_TONES, { error: 'must be positive, neutral or negative' })
      .nullable()
      .optional(),
  })
  .meta({ id: 'UpdateMediaItemRequest' });
export type TUpdateMediaItemRequest = z.infer<typeof ZUpdateMediaItemRequest>;

export const ZDecideLinkRequest = z
  .object({ status: z.enum(['confirmed', 'rejected'], { error: 'must be confirmed or rejected' }) })
  .meta({ id: 'DecideMediaLinkRequest' });

export const ZMediaItemListQuery = ZPageQuery.extend({
  missionId: ZId.optional(),
  /** Full-text search in each item's language. */
  q: ZSearchQuery.optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  outlet: zLine(LIMITS.name).optional(),
  language: ZCsvEnum(MEDIA_LANGUAGES).optional(),
  tone: ZCsvEnum(MEDIA_TONES).optional(),
  /** An entity's ref: an organisation's or person's id, a country code, a place. */
  entity: zLine(LIMITS.name).optional(),
  /** Items confirmed for this initiative. */
  initiativeId: ZId.optional(),
});
export type TMediaItemListQuery = z.infer<typeof ZMediaItemListQuery>;

export const COVERAGE_INTERVALS = ['week', 'month'] as const;

export const ZCoverageQuery = z
  .object({
    missionId: ZId,
    from: ZIsoDate,
    to: ZIsoDate,
    interval: z.enum(COVERAGE_INTERVALS).default('month'),
    /** The period to compare with; by default the same length just before `from`. */
    baselineFrom: ZIsoDate.optional(),
    baselineTo: ZIsoDate.optional(),
  })
  .refine((v) => v.to >= v.from, { error: 'must not be before from', path: ['to'] });
export type TCoverageQuery = z.infer<typeof ZCoverageQuery>;

const ZCount = z.object({ key: z.string(), count: z.number().int() });
export const ZCoverage = z
  .object({
    from: z.string(),
    to: z.string(),
    interval: z.enum(COVERAGE_INTERVALS),
    total: z.number().int(),
    /** Items per week (Monday) or month (1st), oldest first, empty periods included. */
    periods: z.array(z.object({ period: z.string(), count: z.number().int() })),
    byOutlet: z.array(ZCount),
    byLanguage: z.array(ZCount),
    byTone: z.array(ZCount),
    baseline: z.object({ from: z.string(), to: z.string(), total: z.number().int() }),
    /** (total − baseline) / baseline; null when the baseline is empty. */
    change: z.number().nullable(),
    /** Countries mentioned: items naming each, and its share of all country mentions. */
    shareOfVoice: z.array(
      z.object({ key: z.string(), name: z.string(), count: z.number().int(), share: z.number() }),
    ),
  })
  .meta({ id: 'Coverage' });
export type TCoverage = z.infer<typeof ZCoverage>;
