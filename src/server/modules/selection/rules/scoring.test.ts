import { describe, expect, it } from 'vitest';
import { aggregateScores, applySelectionRule, normaliseWeights, type TScoreInput } from './scoring.ts';

const score = (proposalId: string, evaluatorId: string, r: number, e: number, f: number): TScoreInput => ({
  proposalId,
  evaluatorId,
  relevance: r,
  effectiveness: e,
  feasibility: f,
});

describe('aggregateScores', () => {
  it('computes mean, population standard deviation and count per criterion', () => {
    const [a] = aggregateScores({
      proposalIds: ['a'],
      scores: [score('a', 'u1', 2, 3, 5), score('a', 'u2', 4, 3, 5)],
    });
    expect(a!.criteria.relevance).toEqual({ mean: 3, stdDev: 1, count: 2 });
    expect(a!.criteria.effectiveness).toEqual({ mean: 3, stdDev: 0, count: 2 });
    expect(a!.overall).toBeCloseTo(11 / 3);
    expect(a!.scoreCount).toBe(2);
    expect(a!.hasDisagreement).toBe(false);
  });

  it('flags a criterion whose standard deviation reaches 1.5', () => {
    const [a] = aggregateScores({
      proposalIds: ['a'],
      scores: [score('a', 'u1', 1, 3, 3), score('a', 'u2', 4, 3, 3)],
    });
    expect(a!.criteria.relevance.stdDev).toBe(1.5);
    expect(a!.disagreementCriteria).toEqual(['relevance']);
    expect(a!.hasDisagreement).toBe(true);
  });

  it('weights the overall score with the plan weights', () => {
    const [a] = aggregateScores({
      proposalIds: ['a'],
      scores: [score('a', 'u1', 5, 1, 1)],
      weights: { relevance: 2, effectiveness: 1, feasibility: 1 },
    });
    expect(a!.overall).toBe((2 * 5 + 1 + 1) / 4);
  });

  it('falls back to equal weights when the weights are unusable', () => {
    expect(normaliseWeights({ relevance: 0, effectiveness: 0, feasibility: 0 })).toEqual({
      relevance: 1,
      effectiveness: 1,
      feasibility: 1,
    });
    expect(normaliseWeights({ relevance: -1 }).relevance).toBe(1);
  });

  it('ranks best first, ties share a rank in input order, unscored last and unranked', () => {
    const result = aggregateScores({
      proposalIds: ['none', 'low', 'tie1', 'top', 'tie2'],
      scores: [
        score('low', 'u', 2, 2, 2),
        score('tie1', 'u', 4, 4, 4),
        score('top', 'u', 5, 5, 5),
        score('tie2', 'u', 4, 4, 4),
        score('other', 'u', 5, 5, 5),
      ],
    });
    expect(result.map((r) => [r.proposalId, r.rank])).toEqual([
      ['top', 1],
      ['tie1', 2],
      ['tie2', 2],
      ['low', 4],
      ['none', null],
    ]);
    expect(result[4]!.criteria.relevance).toEqual({ mean: null, stdDev: null, count: 0 });
  });
});

describe('applySelectionRule', () => {
  const aggregate = (r: number, e: number, f: number) =>
    aggregateScores({ proposalIds: ['a'], scores: [score('a', 'u', r, e, f)] })[0]!;

  it('marks a candidate when every mean is at least 3 and the overall at least 3.5', () => {
    expect(applySelectionRule({ aggregate: aggregate(4, 3, 4) }).isCandidate).toBe(true);
  });

  it('refuses a low criterion even with a high overall, and says why', () => {
    const result = applySelectionRule({ aggregate: aggregate(5, 5, 2) });
    expect(result.isCandidate).toBe(false);
    expect(result.reasons).toEqual(['feasibility mean 2.00 is below 3']);
    expect(result.details).toEqual([
      {
        code: 'criterion_below',
        params: { criterion: 'feasibility', value: 2, min: 3 },
        text: 'feasibility mean 2.00 is below 3',
      },
    ]);
  });

  it('refuses a low overall', () => {
    const result = applySelectionRule({ aggregate: aggregate(3, 3, 4) });
    expect(result.reasons).toEqual(['overall 3.33 is below 3.5']);
    expect(result.details).toEqual([
      { code: 'overall_below', params: { value: 3.33, min: 3.5 }, text: 'overall 3.33 is below 3.5' },
    ]);
  });

  it('follows a plan rule', () => {
    expect(applySelectionRule({ aggregate: aggregate(3, 3, 4), rule: { minOverall: 3 } }).isCandidate).toBe(
      true,
    );
  });

  it('never marks a proposal without scores', () => {
    const [none] = aggregateScores({ proposalIds: ['a'], scores: [] });
    expect(applySelectionRule({ aggregate: none! })).toEqual({
      isCandidate: false,
      reasons: ['no scores yet'],
      details: [{ code: 'no_scores', params: {}, text: 'no scores yet' }],
    });
  });
});
