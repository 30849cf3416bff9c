import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TStep } from '../api/communication.ts';
import { StepActions, StepDue, StepOutcome, StepStatusBadge } from './step-parts.tsx';

/** Steps of many initiatives (my tasks, overdue, the calendar's list), by due day. */
export function StepTable({ steps, canEdit, label }: { steps: TStep[]; canEdit: boolean; label: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('communicationProcedure.columns.due')}</Table.Th>
            <Table.Th>{t('communicationProcedure.columns.initiative')}</Table.Th>
            <Table.Th>{t('communicationProcedure.columns.step')}</Table.Th>
            <Table.Th>{t('communicationProcedure.columns.owner')}</Table.Th>
            <Table.Th>{t('communicationProcedure.columns.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('communicationProcedure.columns.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((step) => (
            <Table.Tr key={step.id}>
              <Table.Td>
                <StepDue step={step} />
              </Table.Td>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/initiatives/${step.initiative.id}?tab=communication`}
                  size="sm"
                >
                  {step.initiative.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {step.position}. {step.title}
                </Text>
                <StepOutcome step={step} />
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
  );
}
