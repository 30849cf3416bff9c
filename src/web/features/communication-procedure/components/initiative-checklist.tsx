import { Alert, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/field-list.tsx';
import { useMe } from '../../auth/index.ts';
import { useScheduleInitiative, useSteps } from '../api/communication.ts';
import { StepActions, StepDue, StepOutcome, StepStatusBadge } from './step-parts.tsx';

/** The initiative's communication checklist: its steps of the procedure, to mark done or skip. */
export function InitiativeChecklist({
  initiative,
}: {
  initiative: { id: string; missionId: string; startDate: string | null };
}) {
  const { t } = useTranslation();
  const me = useMe();
  const steps = useSteps({ initiativeId: initiative.id });
  const schedule = useScheduleInitiative();
  const role = me.data?.memberships.find((m) => m.missionId === initiative.missionId)?.role;
  // Collaborators see this initiative only when assigned to it: they may work on its steps.
  const canEdit = !!role && role !== 'viewer';
  const items = [...(steps.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const done = items.filter((s) => s.status !== 'todo').length;

  return (
    <SectionCard title={t('communicationProcedure.checklistTitle')}>
      <Stack gap="sm" aria-live="polite">
        {!initiative.startDate ? (
          <Text c="dimmed">{t('communicationProcedure.noDate')}</Text>
        ) : steps.isPending ? (
          <Text c="dimmed">{t('app.loading')}</Text>
        ) : items.length === 0 ? (
          <Group justify="space-between">
            <Text c="dimmed">{t('communicationProcedure.notScheduled')}</Text>
            {canEdit && (
              <Button size="xs" loading={schedule.isPending} onClick={() => schedule.mutate(initiative.id)}>
                {t('communicationProcedure.schedule')}
              </Button>
            )}
          </Group>
        ) : (
          <>
            <Text size="sm">{t('communicationProcedure.progress', { done, count: items.length })}</Text>
            {items.some((s) => s.dateToConfirm) && (
              <Alert color="orange" variant="light" p="xs">
                {t('communicationProcedure.dateToConfirmHint')}
              </Alert>
            )}
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="xs" aria-label={t('communicationProcedure.checklistTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{t('communicationProcedure.columns.step')}</Table.Th>
                    <Table.Th>{t('communicationProcedure.columns.due')}</Table.Th>
                    <Table.Th>{t('communicationProcedure.columns.owner')}</Table.Th>
                    <Table.Th>{t('communicationProcedure.columns.status')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('communicationProcedure.columns.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((step) => (
                    <Table.Tr key={step.id} data-step={step.position}>
                      <Table.Td>{step.position}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {step.title}
                        </Text>
                        <StepOutcome step={step} />
                      </Table.Td>
                      <Table.Td>
                        <StepDue step={step} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{step.owner?.fullName ?? t('app.none')}</Text>
                      </Table.Td>
                      <Table.Td>
                        <StepStatusBadge step={step} />
                      </Table.Td>
                      <Table.Td>
                        <StepActions step={step} canEdit={canEdit} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </SectionCard>
  );
}
