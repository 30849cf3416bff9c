import { describe, expect, it } from 'vitest';
import { assessPortfolioBalance, classifyBalanceRole, type TBalanceItem } from './portfolio-balance.ts';

const focusAreas = [
  { id: 'fa-pol', key: 'political_institutional', name: 'Political' },
  { id: 'fa-eco', key: 'economic_commercial', name: 'Economic' },
  { id: 'fa-cul', key: 'cultural', name: 'Cultural' },
];
const vectors = [
  { id: 'v-coop', key: 'cooperation', name: 'Cooperation' },
  { id: 'v-inno', key: 'innovation', name: 'Innovation' },
  { id: 'v-edu', key: 'education', name: 'Education' },
];

const item = (id: string, overrides: Partial<TBalanceItem> = {}): TBalanceItem => ({
  id,
  title: id,
  source: 'initiative',
  type: 'other',
  focusAreaId: 'fa-cul',
  vectorIds: [],
  involvesYouth: false,
  innovationKind: null,
  cost: null,
  startDate: null,
  ...overrides,
});

describe('classifyBalanceRole', () => {
  it('reads promotion and training from the type, and education as training', () => {
    expect(classifyBalanceRole(item('a', { type: 'fashion_show' }), 'v-edu')).toBe('promotion');
    expect(classifyBalanceRole(item('a', { type: 'masterclass' }), 'v-edu')).toBe('training');
    expect(classifyBalanceRole(item('a', { type: 'concert', vectorIds: ['v-edu'] }), 'v-edu')).toBe(
      'training',
    );
    expect(classifyBalanceRole(item('a', { type: 'institutional_event' }), 'v-edu')).toBe('neither');
  });
});

describe('assessPortfolioBalance', () => {
  it('pairs each promotion with a training, same focus area first, and lists the unpaired', () => {
    const result = assessPortfolioBalance({
      items: [
        item('show', { type: 'fashion_show', focusAreaId: 'fa-eco', startDate: '2022-03-01' }),
        item('concert', { type: 'concert', focusAreaId: 'fa-cul', startDate: '2022-01-01' }),
        item('expo', { type: 'exhibition', focusAreaId: 'fa-cul', startDate: '2022-05-01' }),
        item('class', { type: 'masterclass', focusAreaId: 'fa-eco' }),
        item('course', { type: 'training_module', focusAreaId: 'fa-cul' }),
        item('talk', { type: 'conference' }),
      ],
      focusAreas,
      vectors,
      budgetEnvelope: null,
    });
    expect(result.pairing.pairs).toEqual([
      { promotionId: 'concert', trainingId: 'course' },
      { promotionId: 'show', trainingId: 'class' },
    ]);
    expect(result.pairing.unpairedPromotionIds).toEqual(['expo']);
    expect(result.pairing.unpairedTrainingIds).toEqual([]);
    expect(result.roles.talk).toBe('neither');
    expect(result.warnings.map((w) => w.code)).toContain('promotion_unpaired');
  });

  it('falls back to a training of another focus area', () => {
    const result = assessPortfolioBalance({
      items: [
        item('p', { type: 'concert', focusAreaId: 'fa-cul' }),
        item('t', { type: 'workshop', focusAreaId: 'fa-eco' }),
      ],
      focusAreas,
      vectors,
      budgetEnvelope: null,
    });
    expect(result.pairing.pairs).toEqual([{ promotionId: 'p', trainingId: 't' }]);
  });

  it('counts focus areas, vectors, youth, innovation and cost, and warns when unbalanced', () => {
    const result = assessPortfolioBalance({
      items: [
        item('a', {
          focusAreaId: 'fa-cul',
          vectorIds: ['v-coop'],
          involvesYouth: true,
          cost: 60_000,
          innovationKind: 'product',
        }),
        item('b', {
          focusAreaId: 'fa-cul',
          vectorIds: ['v-coop', 'v-inno'],
          cost: 50_000,
          innovationKind: 'process',
        }),
        item('c', { focusAreaId: null, cost: null }),
      ],
      focusAreas,
      vectors,
      budgetEnvelope: 100_000,
    });
    expect(result.byFocusArea).toEqual([
      { id: 'fa-pol', name: 'Political', count: 0 },
      { id: 'fa-eco', name: 'Economic', count: 0 },
      { id: 'fa-cul', name: 'Cultural', count: 2 },
      { id: null, name: 'No focus area', count: 1 },
    ]);
    expect(result.byVector.map((v) => v.count)).toEqual([2, 1, 0]);
    expect(result.youth).toEqual({ count: 1, share: 1 / 3 });
    expect(result.innovation).toEqual({ product: 1, process: 1 });
    expect(result.cost).toEqual({
      total: 110_000,
      withoutCost: 1,
      envelope: 100_000,
      share: 1.1,
      isOverBudget: true,
    });
    expect(result.warnings.map((w) => w.code).sort()).toEqual([
      'focus_area_empty',
      'focus_area_empty',
      'over_budget',
      'vector_empty',
    ]);
  });

  it('warns about low youth involvement and missing innovation, not about an empty plan', () => {
    expect(assessPortfolioBalance({ items: [], focusAreas, vectors, budgetEnvelope: 10 }).warnings).toEqual(
      [],
    );
    const codes = assessPortfolioBalance({
      items: [item('a', { vectorIds: ['v-coop', 'v-inno', 'v-edu'] })],
      focusAreas: [focusAreas[2]!],
      vectors,
      budgetEnvelope: null,
    }).warnings.map((w) => w.code);
    expect(codes.sort()).toEqual(['no_innovation', 'youth_low']);
  });
});
