/**
 * Collegial scoring (DESIGN §2): aggregate the evaluators' 1–5 scores per proposal and
 * criterion, rank the proposals, and mark the candidates that pass the plan's selection rule.
 * Pure functions; people decide, these only inform.
 */
import { SCORE_CRITERIA, type TScoreCriterion } from '../../../../shared/enums.ts';

export type TScoreWeights = Record<TScoreCriterion, number>;

/** The plan's selection rule: every criterion's mean and the overall score must reach these. */
export interface TSelectionRule {
  minCriterionMean: number;
  minOverall: number;
}

export const DEFAULT_SCORE_WEIGHTS: TScoreWeights = { relevance: 1, effectiveness: 1, feasibility: 1 };
export const DEFAULT_SELECTION_RULE: TSelectionRule = { minCriterionMean: 3, minOverall: 3.5 };
/** A criterion whose standard deviation reaches this is flagged: the evaluators disagree. */
export const DISAGREEMENT_STD_DEV = 1.5;

export interface TScoreInput {
  proposalId: string;
  evaluatorId: string;
  relevance: number;
  effectiveness: number;
  feasibility: number;
}

export interface TCriterionStats {
  /** Mean of the scores, `null` without scores. */
  mean: number | null;
  /** Population standard deviation (divides by n): the evaluators are the whole panel, not a sample. */
  stdDev: number | null;
  count: number;
}

export interface TProposalAggregate {
  proposalId: string;
  criteria: Record<TScoreCriterion, TCriterionStats>;
  /** Weighted mean of the criterion means; `null` without scores. */
  overall: number | null;
  scoreCount: number;
  /** Criteria whose standard deviation is at least {@link DISAGREEMENT_STD_DEV}. */
  disagreementCriteria: TScoreCriterion[];
  hasDisagreement: boolean;
  /** 1 = best; tied proposals share a rank ("1, 2, 2, 4"); `null` without scores. */
  rank: number | null;
}

const EPSILON = 1e-9;

function statsOf(values: number[]): TCriterionStats {
  const count = values.length;
  if (count === 0) return { mean: null, stdDev: null, count };
  const mean = values.reduce((a, b) => a + b, 0) / count;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / count;
  return { mean, stdDev: Math.sqrt(variance), count };
}

/** Weights as given, or equal ones when they are missing, negative or sum to zero. */
export function normaliseWeights(weights?: Partial<TScoreWeights> | null): TScoreWeights {
  const w = { ...DEFAULT_SCORE_WEIGHTS, ...(weights ?? {}) };
  const valid = SCORE_CRITERIA.every((c) => Number.isFinite(w[c]) && w[c] >= 0);
  const sum = SCORE_CRITERIA.reduce((a, c) => a + w[c], 0);
  return valid && sum > 0 ? w : { ...DEFAULT_SCORE_WEIGHTS };
}

/**
 * Aggregates scores per proposal and criterion and ranks the proposals.
 *
 * Order of the result: by overall score (best first); ties share a rank and are listed in the
 * order of `proposalIds`, so the same input always gives the same order; proposals without
 * scores come last, unranked.
 * @param options.proposalIds the proposals to aggregate (scores of others are ignored)
 * @param options.weights the plan's criterion weights (equal by default)
 * @example aggregateScores({ proposalIds: ['a'], scores: [{ proposalId: 'a', evaluatorId: 'u', relevance: 4, effectiveness: 3, feasibility: 5 }] })[0].overall // 4
 */
export function aggregateScores(options: {
  proposalIds: string[];
  scores: TScoreInput[];
  weights?: Partial<TScoreWeights> | null;
}): TProposalAggregate[] {
  const weights = normaliseWeights(options.weights);
  const weightSum = SCORE_CRITERIA.reduce((a, c) => a + weights[c], 0);
  const byProposal = new Map<string, TScoreInput[]>(options.proposalIds.map((id) => [id, []]));
  for (const score of options.scores) byProposal.get(score.proposalId)?.push(score);
  const aggregates = [...byProposal.entries()].map(([proposalId, scores], position) => {
    const criteria = Object.fromEntries(
      SCORE_CRITERIA.map((c) => [c, statsOf(scores.map((s) => s[c]))]),
    ) as Record<TScoreCriterion, TCriterionStats>;
    const overall =
      scores.length === 0
        ? null
        : SCORE_CRITERIA.reduce((a, c) => a + weights[c] * (criteria[c].mean ?? 0), 0) / weightSum;
    const disagreementCriteria = SCORE_CRITERIA.filter(
      (c) => (criteria[c].stdDev ?? 0) >= DISAGREEMENT_STD_DEV - EPSILON,
    );
    return {
      position,
      aggregate: {
        proposalId,
        criteria,
        overall,
        scoreCount: scores.length,
        disagreementCriteria,
        hasDisagreement: disagreementCriteria.length > 0,
        rank: null as number | null,
      },
    };
  });
  aggregates.sort((a, b) => {
    const x = a.aggregate.overall;
    const y = b.aggregate.overall;
    if (x === null || y === null) return x === y ? a.position - b.position : x === null ? 1 : -1;
    return Math.abs(x - y) < EPSILON ? a.position - b.position : y - x;
  });
  let previous: TProposalAggregate | null = null;
  for (const [index, { aggregate }] of aggregates.entries()) {
    if (aggregate.overall === null) continue;
    const isTied =
      previous !== null &&
      previous.overall !== null &&
      Math.abs(previous.overall - aggregate.overall) < EPSILON;
    aggregate.rank = isTied && previous ? previous.rank : index + 1;
    previous = aggregate;
  }
  return aggregates.map((a) => a.aggregate);
}

/**
 * Why a proposal is not a candidate, for an interface to word in its own language: no scores
 * yet, a criterion's mean below the minimum, or the overall score below the minimum. `value`
 * is rounded to two decimals as in the English `text`.
 */
export type TSelectionReason =
  | { code: 'no_scores'; params: Record<string, never>; text: string }
  | {
      code: 'criterion_below';
      params: { criterion: TScoreCriterion; value: number; min: number };
      text: string;
    }
  | { code: 'overall_below'; params: { value: number; min: number }; text: string };

/**
 * Whether a proposal is a candidate under the plan's rule (default: every criterion mean ≥ 3
 * and overall ≥ 3.5). A proposal without scores is never a candidate.
 * @returns `isCandidate` and, when not, the reasons in words (`reasons`) and structured (`details`)
 * @example applySelectionRule({ aggregate }).isCandidate
 */
export function applySelectionRule(options: {
  aggregate: TProposalAggregate;
  rule?: Partial<TSelectionRule> | null;
}): { isCandidate: boolean; reasons: string[]; details: TSelectionReason[] } {
  const rule = { ...DEFAULT_SELECTION_RULE, ...(options.rule ?? {}) };
  const { aggregate } = options;
  if (aggregate.overall === null) {
    const details: TSelectionReason[] = [{ code: 'no_scores', params: {}, text: 'no scores yet' }];
    return { isCandidate: false, reasons: details.map((d) => d.text), details };
  }
  const details: TSelectionReason[] = [];
  for (const c of SCORE_CRITERIA) {
    const mean = aggregate.criteria[c].mean ?? 0;
    if (mean < rule.minCriterionMean - EPSILON)
      details.push({
        code: 'criterion_below',
        params: { criterion: c, value: Number(mean.toFixed(2)), min: rule.minCriterionMean },
        text: `${c} mean ${mean.toFixed(2)} is below ${rule.minCriterionMean}`,
      });
  }
  if (aggregate.overall < rule.minOverall - EPSILON)
    details.push({
      code: 'overall_below',
      params: { value: Number(aggregate.overall.toFixed(2)), min: rule.minOverall },
      text: `overall ${aggregate.overall.toFixed(2)} is below ${rule.minOverall}`,
    });
  return { isCandidate: details.length === 0, reasons: details.map((d) => d.text), details };
}
