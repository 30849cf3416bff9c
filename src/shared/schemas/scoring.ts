import { z } from 'zod';
import { INITIATIVE_TYPES, PROPOSAL_STATUSES, ROUND_STATUSES, SCORE_CRITERIA } from '../enums.ts';
import { LIMITS, ZId, ZIsoDate, ZName, ZOptionalText, ZVersion } from './common.ts';
import { ZDecision } from './proposal.ts';

const ZPerson = z.object({ id: z.string(), name: z.string() });

export const ZOpenRoundRequest = z
  .object({
    planId: ZId,
    name: ZName,
    deadline: ZIsoDate.nullish().transform((v) => v ?? null),
    proposalIds: z
      .array(ZId)
      .min(1, { error: 'name at least one proposal' })
      .max(LIMITS.pageSize, { error: `at most ${LIMITS.pageSize}` }),
    evaluatorIds: z
      .array(ZId)
      .min(1, { error: 'name at least one evaluator' })
      .max(LIMITS.listItems, { error: `at most ${LIMITS.listItems}` }),
  })
  .meta({ id: 'OpenRoundRequest' });
export type TOpenRoundRequest = z.infer<typeof ZOpenRoundRequest>;

export const ZCloseRoundRequest = z.object({ version: ZVersion }).meta({ id: 'CloseRoundRequest' });
export type TCloseRoundRequest = z.infer<typeof ZCloseRoundRequest>;

export const ZRoundListQuery = z.object({ planId: ZId.optional() });
export type TRoundListQuery = z.infer<typeof ZRoundListQuery>;

const ZScoreValue = z
  .number({ error: 'is required: a whole number from 1 to 5' })
  .int({ error: 'must be a whole number from 1 to 5' })
  .min(1, { error: 'must be a whole number from 1 to 5' })
  .max(5, { error: 'must be a whole number from 1 to 5' });

export const ZScoreRequest = z
  .object({
    relevance: ZScoreValue,
    effectiveness: ZScoreValue,
    feasibility: ZScoreValue,
    relevanceComment: ZOptionalText,
    effectivenessComment: ZOptionalText,
    feasibilityComment: ZOptionalText,
  })
  .meta({ id: 'ScoreRequest' });
export type TScoreRequest = z.infer<typeof ZScoreRequest>;

export const ZRoundScoreParams = z.object({ id: ZId, proposalId: ZId });

export const ZScore = z
  .object({
    roundId: z.string(),
    proposalId: z.string(),
    evaluator: ZPerson,
    relevance: z.number().int(),
    effectiveness: z.number().int(),
    feasibility: z.number().int(),
    relevanceComment: z.string().nullable(),
    effectivenessComment: z.string().nullable(),
    feasibilityComment: z.string().nullable(),
    submittedAt: z.string(),
  })
  .meta({ id: 'Score' });
export type TScore = z.infer<typeof ZScore>;

const ZRoundProposal = z.object({ id: z.string(), title: z.string(), status: z.enum(PROPOSAL_STATUSES) });

/** Who has not scored which proposals yet. */
const ZMissing = z.array(z.object({ evaluator: ZPerson, proposalIds: z.array(z.string()) }));

const ZRoundFields = z.object({
  id: z.string(),
  missionId: z.string(),
  planId: z.string(),
  name: z.string(),
  deadline: z.string().nullable(),
  status: z.enum(ROUND_STATUSES),
  openedBy: ZPerson.nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  proposalCount: z.number().int(),
  evaluatorCount: z.number().int(),
  /** Scores still expected: proposals × evaluators − scores given. */
  missingCount: z.number().int(),
});

export const ZRoundSummary = ZRoundFields.meta({ id: 'RoundSummary' });
export type TRoundSummary = z.infer<typeof ZRoundSummary>;
export const ZRoundList = z.object({ items: z.array(ZRoundSummary) }).meta({ id: 'RoundList' });

export const ZRound = ZRoundFields.extend({
  proposals: z.array(ZRoundProposal),
  evaluators: z.array(ZPerson.extend({ scoredCount: z.number().int(), hasScoredAll: z.boolean() })),
  missing: ZMissing,
  isEvaluator: z.boolean(),
  /** The caller's own scores in this round. */
  myScores: z.array(ZScore),
}).meta({ id: 'Round' });
export type TRound = z.infer<typeof ZRound>;

const ZCriterionStats = z.object({
  mean: z.number().nullable(),
  stdDev: z.number().nullable(),
  count: z.number().int(),
});

/** Why a scored proposal is not a candidate, structured for the interface to word. */
export const ZSelectionReason = z
  .object({
    code: z.enum(['no_scores', 'criterion_below', 'overall_below']),
    params: z.object({
      criterion: z.enum(SCORE_CRITERIA).optional(),
      value: z.number().optional(),
      min: z.number().optional(),
    }),
    text: z.string(),
  })
  .meta({ id: 'SelectionReason' });
export type TSelectionReason = z.infer<typeof ZSelectionReason>;

export const ZRoundResults = z
  .object({
    round: z.object({ id: z.string(), name: z.string(), status: z.enum(ROUND_STATUSES) }),
    weights: z.record(z.enum(SCORE_CRITERIA), z.number()),
    rule: z.object({ minCriterionMean: z.number(), minOverall: z.number() }),
    items: z.array(
      z.object({
        proposal: ZRoundProposal,
        criteria: z.record(z.enum(SCORE_CRITERIA), ZCriterionStats),
        overall: z.number().nullable(),
        rank: z.number().int().nullable(),
        scoreCount: z.number().int(),
        hasDisagreement: z.boolean(),
        disagreementCriteria: z.array(z.enum(SCORE_CRITERIA)),
        isCandidate: z.boolean(),
        /** Why it is not a candidate, in words. */
        reasons: z.array(z.string()),
        /** The same reasons, structured: `criterion_below` (criterion, value, min), `overall_below` (value, min), `no_scores`. */
        reasonDetails: z.array(ZSelectionReason),
        scores: z.array(ZScore),
        decision: ZDecision.nullable(),
      }),
    ),
    missing: ZMissing,
  })
  .meta({ id: 'RoundResults' });
export type TRoundResults = z.infer<typeof ZRoundResults>;

const ZCount = z.object({ id: z.string().nullable(), name: z.string(), count: z.number().int() });

export const ZPlanBalance = z
  .object({
    planId: z.string(),
    items: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        /** `initiative` (approved or later) or `candidate` (a proposal the selection rule marks). */
        source: z.enum(['initiative', 'candidate']),
        type: z.enum(INITIATIVE_TYPES),
        role: z.enum(['promotion', 'training', 'neither']),
      }),
    ),
    total: z.number().int(),
    byFocusArea: z.array(ZCount),
    byVector: z.array(ZCount),
    pairing: z.object({
      pairs: z.array(z.object({ promotionId: z.string(), trainingId: z.string() })),
      unpairedPromotionIds: z.array(z.string()),
      unpairedTrainingIds: z.array(z.string()),
    }),
    youth: z.object({ count: z.number().int(), share: z.number().nullable() }),
    innovation: z.object({ product: z.number().int(), process: z.number().int() }),
    cost: z.object({
      total: z.number(),
      withoutCost: z.number().int(),
      envelope: z.number().nullable(),
      share: z.number().nullable(),
      isOverBudget: z.boolean(),
    }),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .meta({ id: 'PlanBalance' });
export type TPlanBalance = z.infer<typeof ZPlanBalance>;

const ZWeight = z
  .number({ error: 'must be a number' })
  .min(0, { error: 'must not be negative' })
  .max(100, { error: 'must be at most 100' });
const ZThreshold = z
  .number({ error: 'must be a number' })
  .min(1, { error: 'must be from 1 to 5' })
  .max(5, { error: 'must be from 1 to 5' });

/** A plan's selection settings: criterion weights, the candidate rule, and the anchoring guard. */
const ZSelectionSettingsFields = z.object({
  scoreWeights: z
    .object({ relevance: ZWeight, effectiveness: ZWeight, feasibility: ZWeight })
    .refine((w) => w.relevance + w.effectiveness + w.feasibility > 0, {
      error: 'at least one weight must be above 0',
    }),
  selectionRule: z.object({ minCriterionMean: ZThreshold, minOverall: ZThreshold }),
  hideScoresUntilSubmitted: z.boolean({ error: 'must be true or false' }),
});

export const ZSelectionSettings = ZSelectionSettingsFields.extend({
  planId: z.string(),
  /** The plan's version: settings are part of the plan. */
  version: z.number().int(),
}).meta({ id: 'SelectionSettings' });
export type TSelectionSettings = z.infer<typeof ZSelectionSettings>;

export const ZUpdateSelectionSettingsRequest = ZSelectionSettingsFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateSelectionSettingsRequest' });
export type TUpdateSelectionSettingsRequest = z.infer<typeof ZUpdateSelectionSettingsRequest>;
