import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZIndicatorValueRequest } from '../../../../shared/schemas/results.ts';
import { EChart, type TChartOption } from '../../../components/echart.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { translateMessage } from '../../../lib/validation.ts';
import { type TIndicatorDetail, useAddIndicatorValue, useCanRecordResults } from '../api/results.ts';
import { IndicatorTags, ProgressLine, StatusBadge, useValueText } from './indicator-bits.tsx';
import { EditIndicatorButton } from './indicator-form.tsx';

type TErrors = Partial<Record<'periodStart' | 'periodEnd' | 'value' | 'evidenceUrl' | 'comment', string>>;

/** The form to record an actual value: the same schema as the API, the server's errors at each field. */
function AddValueForm({ indicator }: { indicator: TIndicatorDetail }) {
  const { t } = useTranslation();
  const add = useAddIndicatorValue(indicator.id);
  const [values, setValues] = useState({
    periodStart: '',
    periodEnd: '',
    value: '',
    evidenceUrl: '',
    comment: '',
  });
  const [errors, setErrors] = useState<TErrors>({});
  const [isSaved, setIsSaved] = useState(false);
  const set = (field: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement>) => {
    // Read now: React's event target is gone by the time the updater runs.
    const text = event.currentTarget.value;
    setValues((v) => ({ ...v, [field]: text }));
  };

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setIsSaved(false);
    const body = {
      periodStart: values.periodStart || null,
      periodEnd: values.periodEnd,
      value: values.value.trim() === '' ? null : Number(values.value.replace(',', '.')),
      evidenceUrl: values.evidenceUrl.trim() || null,
      comment: values.comment.trim() || null,
    };
    const parsed = ZIndicatorValueRequest.safeParse(body);
    const found: TErrors = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        found[issue.path[0] as keyof TErrors] ??= translateMessage(t, issue.message);
    if (body.value !== null && Number.isNaN(body.value)) found.value = t('validation.number');
    if (Object.keys(found).length || !parsed.success) {
      setErrors(found);
      document.getElementById(`value-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setErrors({});
    add.mutate(parsed.data, {
      onSuccess: () => {
        setIsSaved(true);
        setValues({ periodStart: '', periodEnd: '', value: '', evidenceUrl: '', comment: '' });
      },
      onError: (error) => {
        if (!isApiError(error, 400)) return;
        const next: TErrors = {};
        for (const e of error.fieldErrors) next[e.field as keyof TErrors] ??= translateMessage(t, e.message);
        setErrors(next);
      },
    });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-value">
      <Title order={2} size="h4" id="add-value" mb="sm">
        {t('indicators.addValue')}
      </Title>
      <form onSubmit={handleSubmit} noValidate>
        <Stack>
          {isSaved && (
            <Alert color="green" role="status">
              {t('indicators.saved')}
            </Alert>
          )}
          {add.error && !isApiError(add.error, 400) && (
            <Alert color="red" role="alert">
              {add.error.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              id="value-periodStart"
              type="date"
              label={t('indicators.periodStart')}
              value={values.periodStart}
              onChange={set('periodStart')}
              error={errors.periodStart}
            />
            <TextInput
              id="value-periodEnd"
              type="date"
              label={t('indicators.periodEnd')}
              withAsterisk
              value={values.periodEnd}
              onChange={set('periodEnd')}
              error={errors.periodEnd}
            />
            <TextInput
              id="value-value"
              inputMode="decimal"
              label={`${t('indicators.value')}${indicator.unit ? ` (${indicator.unit})` : ''}`}
              withAsterisk={indicator.measure !== 'qualitative'}
              value={values.value}
              onChange={set('value')}
              error={errors.value}
            />
          </SimpleGrid>
          <TextInput
            id="value-evidenceUrl"
            type="url"
            label={t('indicators.evidenceUrl')}
            placeholder="https://"
            value={values.evidenceUrl}
            onChange={set('evidenceUrl')}
            error={errors.evidenceUrl}
          />
          <TextInput
            id="value-comment"
            label={t('indicators.comment')}
            value={values.comment}
            onChange={set('comment')}
            error={errors.comment}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending}>
              {t('indicators.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** An indicator: its frame, its status and progress, its values as a chart and a table, and the form. */
export function IndicatorPage({ indicator, planLabel }: { indicator: TIndicatorDetail; planLabel?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const valueText = useValueText();
  const canRecord = useCanRecordResults(indicator.missionId);

  const chart = useMemo(() => {
    const points = [...indicator.values].filter((v) => v.value !== null).reverse();
    const lines = [
      ...(indicator.target.value !== null
        ? [{ name: t('indicators.target'), yAxis: indicator.target.value }]
        : []),
      ...(indicator.baseline.value !== null
        ? [{ name: t('indicators.baseline'), yAxis: indicator.baseline.value }]
        : []),
    ];
    const option: TChartOption = {
      grid: { left: 8, right: 80, top: 24, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: points.map((p) => format.day(p.periodEnd)) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'line',
          name: indicator.name,
          data: points.map((p) => p.value),
          symbolSize: 9,
          label: { show: true, position: 'top' },
          markLine: {
            symbol: 'none',
            label: { formatter: '{b}: {c}', position: 'end' },
            lineStyle: { type: 'dashed' },
            data: lines,
          },
        },
      ],
    };
    return { option, rows: points.map((p) => ({ label: p.periodEnd, value: p.value! })) };
  }, [indicator, t, format]);

  const facts: [string, string][] = [
    [t('indicators.kindLabel'), t(`indicators.kind.${indicator.kind}`)],
    [t('indicators.stage'), t(`indicators.amecStage.${indicator.amecStage}`)],
    [t('indicators.measureLabel'), t(`indicators.measure.${indicator.measure}`)],
    [t('indicators.direction'), indicator.ascending ? t('indicators.ascending') : t('indicators.descending')],
    [
      t('indicators.baseline'),
      `${valueText(indicator.baseline.value, indicator.unit)}${indicator.baseline.date ? ` · ${format.day(indicator.baseline.date)}` : ''}`,
    ],
    [
      t('indicators.target'),
      `${valueText(indicator.target.value, indicator.unit)}${indicator.target.date ? ` · ${format.day(indicator.target.date)}` : ''}`,
    ],
    [t('indicators.source'), indicator.sourceOfVerification ?? '—'],
    [
      t('indicators.frequencyLabel'),
      indicator.collectionFrequency ? t(`indicators.frequency.${indicator.collectionFrequency}`) : '—',
    ],
    [t('indicators.responsible'), indicator.responsible?.name ?? '—'],
  ];

  return (
    <Stack gap="lg">
      <PageHeader
        title={indicator.name}
        eyebrow={planLabel}
        backTo={{ to: `/plans/${indicator.planId}/dashboard`, label: t('indicators.dashboardTitle') }}
        actions={
          <Group gap="sm">
            <StatusBadge status={indicator.status} />
            {canRecord && <EditIndicatorButton indicator={indicator} />}
          </Group>
        }
      >
        <Group gap={6}>
          <IndicatorTags indicator={indicator} />
        </Group>
        {indicator.levelLabel && <Text size="sm">{indicator.levelLabel}</Text>}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <ProgressLine indicator={indicator} />
            <Table variant="vertical" layout="fixed" withTableBorder>
              <Table.Tbody>
                {facts.map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th w={200}>{label}</Table.Th>
                    <Table.Td>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {indicator.description && <Text size="sm">{indicator.description}</Text>}
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-label={t('indicators.chart')}>
          <Title order={2} size="h5">
            {t('indicators.chart')}
          </Title>
          {chart.rows.length ? (
            <EChart option={chart.option} label={t('indicators.chart')} rows={chart.rows} />
          ) : (
            <Text c="dimmed">{t('indicators.noValues')}</Text>
          )}
        </Paper>
      </SimpleGrid>
      {canRecord && <AddValueForm indicator={indicator} />}
      <section aria-labelledby="indicator-values">
        <Title order={2} size="h4" id="indicator-values" mb="sm">
          {t('indicators.values')}
        </Title>
        {indicator.values.length === 0 ? (
          <Text c="dimmed">{t('indicators.noValues')}</Text>
        ) : (
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indicators.period')}</Table.Th>
                <Table.Th ta="right">{t('indicators.value')}</Table.Th>
                <Table.Th>{t('indicators.comment')}</Table.Th>
                <Table.Th>{t('indicators.evidence')}</Table.Th>
                <Table.Th>{t('indicators.enteredBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {indicator.values.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    {v.periodStart
                      ? `${format.day(v.periodStart)} – ${format.day(v.periodEnd)}`
                      : format.day(v.periodEnd)}
                  </Table.Td>
                  <Table.Td ta="right">{valueText(v.value, indicator.unit)}</Table.Td>
                  <Table.Td>{v.comment ?? ''}</Table.Td>
                  <Table.Td>
                    {v.evidenceUrl && (
                      <Anchor href={v.evidenceUrl} target="_blank" rel="noreferrer">
                        {t('indicators.evidence')}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{v.enteredBy?.name ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}
