import { z } from 'zod';
import {
  DATE_PRECISIONS,
  IMPORTANCES,
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  INNOVATION_KINDS,
  MEDIA_REFLECTIONS,
  PARTNER_ROLES,
} from '../enums.ts';
import {
  LIMITS,
  ZCsvEnum,
  ZHttpUrl,
  ZId,
  ZIsoDate,
  ZIsoMonth,
  ZMoney,
  ZOptionalText,
  ZPage,
  ZPageQuery,
  ZRecordKey,
  ZSearchQuery,
  ZTitle,
  ZVersion,
  ZVersioned,
  zRequiredLine,
} from './common.ts';

const ZCityList = z.array(zRequiredLine(100)).max(LIMITS.listItems, { error: `at most ${LIMITS.listItems}` });

export const ZPartnerLink = z.object({
  organisationId: ZId,
  role: z.enum(PARTNER_ROLES, { error: `must be one of ${PARTNER_ROLES.join(', ')}` }),
});

/** Every field a person edits on an initiative; shared by create, update, the form and the importer. */
export const ZInitiativeFields = z.object({
  title: ZTitle,
  summary: ZOptionalText,
  type: z.enum(INITIATIVE_TYPES, { error: `must be one of ${INITIATIVE_TYPES.join(', ')}` }),
  status: z.enum(INITIATIVE_STATUSES, { error: `must be one of ${INITIATIVE_STATUSES.join(', ')}` }),
  datePrecision: z.enum(DATE_PRECISIONS, { error: 'must be day or month' }),
  startDate: ZIsoDate.nullable(),
  endDate: ZIsoDate.nullable(),
  cities: ZCityList,
  venues: ZCityList,
  focusAreaId: ZId.nullable(),
  vectorIds: z.array(ZId).max(LIMITS.listItems),
  programmeId: ZId.nullable(),
  innovationKind: z.enum(INNOVATION_KINDS, { error: 'must be product or process' }).nullable(),
  involvesYouth: z.boolean(),
  objectives: ZOptionalText,
  keyMessages: ZOptionalText,
  targetAudiences: ZOptionalText,
  results: ZOptionalText,
  mediaCoverage: ZOptionalText,
  /** What it falls back to when an alarm on one of its risks goes off, e.g. an online format. */
  fallbackAlternative: ZOptionalText,
  mediaLinks: z.array(ZHttpUrl).max(LIMITS.listItems, { error: `at most ${LIMITS.listItems} links` }),
  mediaReflection: z
    .enum(MEDIA_REFLECTIONS, { error: `must be one of ${MEDIA_REFLECTIONS.join(', ')}` })
    .nullable(),
  importance: z.enum(IMPORTANCES, { error: 'must be standard or major' }),
  budget: ZMoney.nullable(),
  ownerId: ZId.nullable(),
  delegateIds: z.array(ZId).max(LIMITS.listItems),
  partners: z.array(ZPartnerLink).max(LIMITS.listItems * 2),
});
export type TInitiativeFields = z.infer<typeof ZInitiativeFields>;

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.startDate || !v.endDate || v.endDate >= v.startDate;
const endNeedsStart = (v: { startDate?: string | null; endDate?: string | null }) =>
  !v.endDate || !!v.startDate;

/** Defaults applied when creating: only title, type and plan are required. */
export const ZCreateInitiativeRequest = ZInitiativeFields.partial()
  .required({ title: true, type: true })
  .extend({ planId: ZId, key: ZRecordKey.nullish() })
  .refine(datesInOrder, { error: 'must not be before the start date', path: ['endDate'] })
  .refine(endNeedsStart, { error: 'needs a start date', path: ['startDate'] });
export type TCreateInitiativeRequest = z.infer<typeof ZCreateInitiativeRequest>;

export const ZUpdateInitiativeRequest = ZInitiativeFields.partial()
  .extend({ version: ZVersion })
  .refine(datesInOrder, { error: 'must not be before the start date', path: ['endDate'] });
export type TUpdateInitiativeRequest = z.infer<typeof ZUpdateInitiativeRequest>;

export const INITIATIVE_SORTS = [
  'startDate',
  'title',
  'type',
  'status',
  'mediaReflection',
  'updatedAt',
] as const;

export const ZInitiativeListQuery = ZPageQuery.extend({
  planId: ZId.optional(),
  missionId: ZId.optional(),
  /** Initiatives whose dates touch this month (YYYY-MM). */
  month: ZIsoMonth.optional(),
  focusAreaId: ZId.optional(),
  vectorId: ZId.optional(),
  programmeId: ZId.optional(),
  type: ZCsvEnum(INITIATIVE_TYPES).optional(),
  status: ZCsvEnum(INITIATIVE_STATUSES).optional(),
  mediaReflection: ZCsvEnum(MEDIA_REFLECTIONS).optional(),
  /** Words to find in the title, summary, cities or partners' names. */
  q: ZSearchQuery.optional(),
  sort: z.enum(INITIATIVE_SORTS).default('startDate'),
  order: z.enum(['asc', 'desc']).default('asc'),
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type TInitiativeListQuery = z.infer<typeof ZInitiativeListQuery>;

const ZRef = z.object({ id: z.string(), key: z.string().nullable(), name: z.string() });

export const ZInitiative = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  planId: z.string(),
  key: z.string().nullable(),
  title: z.string(),
  summary: z.string().nullable(),
  type: z.enum(INITIATIVE_TYPES),
  status: z.enum(INITIATIVE_STATUSES),
  datePrecision: z.enum(DATE_PRECISIONS),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  cities: z.array(z.string()),
  venues: z.array(z.string()),
  focusArea: ZRef.nullable(),
  vectors: z.array(ZRef),
  programme: ZRef.nullable(),
  innovationKind: z.enum(INNOVATION_KINDS).nullable(),
  involvesYouth: z.boolean(),
  objectives: z.string().nullable(),
  keyMessages: z.string().nullable(),
  targetAudiences: z.string().nullable(),
  results: z.string().nullable(),
  mediaCoverage: z.string().nullable(),
  fallbackAlternative: z.string().nullable(),
  mediaLinks: z.array(z.string()),
  mediaReflection: z.enum(MEDIA_REFLECTIONS).nullable(),
  importance: z.enum(IMPORTANCES),
  budget: z.number().nullable(),
  owner: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  delegates: z.array(z.object({ id: z.string(), fullName: z.string() })),
  partners: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      role: z.enum(PARTNER_ROLES),
      country: z.string().nullable(),
    }),
  ),
});
export type TInitiative = z.infer<typeof ZInitiative>;

export const ZInitiativePage = ZPage(ZInitiative);
