import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { monthsOf } from '../../../../shared/dates.ts';
import { useFormat } from '../../../lib/format.ts';
import type { TPlan } from '../api/plans.ts';

const DAY = 86_400_000;
const toTime = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);

/** The six phases on a shared time axis (a small Gantt), with their dates in words. */
export function PhaseTimeline({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dated = plan.phases.filter((p) => p.startDate && p.endDate);
  const start = plan.periodStart ?? dated.map((p) => p.startDate!).sort()[0];
  const end =
    plan.periodEnd ??
    dated
      .map((p) => p.endDate!)
      .sort()
      .at(-1);
  if (!start || !end) return null;
  const from = toTime(start);
  const span = toTime(end) + DAY - from;
  const months = monthsOf(start, end);
  const percent = (time: number) => `${Math.max(0, Math.min(100, ((time - from) / span) * 100))}%`;

  return (
    <Stack gap={6}>
      <Box
        ml={{ base: 0, sm: 178 }}
        mr={{ base: 0, sm: 142 }}
        pos="relative"
        h={18}
        visibleFrom="lg"
        aria-hidden
      >
        {months.map((month) => (
          <Text
            key={month}
            size="10px"
            c="dimmed"
            pos="absolute"
            style={{ left: percent(toTime(`${month}-01`)), whiteSpace: 'nowrap' }}
          >
            {month.endsWith('-01') || month === months[0]
              ? `${format.shortMonth(month)} ${month.slice(2, 4)}`
              : format.shortMonth(month)}
          </Text>
        ))}
      </Box>
      <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {plan.phases.map((phase, index) => {
          const label = t(`enums.phase.${phase.kind}`);
          const dates =
            phase.startDate && phase.endDate
              ? format.dateRange({
                  datePrecision: 'month',
                  startDate: phase.startDate,
                  endDate: phase.endDate,
                })
              : t('plan.notSet');
          return (
            <Group key={phase.kind} component="li" gap="sm" wrap="nowrap" align="center">
              <Text size="sm" fw={600} w={166} style={{ flexShrink: 0 }}>
                {index + 1}. {label}
              </Text>
              <Box
                pos="relative"
                h={24}
                style={{ flex: 1, background: 'var(--mantine-color-gray-1)', borderRadius: 4 }}
              >
                {phase.startDate && phase.endDate && (
                  <Box
                    pos="absolute"
                    top={0}
                    bottom={0}
                    style={{
                      left: percent(toTime(phase.startDate)),
                      width: `calc(${percent(toTime(phase.endDate) + DAY)} - ${percent(toTime(phase.startDate))})`,
                      background:
                        index < 3
                          ? 'var(--mantine-color-blue-7)'
                          : index === 3
                            ? 'var(--mantine-color-orange-7)'
                            : 'var(--mantine-color-teal-8)',
                      borderRadius: 4,
                    }}
                  />
                )}
              </Box>
              <Text size="xs" c="dimmed" w={130} ta="right" style={{ flexShrink: 0 }}>
                {dates}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
