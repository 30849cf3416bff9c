import { Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { TPlan } from '../api/plans.ts';
import { PhaseTimeline } from './phase-timeline.tsx';
import { PlanStructure } from './plan-structure.tsx';

function Card({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h4">
        {title}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <Stack mt="sm" gap="sm">
        {children}
      </Stack>
    </Paper>
  );
}

/** The plan at a glance: why (mission, objectives), when (phases), how it is organised, charts. */
export function PlanOverview({ plan, charts }: { plan: TPlan; charts: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const level = (n: 1 | 2) => plan.objectives.filter((o) => o.level === n);
  const period =
    plan.periodStart && plan.periodEnd
      ? format.dateRange({ datePrecision: 'month', startDate: plan.periodStart, endDate: plan.periodEnd })
      : t('plan.notSet');

  return (
    <Stack gap="md">
      <PageHeader
        eyebrow={`${plan.missionName} · ${t('plan.overviewTitle')}`}
        title={`${plan.title} (${plan.acronym})`}
        actions={
          <Button component={Link} to={`/plans/${plan.id}/initiatives`}>
            {t('plan.openInitiatives')} ({plan.initiativeCount})
          </Button>
        }
      >
        <Text size="sm">
          {t('plan.period')}: <b>{period}</b>
        </Text>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Card title={t('plan.missionStatement')}>
          <Text className="prewrap">{plan.missionStatement || t('plan.notSet')}</Text>
        </Card>
        <Card title={t('plan.objectives')}>
          {([1, 2] as const).map((n) => (
            <div key={n}>
              <Text size="sm" fw={700} c="blue.8">
                {n === 1 ? t('plan.objectiveLevel1') : t('plan.objectiveLevel2')}
              </Text>
              <List size="sm" spacing={4}>
                {level(n).map((objective) => (
                  <List.Item key={objective.id}>{objective.text}</List.Item>
                ))}
              </List>
              {level(n).length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('plan.notSet')}
                </Text>
              )}
            </div>
          ))}
        </Card>
      </SimpleGrid>
      <Card title={t('plan.phases')} hint={t('plan.phasesHint')}>
        <PhaseTimeline plan={plan} />
      </Card>
      <Card title={t('plan.structure')}>
        <PlanStructure plan={plan} />
      </Card>
      <section aria-labelledby="plan-charts-title">
        <Group mb="sm">
          <Title order={2} size="h4" id="plan-charts-title">
            {t('plan.charts')}
          </Title>
        </Group>
        {charts}
      </section>
    </Stack>
  );
}
