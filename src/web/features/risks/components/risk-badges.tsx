import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TAlarmStatus, TRiskLevel } from '../../../../shared/enums.ts';

/** Background and text colours of each risk level, shared by the badges and the heat map. */
export const LEVEL_COLOURS: Record<TRiskLevel, { bg: string; fg: string }> = {
  low: { bg: 'var(--mantine-color-green-2)', fg: 'var(--mantine-color-green-9)' },
  moderate: { bg: 'var(--mantine-color-yellow-3)', fg: 'var(--mantine-color-yellow-9)' },
  high: { bg: 'var(--mantine-color-orange-4)', fg: 'var(--mantine-color-dark-9)' },
  extreme: { bg: 'var(--mantine-color-red-7)', fg: 'var(--mantine-color-white)' },
};

export function RiskLevelBadge({ level }: { level: TRiskLevel }) {
  const { t } = useTranslation();
  const colours = LEVEL_COLOURS[level];
  return (
    <Badge radius="sm" tt="none" style={{ background: colours.bg, color: colours.fg }}>
      {t(`risks.level.${level}`)}
    </Badge>
  );
}

const STATUS_COLOURS: Record<TAlarmStatus, string> = {
  green: 'green',
  amber: 'yellow',
  red: 'red',
  stale: 'gray',
  no_data: 'gray',
};

/** An alarm variable's status: green, amber, red, overdue (stale) or no data. */
export function AlarmStatusBadge({ status }: { status: TAlarmStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      tt="none"
      color={STATUS_COLOURS[status]}
      variant={status === 'stale' || status === 'no_data' ? 'outline' : 'filled'}
    >
      {t(`risks.status.${status}`)}
    </Badge>
  );
}
