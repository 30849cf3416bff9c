import { Badge, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TIndicatorStatus } from '../../../../shared/enums.ts';
import { useFormat } from '../../../lib/format.ts';
import type { TChange, TIndicator } from '../api/results.ts';

const STATUS_COLORS: Record<TIndicatorStatus, string> = {
  green: 'green.8',
  amber: 'yellow.5',
  red: 'red.8',
  none: 'gray.6',
};

/** The green/amber/red status as a chip with its word (colour is never the only signal). */
export function StatusBadge({ status }: { status: TIndicatorStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      autoContrast
      variant="filled"
      radius="sm"
      title={t('indicators.statusHint')}
      data-status={status}
    >
      {t(`indicators.status.${status}`)}
    </Badge>
  );
}

/** Progress to the target as a bar and a sentence; bars are capped at 100 %. */
export function ProgressLine({ indicator }: { indicator: Pick<TIndicator, 'progress' | 'status'> }) {
  const { t } = useTranslation();
  if (indicator.progress === null)
    return (
      <Text size="sm" c="dimmed">
        {t('indicators.noProgress')}
      </Text>
    );
  const percent = Math.round(indicator.progress * 100);
  return (
    <div>
      <Progress
        value={Math.max(0, Math.min(100, percent))}
        color={STATUS_COLORS[indicator.status]}
        size="md"
        aria-label={t('indicators.progress')}
      />
      <Text size="sm" mt={4}>
        {t('indicators.progressValue', { value: percent })}
      </Text>
    </div>
  );
}

/** A value with the indicator's unit ("1,700 people", "29.5 %"). */
export function useValueText() {
  const format = useFormat();
  return (value: number | null | undefined, unit: string | null | undefined) => {
    if (value === null || value === undefined) return '—';
    const number = format.number(value);
    if (!unit) return number;
    return unit === '%' ? `${number} %` : `${number} ${unit}`;
  };
}

/** A change as "+154 %", "+2 pp", or the absolute change with "n/a" when the base was 0. */
export function useChangeText() {
  const { t } = useTranslation();
  const format = useFormat();
  return (change: TChange | null | undefined) => {
    if (!change) return t('indicators.notApplicable');
    const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
    const round = (n: number) => format.number(Math.round(Math.abs(n) * 10) / 10);
    if (change.absoluteUnit === 'pp') return `${sign(change.absolute)}${round(change.absolute)} pp`;
    if (change.percent === null)
      return `${sign(change.absolute)}${round(change.absolute)} (${t('indicators.notApplicable')} %)`;
    return `${sign(change.percent)}${round(change.percent)} %`;
  };
}

/** Kind, AMEC stage and level as badges (the caller lays them out in a group). */
export function IndicatorTags({
  indicator,
}: {
  indicator: Pick<TIndicator, 'kind' | 'amecStage' | 'level'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="light" color="blue" radius="sm">
        {t(`indicators.kind.${indicator.kind}`)}
      </Badge>
      <Badge variant="outline" color="gray.7" radius="sm">
        AMEC · {t(`indicators.amecStage.${indicator.amecStage}`)}
      </Badge>
      <Badge variant="outline" color="gray.7" radius="sm">
        {t(`indicators.level.${indicator.level}`)}
      </Badge>
    </>
  );
}
