import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EChart, type TChartOption } from '../../../components/echart.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useFormat } from '../../../lib/format.ts';
import { ReportButtons } from '../../evaluation/index.ts';
import {
  type TDerivedIndicator,
  type TIndicator,
  type TResultsSummary,
  type TSocialAccount,
  useCanRecordResults,
} from '../api/results.ts';
import { IndicatorTags, ProgressLine, StatusBadge, useChangeText, useValueText } from './indicator-bits.tsx';
import { NewIndicatorButton } from './indicator-form.tsx';
import { AccountEntry, AddAccountButton } from './social-entry.tsx';

function IndicatorCard({ indicator }: { indicator: TIndicator }) {
  const { t } = useTranslation();
  const valueText = useValueText();
  return (
    <Paper withBorder p="md" component="article" aria-label={indicator.name}>
      <Stack gap="xs">
        <Anchor component={Link} to={`/indicators/${indicator.id}`} fw={600}>
          {indicator.name}
        </Anchor>
        <Group gap={6}>
          <StatusBadge status={indicator.status} />
          <IndicatorTags indicator={indicator} />
        </Group>
        {indicator.levelLabel && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {indicator.levelLabel}
          </Text>
        )}
        <Group gap="lg">
          <div>
            <Text size="xs" c="dimmed">
              {t('indicators.latest')}
            </Text>
            <Text fw={700} data-testid="latest-value">
              {valueText(indicator.latest?.value, indicator.unit)}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('indicators.target')}
            </Text>
            <Text>{valueText(indicator.target.value, indicator.unit)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('indicators.baseline')}
            </Text>
            <Text>{valueText(indicator.baseline.value, indicator.unit)}</Text>
          </div>
        </Group>
        <ProgressLine indicator={indicator} />
      </Stack>
    </Paper>
  );
}

function DerivedCard({ item }: { item: TDerivedIndicator }) {
  const { t } = useTranslation();
  const format = useFormat();
  const changeText = useChangeText();
  const label = t(`indicators.derivedKeys.${item.key}`);
  let figure: string;
  if (item.unavailableReason === 'needs_press_review') figure = t('indicators.needsPressReview');
  else if (item.value === null) figure = t('indicators.noData');
  else if (item.key === 'initiatives_realised' && item.reference !== null)
    figure = t('indicators.ofPlanned', {
      value: format.number(item.value),
      reference: format.number(item.reference),
    });
  else if (item.change) figure = changeText(item.change);
  else figure = format.number(item.value);
  const detail =
    item.change && item.value !== null && item.reference !== null
      ? t('indicators.against', {
          value: format.number(item.value),
          reference: format.number(item.reference),
        })
      : null;
  return (
    <Paper withBorder p="md" component="article" aria-label={label}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={item.value === null ? 'dimmed' : undefined}>
        {figure}
      </Text>
      {detail && <Text size="sm">{detail}</Text>}
      {item.progress !== null && (
        <Text size="sm">{t('indicators.progressValue', { value: Math.round(item.progress * 100) })}</Text>
      )}
    </Paper>
  );
}

function barOption(labels: string[], values: number[]): TChartOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { color: '#333', interval: 0 },
      axisTick: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#555' } },
    series: [
      {
        type: 'bar',
        data: values,
        barMaxWidth: 36,
        itemStyle: { borderRadius: 3 },
        label: { show: true, position: 'top', color: '#222', fontWeight: 600 },
      },
    ],
  };
}

function lineOption(months: string[], series: { name: string; data: (number | null)[] }[]): TChartOption {
  return {
    grid: { left: 8, right: 24, top: 40, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis' },
    // A concrete font: echarts measures legend text with it (with 'inherit' the items overlap).
    legend: { top: 0, itemGap: 20, textStyle: { fontFamily: 'system-ui, sans-serif', fontSize: 12 } },
    xAxis: { type: 'category', data: months, axisLabel: { color: '#333' } },
    yAxis: { type: 'value', axisLabel: { color: '#555' } },
    series: series.map((s) => ({
      type: 'line' as const,
      name: s.name,
      data: s.data,
      connectNulls: true,
      symbolSize: 7,
    })),
  };
}

function ChartCard({
  title,
  hint,
  option,
  rows,
}: {
  title: string;
  hint?: string;
  option: TChartOption;
  rows: { label: string; value: number }[];
}) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <EChart option={option} label={title} rows={rows} />
    </Paper>
  );
}

function SocialTable({ accounts }: { accounts: TSocialAccount[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const changeText = useChangeText();
  const number = (v: number | null) => (v === null ? '—' : format.number(v));
  const rate = (v: number | null) => (v === null ? '—' : `${format.number(Math.round(v * 100) / 100)} %`);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indicators.account')}</Table.Th>
            <Table.Th>{t('indicators.month')}</Table.Th>
            <Table.Th ta="right">{t('indicators.followers')}</Table.Th>
            <Table.Th ta="right">{t('indicators.accountsReached')}</Table.Th>
            <Table.Th ta="right">{t('indicators.accountsEngaged')}</Table.Th>
            {(['reach', 'followers', 'impressions'] as const).map((basis) => (
              <Table.Th key={basis} ta="right">
                {t('indicators.engagementRate')} {t(`indicators.engagementBasis.${basis}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.flatMap((account) =>
            [...account.snapshots].reverse().map((s) => (
              <Table.Tr key={`${account.id}-${s.month}`}>
                <Table.Td>
                  {account.platform} @{account.handle}
                </Table.Td>
                <Table.Td>{format.month(s.month.slice(0, 7))}</Table.Td>
                <Table.Td ta="right">{number(s.followers)}</Table.Td>
                <Table.Td ta="right">{number(s.accountsReached)}</Table.Td>
                <Table.Td ta="right">{number(s.accountsEngaged)}</Table.Td>
                {s.engagementRates.map((r) => (
                  <Table.Td key={r.basis} ta="right">
                    {rate(r.value)}
                  </Table.Td>
                ))}
              </Table.Tr>
            )),
          )}
        </Table.Tbody>
      </Table>
      {accounts.map((account) => (
        <Text key={account.id} size="sm" mt="xs">
          {account.platform} @{account.handle} — {t('indicators.followers')}: {t('indicators.mom')}{' '}
          {changeText(account.momChange.followers)}, {t('indicators.yoy')}{' '}
          {changeText(account.yoyChange.followers)} · {t('indicators.accountsReached')}: {t('indicators.mom')}{' '}
          {changeText(account.momChange.accountsReached)}, {t('indicators.yoy')}{' '}
          {changeText(account.yoyChange.accountsReached)}
        </Text>
      ))}
    </Table.ScrollContainer>
  );
}

/** The plan's results at a glance: indicators with status, derived figures, charts and social metrics. */
export function ResultsDashboard({
  summary,
  planLabel,
  missionId,
}: {
  summary: TResultsSummary;
  planLabel: string;
  /** The plan's mission: its writers may add indicators and social figures. */
  missionId: string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCanRecordResults(missionId);

  const statusChart = useMemo(() => {
    const labels = summary.initiativesByStatus.map((s) => t(`enums.initiativeStatus.${s.status}`));
    const values = summary.initiativesByStatus.map((s) => s.count);
    return {
      option: barOption(labels, values),
      rows: labels.map((label, i) => ({ label, value: values[i]! })),
    };
  }, [summary, t]);

  const reflectionChart = useMemo(() => {
    const labels = summary.mediaReflection.map((m) =>
      m.rating ? t(`enums.mediaReflection.${m.rating}`) : t('indicators.notRated'),
    );
    const values = summary.mediaReflection.map((m) => m.count);
    return {
      option: barOption(labels, values),
      rows: labels.map((label, i) => ({ label, value: values[i]! })),
    };
  }, [summary, t]);

  const exposureChart = useMemo(() => {
    const months = summary.exposure.map((e) => `${format.shortMonth(e.month)} ${e.month.slice(2, 4)}`);
    const hasMedia = summary.exposure.some((e) => e.mediaItems !== null);
    // A series without any figure would only crowd the legend.
    const series = [
      { name: t('indicators.mediaItems'), data: summary.exposure.map((e) => e.mediaItems) },
      { name: t('indicators.accountsReached'), data: summary.exposure.map((e) => e.accountsReached) },
      { name: t('indicators.impressions'), data: summary.exposure.map((e) => e.impressions) },
      { name: t('indicators.audienceReached'), data: summary.exposure.map((e) => e.audienceReached) },
    ].filter((line) => line.data.some((v) => v !== null));
    const rows = summary.exposure.flatMap((e, i) =>
      series
        .filter((s) => s.data[i] !== null)
        .map((s) => ({ label: `${e.month} ${s.name}`, value: s.data[i]! })),
    );
    return { option: lineOption(months, series), rows, hasMedia };
  }, [summary, t, format]);

  const socialChart = useMemo(() => {
    const months = [
      ...new Set(summary.social.accounts.flatMap((a) => a.snapshots.map((s) => s.month))),
    ].sort();
    const series = summary.social.accounts.flatMap((a) => [
      {
        name: `@${a.handle} · ${t('indicators.followers')}`,
        data: months.map((m) => a.snapshots.find((s) => s.month === m)?.followers ?? null),
      },
      {
        name: `@${a.handle} · ${t('indicators.accountsReached')}`,
        data: months.map((m) => a.snapshots.find((s) => s.month === m)?.accountsReached ?? null),
      },
    ]);
    const rows = months.flatMap((m, i) =>
      series.filter((s) => s.data[i] !== null).map((s) => ({ label: `${m} ${s.name}`, value: s.data[i]! })),
    );
    return {
      option: lineOption(
        months.map((m) => format.month(m.slice(0, 7))),
        series,
      ),
      rows,
    };
  }, [summary, t, format]);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('indicators.dashboardTitle')}
        eyebrow={planLabel}
        actions={<ReportButtons planId={summary.planId} />}
      >
        <Text c="dimmed">{t('indicators.dashboardIntro')}</Text>
      </PageHeader>

      <section aria-labelledby="typed-indicators">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="typed-indicators">
            {t('indicators.typed')}
          </Title>
          {canWrite && missionId && <NewIndicatorButton planId={summary.planId} missionId={missionId} />}
        </Group>
        <Text size="xs" c="dimmed" mb="sm">
          {t('indicators.statusHint')}
        </Text>
        {summary.indicators.length === 0 ? (
          <Text c="dimmed">{t('indicators.none')}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {summary.indicators.map((indicator) => (
              <IndicatorCard key={indicator.id} indicator={indicator} />
            ))}
          </SimpleGrid>
        )}
      </section>

      <section aria-labelledby="derived-indicators">
        <Title order={2} size="h4" id="derived-indicators">
          {t('indicators.derived')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('indicators.derivedHint')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          {summary.derived.map((item) => (
            <DerivedCard key={item.key} item={item} />
          ))}
        </SimpleGrid>
      </section>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ChartCard title={t('indicators.initiativesByStatus')} {...statusChart} />
        <ChartCard title={t('indicators.mediaReflection')} {...reflectionChart} />
        <ChartCard
          title={t('indicators.exposure')}
          hint={`${t('indicators.exposureHint')}${exposureChart.hasMedia ? '' : ` ${t('indicators.mediaItems')}: ${t('indicators.needsPressReview')}.`}`}
          option={exposureChart.option}
          rows={exposureChart.rows}
        />
        <ChartCard title={t('indicators.social')} option={socialChart.option} rows={socialChart.rows} />
      </SimpleGrid>

      <section aria-labelledby="social-metrics">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="social-metrics">
            {t('indicators.social')}
          </Title>
          {canWrite && missionId && <AddAccountButton missionId={missionId} />}
        </Group>
        {canWrite && summary.social.accounts.length > 0 && (
          <Stack gap="xs" mb="sm">
            {summary.social.accounts.map((account) => (
              <AccountEntry key={account.id} account={account} />
            ))}
          </Stack>
        )}
        {summary.social.accounts.length === 0 ? (
          <Text c="dimmed">{t('indicators.noSocial')}</Text>
        ) : (
          <SocialTable accounts={summary.social.accounts} />
        )}
      </section>
    </Stack>
  );
}
