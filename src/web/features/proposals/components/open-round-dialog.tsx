import { Alert, Button, Checkbox, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ZOpenRoundRequest } from '../../../../shared/schemas/scoring.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { toFormErrors, zodFormResolver } from '../../../lib/validation.ts';
import type { TPlan } from '../../plans/index.ts';
import { type TProposalListItem, useMissionMembers, useOpenRound } from '../api/proposals.ts';

/** Opens a scoring round: a name, the proposals to score, the evaluators, an optional deadline. */
export function OpenRoundDialog({
  plan,
  proposals,
  opened,
  onClose,
}: {
  plan: TPlan;
  proposals: TProposalListItem[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenRound();
  const members = useMissionMembers(plan.missionId, opened);
  const eligible = proposals.filter((p) => p.status === 'submitted' || p.status === 'parked');
  const [name, setName] = useState('');
  const [deadline, setDeadline] = useState('');
  const [proposalIds, setProposalIds] = useState<string[]>([]);
  const [evaluatorIds, setEvaluatorIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, React.ReactNode>>({});

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const values = { planId: plan.id, name, deadline: deadline || null, proposalIds, evaluatorIds };
    const found = zodFormResolver(ZOpenRoundRequest, t)(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    open.mutate(ZOpenRoundRequest.parse(values), {
      onSuccess: (round) => {
        onClose();
        void navigate(`/scoring-rounds/${round.id}`);
      },
      onError: (error) => {
        if (isApiError(error, 400)) setErrors(toFormErrors(t, error.fieldErrors));
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('rounds.openTitle')} size="lg">
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {open.error && !isApiError(open.error, 400) && (
            <Alert color="red" role="alert">
              {open.error.message}
            </Alert>
          )}
          <TextInput
            label={t('rounds.name')}
            withAsterisk
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
          />
          <Checkbox.Group
            label={t('rounds.proposals')}
            withAsterisk
            value={proposalIds}
            onChange={setProposalIds}
            error={errors.proposalIds}
          >
            <Stack gap={6} mt={6}>
              {eligible.length === 0 && (
                <Text size="sm" c="dimmed">
                  {t('rounds.noEligible')}
                </Text>
              )}
              {eligible.map((p) => (
                <Checkbox key={p.id} value={p.id} label={p.title} />
              ))}
            </Stack>
          </Checkbox.Group>
          <MultiSelect
            label={t('rounds.evaluators')}
            withAsterisk
            searchable
            data={(members.data?.items ?? [])
              .filter((m) => m.isActive)
              .map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` }))}
            value={evaluatorIds}
            onChange={setEvaluatorIds}
            error={errors.evaluatorIds}
          />
          <TextInput
            type="date"
            label={t('rounds.deadline')}
            value={deadline}
            onChange={(e) => setDeadline(e.currentTarget.value)}
            error={errors.deadline}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={open.isPending}>
              {t('rounds.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
