import {
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Menu,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { evidenceFileUrl, type TStep, useUpdateStep, useUploadEvidence } from '../api/communication.ts';

const STATUS_COLORS = { todo: 'gray', done: 'green', skipped: 'yellow' } as const;

export function StepStatusBadge({ step }: { step: TStep }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[step.status]}
      c={`${STATUS_COLORS[step.status]}.9`}
      variant="light"
      radius="sm"
      tt="none"
      style={{ overflow: 'visible', minWidth: 'max-content' }}
    >
      {t(`communicationProcedure.status.${step.status}`)}
    </Badge>
  );
}

/** The step's due day, with "overdue" and "date to confirm" in words (never colour alone). */
export function StepDue({ step }: { step: TStep }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap={6} wrap="nowrap">
      <Text
        size="sm"
        fw={step.isOverdue ? 700 : 400}
        c={step.isOverdue ? 'red.8' : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {format.day(step.dueDate)}
        {step.dueAt
          ? ` ${new Intl.DateTimeFormat(format.locale, { timeStyle: 'short' }).format(new Date(step.dueAt))}`
          : ''}
      </Text>
      {step.isOverdue && (
        <Badge color="red" variant="filled" radius="sm" tt="none" size="sm">
          {t('communicationProcedure.overdueBadge')}
        </Badge>
      )}
      {step.dateToConfirm && (
        <Badge
          color="orange"
          variant="outline"
          radius="sm"
          tt="none"
          size="sm"
          title={t('communicationProcedure.dateToConfirmHint')}
        >
          {t('communicationProcedure.dateToConfirm')}
        </Badge>
      )}
    </Group>
  );
}

/** Done / skip (with a reason) / evidence / reopen, for one step. */
export function StepActions({ step, canEdit }: { step: TStep; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateStep();
  const upload = useUploadEvidence();
  const [file, setFile] = useState<File | null>(null);
  const [dialog, setDialog] = useState<'skip' | 'evidence' | null>(null);
  const [reason, setReason] = useState('');
  const [evidence, setEvidence] = useState(step.evidenceUrl ?? '');
  const [error, setError] = useState<string | null>(null);
  if (!canEdit) return null;

  const save = (body: Omit<Parameters<typeof update.mutate>[0]['body'], 'version'>, onDone?: () => void) => {
    setError(null);
    update.mutate(
      { id: step.id, body: { ...body, version: step.version } },
      {
        onSuccess: () => onDone?.(),
        onError: (e) =>
          setError(
            isApiError(e, 409)
              ? t('communicationProcedure.conflict')
              : isApiError(e)
                ? e.fieldErrors.map((f) => f.message).join('; ') || e.message
                : String(e),
          ),
      },
    );
  };
  const label = `${step.position}. ${step.title}`;

  return (
    <>
      <Group gap={6} wrap="nowrap" justify="flex-end">
        {step.status === 'todo' ? (
          <Button
            size="xs"
            variant="light"
            color="green"
            loading={update.isPending}
            onClick={() => save({ status: 'done' })}
            aria-label={t('communicationProcedure.markDoneLabel', { step: label })}
          >
            {t('communicationProcedure.markDone')}
          </Button>
        ) : (
          <Button
            size="xs"
            variant="subtle"
            loading={update.isPending}
            onClick={() => save({ status: 'todo' })}
            aria-label={t('communicationProcedure.reopenLabel', { step: label })}
          >
            {t('communicationProcedure.reopen')}
          </Button>
        )}
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button
              size="xs"
              variant="subtle"
              aria-label={t('communicationProcedure.moreLabel', { step: label })}
            >
              …
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {step.status === 'todo' && (
              <Menu.Item onClick={() => setDialog('skip')}>{t('communicationProcedure.skip')}</Menu.Item>
            )}
            <Menu.Item onClick={() => setDialog('evidence')}>
              {t('communicationProcedure.evidence')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {error && !dialog && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
      <Modal
        opened={dialog === 'skip'}
        onClose={() => setDialog(null)}
        title={t('communicationProcedure.skipTitle', { step: label })}
      >
        <Stack>
          <Textarea
            label={t('communicationProcedure.skipReason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
            autosize
            minRows={2}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="yellow"
              loading={update.isPending}
              onClick={() => save({ status: 'skipped', skipReason: reason }, () => setDialog(null))}
            >
              {t('communicationProcedure.skip')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal
        opened={dialog === 'evidence'}
        onClose={() => setDialog(null)}
        title={t('communicationProcedure.evidenceTitle', { step: label })}
      >
        <Stack>
          <TextInput
            label={t('communicationProcedure.evidenceUrl')}
            description={t('communicationProcedure.evidenceHint')}
            placeholder="https://"
            value={evidence}
            onChange={(e) => setEvidence(e.currentTarget.value)}
            error={error}
            data-autofocus
          />
          <FileInput
            label={t('communicationProcedure.evidenceFile')}
            description={
              step.evidenceFile
                ? t('communicationProcedure.evidenceFileReplaces', { name: step.evidenceFile.name })
                : t('communicationProcedure.evidenceFileHint')
            }
            value={file}
            onChange={setFile}
            clearable
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('app.cancel')}
            </Button>
            <Button
              loading={update.isPending || upload.isPending}
              onClick={() => {
                const link = evidence.trim() || null;
                const close = () => {
                  setFile(null);
                  setDialog(null);
                };
                if (!file) return save({ evidenceUrl: link }, close);
                setError(null);
                const fail = (e: Error) =>
                  setError(
                    isApiError(e) ? e.fieldErrors.map((f) => f.message).join('; ') || e.message : String(e),
                  );
                upload.mutate(
                  { id: step.id, file },
                  {
                    // The upload bumped the version: a changed link goes with the new one.
                    onSuccess: (updated) =>
                      link === step.evidenceUrl
                        ? close()
                        : update.mutate(
                            { id: step.id, body: { evidenceUrl: link, version: updated.version } },
                            { onSuccess: close, onError: fail },
                          ),
                    onError: fail,
                  },
                );
              }}
            >
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Who finished the step and when, its reason or its evidence. */
export function StepOutcome({ step }: { step: TStep }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={2}>
      {step.status !== 'todo' && step.doneAt && (
        <Text size="xs" c="dimmed">
          {step.doneBy
            ? t('communicationProcedure.doneByOn', { name: step.doneBy.name, date: format.day(step.doneAt) })
            : t('communicationProcedure.doneOn', { date: format.day(step.doneAt) })}
        </Text>
      )}
      {step.status === 'skipped' && step.skipReason && (
        <Text size="xs">{t('communicationProcedure.skippedBecause', { reason: step.skipReason })}</Text>
      )}
      {step.evidenceUrl && (
        <Anchor href={step.evidenceUrl} target="_blank" rel="noreferrer" size="xs">
          {t('communicationProcedure.evidenceLink')}
        </Anchor>
      )}
      {step.evidenceFile && (
        <Anchor href={evidenceFileUrl(step.id)} size="xs">
          {t('communicationProcedure.evidenceFileLink', { name: step.evidenceFile.name })}
        </Anchor>
      )}
    </Stack>
  );
}
