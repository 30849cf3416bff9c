import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROPOSAL_STATUSES } from '../../../../shared/enums.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import type { TPlan } from '../../plans/index.ts';
import { useCanDecide, useProposals, useRounds } from '../api/proposals.ts';
import { BalancePanel } from './balance-panel.tsx';
import { OpenRoundDialog } from './open-round-dialog.tsx';
import { ProposalFormDialog } from './proposal-form-dialog.tsx';
import { SelectionSettingsCard } from './selection-settings.tsx';

const STATUS_COLOR: Record<(typeof PROPOSAL_STATUSES)[number], string> = {
  draft: 'gray',
  submitted: 'blue',
  in_round: 'violet',
  approved: 'green',
  rejected: 'red',
  parked: 'yellow',
};

/** `/plans/:planId/proposals`: proposals in columns by status, the scoring rounds and the plan's balance. */
export function ProposalsBoard({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const proposals = useProposals(plan.id);
  const rounds = useRounds(plan.id);
  const canDecide = useCanDecide(plan.missionId);
  const [newOpened, newDialog] = useDisclosure(false);
  const [roundOpened, roundDialog] = useDisclosure(false);
  const items = proposals.data?.items ?? [];

  return (
    <>
      <PageHeader
        eyebrow={`${plan.acronym} — ${plan.title}`}
        title={t('proposals.title')}
        actions={
          <Group gap="xs">
            {canDecide && (
              <Button variant="light" onClick={roundDialog.open}>
                {t('rounds.open')}
              </Button>
            )}
            <Button onClick={newDialog.open}>{t('proposals.new')}</Button>
          </Group>
        }
      />
      {proposals.isPending || proposals.isError ? (
        <QueryState query={proposals} />
      ) : (
        <ScrollArea type="auto" offsetScrollbars mb="lg">
          <Group align="flex-start" wrap="nowrap" gap="sm">
            {PROPOSAL_STATUSES.map((status) => {
              const column = items.filter((p) => p.status === status);
              return (
                <Paper
                  key={status}
                  component="section"
                  aria-label={t(`proposals.status.${status}`)}
                  withBorder
                  p="xs"
                  bg="gray.0"
                  style={{ flex: '1 0 160px', minWidth: 160 }}
                >
                  <Group justify="space-between" mb="xs">
                    <Title order={2} size="h6">
                      {t(`proposals.status.${status}`)}
                    </Title>
                    <Badge color={STATUS_COLOR[status]} variant="light">
                      {column.length}
                    </Badge>
                  </Group>
                  <Stack gap="xs">
                    {column.map((p) => (
                      <Card key={p.id} withBorder padding="xs" component={Link} to={`/proposals/${p.id}`}>
                        <Text fw={600} size="sm" lineClamp={3}>
                          {p.title}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t(`enums.initiativeType.${p.type}`)}
                          {p.focusArea ? ` · ${p.focusArea.name}` : ''}
                        </Text>
                      </Card>
                    ))}
                  </Stack>
                </Paper>
              );
            })}
          </Group>
        </ScrollArea>
      )}
      <Stack gap="lg">
        <section aria-labelledby="rounds-title">
          <Title order={2} size="h4" id="rounds-title" mb="xs">
            {t('rounds.title')}
          </Title>
          {rounds.data && rounds.data.items.length === 0 && <Text c="dimmed">{t('rounds.none')}</Text>}
          {rounds.data && rounds.data.items.length > 0 && (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rounds.name')}</Table.Th>
                  <Table.Th>{t('rounds.statusLabel')}</Table.Th>
                  <Table.Th>{t('rounds.deadline')}</Table.Th>
                  <Table.Th ta="right">{t('rounds.proposals')}</Table.Th>
                  <Table.Th ta="right">{t('rounds.evaluators')}</Table.Th>
                  <Table.Th ta="right">{t('rounds.missing')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rounds.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/scoring-rounds/${r.id}`}>
                        {r.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={r.status === 'open' ? 'blue' : 'gray'} variant="light">
                        {t(`rounds.status.${r.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{r.deadline ?? t('app.none')}</Table.Td>
                    <Table.Td ta="right">{r.proposalCount}</Table.Td>
                    <Table.Td ta="right">{r.evaluatorCount}</Table.Td>
                    <Table.Td ta="right">{r.missingCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        <BalancePanel planId={plan.id} />
        {canDecide && <SelectionSettingsCard planId={plan.id} />}
      </Stack>
      <ProposalFormDialog plan={plan} opened={newOpened} onClose={newDialog.close} />
      {canDecide && (
        <OpenRoundDialog plan={plan} proposals={items} opened={roundOpened} onClose={roundDialog.close} />
      )}
    </>
  );
}
