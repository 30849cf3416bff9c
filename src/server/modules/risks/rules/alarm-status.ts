/**
 * Alarm variables (the seed's *variabili di allarme*, key risk indicators elsewhere): where a
 * value falls between the amber and red bounds, whether the latest observation is overdue for
 * the variable's frequency, and whether a new observation made things worse. Pure functions.
 */
import type { TAlarmDirection, TAlarmLevel, TAlarmStatus } from '../../../../shared/enums.ts';

export interface TAlarmBounds {
  direction: TAlarmDirection;
  amberBound: number;
  redBound: number;
}

const SEVERITY: Record<TAlarmLevel, number> = { green: 0, amber: 1, red: 2 };
const DAY_MS = 86_400_000;

/**
 * Checks that red lies beyond amber in the direction things get worse.
 * @returns null when the bounds are in order, else a message about `redBound`.
 * @example checkAlarmBounds({ direction: 'higher_is_worse', amberBound: 10, redBound: 5 }) // 'must be above …'
 */
export function checkAlarmBounds(bounds: TAlarmBounds): string | null {
  if (bounds.direction === 'higher_is_worse' && !(bounds.redBound > bounds.amberBound))
    return 'must be above the amber bound when higher values are worse';
  if (bounds.direction === 'lower_is_worse' && !(bounds.redBound < bounds.amberBound))
    return 'must be below the amber bound when lower values are worse';
  return null;
}

/**
 * The band of one value: reaching a bound counts as crossing it.
 * @example findAlarmLevel({ direction: 'lower_is_worse', amberBound: 50, redBound: 20, value: 35 }) // 'amber'
 */
export function findAlarmLevel(options: TAlarmBounds & { value: number }): TAlarmLevel {
  const { direction, amberBound, redBound, value } = options;
  if (direction === 'higher_is_worse') {
    if (value >= redBound) return 'red';
    if (value >= amberBound) return 'amber';
    return 'green';
  }
  if (value <= redBound) return 'red';
  if (value <= amberBound) return 'amber';
  return 'green';
}

/** Whole days from `from` to `to` (ISO dates). @example daysBetween('2022-01-01', '2022-01-08') // 7 */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The status of an alarm variable on `asOf`: the latest observation's band, or `stale` when
 * more than `frequencyDays` have passed since it (the next one is overdue), or `no_data`.
 * `level` keeps the latest band even when stale; `nextDueOn` is when the next observation is due.
 */
export function computeAlarmStatus(
  options: TAlarmBounds & {
    frequencyDays: number;
    latest: { observedOn: string; value: number } | null;
    asOf: string;
  },
): { status: TAlarmStatus; level: TAlarmLevel | null; nextDueOn: string | null } {
  const { latest, asOf, frequencyDays } = options;
  if (!latest) return { status: 'no_data', level: null, nextDueOn: null };
  const level = findAlarmLevel({ ...options, value: latest.value });
  const isStale = daysBetween(latest.observedOn, asOf) > frequencyDays;
  return { status: isStale ? 'stale' : level, level, nextDueOn: addDays(latest.observedOn, frequencyDays) };
}

/**
 * True when an observation moved the variable into amber or red from a better band (no
 * previous observation counts as green): the moment an alert is raised.
 * @example isWorsening({ before: 'amber', after: 'red' }) // true
 */
export function isWorsening(options: { before: TAlarmLevel | null; after: TAlarmLevel | null }): boolean {
  if (!options.after || options.after === 'green') return false;
  return SEVERITY[options.after] > SEVERITY[options.before ?? 'green'];
}

/** The latest of some observations: by date, then by when it was recorded. */
export function latestObservation<T extends { observedOn: string; recordedAt: number }>(
  observations: readonly T[],
): T | null {
  let latest: T | null = null;
  for (const o of observations)
    if (
      !latest ||
      o.observedOn > latest.observedOn ||
      (o.observedOn === latest.observedOn && o.recordedAt > latest.recordedAt)
    )
      latest = o;
  return latest;
}
