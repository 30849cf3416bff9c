/** Numbers of the indicators as the report, the logframe and the workbook show them. */
import type { TIndicatorKind } from '../../../../shared/enums.ts';
import { formatNumber, reportText, type TReportLanguage } from '../../../platform/reports/i18n.ts';
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

/** @example formatValue(12000, 'followers') // '12,000 followers'; formatValue(35, '%') // '35%'; formatValue(12000, null, 'ru') // '12 000' */
export const formatValue = (value: number | null, unit: string | null, lang: TReportLanguage = 'en') =>
  value === null ? '—' : `${formatNumber(value, lang)}${unit ? (unit === '%' ? '%' : ` ${unit}`) : ''}`;

/** An indicator's kind in the report's language (an unknown kind as stored). */
export const kindLabel = (kind: string, lang: TReportLanguage): string =>
  reportText(lang).enums.indicatorKind[kind as TIndicatorKind] ?? kind;
