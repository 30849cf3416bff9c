/**
 * Portfolio balance (DESIGN §1–2): is the plan's set of initiatives (approved ones plus the
 * current candidates) balanced across focus areas and vectors, does every promotion initiative
 * have a training counterpart, how many involve young people, how innovative is it, and does it
 * fit the budget envelope? Pure; the warnings are advice, people decide.
 */
import type { TInitiativeType, TInnovationKind } from '../../../../shared/enums.ts';

/**
 * Types that promote (show, sell, perform) and types that train (teach a skill). An initiative
 * carrying the `education` vector counts as training whatever its type. Institutional events,
 * public diplomacy, conferences and `other` are neither and stay out of the pairing rule.
 */
export const PROMOTION_TYPES: readonly TInitiativeType[] = [
  'promotion_event',
  'exhibition',
  'concert',
  'fashion_show',
  'performance',
  'launch',
  'b2b_meeting',
  'publication',
];
export const TRAINING_TYPES: readonly TInitiativeType[] = [
  'training_module',
  'masterclass',
  'workshop',
  'seminar',
];
/** Key of the vector that makes an initiative count as training. */
export const EDUCATION_VECTOR_KEY = 'education';
/** Below this share of initiatives involving young people, the plan gets a warning. */
export const MIN_YOUTH_SHARE = 0.2;

export type TBalanceRole = 'promotion' | 'training' | 'neither';

export interface TBalanceItem {
  id: string;
  title: string;
  /** `initiative`: approved (or later); `candidate`: a proposal the selection rule marks. */
  source: 'initiative' | 'candidate';
  type: TInitiativeType;
  focusAreaId: string | null;
  vectorIds: string[];
  involvesYouth: boolean;
  innovationKind: TInnovationKind | null;
  /** Budget of an initiative or estimated cost of a proposal. */
  cost: number | null;
  startDate: string | null;
}

export interface TBalanceWarning {
  code:
    | 'focus_area_empty'
    | 'vector_empty'
    | 'promotion_unpaired'
    | 'youth_low'
    | 'over_budget'
    | 'no_innovation';
  message: string;
}

export interface TPortfolioBalance {
  total: number;
  byFocusArea: { id: string | null; name: string; count: number }[];
  byVector: { id: string; name: string; count: number }[];
  pairing: {
    pairs: { promotionId: string; trainingId: string }[];
    unpairedPromotionIds: string[];
    unpairedTrainingIds: string[];
  };
  roles: Record<string, TBalanceRole>;
  youth: { count: number; share: number | null };
  innovation: { product: number; process: number };
  cost: {
    total: number;
    /** Items without a cost or estimate (they count as 0 in the total). */
    withoutCost: number;
    envelope: number | null;
    share: number | null;
    isOverBudget: boolean;
  };
  warnings: TBalanceWarning[];
}

/** Promotion, training or neither, by type and the education vector (see {@link PROMOTION_TYPES}). */
export function classifyBalanceRole(item: TBalanceItem, educationVectorId: string | null): TBalanceRole {
  if (TRAINING_TYPES.includes(item.type)) return 'training';
  if (educationVectorId && item.vectorIds.includes(educationVectorId)) return 'training';
  if (PROMOTION_TYPES.includes(item.type)) return 'promotion';
  return 'neither';
}

const byDateThenTitle = (a: TBalanceItem, b: TBalanceItem) =>
  (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') ||
  a.title.localeCompare(b.title) ||
  a.id.localeCompare(b.id);

/**
 * Assesses the balance of a plan's portfolio.
 *
 * Pairing: promotions in date order each take the first free training of the same focus area,
 * else the first free training of any area; promotions left over are unpaired (a warning),
 * trainings left over are fine.
 * @example assessPortfolioBalance({ items, focusAreas, vectors, budgetEnvelope: 100_000 }).warnings
 */
export function assessPortfolioBalance(options: {
  items: TBalanceItem[];
  focusAreas: { id: string; key: string; name: string }[];
  vectors: { id: string; key: string; name: string }[];
  budgetEnvelope: number | null;
}): TPortfolioBalance {
  const { items, focusAreas, vectors, budgetEnvelope } = options;
  const warnings: TBalanceWarning[] = [];
  const total = items.length;

  const byFocusArea: TPortfolioBalance['byFocusArea'] = focusAreas.map((area) => ({
    id: area.id,
    name: area.name,
    count: items.filter((i) => i.focusAreaId === area.id).length,
  }));
  const withoutArea = items.filter((i) => !i.focusAreaId || !focusAreas.some((a) => a.id === i.focusAreaId));
  if (withoutArea.length) byFocusArea.push({ id: null, name: 'No focus area', count: withoutArea.length });
  const byVector = vectors.map((v) => ({
    id: v.id,
    name: v.name,
    count: items.filter((i) => i.vectorIds.includes(v.id)).length,
  }));
  if (total > 0) {
    for (const area of byFocusArea)
      if (area.id && area.count === 0)
        warnings.push({ code: 'focus_area_empty', message: `No initiative in the focus area ${area.name}.` });
    for (const vector of byVector)
      if (vector.count === 0)
        warnings.push({ code: 'vector_empty', message: `No initiative carries the vector ${vector.name}.` });
  }

  const educationVectorId = vectors.find((v) => v.key === EDUCATION_VECTOR_KEY)?.id ?? null;
  const roles: Record<string, TBalanceRole> = {};
  for (const item of items) roles[item.id] = classifyBalanceRole(item, educationVectorId);
  const promotions = items.filter((i) => roles[i.id] === 'promotion').sort(byDateThenTitle);
  const freeTrainings = items.filter((i) => roles[i.id] === 'training').sort(byDateThenTitle);
  const pairs: TPortfolioBalance['pairing']['pairs'] = [];
  const unpairedPromotionIds: string[] = [];
  for (const promotion of promotions) {
    let index = freeTrainings.findIndex((t) => t.focusAreaId === promotion.focusAreaId);
    if (index < 0) index = freeTrainings.length ? 0 : -1;
    if (index < 0) {
      unpairedPromotionIds.push(promotion.id);
      continue;
    }
    const [training] = freeTrainings.splice(index, 1);
    pairs.push({ promotionId: promotion.id, trainingId: training!.id });
  }
  if (unpairedPromotionIds.length)
    warnings.push({
      code: 'promotion_unpaired',
      message: `${unpairedPromotionIds.length} promotion initiative(s) without a training counterpart (one training for every promotion).`,
    });

  const youthCount = items.filter((i) => i.involvesYouth).length;
  const youthShare = total ? youthCount / total : null;
  if (youthShare !== null && youthShare < MIN_YOUTH_SHARE)
    warnings.push({
      code: 'youth_low',
      message: `Only ${Math.round(youthShare * 100)}% of the initiatives involve young people (at least ${MIN_YOUTH_SHARE * 100}% advised).`,
    });

  const innovation = {
    product: items.filter((i) => i.innovationKind === 'product').length,
    process: items.filter((i) => i.innovationKind === 'process').length,
  };
  if (total > 0 && innovation.product + innovation.process === 0)
    warnings.push({ code: 'no_innovation', message: 'No initiative innovates a product or a process.' });

  const totalCost = items.reduce((a, i) => a + (i.cost ?? 0), 0);
  const isOverBudget = budgetEnvelope !== null && totalCost > budgetEnvelope;
  if (isOverBudget)
    warnings.push({
      code: 'over_budget',
      message: `The estimated cost ${totalCost} exceeds the budget envelope ${budgetEnvelope}.`,
    });

  return {
    total,
    byFocusArea,
    byVector,
    pairing: {
      pairs,
      unpairedPromotionIds,
      unpairedTrainingIds: freeTrainings.map((t) => t.id),
    },
    roles,
    youth: { count: youthCount, share: youthShare },
    innovation,
    cost: {
      total: totalCost,
      withoutCost: items.filter((i) => i.cost === null).length,
      envelope: budgetEnvelope,
      share: budgetEnvelope ? totalCost / budgetEnvelope : null,
      isOverBudget,
    },
    warnings,
  };
}
