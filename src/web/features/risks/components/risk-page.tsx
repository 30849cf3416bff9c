import { Anchor, Button, Card, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useFormat } from '../../../lib/format.ts';
import { type TRiskDetail, type TRiskSettings, useCanWriteRisks } from '../api/risks.ts';
import { AlarmVariableCard } from './alarm-variable-card.tsx';
import { AlarmVariableDialog } from './alarm-variable-dialog.tsx';
import { RiskLevelBadge } from './risk-badges.tsx';
import { RiskFormDialog } from './risk-form-dialog.tsx';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

/** A risk: its analysis, inherent and residual assessment, actions and alarm variables. */
export function RiskPage({ risk, settings }: { risk: TRiskDetail; settings: TRiskSettings }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canWrite = useCanWriteRisks(risk.missionId);
  const [isEditing, setIsEditing] = useState(false);
  const [isAddingVariable, setIsAddingVariable] = useState(false);
  const today = new Date().toISOString().slice(0, 10);
  const assessment = (which: 'inherent' | 'residual') => {
    const likelihood = which === 'inherent' ? risk.inherentLikelihood : risk.residualLikelihood;
    const impact = which === 'inherent' ? risk.inherentImpact : risk.residualImpact;
    const level = which === 'inherent' ? risk.inherentLevel : risk.residualLevel;
    return (
      <Group gap="xs">
        <Text size="sm">
          {t(`risks.likelihood.${likelihood}`)} × {t(`risks.impact.${impact}`)}
        </Text>
        <RiskLevelBadge level={level} />
      </Group>
    );
  };
  return (
    <>
      <PageHeader
        title={risk.title}
        eyebrow={risk.areaName}
        backTo={{ to: `/plans/${risk.planId}/risks`, label: t('risks.title') }}
        actions={
          canWrite && (
            <Button variant="default" onClick={() => setIsEditing(true)}>
              {t('app.edit')}
            </Button>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="md" h="100%">
            <Title order={2} size="h4" mb="xs">
              {t('risks.analysis')}
            </Title>
            <Stack gap="xs">
              <Field label={t('risks.fields.cause')}>{risk.cause}</Field>
              <Field label={t('risks.fields.event')}>{risk.event}</Field>
              <Field label={t('risks.fields.consequence')}>{risk.consequence}</Field>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder padding="md" h="100%">
            <Title order={2} size="h4" mb="xs">
              {t('risks.assessment')}
            </Title>
            <Stack gap="xs">
              <Field label={t('risks.inherent')}>{assessment('inherent')}</Field>
              <Field label={t('risks.residual')}>{assessment('residual')}</Field>
              <Field label={t('risks.fields.response')}>
                {risk.response && t(`risks.response.${risk.response}`)}
              </Field>
              <Field label={t('risks.fields.owner')}>{risk.owner?.fullName}</Field>
              <Field label={t('risks.fields.reviewDate')}>
                {risk.reviewDate && format.day(risk.reviewDate)}
              </Field>
              <Field label={t('risks.fields.initiative')}>
                {risk.initiative ? (
                  <Anchor component={Link} to={`/initiatives/${risk.initiative.id}`} size="sm">
                    {risk.initiative.title}
                  </Anchor>
                ) : (
                  t('risks.planLevel')
                )}
              </Field>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <Card withBorder padding="md" mt="md" component="section" aria-labelledby="actions-heading">
        <Title order={2} size="h4" mb="xs" id="actions-heading">
          {t('risks.actions')}
        </Title>
        {risk.actions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('risks.noActions')}
          </Text>
        ) : (
          <List spacing={4} size="sm">
            {risk.actions.map((a) => {
              const isOverdue = !a.isDone && !!a.dueDate && a.dueDate < today;
              return (
                <List.Item key={a.id} icon={<span aria-hidden>{a.isDone ? '✓' : '○'}</span>}>
                  <Text size="sm" td={a.isDone ? 'line-through' : undefined} span>
                    {a.description}
                  </Text>
                  <Text size="xs" c={isOverdue ? 'red' : 'dimmed'} span>
                    {' '}
                    {[a.owner?.fullName, a.dueDate && t('risks.due', { date: format.day(a.dueDate) })]
                      .filter(Boolean)
                      .join(' · ')}
                    {isOverdue && ` · ${t('risks.overdue')}`}
                    {a.isDone && ` · ${t('risks.actionDone')}`}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        )}
      </Card>
      <Group justify="space-between" mt="lg" mb="xs">
        <Title order={2} size="h4">
          {t('risks.alarmVariables')}
        </Title>
        {canWrite && (
          <Button size="sm" variant="light" onClick={() => setIsAddingVariable(true)}>
            {t('risks.newAlarmVariable')}
          </Button>
        )}
      </Group>
      <Stack gap="md">
        {risk.alarmVariables.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('risks.noAlarmVariables')}
          </Text>
        )}
        {risk.alarmVariables.map((variable) => (
          <AlarmVariableCard key={variable.id} variable={variable} canWrite={canWrite} />
        ))}
      </Stack>
      {isEditing && (
        <RiskFormDialog
          planId={risk.planId}
          missionId={risk.missionId}
          settings={settings}
          risk={risk}
          opened
          onClose={() => setIsEditing(false)}
        />
      )}
      {isAddingVariable && (
        <AlarmVariableDialog
          riskId={risk.id}
          planId={risk.planId}
          missionId={risk.missionId}
          opened
          onClose={() => setIsAddingVariable(false)}
        />
      )}
    </>
  );
}
