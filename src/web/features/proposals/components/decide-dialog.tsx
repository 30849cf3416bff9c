import { Alert, Anchor, Button, Group, Modal, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DECISION_OUTCOMES, type TDecisionOutcome } from '../../../../shared/enums.ts';
import { ZDecisionRequest } from '../../../../shared/schemas/proposal.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { translateMessage } from '../../../lib/validation.ts';
import { useDecide } from '../api/proposals.ts';

/** Approve, reject or park a proposal, with the reason (required). Approving creates an initiative. */
export function DecideDialog({
  proposalId,
  opened,
  onClose,
}: {
  proposalId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecide(proposalId);
  const [outcome, setOutcome] = useState<TDecisionOutcome>('approved');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = ZDecisionRequest.safeParse({ outcome, reason });
    if (!parsed.success) {
      setReasonError(t('proposals.reasonRequired'));
      document.getElementById('decision-reason')?.focus();
      return;
    }
    setReasonError(null);
    decide.mutate(parsed.data, {
      onError: (error) => {
        const field = isApiError(error, 400)
          ? error.fieldErrors.find((e) => e.field === 'reason')
          : undefined;
        if (field) setReasonError(translateMessage(t, field.message));
      },
    });
  };

  const close = () => {
    decide.reset();
    setReason('');
    setReasonError(null);
    onClose();
  };

  const decision = decide.data?.decision ?? null;
  return (
    <Modal opened={opened} onClose={close} title={t('proposals.decideTitle')}>
      {decision ? (
        <Stack>
          <Alert color="green" role="status">
            {t(`proposals.decided.${decision.outcome}`)}
          </Alert>
          {decision.initiativeId && (
            <Anchor component={Link} to={`/initiatives/${decision.initiativeId}`}>
              {t('proposals.openInitiative')}
            </Anchor>
          )}
          <Group justify="flex-end">
            <Button onClick={close}>{t('app.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={handleSubmit} noValidate>
          <Stack>
            {decide.error && !isApiError(decide.error, 400) && (
              <Alert color="red" role="alert">
                {decide.error.message}
              </Alert>
            )}
            <SegmentedControl
              aria-label={t('proposals.outcome')}
              value={outcome}
              onChange={(v) => setOutcome(v as TDecisionOutcome)}
              data={DECISION_OUTCOMES.map((o) => ({ value: o, label: t(`proposals.outcomes.${o}`) }))}
              fullWidth
            />
            <Textarea
              id="decision-reason"
              label={t('proposals.reason')}
              withAsterisk
              autosize
              minRows={3}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={decide.isPending}>
                {t('proposals.confirmDecision')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
