import { Anchor, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { TPlan } from '../../plans/index.ts';
import {
  useCanEditRiskSettings,
  useCanWriteRisks,
  useCompleteTask,
  useOpenTasks,
  useRiskSettings,
  useRisks,
} from '../api/risks.ts';
import { AlertList } from './alert-list.tsx';
import { AlarmStatusBadge, RiskLevelBadge } from './risk-badges.tsx';
import { RiskFormDialog } from './risk-form-dialog.tsx';
import { cellOf, RiskHeatMap, type TCell, type TRiskView } from './risk-heat-map.tsx';
import { RiskSettingsDialog } from './risk-settings-dialog.tsx';

/** The plan's risk register: heat map, open alerts, corrective tasks and the list of risks. */
export function RisksPage({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const format = useFormat();
  const risks = useRisks(plan.id);
  const settings = useRiskSettings(plan.id);
  const tasks = useOpenTasks(plan.id);
  const completeTask = useCompleteTask();
  const canWrite = useCanWriteRisks(plan.missionId);
  const [view, setView] = useState<TRiskView>('residual');
  const [cell, setCell] = useState<TCell | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const [isEditingSettings, setIsEditingSettings] = useState(false);
  const canEditSettings = useCanEditRiskSettings(plan.missionId);

  if (risks.isPending || risks.isError) return <QueryState query={risks} />;
  if (settings.isPending || settings.isError) return <QueryState query={settings} />;
  const all = risks.data.items;
  const shown = cell
    ? all.filter((r) => {
        const c = cellOf(r, view);
        return c.likelihood === cell.likelihood && c.impact === cell.impact;
      })
    : all;

  return (
    <>
      <PageHeader
        title={t('risks.title')}
        eyebrow={`${plan.acronym} — ${plan.title}`}
        actions={
          <>
            {canEditSettings && (
              <Button variant="default" onClick={() => setIsEditingSettings(true)}>
                {t('risks.settings')}
              </Button>
            )}
            {canWrite && <Button onClick={() => setIsCreating(true)}>{t('risks.newRisk')}</Button>}
          </>
        }
      >
        <Text size="sm" c="dimmed" maw={720}>
          {t('risks.intro')}
        </Text>
      </PageHeader>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Card withBorder padding="md">
            <RiskHeatMap
              risks={all}
              matrix={settings.data.matrix}
              view={view}
              selected={cell}
              onViewChange={(v) => {
                setView(v);
                setCell(null);
              }}
              onSelect={setCell}
            />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <Card withBorder padding="md" component="section" aria-labelledby="alerts-heading">
              <Title order={2} size="h4" id="alerts-heading" mb="xs">
                {t('risks.alerts')}
              </Title>
              <AlertList planId={plan.id} canWrite={canWrite} />
            </Card>
            <Card withBorder padding="md" component="section" aria-labelledby="tasks-heading">
              <Title order={2} size="h4" id="tasks-heading" mb="xs">
                {t('risks.tasks')}
              </Title>
              {tasks.data?.items.length ? (
                <Stack gap="xs">
                  {tasks.data.items.map((task) => (
                    <Group key={task.id} justify="space-between" wrap="nowrap" align="flex-start">
                      <div>
                        <Text size="sm">{task.title}</Text>
                        <Text size="xs" c={task.isOverdue ? 'red' : 'dimmed'}>
                          {[
                            task.owner?.fullName,
                            task.dueDate && t('risks.due', { date: format.day(task.dueDate) }),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                          {task.isOverdue && ` · ${t('risks.overdue')}`}
                        </Text>
                      </div>
                      {canWrite && (
                        <Button
                          size="compact-xs"
                          variant="light"
                          loading={completeTask.isPending && completeTask.variables?.id === task.id}
                          onClick={() => completeTask.mutate(task)}
                        >
                          {t('risks.markDone')}
                        </Button>
                      )}
                    </Group>
                  ))}
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('risks.noTasks')}
                </Text>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <Card withBorder padding="md" mt="md" component="section" aria-labelledby="register-heading">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="register-heading">
            {cell
              ? t('risks.cellRisks', {
                  likelihood: t(`risks.likelihood.${cell.likelihood}`),
                  impact: t(`risks.impact.${cell.impact}`),
                  which: t(`risks.${view}`),
                })
              : t('risks.register')}
          </Title>
          {cell && (
            <Button size="compact-sm" variant="subtle" onClick={() => setCell(null)}>
              {t('risks.clearCell')}
            </Button>
          )}
        </Group>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {cell ? t('risks.noCellRisks') : t('risks.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover aria-labelledby="register-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('risks.fields.title')}</Table.Th>
                  <Table.Th>{t('risks.fields.area')}</Table.Th>
                  <Table.Th>{t('risks.fields.inherentLevel')}</Table.Th>
                  <Table.Th>{t('risks.fields.residualLevel')}</Table.Th>
                  <Table.Th>{t('risks.fields.alarms')}</Table.Th>
                  <Table.Th>{t('risks.fields.owner')}</Table.Th>
                  <Table.Th>{t('risks.fields.reviewDate')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((risk) => (
                  <Table.Tr key={risk.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/risks/${risk.id}`} fw={600} size="sm">
                        {risk.title}
                      </Anchor>
                      {risk.initiative && (
                        <Text size="xs" c="dimmed">
                          {risk.initiative.title}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{risk.areaName}</Table.Td>
                    <Table.Td>
                      <RiskLevelBadge level={risk.inherentLevel} />
                    </Table.Td>
                    <Table.Td>
                      <RiskLevelBadge level={risk.residualLevel} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 120 }}>
                      <AlarmStatusBadge status={risk.alarmStatus} />
                    </Table.Td>
                    <Table.Td>{risk.owner?.fullName ?? t('app.none')}</Table.Td>
                    <Table.Td>{risk.reviewDate ? format.day(risk.reviewDate) : t('app.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {isEditingSettings && (
        <RiskSettingsDialog
          planId={plan.id}
          settings={settings.data}
          opened
          onClose={() => setIsEditingSettings(false)}
        />
      )}
      {isCreating && (
        <RiskFormDialog
          planId={plan.id}
          missionId={plan.missionId}
          settings={settings.data}
          opened
          onClose={() => setIsCreating(false)}
        />
      )}
    </>
  );
}
