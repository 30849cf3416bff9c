import { ENGAGEMENT_BASES } from '../../../shared/enums.ts';
import type { TIndicator, TIndicatorValue, TSocialSnapshot } from '../../../shared/schemas/results.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { computeProgress, expectedProgress, indicatorStatus } from './rules/indicators.ts';
import { computeEngagementRate } from './rules/social-metrics.ts';
import type { indicators, indicatorValues, socialSnapshots } from './tables.ts';

/** Exactly the fields of an actual value that leave the server. */
export function presentIndicatorValue(
  row: typeof indicatorValues.$inferSelect,
  enteredByName: string | null,
): TIndicatorValue {
  return {
    id: row.id,
    indicatorId: row.indicatorId,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    value: row.value,
    comment: row.comment,
    evidenceUrl: row.evidenceUrl,
    enteredBy: row.enteredBy ? { id: row.enteredBy, name: enteredByName ?? '' } : null,
    createdAt: isoRequired(row.createdAt),
  };
}

/** Exactly the fields of an indicator that leave the server, with its progress and status as of `asOf`. */
export function presentIndicator(
  row: typeof indicators.$inferSelect,
  rel: {
    responsible: { id: string; name: string } | null;
    levelLabel: string | null;
    latest: TIndicatorValue | null;
    asOf: string;
  },
): TIndicator {
  const frame = {
    baselineValue: row.baselineValue,
    targetValue: row.targetValue,
    isAscending: row.isAscending,
  };
  const progress = computeProgress(frame, rel.latest?.value ?? null);
  const expected = expectedProgress({
    baselineDate: row.baselineDate,
    targetDate: row.targetDate,
    asOf: rel.asOf,
  });
  return {
    id: row.id,
    missionId: row.missionId,
    planId: row.planId,
    level: row.initiativeId ? 'initiative' : row.objectiveId ? 'objective' : 'plan',
    objectiveId: row.objectiveId,
    initiativeId: row.initiativeId,
    levelLabel: rel.levelLabel,
    name: row.name,
    description: row.description,
    kind: row.kind,
    amecStage: row.amecStage,
    measure: row.measure,
    ascending: row.isAscending,
    unit: row.unit,
    baseline: { value: row.baselineValue, date: row.baselineDate },
    target: { value: row.targetValue, date: row.targetDate },
    sourceOfVerification: row.sourceOfVerification,
    collectionFrequency: row.collectionFrequency,
    responsible: rel.responsible,
    latest: rel.latest,
    progress,
    expectedProgress: expected,
    status: indicatorStatus(progress, expected),
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}

/** A monthly snapshot with its three engagement rates, each labelled with its denominator. */
export function presentSnapshot(row: typeof socialSnapshots.$inferSelect): TSocialSnapshot {
  const input = {
    engagements: row.accountsEngaged,
    reach: row.accountsReached,
    followers: row.followers,
    impressions: row.impressions,
  };
  return {
    month: row.month,
    followers: row.followers,
    accountsReached: row.accountsReached,
    accountsEngaged: row.accountsEngaged,
    impressions: row.impressions,
    posts: row.posts,
    engagementRates: ENGAGEMENT_BASES.map((basis) => computeEngagementRate(input, basis)),
  };
}
