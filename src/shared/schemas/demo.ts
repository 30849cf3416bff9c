import { z } from 'zod';
import {
  DATE_PRECISIONS,
  DECISION_OUTCOMES,
  IMPORTANCES,
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  INNOVATION_KINDS,
  MEDIA_REFLECTIONS,
  MISSION_KINDS,
  NEW_ACTOR_STATUSES,
  ORGANISATION_KINDS,
  PARTNER_ROLES,
  PERSON_KINDS,
  PHASE_KINDS,
  ROUND_STATUSES,
} from '../enums.ts';
import { ZIsoDate } from './common.ts';

const ZDemoScore = z.number().int().min(1).max(5);

/**
 * Optional selection data: proposals, a scoring round and decisions. Its evaluators and scores
 * are illustrative (`note` says so, and the loader keeps it in the audit log).
 */
export const ZSelectionData = z.object({
  note: z.string().min(1),
  /** Accounts without a password: names for the scores, not people who sign in. */
  evaluators: z.array(z.object({ key: z.string(), name: z.string(), email: z.string() })),
  proposals: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      summary: z.string().nullish(),
      type: z.enum(INITIATIVE_TYPES),
      focusArea: z.string().nullable(),
      vectors: z.array(z.string()),
      datePrecision: z.enum(DATE_PRECISIONS),
      startDate: ZIsoDate.nullable(),
      endDate: ZIsoDate.nullable(),
      cities: z.array(z.string()),
      involvesYouth: z.boolean(),
      innovationKind: z.enum(INNOVATION_KINDS).nullable(),
      estimatedCost: z.number().nonnegative().nullable(),
      targetAudience: z.string().nullish(),
      rationale: z.string().nullish(),
      /** An evaluator's key, or null for none. */
      author: z.string().nullable(),
      /** The Annex 1 initiative this proposal became (when approved). */
      initiative: z.string().nullable(),
    }),
  ),
  rounds: z.array(
    z.object({
      name: z.string(),
      deadline: ZIsoDate.nullable(),
      status: z.enum(ROUND_STATUSES),
      proposals: z.array(z.string()),
      evaluators: z.array(z.string()),
      scores: z.array(
        z.object({
          proposal: z.string(),
          evaluator: z.string(),
          relevance: ZDemoScore,
          effectiveness: ZDemoScore,
          feasibility: ZDemoScore,
        }),
      ),
    }),
  ),
  decisions: z.array(
    z.object({ proposal: z.string(), outcome: z.enum(DECISION_OUTCOMES), reason: z.string().min(1) }),
  ),
});
export type TSelectionData = z.infer<typeof ZSelectionData>;

const ZStructureItem = z.object({ key: z.string(), name: z.string(), description: z.string().nullish() });

/** The format of a plan data file such as `demo/tt2050.json` (records refer to each other by `key`). */
export const ZPlanDataFile = z.object({
  mission: z.object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(MISSION_KINDS),
    hostCountry: z.string().nullish(),
    defaultLocale: z.string(),
    currency: z.string(),
    timeZone: z.string(),
  }),
  plan: z.object({
    acronym: z.string(),
    title: z.string(),
    missionStatement: z.string(),
    periodStart: ZIsoDate,
    periodEnd: ZIsoDate,
    objectives: z.array(z.object({ level: z.union([z.literal(1), z.literal(2)]), text: z.string() })),
    phases: z.array(z.object({ kind: z.enum(PHASE_KINDS), startDate: ZIsoDate, endDate: ZIsoDate })),
  }),
  focusAreas: z.array(ZStructureItem),
  vectors: z.array(ZStructureItem),
  programmes: z.array(ZStructureItem.extend({ hashtag: z.string().nullish(), colors: z.array(z.string()) })),
  organisations: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(ORGANISATION_KINDS),
      country: z.string().nullish(),
      sector: z.string().nullish(),
      isNewActor: z.boolean(),
      newActorStatus: z.enum(NEW_ACTOR_STATUSES).nullish(),
      notes: z.string().nullish(),
    }),
  ),
  people: z.array(
    z.object({
      key: z.string(),
      fullName: z.string(),
      kind: z.enum(PERSON_KINDS),
      email: z.string().nullish(),
      languages: z.array(z.string()),
      competences: z.array(z.object({ tag: z.string(), level: z.number().int().min(1).max(3) })),
      capacity: z.number().int().nullish(),
    }),
  ),
  initiatives: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      titleIt: z.string().nullish(),
      summary: z.string().nullish(),
      type: z.enum(INITIATIVE_TYPES),
      annexType: z.string().nullish(),
      status: z.enum(INITIATIVE_STATUSES),
      datePrecision: z.enum(DATE_PRECISIONS),
      startDate: ZIsoDate.nullable(),
      endDate: ZIsoDate.nullable(),
      cities: z.array(z.string()),
      venues: z.array(z.string()),
      focusArea: z.string().nullable(),
      vectors: z.array(z.string()),
      innovationKind: z.enum(INNOVATION_KINDS).nullable(),
      involvesYouth: z.boolean(),
      programme: z.string().nullable(),
      mediaReflection: z.enum(MEDIA_REFLECTIONS).nullable(),
      importance: z.enum(IMPORTANCES),
      objectives: z.string().nullish(),
      keyMessages: z.string().nullish(),
      targetAudiences: z.string().nullish(),
      results: z.string().nullish(),
      partners: z.array(z.object({ organisation: z.string(), role: z.enum(PARTNER_ROLES) })),
      owner: z.string().nullable(),
      delegates: z.array(z.string()),
    }),
  ),
  selection: ZSelectionData.optional(),
});
export type TPlanDataFile = z.infer<typeof ZPlanDataFile>;
