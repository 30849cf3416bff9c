import { Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { monthsOf } from '../../../../shared/dates.ts';
import { MEDIA_REFLECTIONS, type TMediaReflection } from '../../../../shared/enums.ts';
import { EChart, type TChartOption } from '../../../components/echart.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useStructureName } from '../../../lib/structure-names.ts';
import type { TPlan } from '../api/plans.ts';

/** What the charts need of an initiative (the route passes the plan's initiatives in). */
export interface TChartInitiative {
  startDate: string | null;
  endDate: string | null;
  focusArea: { id: string } | null;
  vectors: ReadonlyArray<{ id: string }>;
  mediaReflection: TMediaReflection | null;
}

interface TBar {
  label: string;
  value: number;
  /** The table's query string for this bar. */
  filter: string | null;
}

export function barOption(bars: TBar[], horizontal: boolean, color?: string): TChartOption {
  const categoryAxis = {
    type: 'category' as const,
    data: bars.map((b) => b.label),
    axisLabel: {
      color: '#333',
      fontSize: 12,
      interval: 0,
      ...(horizontal ? { width: 150, overflow: 'break' as const } : {}),
    },
    axisTick: { show: false },
  };
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#555' } };
  return {
    // Room for category names on the left of horizontal bars (echarts would clip them otherwise).
    grid: horizontal
      ? { left: 172, right: 40, top: 8, bottom: 28, outerBoundsMode: 'none' }
      : { left: 8, right: 16, top: 24, bottom: 24, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: [
      {
        type: 'bar',
        data: bars.map((b) => b.value),
        barMaxWidth: 36,
        itemStyle: color ? { color, borderRadius: 3 } : { borderRadius: 3 },
        label: { show: true, position: horizontal ? 'right' : 'top', color: '#222', fontWeight: 600 },
      },
    ],
  };
}

function ChartCard({
  title,
  hint,
  bars,
  horizontal = false,
  color,
  planId,
}: {
  title: string;
  hint?: string;
  bars: TBar[];
  horizontal?: boolean;
  color?: string;
  planId: string;
}) {
  const navigate = useNavigate();
  const option = useMemo(() => barOption(bars, horizontal, color), [bars, horizontal, color]);
  const height = horizontal ? Math.max(140, bars.length * 44 + 32) : 260;
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
      <EChart
        option={option}
        height={height}
        label={title}
        rows={bars}
        onSelect={(index) => {
          const filter = bars[index]?.filter;
          if (filter) void navigate(`/plans/${planId}/initiatives?${filter}`);
        }}
      />
    </Paper>
  );
}

/** Initiatives per month, focus area, vector and media reflection; a bar opens the filtered table. */
export function PlanCharts({ plan, initiatives }: { plan: TPlan; initiatives: readonly TChartInitiative[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const structureName = useStructureName();
  const outsideLabel = t('plan.outsidePeriod');

  // The plan's period sets the axis; initiatives dated outside it are counted in one extra bar.
  const perMonth = useMemo<TBar[]>(() => {
    const counts = new Map<string, number>();
    for (const i of initiatives)
      for (const month of monthsOf(i.startDate, i.endDate)) counts.set(month, (counts.get(month) ?? 0) + 1);
    const used = [...counts.keys()].sort();
    const first = plan.periodStart?.slice(0, 7) ?? used[0];
    const last = plan.periodEnd?.slice(0, 7) ?? used.at(-1);
    if (!first || !last) return [];
    const months = monthsOf(`${first}-01`, `${last}-01`);
    const multiYear = first.slice(0, 4) !== last.slice(0, 4);
    const outside = initiatives.filter(
      (i) => i.startDate && monthsOf(i.startDate, i.endDate).every((m) => m < first || m > last),
    ).length;
    return [
      ...months.map((month) => ({
        label:
          multiYear && (month.endsWith('-01') || month === first)
            ? `${format.shortMonth(month)}\n${month.slice(0, 4)}`
            : format.shortMonth(month),
        value: counts.get(month) ?? 0,
        filter: `month=${month}`,
      })),
      ...(outside ? [{ label: outsideLabel, value: outside, filter: null }] : []),
    ];
  }, [initiatives, plan.periodStart, plan.periodEnd, format.shortMonth, outsideLabel]);

  const perFocusArea: TBar[] = [
    ...plan.focusAreas.map((area) => ({
      label: structureName('focusArea', area),
      value: initiatives.filter((i) => i.focusArea?.id === area.id).length,
      filter: `focusAreaId=${area.id}`,
    })),
    ...withUnset(initiatives.filter((i) => !i.focusArea).length, t('plan.notSet')),
  ];
  const perVector: TBar[] = plan.vectors.map((vector) => ({
    label: structureName('vector', vector),
    value: initiatives.filter((i) => i.vectors.some((v) => v.id === vector.id)).length,
    filter: `vectorId=${vector.id}`,
  }));
  const perReflection: TBar[] = [
    ...MEDIA_REFLECTIONS.map((level) => ({
      label: t(`enums.mediaReflection.${level}`),
      value: initiatives.filter((i) => i.mediaReflection === level).length,
      filter: `mediaReflection=${level}`,
    })),
    ...withUnset(initiatives.filter((i) => !i.mediaReflection).length, t('plan.notSet')),
  ];

  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
      <ChartCard
        title={t('plan.chartPerMonth')}
        hint={t('plan.chartPerMonthHint')}
        bars={perMonth}
        planId={plan.id}
      />
      <ChartCard
        title={t('plan.chartPerMediaReflection')}
        bars={perReflection}
        color="#0072B2"
        planId={plan.id}
      />
      <ChartCard
        title={t('plan.chartPerFocusArea')}
        bars={perFocusArea}
        horizontal
        color="#D55E00"
        planId={plan.id}
      />
      <ChartCard
        title={t('plan.chartPerVector')}
        hint={t('plan.chartPerVectorHint')}
        bars={perVector}
        horizontal
        color="#009E73"
        planId={plan.id}
      />
    </SimpleGrid>
  );
}

const withUnset = (count: number, label: string): TBar[] =>
  count ? [{ label, value: count, filter: null }] : [];
