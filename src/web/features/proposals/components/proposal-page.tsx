import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useMe } from '../../auth/index.ts';
import { usePlan } from '../../plans/index.ts';
import { type TProposal, useCanDecide } from '../api/proposals.ts';
import { DecideDialog } from './decide-dialog.tsx';
import { ProposalFormDialog } from './proposal-form-dialog.tsx';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

/** `/proposals/:id`: the proposal, its decisions, and (for the head of mission) the Decide dialog. */
export function ProposalPage({ proposal }: { proposal: TProposal }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const canDecide = useCanDecide(proposal.missionId);
  const [opened, dialog] = useDisclosure(false);
  const [editOpened, editDialog] = useDisclosure(false);
  const me = useMe();
  const canEdit =
    !!me.data &&
    proposal.author?.id === me.data.id &&
    !proposal.isLocked &&
    ['draft', 'submitted'].includes(proposal.status);
  const plan = usePlan(canEdit ? proposal.planId : undefined);
  const canBeDecided = ['submitted', 'in_round', 'parked'].includes(proposal.status);
  return (
    <>
      <PageHeader
        backTo={{ to: `/plans/${proposal.planId}/proposals`, label: t('proposals.title') }}
        eyebrow={<Badge variant="light">{t(`proposals.status.${proposal.status}`)}</Badge>}
        title={proposal.title}
        actions={
          <Group gap="sm">
            {canEdit && plan.data && (
              <Button variant="default" onClick={editDialog.open}>
                {t('app.edit')}
              </Button>
            )}
            {canDecide && canBeDecided && <Button onClick={dialog.open}>{t('proposals.decide')}</Button>}
          </Group>
        }
      />
      {proposal.isLocked && proposal.status === 'in_round' && (
        <Text size="sm" c="dimmed" mb="md">
          {t('proposals.lockedHelp')}
        </Text>
      )}
      {proposal.initiativeId && (
        <Anchor component={Link} to={`/initiatives/${proposal.initiativeId}`} mb="md" display="block">
          {t('proposals.openInitiative')}
        </Anchor>
      )}
      <Stack gap="lg">
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Field label={t('proposals.fields.summary')}>{proposal.summary}</Field>
            <Field label={t('proposals.fields.type')}>{t(`enums.initiativeType.${proposal.type}`)}</Field>
            <Field label={t('proposals.fields.focusArea')}>{proposal.focusArea?.name}</Field>
            <Field label={t('proposals.fields.vectors')}>
              {proposal.vectors.map((v) => v.name).join(', ')}
            </Field>
            <Field label={t('proposals.fields.programme')}>{proposal.programme?.name}</Field>
            <Field label={t('proposals.fields.partners')}>
              {proposal.partners.map((p) => p.name).join(', ')}
            </Field>
            <Field label={t('proposals.fields.cities')}>{proposal.cities.join(', ')}</Field>
            <Field label={t('proposals.fields.innovationKind')}>
              {proposal.innovationKind && t(`enums.innovationKind.${proposal.innovationKind}`)}
            </Field>
            <Field label={t('proposals.fields.involvesYouth')}>
              {proposal.involvesYouth ? t('app.yes') : t('app.no')}
            </Field>
            <Field label={t('proposals.fields.estimatedCost')}>
              {proposal.estimatedCost === null
                ? ''
                : new Intl.NumberFormat(i18n.language).format(proposal.estimatedCost)}
            </Field>
            <Field label={t('proposals.fields.targetAudience')}>{proposal.targetAudience}</Field>
            <Field label={t('proposals.fields.rationale')}>{proposal.rationale}</Field>
            <Field label={t('proposals.fields.dates')}>
              {[proposal.startDate, proposal.endDate].filter(Boolean).join(' – ')}
            </Field>
            <Field label={t('proposals.author')}>{proposal.author?.name}</Field>
            <Field label={t('rounds.title')}>
              {proposal.rounds.length > 0 && (
                <Group gap="xs" component="span">
                  {proposal.rounds.map((r) => (
                    <Anchor key={r.id} component={Link} to={`/scoring-rounds/${r.id}`} size="sm">
                      {r.name}
                    </Anchor>
                  ))}
                </Group>
              )}
            </Field>
          </SimpleGrid>
        </Card>
        <section aria-labelledby="decisions-title">
          <Title order={2} size="h4" id="decisions-title" mb="sm">
            {t('proposals.decisions')}
          </Title>
          {proposal.decisions.length === 0 ? (
            <Text c="dimmed">{t('proposals.noDecisions')}</Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2}>
              {proposal.decisions
                .flatMap((d) => (d ? [d] : []))
                .map((d) => (
                  <Timeline.Item key={d.id} title={t(`proposals.outcomes.${d.outcome}`)}>
                    <Text size="sm">{d.reason}</Text>
                    <Text size="xs" c="dimmed">
                      {d.decidedBy?.name ?? '—'} · {format.dateTime(d.decidedAt)}
                    </Text>
                  </Timeline.Item>
                ))}
            </Timeline>
          )}
        </section>
      </Stack>
      {canEdit && plan.data && (
        <ProposalFormDialog
          key={proposal.version}
          plan={plan.data}
          proposal={proposal}
          opened={editOpened}
          onClose={editDialog.close}
        />
      )}
      {canDecide && <DecideDialog proposalId={proposal.id} opened={opened} onClose={dialog.close} />}
    </>
  );
}
