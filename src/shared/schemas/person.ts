import { z } from 'zod';
import { PERSON_KINDS } from '../enums.ts';
import {
  LIMITS,
  ZCsvEnum,
  ZEmail,
  ZId,
  ZName,
  ZPage,
  ZPageQuery,
  ZSearchQuery,
  ZVersion,
  ZVersioned,
  zRequiredLine,
} from './common.ts';
import { ZIncludeArchived, ZSortOrder } from './query.ts';

const ZCompetenceTag = zRequiredLine(50).toLowerCase();

export const ZCompetence = z.object({
  tag: ZCompetenceTag,
  level: z
    .number({ error: 'must be 1, 2 or 3' })
    .int({ error: 'must be 1, 2 or 3' })
    .min(1, { error: 'must be 1, 2 or 3' })
    .max(3, { error: 'must be 1, 2 or 3' }),
});

const ZLanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, { error: 'must be a language code of 2 or 3 letters such as it or kk' });

/** Every field a person edits on a person record. `userId` is linked by administrators, never here. */
export const ZPersonFields = z.object({
  fullName: ZName,
  kind: z.enum(PERSON_KINDS, { error: `must be one of ${PERSON_KINDS.join(', ')}` }),
  email: z
    .union([z.literal(''), ZEmail])
    .nullish()
    .transform((v) => v || null),
  languages: z
    .array(ZLanguageCode)
    .max(20, { error: 'at most 20' })
    .transform((codes) => [...new Set(codes)]),
  competences: z
    .array(ZCompetence)
    .max(LIMITS.listItems, { error: `at most ${LIMITS.listItems}` })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((c, i) => {
        if (seen.has(c.tag)) ctx.addIssue({ code: 'custom', message: 'is listed twice', path: [i, 'tag'] });
        seen.add(c.tag);
      });
    }),
  /** How many initiatives the person can carry at once. */
  capacity: z
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must not be negative' })
    .max(1000, { error: 'must be at most 1000' })
    .nullable(),
});
export type TPersonFields = z.infer<typeof ZPersonFields>;

export const ZCreatePersonRequest = ZPersonFields.partial()
  .required({ fullName: true })
  .extend({ missionId: ZId })
  .meta({ id: 'CreatePersonRequest' });
export type TCreatePersonRequest = z.infer<typeof ZCreatePersonRequest>;

export const ZUpdatePersonRequest = ZPersonFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdatePersonRequest' });
export type TUpdatePersonRequest = z.infer<typeof ZUpdatePersonRequest>;

export const PERSON_SORTS = ['fullName', 'kind', 'capacity', 'updatedAt'] as const;

export const ZPersonListQuery = ZPageQuery.extend({
  missionId: ZId.optional(),
  /** Words to find in the name or e-mail address. */
  q: ZSearchQuery.optional(),
  kind: ZCsvEnum(PERSON_KINDS).optional(),
  /** People with this competence tag, at any level. */
  competence: ZCompetenceTag.optional(),
  /** People who speak this language. */
  language: ZLanguageCode.optional(),
  includeArchived: ZIncludeArchived,
  sort: z.enum(PERSON_SORTS, { error: `must be one of ${PERSON_SORTS.join(', ')}` }).default('fullName'),
  order: ZSortOrder,
});
export type TPersonListQuery = z.infer<typeof ZPersonListQuery>;

const ZPersonBase = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  key: z.string().nullable(),
  fullName: z.string(),
  kind: z.enum(PERSON_KINDS),
  email: z.string().nullable(),
  /** The account this person signs in with, if any. */
  userId: z.string().nullable(),
  languages: z.array(z.string()),
  competences: z.array(z.object({ tag: z.string(), level: z.number().int() })),
  capacity: z.number().int().nullable(),
});

export const ZPerson = ZPersonBase.meta({ id: 'Person' });
export type TPerson = z.infer<typeof ZPerson>;

export const ZPersonPage = ZPage(ZPerson).meta({ id: 'PersonPage' });

const ZInitiativeLink = z.object({ id: z.string(), title: z.string(), startDate: z.string().nullable() });

/** A person with the initiatives (visible to the caller, not archived) they own or are delegated. */
export const ZPersonDetail = ZPersonBase.extend({
  ownedInitiatives: z.array(ZInitiativeLink),
  delegatedInitiatives: z.array(ZInitiativeLink),
}).meta({ id: 'PersonDetail' });
export type TPersonDetail = z.infer<typeof ZPersonDetail>;
