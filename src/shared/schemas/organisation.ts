import { z } from 'zod';
import { NEW_ACTOR_STATUSES, ORGANISATION_KINDS, PARTNER_ROLES } from '../enums.ts';
import {
  ZCountryCode,
  ZCsvEnum,
  ZId,
  ZName,
  ZOptionalText,
  ZPage,
  ZPageQuery,
  ZSearchQuery,
  ZVersion,
  ZVersioned,
  zHttpUrl,
  zOptionalLine,
} from './common.ts';
import { ZBooleanQuery, ZIncludeArchived, ZSortOrder } from './query.ts';

const ZWebsite = zHttpUrl(500).refine((v) => z.regexes.domain.test(new URL(v).hostname), {
  error: 'must be a web address such as https://ice.it',
});

/** Every field a person edits on an organisation. */
export const ZOrganisationFields = z.object({
  name: ZName,
  kind: z.enum(ORGANISATION_KINDS, { error: `must be one of ${ORGANISATION_KINDS.join(', ')}` }),
  country: ZCountryCode.nullable(),
  sector: zOptionalLine(200),
  website: z
    .union([z.literal(''), ZWebsite])
    .nullish()
    .transform((v) => v || null),
  isNewActor: z.boolean({ error: 'must be true or false' }),
  newActorStatus: z
    .enum(NEW_ACTOR_STATUSES, { error: `must be one of ${NEW_ACTOR_STATUSES.join(', ')}` })
    .nullable(),
  notes: ZOptionalText,
});
export type TOrganisationFields = z.infer<typeof ZOrganisationFields>;

/** The rule for new actors, shared by create and (on the merged record) update. */
export const NEW_ACTOR_STATUS_ERROR = 'applies only to a new actor (set isNewActor to true)';

export const ZCreateOrganisationRequest = ZOrganisationFields.partial()
  .required({ name: true })
  .extend({ missionId: ZId })
  .refine((v) => !v.newActorStatus || v.isNewActor === true, {
    error: NEW_ACTOR_STATUS_ERROR,
    path: ['newActorStatus'],
  })
  .meta({ id: 'CreateOrganisationRequest' });
export type TCreateOrganisationRequest = z.infer<typeof ZCreateOrganisationRequest>;

export const ZUpdateOrganisationRequest = ZOrganisationFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateOrganisationRequest' });
export type TUpdateOrganisationRequest = z.infer<typeof ZUpdateOrganisationRequest>;

export const ORGANISATION_SORTS = ['name', 'kind', 'country', 'updatedAt'] as const;

export const ZOrganisationListQuery = ZPageQuery.extend({
  missionId: ZId.optional(),
  /** Words to find in the name, sector or notes. */
  q: ZSearchQuery.optional(),
  kind: ZCsvEnum(ORGANISATION_KINDS).optional(),
  country: ZCountryCode.optional(),
  isNewActor: ZBooleanQuery.optional(),
  includeArchived: ZIncludeArchived,
  sort: z
    .enum(ORGANISATION_SORTS, { error: `must be one of ${ORGANISATION_SORTS.join(', ')}` })
    .default('name'),
  order: ZSortOrder,
});
export type TOrganisationListQuery = z.infer<typeof ZOrganisationListQuery>;

const ZOrganisationBase = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  key: z.string().nullable(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  country: z.string().nullable(),
  sector: z.string().nullable(),
  website: z.string().nullable(),
  isNewActor: z.boolean(),
  newActorStatus: z.enum(NEW_ACTOR_STATUSES).nullable(),
  notes: z.string().nullable(),
});

export const ZOrganisation = ZOrganisationBase.meta({ id: 'Organisation' });
export type TOrganisation = z.infer<typeof ZOrganisation>;

export const ZOrganisationPage = ZPage(ZOrganisation).meta({ id: 'OrganisationPage' });

/** An organisation with the initiatives (visible to the caller, not archived) it takes part in. */
export const ZOrganisationDetail = ZOrganisationBase.extend({
  initiatives: z.array(
    z.object({
      id: z.string(),
      planId: z.string(),
      title: z.string(),
      role: z.enum(PARTNER_ROLES),
      startDate: z.string().nullable(),
    }),
  ),
}).meta({ id: 'OrganisationDetail' });
export type TOrganisationDetail = z.infer<typeof ZOrganisationDetail>;
