import { z } from 'zod';
import { OBJECTIVE_LEVELS, PHASE_KINDS } from '../enums.ts';
import {
  LIMITS,
  ZId,
  ZIsoDate,
  ZKey,
  ZMoney,
  ZName,
  ZOptionalText,
  ZTitle,
  ZVersion,
  ZVersioned,
  zInteger,
  zOptionalLine,
  zRequiredLine,
  zRequiredText,
} from './common.ts';
import { ZIncludeArchived } from './query.ts';

const ZAcronym = zRequiredLine(30);

/** A structure record's stable code, used by imports and exports: `cultural`, `mani-esperte`. */
export const ZStructureKey = ZKey;

const ZPosition = zInteger({ min: 0, max: 10_000 });

const ZObjectiveLevel = z.literal(OBJECTIVE_LEVELS, {
  error: 'must be 1 (what the plan achieves outside) or 2 (how the team works)',
});

const ZObjectiveText = zRequiredText();

const ZHexColor = z
  .string()
  .trim()
  .regex(/^#[0-9A-Fa-f]{6}$/, { error: 'must be a colour in the form #RRGGBB' })
  .transform((v) => v.toUpperCase());

const datesInOrder =
  <K extends string>(start: K, end: K) =>
  (v: Partial<Record<K, string | null>>) =>
    !v[start] || !v[end] || (v[end] as string) >= (v[start] as string);

// ——— Plans ———

/** Every field a person edits on a plan. */
export const ZPlanFields = z.object({
  title: ZTitle,
  acronym: ZAcronym,
  missionStatement: ZOptionalText,
  periodStart: ZIsoDate.nullable(),
  periodEnd: ZIsoDate.nullable(),
  budgetEnvelope: ZMoney.nullable(),
});

export const ZCreatePlanRequest = ZPlanFields.partial()
  .required({ title: true, acronym: true })
  .extend({
    missionId: ZId,
    objectives: z
      .array(z.object({ level: ZObjectiveLevel, text: ZObjectiveText }))
      .max(LIMITS.listItems, { error: `at most ${LIMITS.listItems}` })
      .optional(),
  })
  .refine(datesInOrder('periodStart', 'periodEnd'), {
    error: 'must not be before the start of the period',
    path: ['periodEnd'],
  })
  .meta({ id: 'CreatePlanRequest' });
export type TCreatePlanRequest = z.infer<typeof ZCreatePlanRequest>;

export const ZUpdatePlanRequest = ZPlanFields.partial()
  .extend({ version: ZVersion })
  .refine(datesInOrder('periodStart', 'periodEnd'), {
    error: 'must not be before the start of the period',
    path: ['periodEnd'],
  })
  .meta({ id: 'UpdatePlanRequest' });
export type TUpdatePlanRequest = z.infer<typeof ZUpdatePlanRequest>;

export const ZPlanListQuery = z.object({
  missionId: ZId.optional(),
  includeArchived: ZIncludeArchived,
});
export type TPlanListQuery = z.infer<typeof ZPlanListQuery>;

// ——— Structure: objectives, phases, focus areas, vectors, programmes ———

export const ZObjective = z
  .object({
    id: z.string(),
    planId: z.string(),
    level: z.literal(OBJECTIVE_LEVELS),
    text: z.string(),
    position: z.number().int(),
  })
  .meta({ id: 'Objective' });
export type TObjective = z.infer<typeof ZObjective>;

export const ZObjectiveList = z.object({ items: z.array(ZObjective) }).meta({ id: 'ObjectiveList' });

export const ZCreateObjectiveRequest = z
  .object({ level: ZObjectiveLevel, text: ZObjectiveText, position: ZPosition.optional() })
  .meta({ id: 'CreateObjectiveRequest' });
export type TCreateObjectiveRequest = z.infer<typeof ZCreateObjectiveRequest>;

export const ZUpdateObjectiveRequest = z
  .object({ level: ZObjectiveLevel, text: ZObjectiveText, position: ZPosition })
  .partial()
  .meta({ id: 'UpdateObjectiveRequest' });
export type TUpdateObjectiveRequest = z.infer<typeof ZUpdateObjectiveRequest>;

/** One of the six phases of the project cycle; a plan always has all six, in order. */
export const ZPhase = z
  .object({
    kind: z.enum(PHASE_KINDS),
    startDate: z.string().nullable(),
    endDate: z.string().nullable(),
  })
  .meta({ id: 'Phase' });
export type TPhase = z.infer<typeof ZPhase>;

export const ZUpdatePhaseRequest = z
  .object({ startDate: ZIsoDate.nullable(), endDate: ZIsoDate.nullable() })
  .refine(datesInOrder('startDate', 'endDate'), {
    error: 'must not be before the start date',
    path: ['endDate'],
  })
  .refine((v) => !v.endDate || !!v.startDate, { error: 'needs a start date', path: ['startDate'] })
  .meta({ id: 'UpdatePhaseRequest' });
export type TUpdatePhaseRequest = z.infer<typeof ZUpdatePhaseRequest>;

export const ZPhaseParams = z.object({
  planId: ZId,
  kind: z.enum(PHASE_KINDS, { error: `must be one of ${PHASE_KINDS.join(', ')}` }),
});

const ZStructureItem = z.object({
  id: z.string(),
  planId: z.string(),
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  position: z.number().int(),
  /** Initiatives of this item that the caller can see (archived ones left out). */
  initiativeCount: z.number().int(),
});
export type TStructureItem = z.infer<typeof ZStructureItem>;

export const ZFocusArea = ZStructureItem.meta({ id: 'FocusArea' });
export const ZFocusAreaList = z.object({ items: z.array(ZFocusArea) }).meta({ id: 'FocusAreaList' });
export const ZVector = ZStructureItem.meta({ id: 'Vector' });
export const ZVectorList = z.object({ items: z.array(ZVector) }).meta({ id: 'VectorList' });

/** Creates a focus area or a vector; the key is made from the name when not given. */
export const ZCreateStructureItemRequest = z
  .object({
    key: ZStructureKey.optional(),
    name: ZName,
    description: ZOptionalText,
    position: ZPosition.optional(),
  })
  .meta({ id: 'CreateStructureItemRequest' });
export type TCreateStructureItemRequest = z.infer<typeof ZCreateStructureItemRequest>;

/** Focus areas and vectors have no version: the last write wins. The key does not change. */
export const ZUpdateStructureItemRequest = z
  .object({ name: ZName, description: ZOptionalText, position: ZPosition })
  .partial()
  .meta({ id: 'UpdateStructureItemRequest' });
export type TUpdateStructureItemRequest = z.infer<typeof ZUpdateStructureItemRequest>;

export const ZProgramme = z
  .object({
    id: z.string(),
    planId: z.string(),
    key: z.string(),
    name: z.string(),
    hashtag: z.string().nullable(),
    colors: z.array(z.string()),
    description: z.string().nullable(),
    initiativeCount: z.number().int(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Programme' });
export type TProgramme = z.infer<typeof ZProgramme>;

export const ZProgrammeList = z.object({ items: z.array(ZProgramme) }).meta({ id: 'ProgrammeList' });

const ZProgrammeFields = z.object({
  name: ZName,
  hashtag: zOptionalLine(100),
  colors: z.array(ZHexColor).max(12, { error: 'at most 12 colours' }),
  description: ZOptionalText,
});

export const ZCreateProgrammeRequest = ZProgrammeFields.partial()
  .required({ name: true })
  .extend({ key: ZStructureKey.optional() })
  .meta({ id: 'CreateProgrammeRequest' });
export type TCreateProgrammeRequest = z.infer<typeof ZCreateProgrammeRequest>;

export const ZUpdateProgrammeRequest = ZProgrammeFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateProgrammeRequest' });
export type TUpdateProgrammeRequest = z.infer<typeof ZUpdateProgrammeRequest>;

export const ZPlanIdParam = z.object({ planId: ZId });

// ——— What a plan looks like from outside ———

const ZPlanSummaryFields = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  missionName: z.string(),
  title: z.string(),
  acronym: z.string(),
  missionStatement: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  budgetEnvelope: z.number().nullable(),
  /** Initiatives of the plan that the caller can see (archived ones left out). */
  initiativeCount: z.number().int(),
});

export const ZPlanSummary = ZPlanSummaryFields.meta({ id: 'PlanSummary' });
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlanList = z.object({ items: z.array(ZPlanSummary) }).meta({ id: 'PlanList' });

/** A plan with its structure. */
export const ZPlan = ZPlanSummaryFields.extend({
  objectives: z.array(ZObjective),
  phases: z.array(ZPhase),
  focusAreas: z.array(ZFocusArea),
  vectors: z.array(ZVector),
  programmes: z.array(ZProgramme),
}).meta({ id: 'Plan' });
export type TPlan = z.infer<typeof ZPlan>;
