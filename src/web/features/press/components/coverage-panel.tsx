import { Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMediaLanguage } from '../../../../shared/enums.ts';
import { EChart, type TChartOption } from '../../../components/echart.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useFormat } from '../../../lib/format.ts';
import { type TCoverage, useCoverage } from '../api/press.ts';

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Coverage of the mission: clippings per period, by language and outlet, share of voice, change. */
export function CoveragePanel({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const today = new Date();
  const [from, setFrom] = useState(
    isoDay(new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), 1))),
  );
  const [to, setTo] = useState(isoDay(today));
  const [interval, setInterval] = useState<'week' | 'month'>('month');
  const isValid = !!from && !!to && from <= to;
  const coverage = useCoverage({ missionId, from, to, interval }, { enabled: isValid });
  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('press.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={170}
        />
        <TextInput
          type="date"
          label={t('press.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={170}
        />
        <SegmentedControl
          value={interval}
          onChange={(v) => setInterval(v as 'week' | 'month')}
          data={[
            { value: 'week', label: t('press.coverage.week') },
            { value: 'month', label: t('press.coverage.month') },
          ]}
        />
      </Group>
      {coverage.isPending || coverage.isError ? (
        <QueryState query={coverage} />
      ) : (
        <Charts coverage={coverage.data} />
      )}
    </Stack>
  );
}

function Charts({ coverage }: { coverage: TCoverage }) {
  const { t } = useTranslation();
  const format = useFormat();
  const periodLabel = (p: string) =>
    coverage.interval === 'month' ? format.shortMonth(p.slice(0, 7)) : format.day(p);
  const periodLabels = coverage.periods.map((p) => periodLabel(p.period));
  const labelKey = periodLabels.join('|');
  const perPeriod = useMemo<TChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 40 },
      xAxis: { type: 'category', data: labelKey.split('|') },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: coverage.periods.map((p) => p.count) }],
    }),
    [coverage, labelKey],
  );
  const byLanguage = useMemo<TChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          data: coverage.byLanguage.map((l) => ({
            name: l.key ? t(`language.${l.key as TMediaLanguage}`) : '—',
            value: l.count,
          })),
        },
      ],
    }),
    [coverage, t],
  );
  const voice = useMemo<TChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 120, right: 16, top: 8, bottom: 24 },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
      yAxis: { type: 'category', inverse: true, data: coverage.shareOfVoice.slice(0, 8).map((c) => c.name) },
      series: [{ type: 'bar', data: coverage.shareOfVoice.slice(0, 8).map((c) => c.share) }],
    }),
    [coverage],
  );
  const change =
    coverage.change === null
      ? t('press.coverage.noBaseline')
      : t('press.coverage.change', {
          change: `${coverage.change >= 0 ? '+' : ''}${Math.round(coverage.change * 100)}%`,
          baseline: coverage.baseline.total,
        });
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Text fw={700}>{t('press.coverage.total', { count: coverage.total })}</Text>
        <Text size="sm" c="dimmed">
          {change}
        </Text>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('press.coverage.perPeriod')}
        </Title>
        <EChart
          option={perPeriod}
          label={t('press.coverage.perPeriod')}
          rows={coverage.periods.map((p) => ({ label: periodLabel(p.period), value: p.count }))}
        />
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t('press.coverage.byLanguage')}
          </Title>
          <EChart
            option={byLanguage}
            label={t('press.coverage.byLanguage')}
            rows={coverage.byLanguage.map((l) => ({
              label: l.key ? t(`language.${l.key as TMediaLanguage}`) : '—',
              value: l.count,
            }))}
          />
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="xs">
            {t('press.coverage.shareOfVoice')}
          </Title>
          <EChart
            option={voice}
            label={t('press.coverage.shareOfVoice')}
            rows={coverage.shareOfVoice.map((c) => ({ label: c.name, value: c.count }))}
          />
        </Paper>
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb="xs">
          {t('press.coverage.byOutlet')}
        </Title>
        <Stack gap={2}>
          {coverage.byOutlet.map((o) => (
            <Group key={o.key} justify="space-between">
              <Text size="sm">{o.key || '—'}</Text>
              <Text size="sm" fw={600}>
                {o.count}
              </Text>
            </Group>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
