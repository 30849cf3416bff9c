/**
 * Social-media metrics (DESIGN §9): engagement rates with their denominator always named,
 * month-on-month and year-on-year change of monthly snapshots. Pure functions, no I/O.
 */
import type { TEngagementBasis } from '../../../../shared/enums.ts';
import { computeChange, type TChange } from './indicators.ts';

export interface TEngagementRate {
  /** Engagements ÷ denominator × 100; null when the denominator is missing or 0. */
  value: number | null;
  /** Which denominator: reach (the default and common definition), followers or impressions. */
  basis: TEngagementBasis;
  /** A label that says which rate this is, e.g. "engagement rate by reach". */
  label: string;
}

/**
 * Engagement rate = engagements ÷ denominator × 100, labelled with its denominator.
 * @example computeEngagementRate({ engagements: 424, reach: 7422 }) // { value: 5.71…, basis: 'reach', … }
 */
export function computeEngagementRate(
  input: {
    engagements: number | null;
    reach?: number | null;
    followers?: number | null;
    impressions?: number | null;
  },
  basis: TEngagementBasis = 'reach',
): TEngagementRate {
  const denominator = input[basis] ?? null;
  const label = `engagement rate by ${basis}`;
  if (input.engagements === null || denominator === null || denominator === 0)
    return { value: null, basis, label };
  return { value: (input.engagements / denominator) * 100, basis, label };
}

/** Engagements of a post: likes + comments + shares + saves (clicks are not engagement on every platform). */
export function postEngagements(post: {
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
}): number {
  return (post.likes ?? 0) + (post.comments ?? 0) + (post.shares ?? 0) + (post.saves ?? 0);
}

export interface TSnapshotLike {
  /** First day of the month, YYYY-MM-01. */
  month: string;
}

/** The month `offset` months from `month` (YYYY-MM-01). @example shiftMonth('2022-01-01', -1) // '2021-12-01' */
export function shiftMonth(month: string, offset: number): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1 + offset;
  const y = year + Math.floor(index / 12);
  const m = ((index % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Month-on-month and year-on-year change of `field` for the latest snapshot (or the one of
 * `month`). A change is null when the earlier month is missing or either value is missing.
 * @example periodChanges(snapshots, 'accountsReached') // { month: '2022-12-01', mom: {...}, yoy: { percent: 154.0… } }
 */
export function periodChanges<T extends TSnapshotLike>(
  snapshots: readonly T[],
  field: { [K in keyof T]: T[K] extends number | null ? K : never }[keyof T],
  month?: string,
): { month: string | null; mom: TChange | null; yoy: TChange | null } {
  const byMonth = new Map(snapshots.map((s) => [s.month, s]));
  const current = month ?? [...byMonth.keys()].sort().at(-1) ?? null;
  if (!current) return { month: null, mom: null, yoy: null };
  const valueAt = (m: string) => (byMonth.get(m)?.[field] as number | null | undefined) ?? null;
  const now = valueAt(current);
  const against = (m: string) => {
    const before = valueAt(m);
    return now === null || before === null ? null : computeChange({ previous: before, current: now });
  };
  return { month: current, mom: against(shiftMonth(current, -1)), yoy: against(shiftMonth(current, -12)) };
}
