/** Numbers of the indicators as the report, the logframe and the workbook show them. */
import type { IReportIndicator } from './types.ts';

/**
 * Progress from baseline to target (0 = baseline, 1 = target), in the indicator's direction: a
 * falling target works as well as a rising one. Null without a target, a value, or a distance.
 * @example progressToTarget({ baseline: 30, target: 10, latest: 25 }) // 0.25
 */
export function progressToTarget(indicator: Pick<IReportIndicator, 'baseline' | 'target' | 'latest'>) {
  const { target, latest } = indicator;
  const baseline = indicator.baseline ?? 0;
  if (target === null || latest === null || target === baseline) return null;
  return (latest - baseline) / (target - baseline);
}

/** @example formatValue(12000, 'followers') // '12,000 followers'; formatValue(35, '%') // '35%' */
export const formatValue = (value: number | null, unit: string | null) =>
  value === null ? '—' : `${value.toLocaleString('en-GB')}${unit ? (unit === '%' ? '%' : ` ${unit}`) : ''}`;
