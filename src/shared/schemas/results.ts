/**
 * Results and impact (DESIGN §9): indicators and their actual values, initiative results,
 * social-media metrics and the plan's results summary. The same schemas validate the API and
 * the web forms. There is no advertising-value-equivalent (AVE) field: the measurement
 * standards (Barcelona Principles) reject it.
 */
import { z } from 'zod';
import {
  AMEC_STAGES,
  COLLECTION_FREQUENCIES,
  ENGAGEMENT_BASES,
  INDICATOR_KINDS,
  INDICATOR_MEASURES,
  INDICATOR_STATUSES,
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  MEDIA_REFLECTIONS,
  SOCIAL_PLATFORMS,
} from '../enums.ts';
import {
  LIMITS,
  ZId,
  ZIsoDate,
  ZIsoMonth,
  ZName,
  ZOptionalText,
  ZVersion,
  ZVersioned,
  zHttpUrl,
  zLine,
  zRawText,
  zRequiredLine,
} from './common.ts';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

/** A measured value: any finite number (a count, a percentage, a rank). */
export const ZMeasuredValue = z
  .number({ error: 'must be a number' })
  .refine(Number.isFinite, { error: 'must be a finite number' })
  .refine((v) => Math.abs(v) < 1e13, { error: 'is too large' });

/** A count: a whole number, 0 or more. */
export const ZCount = z
  .number({ error: 'must be a whole number' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must be 0 or more' })
  .max(2_147_483_647, { error: 'is too large' });

const ZUrl = zHttpUrl(2000);

export const ZValueAtDate = z.object({
  value: ZMeasuredValue.nullable(),
  date: ZIsoDate.nullable(),
});
export type TValueAtDate = z.infer<typeof ZValueAtDate>;

/** Every field a person edits on an indicator. */
export const ZIndicatorFields = z.object({
  name: ZName,
  description: ZOptionalText,
  kind: oneOf(INDICATOR_KINDS),
  amecStage: oneOf(AMEC_STAGES),
  measure: oneOf(INDICATOR_MEASURES),
  /** True when more is better (followers), false when less is better (days to reply). */
  ascending: z.boolean({ error: 'must be true or false' }),
  unit: ZOptionalText,
  baseline: ZValueAtDate,
  target: ZValueAtDate,
  sourceOfVerification: ZOptionalText,
  collectionFrequency: oneOf(COLLECTION_FREQUENCIES).nullable(),
  responsibleId: ZId.nullable(),
});
export type TIndicatorFields = z.infer<typeof ZIndicatorFields>;

const EMPTY_VALUE = { value: null, date: null };

export const ZCreateIndicatorRequest = ZIndicatorFields.extend({
  planId: ZId,
  /** Set one of the two (or neither, for an indicator of the plan itself). */
  objectiveId: ZId.nullish(),
  initiativeId: ZId.nullish(),
  measure: oneOf(INDICATOR_MEASURES).default('unit'),
  ascending: z.boolean({ error: 'must be true or false' }).default(true),
  description: ZOptionalText.optional(),
  unit: ZOptionalText.optional(),
  baseline: ZValueAtDate.default(EMPTY_VALUE),
  target: ZValueAtDate.default(EMPTY_VALUE),
  sourceOfVerification: ZOptionalText.optional(),
  collectionFrequency: oneOf(COLLECTION_FREQUENCIES).nullish(),
  responsibleId: ZId.nullish(),
}).meta({ id: 'CreateIndicatorRequest' });
export type TCreateIndicatorRequest = z.infer<typeof ZCreateIndicatorRequest>;

export const ZUpdateIndicatorRequest = ZIndicatorFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateIndicatorRequest' });
export type TUpdateIndicatorRequest = z.infer<typeof ZUpdateIndicatorRequest>;

export const ZIndicatorValueRequest = z
  .object({
    /** The period the value covers; leave `periodStart` out for a value at one date. */
    periodStart: ZIsoDate.nullish(),
    periodEnd: ZIsoDate,
    /** Required unless the indicator is qualitative. */
    value: ZMeasuredValue.nullish(),
    comment: ZOptionalText.optional(),
    evidenceUrl: ZUrl.nullish(),
  })
  .meta({ id: 'IndicatorValueRequest' });
export type TIndicatorValueRequest = z.infer<typeof ZIndicatorValueRequest>;

export const ZIndicatorValue = z.object({
  id: z.string(),
  indicatorId: z.string(),
  periodStart: z.string().nullable(),
  periodEnd: z.string(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  enteredBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
});
export type TIndicatorValue = z.infer<typeof ZIndicatorValue>;

export const INDICATOR_LEVELS = ['plan', 'objective', 'initiative'] as const;

export const ZIndicator = z
  .object({
    id: z.string(),
    missionId: z.string(),
    planId: z.string(),
    level: z.enum(INDICATOR_LEVELS),
    objectiveId: z.string().nullable(),
    initiativeId: z.string().nullable(),
    /** The objective's text or the initiative's title, for display. */
    levelLabel: z.string().nullable(),
    name: z.string(),
    description: z.string().nullable(),
    kind: z.enum(INDICATOR_KINDS),
    amecStage: z.enum(AMEC_STAGES),
    measure: z.enum(INDICATOR_MEASURES),
    ascending: z.boolean(),
    unit: z.string().nullable(),
    baseline: ZValueAtDate,
    target: ZValueAtDate,
    sourceOfVerification: z.string().nullable(),
    collectionFrequency: z.enum(COLLECTION_FREQUENCIES).nullable(),
    responsible: z.object({ id: z.string(), name: z.string() }).nullable(),
    latest: ZIndicatorValue.nullable(),
    /** (latest − baseline) ÷ (target − baseline); 1 = target reached; null when it cannot be computed. */
    progress: z.number().nullable(),
    /** Share of the progress expected by today (from the baseline and target dates). */
    expectedProgress: z.number(),
    status: z.enum(INDICATOR_STATUSES),
  })
  .extend(ZVersioned.shape)
  .meta({ id: 'Indicator' });
export type TIndicator = z.infer<typeof ZIndicator>;

export const ZIndicatorDetail = ZIndicator.extend({ values: z.array(ZIndicatorValue) }).meta({
  id: 'IndicatorDetail',
});
export type TIndicatorDetail = z.infer<typeof ZIndicatorDetail>;

// ── Initiative results ──

export const ZInitiativeResultFields = z.object({
  attendance: ZCount.nullable(),
  participantsTrained: ZCount.nullable(),
  scholarships: ZCount.nullable(),
  onlineViews: ZCount.nullable(),
  audienceReached: ZCount.nullable(),
  qualitativeOutcomes: ZOptionalText,
});
export type TInitiativeResultFields = z.infer<typeof ZInitiativeResultFields>;

export const ZUpdateInitiativeResultsRequest = ZInitiativeResultFields.partial()
  .extend({
    /** The version you edited; null when the initiative had no results yet. */
    version: z.number({ error: 'is required: the version you edited, or null' }).int().positive().nullable(),
  })
  .meta({ id: 'UpdateInitiativeResultsRequest' });
export type TUpdateInitiativeResultsRequest = z.infer<typeof ZUpdateInitiativeResultsRequest>;

export const ZInitiativeResults = ZInitiativeResultFields.extend({
  initiativeId: z.string(),
  key: z.string().nullable(),
  title: z.string(),
  type: z.enum(INITIATIVE_TYPES),
  status: z.enum(INITIATIVE_STATUSES),
  startDate: z.string().nullable(),
  /** From the initiative (edited on the event sheet). */
  mediaReflection: z.enum(MEDIA_REFLECTIONS).nullable(),
  mediaLinks: z.array(z.string()),
  /** Null until results are first saved. */
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
}).meta({ id: 'InitiativeResults' });
export type TInitiativeResults = z.infer<typeof ZInitiativeResults>;

// ── Social metrics ──

export const ZCreateSocialAccountRequest = z
  .object({
    missionId: ZId,
    platform: oneOf(SOCIAL_PLATFORMS),
    handle: zRequiredLine(LIMITS.name),
  })
  .meta({ id: 'CreateSocialAccountRequest' });
export type TCreateSocialAccountRequest = z.infer<typeof ZCreateSocialAccountRequest>;

export const ZSnapshotFields = z.object({
  followers: ZCount.nullish(),
  accountsReached: ZCount.nullish(),
  accountsEngaged: ZCount.nullish(),
  impressions: ZCount.nullish(),
  posts: ZCount.nullish(),
});

export const ZSocialSnapshotRequest = ZSnapshotFields.extend({
  /** The month, YYYY-MM. Saving a month again replaces its figures. */
  month: ZIsoMonth,
}).meta({ id: 'SocialSnapshotRequest' });
export type TSocialSnapshotRequest = z.infer<typeof ZSocialSnapshotRequest>;

export const ZSocialPostRequest = z
  .object({
    externalId: zLine(200).nullish(),
    publishedOn: ZIsoDate,
    url: ZUrl.nullish(),
    caption: ZOptionalText.optional(),
    reach: ZCount.nullish(),
    impressions: ZCount.nullish(),
    likes: ZCount.nullish(),
    comments: ZCount.nullish(),
    shares: ZCount.nullish(),
    saves: ZCount.nullish(),
    clicks: ZCount.nullish(),
  })
  .meta({ id: 'SocialPostRequest' });
export type TSocialPostRequest = z.infer<typeof ZSocialPostRequest>;

export const ZSocialImportRequest = z
  .object({
    kind: z.enum(['snapshots', 'posts'], { error: 'must be snapshots or posts' }),
    csv: zRawText(2_000_000).min(1, { error: 'must not be empty' }),
  })
  .meta({ id: 'SocialImportRequest' });

export const ZSocialImportResult = z
  .object({ kind: z.enum(['snapshots', 'posts']), imported: z.number().int() })
  .meta({ id: 'SocialImportResult' });

export const ZEngagementRate = z.object({
  value: z.number().nullable(),
  basis: z.enum(ENGAGEMENT_BASES),
  label: z.string(),
});
export type TEngagementRateDto = z.infer<typeof ZEngagementRate>;

export const ZChange = z.object({
  absolute: z.number(),
  absoluteUnit: z.enum(['pp', 'unit']),
  /** Null ("n/a") when the earlier value is 0. */
  percent: z.number().nullable(),
});
export type TChangeDto = z.infer<typeof ZChange>;

export const ZSocialSnapshot = z
  .object({
    month: z.string(),
    followers: z.number().nullable(),
    accountsReached: z.number().nullable(),
    accountsEngaged: z.number().nullable(),
    impressions: z.number().nullable(),
    posts: z.number().nullable(),
    /** By reach (the default), by followers, by impressions: each labelled. */
    engagementRates: z.array(ZEngagementRate),
  })
  .meta({ id: 'SocialSnapshot' });
export type TSocialSnapshot = z.infer<typeof ZSocialSnapshot>;

export const ZSocialPost = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    publishedOn: z.string(),
    url: z.string().nullable(),
    caption: z.string().nullable(),
    reach: z.number().nullable(),
    impressions: z.number().nullable(),
    likes: z.number().nullable(),
    comments: z.number().nullable(),
    shares: z.number().nullable(),
    saves: z.number().nullable(),
    clicks: z.number().nullable(),
    engagementRate: ZEngagementRate,
  })
  .meta({ id: 'SocialPost' });

export const ZSocialAccount = z
  .object({
    id: z.string(),
    missionId: z.string(),
    platform: z.enum(SOCIAL_PLATFORMS),
    handle: z.string(),
    snapshots: z.array(ZSocialSnapshot),
    latestMonth: z.string().nullable(),
    /** Engagement rate by reach of the latest month. */
    latestEngagementRate: ZEngagementRate.nullable(),
    /** Month-on-month change of the latest month, per metric. */
    momChange: z.object({ followers: ZChange.nullable(), accountsReached: ZChange.nullable() }),
    /** Year-on-year change (same month a year before), per metric. */
    yoyChange: z.object({ followers: ZChange.nullable(), accountsReached: ZChange.nullable() }),
  })
  .extend(ZVersioned.shape)
  .meta({ id: 'SocialAccount' });
export type TSocialAccount = z.infer<typeof ZSocialAccount>;

export const ZSocialAccountDetail = ZSocialAccount.extend({ posts: z.array(ZSocialPost) }).meta({
  id: 'SocialAccountDetail',
});
export type TSocialAccountDetail = z.infer<typeof ZSocialAccountDetail>;

export const ZSocialAccountListQuery = z.object({ missionId: ZId.optional() });

// ── The plan's results summary (dashboard and report) ──

export const DERIVED_INDICATOR_KEYS = [
  'initiatives_realised',
  'attendance_total',
  'participants_trained_total',
  'scholarships_total',
  'media_items',
  'media_items_change',
  'social_reach_change',
] as const;

export const ZDerivedIndicator = z
  .object({
    key: z.enum(DERIVED_INDICATOR_KEYS),
    kind: z.enum(INDICATOR_KINDS),
    amecStage: z.enum(AMEC_STAGES),
    /** Computed from the data; null when the data is not there. */
    value: z.number().nullable(),
    /** What `value` is compared with (planned initiatives, the baseline period's value). */
    reference: z.number().nullable(),
    progress: z.number().nullable(),
    change: ZChange.nullable(),
    /** `needs_press_review`: the press review is not available to count media items. */
    unavailableReason: z.enum(['needs_press_review', 'no_data']).nullable(),
    /** The periods compared, for the change against a baseline period. */
    period: z.object({ from: z.string(), to: z.string() }).nullable(),
    baselinePeriod: z.object({ from: z.string(), to: z.string() }).nullable(),
  })
  .meta({ id: 'DerivedIndicator' });
export type TDerivedIndicator = z.infer<typeof ZDerivedIndicator>;

export const ZResultsSummary = z
  .object({
    planId: z.string(),
    indicators: z.array(ZIndicator),
    derived: z.array(ZDerivedIndicator),
    social: z.object({ accounts: z.array(ZSocialAccount) }),
    initiativeResults: z.array(ZInitiativeResults),
    initiativesByStatus: z.array(z.object({ status: z.enum(INITIATIVE_STATUSES), count: z.number().int() })),
    mediaReflection: z.array(
      z.object({ rating: z.enum(MEDIA_REFLECTIONS).nullable(), count: z.number().int() }),
    ),
    /** Per month of the plan: media items (null without the press review), social reach and impressions, audience of initiatives. */
    exposure: z.array(
      z.object({
        month: z.string(),
        mediaItems: z.number().nullable(),
        accountsReached: z.number().nullable(),
        impressions: z.number().nullable(),
        audienceReached: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'ResultsSummary' });
export type TResultsSummary = z.infer<typeof ZResultsSummary>;
