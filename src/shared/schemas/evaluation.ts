/**
 * The final evaluation of a plan (OECD-DAC criteria rated on a 4-point scale, with findings,
 * conclusions and lessons learned) and its logframe view. Shared by the API and the web app.
 */
import { z } from 'zod';
import { DAC_CRITERIA, DAC_RATINGS, LOGFRAME_LEVELS } from '../enums.ts';
import { INT4_MAX, LIMITS, ZOptionalText, zRequiredText } from './common.ts';

/** `0` for a record not written yet: the first save sends 0, later saves the version they read. */
export const ZRecordVersion = z
  .number({ error: 'is required: the version you edited (0 when there is none yet)' })
  .int({ error: 'must be a whole number' })
  .min(0, { error: 'must not be negative' })
  .max(INT4_MAX, { error: `must be at most ${INT4_MAX}` });

export const ZDacRating = z
  .number({ error: `must be a whole number from ${DAC_RATINGS[0]} to ${DAC_RATINGS.at(-1)}` })
  .int({ error: `must be a whole number from ${DAC_RATINGS[0]} to ${DAC_RATINGS.at(-1)}` })
  .min(DAC_RATINGS[0], { error: `must be from ${DAC_RATINGS[0]} to ${DAC_RATINGS.at(-1)}` })
  .max(DAC_RATINGS.at(-1)!, { error: `must be from ${DAC_RATINGS[0]} to ${DAC_RATINGS.at(-1)}` });

export const ZCriterionAssessment = z.object({
  rating: ZDacRating.nullable(),
  findings: ZOptionalText,
});
export type TCriterionAssessment = z.infer<typeof ZCriterionAssessment>;

const criteriaShape = Object.fromEntries(
  DAC_CRITERIA.map((c) => [c, ZCriterionAssessment.optional()]),
) as Record<(typeof DAC_CRITERIA)[number], z.ZodOptional<typeof ZCriterionAssessment>>;

export const ZUpdateEvaluationRequest = z
  .object({
    version: ZRecordVersion,
    /** Only the criteria sent change; the others keep their rating and findings. */
    criteria: z
      .strictObject(criteriaShape, {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown criterion ${issue.keys.map((k) => `"${k}"`).join(', ')}: the criteria are ${DAC_CRITERIA.join(', ')}`
            : 'must be an object with one entry per criterion',
      })
      .optional(),
    conclusions: ZOptionalText.optional(),
    lessonsLearned: ZOptionalText.optional(),
  })
  .meta({ id: 'UpdateEvaluationRequest' });
export type TUpdateEvaluationRequest = z.infer<typeof ZUpdateEvaluationRequest>;

const ZAssessment = z.object({ rating: z.number().int().nullable(), findings: z.string().nullable() });

export const ZPlanEvaluation = z
  .object({
    planId: z.string(),
    criteria: z.object(
      Object.fromEntries(DAC_CRITERIA.map((c) => [c, ZAssessment])) as Record<
        (typeof DAC_CRITERIA)[number],
        typeof ZAssessment
      >,
    ),
    conclusions: z.string().nullable(),
    lessonsLearned: z.string().nullable(),
    /** 0 until the first save. */
    version: z.number().int(),
    updatedAt: z.string().nullable(),
    updatedByName: z.string().nullable(),
    /** Whether the caller may change it (head of mission, administrator). */
    canEdit: z.boolean(),
  })
  .meta({ id: 'PlanEvaluation' });
export type TPlanEvaluation = z.infer<typeof ZPlanEvaluation>;

// ── Logframe ─────────────────────────────────────────────────────────────────
const ZShortText = ZOptionalText;

export const ZLogframeLevelFields = z.object({
  indicators: ZShortText,
  sources: ZShortText,
  assumptions: ZShortText,
});
export type TLogframeLevelFields = z.infer<typeof ZLogframeLevelFields>;

export const ZExpectedResult = z.object({
  text: zRequiredText(LIMITS.title * 2),
  indicators: ZShortText,
  sources: ZShortText,
  assumptions: ZShortText,
});
export type TExpectedResult = z.infer<typeof ZExpectedResult>;

const levelsShape = Object.fromEntries(
  LOGFRAME_LEVELS.map((l) => [l, ZLogframeLevelFields.optional()]),
) as Record<(typeof LOGFRAME_LEVELS)[number], z.ZodOptional<typeof ZLogframeLevelFields>>;

export const ZUpdateLogframeRequest = z
  .object({
    version: ZRecordVersion,
    levels: z
      .strictObject(levelsShape, {
        error: (issue) =>
          issue.code === 'unrecognized_keys'
            ? `unknown level ${issue.keys.map((k) => `"${k}"`).join(', ')}: the levels are ${LOGFRAME_LEVELS.join(', ')}`
            : 'must be an object with one entry per level',
      })
      .optional(),
    expectedResults: z
      .array(ZExpectedResult)
      .max(LIMITS.listItems, { error: `at most ${LIMITS.listItems}` })
      .optional(),
    preconditions: ZShortText.optional(),
  })
  .meta({ id: 'UpdateLogframeRequest' });
export type TUpdateLogframeRequest = z.infer<typeof ZUpdateLogframeRequest>;

/** An indicator as the logframe and the report show it (filled by the indicators module). */
export const ZLogframeIndicator = z.object({
  name: z.string(),
  kind: z.string(),
  baseline: z.string().nullable(),
  target: z.string().nullable(),
  source: z.string().nullable(),
});
export type TLogframeIndicator = z.infer<typeof ZLogframeIndicator>;

const ZLevelRow = z.object({
  /** The intervention logic: the objectives' texts. */
  logic: z.array(z.string()),
  /** Indicators recorded in the indicators module for this level. */
  linkedIndicators: z.array(ZLogframeIndicator),
  indicators: z.string().nullable(),
  sources: z.string().nullable(),
  assumptions: z.string().nullable(),
});

export const ZLogframeActivityGroup = z.object({
  focusArea: z.string().nullable(),
  initiatives: z.array(
    z.object({ id: z.string(), title: z.string(), type: z.string(), dates: z.string(), status: z.string() }),
  ),
});

export const ZLogframe = z
  .object({
    planId: z.string(),
    planTitle: z.string(),
    planAcronym: z.string(),
    overallObjective: ZLevelRow,
    specificObjective: ZLevelRow,
    expectedResults: z.array(
      ZExpectedResult.extend({
        indicators: z.string().nullable(),
        sources: z.string().nullable(),
        assumptions: z.string().nullable(),
      }),
    ),
    activities: ZLevelRow.omit({ logic: true }).extend({ groups: z.array(ZLogframeActivityGroup) }),
    preconditions: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string().nullable(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Logframe' });
export type TLogframe = z.infer<typeof ZLogframe>;
