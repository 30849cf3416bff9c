/**
 * Indicators (DESIGN §9): progress to target, the green/amber/red status, change against a
 * baseline, and the AMEC guard. Pure functions, no I/O.
 *
 * Progress = (actual − baseline) ÷ (target − baseline). The sign of (target − baseline) carries
 * the direction, so the same formula serves ascending indicators (more is better: followers)
 * and descending ones (less is better: days to reply). A missing baseline counts as 0.
 *
 * Status thresholds (documented, and the same on the dashboard and in the report):
 * - progress is compared with the progress expected by now (`expected`, 0–1: the share of the
 *   time between the baseline date and the target date that has passed; 1 when the dates are
 *   unknown or the target date is past);
 * - `green`: progress ≥ 90 % of the expected progress;
 * - `amber`: progress ≥ 60 % of the expected progress;
 * - `red`: below that, or moving away from the target (negative progress);
 * - `none`: no actual value yet, or the target equals the baseline (progress cannot be computed).
 */
import type { TAmecStage, TIndicatorMeasure, TIndicatorStatus } from '../../../../shared/enums.ts';

export const STATUS_THRESHOLDS = { green: 0.9, amber: 0.6 } as const;

export interface TIndicatorFrame {
  baselineValue: number | null;
  targetValue: number | null;
  isAscending: boolean;
}

/**
 * The share of the way from baseline to target covered by `actual` (1 = target reached; may
 * exceed 1 or be negative). Null when there is no target, no actual, or target = baseline.
 * @example computeProgress({ baselineValue: 100, targetValue: 200, isAscending: true }, 150) // 0.5
 * @example computeProgress({ baselineValue: 10, targetValue: 4, isAscending: false }, 7) // 0.5
 */
export function computeProgress(frame: TIndicatorFrame, actual: number | null): number | null {
  if (actual === null || frame.targetValue === null) return null;
  const baseline = frame.baselineValue ?? 0;
  const span = frame.targetValue - baseline;
  if (span === 0) return null;
  return (actual - baseline) / span;
}

/**
 * True when the target lies in the indicator's direction from the baseline (an ascending
 * indicator whose target is below its baseline is a data-entry mistake).
 */
export function isTargetInDirection(frame: TIndicatorFrame): boolean {
  if (frame.targetValue === null || frame.baselineValue === null) return true;
  if (frame.targetValue === frame.baselineValue) return true;
  return frame.isAscending
    ? frame.targetValue > frame.baselineValue
    : frame.targetValue < frame.baselineValue;
}

/**
 * The share (0–1) of the progress that should be made by `asOf`, from the baseline and target
 * dates (ISO days). 1 when either date is missing.
 */
export function expectedProgress(dates: {
  baselineDate: string | null;
  targetDate: string | null;
  asOf: string;
}): number {
  const { baselineDate, targetDate, asOf } = dates;
  if (!baselineDate || !targetDate) return 1;
  const start = Date.parse(baselineDate);
  const end = Date.parse(targetDate);
  const now = Date.parse(asOf);
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

/**
 * Green, amber or red for a progress (see the thresholds above); `none` without a progress.
 * Early in the period (expected close to 0) anything not moving backwards is green.
 */
export function indicatorStatus(progress: number | null, expected = 1): TIndicatorStatus {
  if (progress === null) return 'none';
  if (progress < 0) return 'red';
  if (expected <= 0) return 'green';
  const pace = progress / expected;
  if (pace >= STATUS_THRESHOLDS.green) return 'green';
  if (pace >= STATUS_THRESHOLDS.amber) return 'amber';
  return 'red';
}

export interface TChange {
  /** current − previous, in the indicator's unit; for a percentage measure, percentage points. */
  absolute: number;
  /** 'pp' (percentage points) for a percentage measure, otherwise the unit itself. */
  absoluteUnit: 'pp' | 'unit';
  /** Relative change in percent; null ("n/a") when the previous value is 0. */
  percent: number | null;
}

/**
 * Change between two values. For a percentage measure (e.g. an engagement rate going from 4 %
 * to 6 %) the absolute change is in percentage points (+2 pp) and the relative change is a
 * percent change (+50 %) — the two are never mixed. With a zero previous value the relative
 * change is undefined: `percent` is null and only the absolute change is meaningful.
 * @example computeChange({ previous: 2922, current: 7422 }) // { absolute: 4500, absoluteUnit: 'unit', percent: 154.0… }
 * @example computeChange({ previous: 0, current: 5 }) // { absolute: 5, absoluteUnit: 'unit', percent: null }
 */
export function computeChange(input: {
  previous: number;
  current: number;
  measure?: TIndicatorMeasure;
}): TChange {
  const absolute = input.current - input.previous;
  return {
    absolute,
    absoluteUnit: input.measure === 'percentage' ? 'pp' : 'unit',
    percent: input.previous === 0 ? null : (absolute / Math.abs(input.previous)) * 100,
  };
}

/**
 * A change as a person reads it: "+154 %", "+2 pp", or the absolute change with "n/a" when
 * the percentage cannot be computed (zero baseline).
 * @example formatChange({ absolute: 5, absoluteUnit: 'unit', percent: null }) // '+5 (n/a %)'
 */
export function formatChange(change: TChange): string {
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
  const round = (n: number) => Math.round(Math.abs(n) * 10) / 10;
  if (change.absoluteUnit === 'pp') return `${sign(change.absolute)}${round(change.absolute)} pp`;
  if (change.percent === null) return `${sign(change.absolute)}${round(change.absolute)} (n/a %)`;
  return `${sign(change.percent)}${round(change.percent)} %`;
}

/** Words that name exposure: how many could have seen the message, not what changed in them. */
const EXPOSURE_PATTERN =
  /\b(reach|reached|impressions?|views?|viewers?|followers?|circulation|copies|audience reached|exposure|page ?views|opportunities to see|ots|visualizzazion\w*|copertura)\b/i;

/** Stages above the output level: effects on the audience, not exposure. */
const EFFECT_STAGES: readonly TAmecStage[] = ['outcome', 'impact'];

export const AMEC_EXPOSURE_MESSAGE =
  'Reach, impressions, views, followers and circulation measure exposure: in the AMEC integrated evaluation framework they are outputs (or out-takes), not outcomes or impact. Filing them higher would let exposure pass for a change in the audience. File this indicator as an output, or measure an effect instead (for instance a change in awareness, attitudes or behaviour).';

/**
 * The AMEC guard: refuses an exposure metric filed as an outcome or impact.
 * @returns the reason, or null when the stage is acceptable.
 * @example checkAmecStage({ name: 'Instagram reach', unit: 'accounts', amecStage: 'outcome' }) // the reason
 */
export function checkAmecStage(indicator: {
  name: string;
  unit: string | null;
  amecStage: TAmecStage;
}): string | null {
  if (!EFFECT_STAGES.includes(indicator.amecStage)) return null;
  const words = `${indicator.name} ${indicator.unit ?? ''}`;
  return EXPOSURE_PATTERN.test(words) ? AMEC_EXPOSURE_MESSAGE : null;
}
