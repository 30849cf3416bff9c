/**
 * The results of a plan in one object: what the dashboard shows and what the report for
 * headquarters prints. Call `loadResultsSummary(db, actor, planId)`; it reads through the
 * actor's scope (collaborators get a 404, headquarters reads every mission).
 *
 * The shape (`TResultsSummary`, zod schema `ZResultsSummary` in `shared/schemas/results.ts`):
 *
 * ```ts
 * {
 *   planId: string;
 *   indicators: Array<{            // typed indicators, plan level first, then objectives, initiatives
 *     id, name, description, kind: 'result' | 'impact',
 *     amecStage: 'input' | 'activity' | 'output' | 'out_take' | 'outcome' | 'impact',
 *     measure: 'unit' | 'percentage' | 'ordinal' | 'qualitative', unit: string | null,
 *     ascending: boolean,            // true: more is better
 *     baseline: { value: number | null; date: string | null },
 *     target:   { value: number | null; date: string | null },
 *     latest: { value: number | null; periodStart: string | null; periodEnd: string; comment; evidenceUrl; enteredBy } | null,
 *     progress: number | null,       // (latest − baseline) ÷ (target − baseline); 1 = target reached
 *     expectedProgress: number,      // 0–1, share of the way expected by today from the dates
 *     status: 'green' | 'amber' | 'red' | 'none',   // thresholds in domain/indicators.ts
 *     sourceOfVerification: string | null, collectionFrequency, responsible: { id, name } | null,
 *     level: 'plan' | 'objective' | 'initiative', objectiveId: string | null, initiativeId: string | null,
 *     levelLabel: string | null,     // the objective's text or the initiative's title
 *   }>;
 *   derived: Array<{                // computed from the data, never typed
 *     key: 'initiatives_realised' | 'attendance_total' | 'participants_trained_total' | 'scholarships_total'
 *        | 'media_items' | 'media_items_change' | 'social_reach_change',
 *     kind, amecStage,
 *     value: number | null,          // e.g. initiatives realised; null when the data is missing
 *     reference: number | null,      // e.g. initiatives planned; the baseline period's value
 *     progress: number | null,       // value ÷ reference for `initiatives_realised`
 *     change: { absolute, absoluteUnit: 'pp' | 'unit', percent: number | null } | null,  // percent null = "n/a" (zero baseline)
 *     unavailableReason: 'needs_press_review' | 'no_data' | null,
 *     period, baselinePeriod: { from, to } | null,
 *   }>;
 *   social: { accounts: Array<{ id, platform, handle,
 *     snapshots: Array<{ month, followers, accountsReached, accountsEngaged, impressions, posts,
 *                        engagementRates: Array<{ value, basis: 'reach' | 'followers' | 'impressions', label }> }>,
 *     latestMonth, latestEngagementRate /* by reach *\/, momChange: { followers, accountsReached }, yoyChange: { followers, accountsReached } }> };
 *   initiativeResults: Array<{ initiativeId, key, title, type, status, startDate, mediaReflection, mediaLinks,
 *     attendance, participantsTrained, scholarships, onlineViews, audienceReached, qualitativeOutcomes, version, updatedAt }>;
 *   initiativesByStatus: Array<{ status, count }>;
 *   mediaReflection: Array<{ rating: 'low' … 'very_high' | null, count }>;
 *   exposure: Array<{ month: 'YYYY-MM', mediaItems: number | null, accountsReached, impressions, audienceReached }>;
 * }
 * ```
 */

import { and, eq, isNull, sql } from 'drizzle-orm';
import { endOfMonth, monthsOf } from '../../../shared/dates.ts';
import { INITIATIVE_STATUSES, MEDIA_REFLECTIONS, type TInitiativeStatus } from '../../../shared/enums.ts';
import type { TDerivedIndicator, TResultsSummary } from '../../../shared/schemas/results.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { initiatives } from '../initiatives/index.ts';
import { countMediaItems } from '../press/index.ts';
import { findPlanIndicators, loadResultsPlan } from './indicators.ts';
import { listPlanInitiativeResults } from './initiative-results.ts';
import { computeChange } from './rules/indicators.ts';
import { periodChanges, shiftMonth } from './rules/social-metrics.ts';
import { presentAccounts, sumSnapshotsByMonth } from './social-metrics.ts';
import { socialAccounts } from './tables.ts';

export type { TResultsSummary };

/**
 * Counts the media items (press-review clippings) of a mission published between `from` and
 * `to` (ISO days, inclusive); null when the press review is not available. The default is the
 * press review's own count; tests may pass another.
 */
export type TMediaCountProvider = (
  db: DbOrTx,
  period: { missionId: string; from: string; to: string },
) => Promise<number | null>;

/** Without the press review there is nothing to count: "needs the press review". */
export const unavailableMediaCount: TMediaCountProvider = async () => null;

/** The press review's clippings of the mission in the period. */
const pressMediaCount: TMediaCountProvider = (db, period) => countMediaItems(db, period);

/** Statuses of initiatives that were part of the plan (approved onwards, including those that fell through). */
const PLANNED: readonly TInitiativeStatus[] = [
  'approved',
  'planned',
  'in_preparation',
  'done',
  'evaluated',
  'postponed',
  'cancelled',
];
const REALISED: readonly TInitiativeStatus[] = ['done', 'evaluated'];

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const derivedBase = {
  reference: null,
  progress: null,
  change: null,
  unavailableReason: null,
  period: null,
  baselinePeriod: null,
} as const;

/**
 * The plan's indicators, derived indicators, social metrics and initiative results.
 * @param options.mediaCount overrides the press review's media count (tests)
 * @throws 404 when the actor does not read the plan's results
 */
export async function loadResultsSummary(
  db: DbOrTx,
  actor: TActor,
  planId: string,
  options: { mediaCount?: TMediaCountProvider } = {},
): Promise<TResultsSummary> {
  const plan = await loadResultsPlan(db, actor, planId);
  const mediaCount = options.mediaCount ?? pressMediaCount;
  const indicatorList = await findPlanIndicators(db, actor, planId);
  const initiativeResults = await listPlanInitiativeResults(db, planId);
  const accountRows = await db
    .select()
    .from(socialAccounts)
    .where(and(eq(socialAccounts.missionId, plan.missionId), isNull(socialAccounts.archivedAt)))
    .orderBy(socialAccounts.platform, socialAccounts.handle);
  const accounts = await presentAccounts(db, accountRows);

  const statusRows = await db
    .select({ status: initiatives.status, count: sql<number>`count(*)::int` })
    .from(initiatives)
    .where(and(eq(initiatives.planId, planId), isNull(initiatives.archivedAt)))
    .groupBy(initiatives.status);
  const countOf = (statuses: readonly TInitiativeStatus[]) =>
    statusRows.filter((r) => statuses.includes(r.status)).reduce((sum, r) => sum + Number(r.count), 0);
  const initiativesByStatus = INITIATIVE_STATUSES.map((status) => ({
    status,
    count: countOf([status]),
  })).filter((r) => r.count > 0);
  const mediaReflection = [...MEDIA_REFLECTIONS, null].map((rating) => ({
    rating,
    count: initiativeResults.filter((r) => r.mediaReflection === rating).length,
  }));

  // Derived: computed from the data.
  const derived: TDerivedIndicator[] = [];
  const planned = countOf(PLANNED);
  const realised = countOf(REALISED);
  derived.push({
    ...derivedBase,
    key: 'initiatives_realised',
    kind: 'result',
    amecStage: 'activity',
    value: realised,
    reference: planned,
    progress: planned ? realised / planned : null,
    unavailableReason: planned ? null : 'no_data',
  });
  const sumOf = (field: 'attendance' | 'participantsTrained' | 'scholarships') => {
    const figures = initiativeResults.map((r) => r[field]).filter((v): v is number => v !== null);
    return figures.length ? figures.reduce((a, b) => a + b, 0) : null;
  };
  for (const [key, field] of [
    ['attendance_total', 'attendance'],
    ['participants_trained_total', 'participantsTrained'],
    ['scholarships_total', 'scholarships'],
  ] as const) {
    const value = sumOf(field);
    derived.push({
      ...derivedBase,
      key,
      kind: 'result',
      amecStage: 'output',
      value,
      unavailableReason: value === null ? 'no_data' : null,
    });
  }

  const from = plan.periodStart ?? `${new Date().getUTCFullYear()}-01-01`;
  const to = plan.periodEnd ?? `${new Date().getUTCFullYear()}-12-31`;
  const period = { from, to };
  const baselinePeriod = { from: addDays(from, -(daysBetween(from, to) + 1)), to: addDays(from, -1) };
  const items = await mediaCount(db, { missionId: plan.missionId, ...period });
  const baselineItems =
    items === null ? null : await mediaCount(db, { missionId: plan.missionId, ...baselinePeriod });
  derived.push({
    ...derivedBase,
    key: 'media_items',
    kind: 'impact',
    amecStage: 'output',
    value: items,
    period,
    unavailableReason: items === null ? 'needs_press_review' : null,
  });
  derived.push({
    ...derivedBase,
    key: 'media_items_change',
    kind: 'impact',
    amecStage: 'output',
    value: items,
    reference: baselineItems,
    change:
      items !== null && baselineItems !== null
        ? computeChange({ previous: baselineItems, current: items })
        : null,
    period,
    baselinePeriod,
    unavailableReason: items === null || baselineItems === null ? 'needs_press_review' : null,
  });

  // Change against a baseline period: the latest month's reach against the same month a year before.
  const reachAccount =
    accounts.find((a) => a.platform === 'instagram' && a.yoyChange.accountsReached) ??
    accounts.find((a) => a.yoyChange.accountsReached);
  if (reachAccount?.latestMonth) {
    const month = reachAccount.latestMonth;
    const before = shiftMonth(month, -12);
    const snapshotAt = (m: string) =>
      reachAccount.snapshots.find((s) => s.month === m)?.accountsReached ?? null;
    derived.push({
      ...derivedBase,
      key: 'social_reach_change',
      kind: 'impact',
      amecStage: 'output',
      value: snapshotAt(month),
      reference: snapshotAt(before),
      change: periodChanges(reachAccount.snapshots, 'accountsReached').yoy,
      period: { from: month, to: endOfMonth(month) },
      baselinePeriod: { from: before, to: endOfMonth(before) },
    });
  } else {
    derived.push({
      ...derivedBase,
      key: 'social_reach_change',
      kind: 'impact',
      amecStage: 'output',
      value: null,
      unavailableReason: 'no_data',
    });
  }

  // Exposure over time, month by month over the plan's period.
  const social = new Map(
    (await sumSnapshotsByMonth(db, plan.missionId)).map((r) => [r.month.slice(0, 7), r]),
  );
  const audience = new Map<string, number>();
  for (const r of initiativeResults)
    if (r.startDate && r.audienceReached !== null)
      audience.set(r.startDate.slice(0, 7), (audience.get(r.startDate.slice(0, 7)) ?? 0) + r.audienceReached);
  const exposure = [];
  for (const month of monthsOf(from, to)) {
    const mediaItems =
      items === null
        ? null
        : await mediaCount(db, { missionId: plan.missionId, from: `${month}-01`, to: endOfMonth(month) });
    const s = social.get(month);
    exposure.push({
      month,
      mediaItems,
      accountsReached: s?.accountsReached ?? null,
      impressions: s?.impressions ?? null,
      audienceReached: audience.get(month) ?? null,
    });
  }

  return {
    planId,
    indicators: indicatorList,
    derived,
    social: { accounts },
    initiativeResults,
    initiativesByStatus,
    mediaReflection,
    exposure,
  };
}
