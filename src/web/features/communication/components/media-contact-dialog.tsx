import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA_PERSON_KINDS } from '../../../../shared/enums.ts';
import { isApiError } from '../../../lib/api-client.ts';
import { focusFirstError } from '../../../lib/focus-first-error.ts';
import { toFormErrors } from '../../../lib/validation.ts';
import {
  type TMediaContact,
  type TUpdateMediaContactBody,
  useArchiveMediaContact,
  useUpdateMediaContact,
} from '../api/communication.ts';

interface TValues {
  name: string;
  personKind: string;
  email: string;
  outletId: string | null;
  channels: string;
  audienceSize: number | '';
  languages: string;
  topics: string;
}

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** "instagram:@name" per line → channel entries; a line without a colon is refused by the server. */
function parseChannels(text: string): TUpdateMediaContactBody['channels'] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      const kind = (at < 0 ? line : line.slice(0, at)).trim().toLowerCase();
      const handle = at < 0 ? '' : line.slice(at + 1).trim();
      const isUrl = /^https?:\/\//i.test(handle);
      return {
        kind: kind as TMediaContact['channels'][number]['kind'],
        ...(isUrl ? { url: handle } : { handle }),
      };
    });
}

function valuesOf(contact: TMediaContact): TValues {
  return {
    name: contact.name,
    personKind: contact.personKind ?? 'journalist',
    email: contact.email ?? '',
    outletId: contact.outlet?.id ?? null,
    channels: contact.channels.map((c) => `${c.kind}:${c.handle ?? c.url ?? ''}`).join('\n'),
    audienceSize: contact.audienceSize ?? '',
    languages: contact.languages.join(', '),
    topics: contact.topics.join(', '),
  };
}

/**
 * Edits one media contact (name, kind, e-mail, outlet, channels, audience, languages, topics) at
 * the version shown, or archives it after a confirmation. Errors show at their fields.
 */
export function MediaContactDialog({
  contact,
  outlets,
  onClose,
}: {
  contact: TMediaContact;
  outlets: readonly TMediaContact[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateMediaContact(contact.id);
  const archive = useArchiveMediaContact(contact.id);
  const [isConfirming, setConfirming] = useState(false);
  const isPerson = contact.kind === 'person';
  const form = useForm<TValues>({
    initialValues: valuesOf(contact),
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });

  const handleSubmit = form.onSubmit((v) => {
    const body: TUpdateMediaContactBody = {
      version: contact.version,
      name: v.name.trim(),
      channels: parseChannels(v.channels),
      audienceSize: typeof v.audienceSize === 'number' ? v.audienceSize : null,
      languages: list(v.languages),
      topics: list(v.topics),
      ...(isPerson
        ? {
            personKind: v.personKind as (typeof MEDIA_PERSON_KINDS)[number],
            email: v.email.trim() || null,
            outletId: v.outletId,
          }
        : {}),
    };
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('communication.contacts.saved') });
        onClose();
      },
      onError: (error) => {
        if (!isApiError(error, 400)) return;
        // Entries of a list (channels.0.kind) are shown at their list's field.
        const fieldErrors = error.fieldErrors.map((e) => ({ ...e, field: e.field.split('.')[0]! }));
        form.setErrors(toFormErrors(t, fieldErrors));
        focusFirstError();
      },
    });
  }, focusFirstError);

  const handleArchive = () =>
    archive.mutate(contact.version, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('communication.contacts.archived') });
        onClose();
      },
    });

  const failure = update.error ?? archive.error;
  return (
    <Modal opened onClose={onClose} title={t('communication.contacts.editTitle')} size="lg">
      <form onSubmit={handleSubmit} noValidate>
        <Stack gap="sm">
          {failure && !isApiError(failure, 400) && (
            <Alert color="red" role="alert">
              {isApiError(failure, 409) ? t('communication.contacts.conflict') : failure.message}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('communication.contacts.name')}
              withAsterisk
              data-autofocus
              {...form.getInputProps('name')}
            />
            {isPerson && (
              <Select
                label={t('communication.contacts.kind')}
                allowDeselect={false}
                data={MEDIA_PERSON_KINDS.map((k) => ({
                  value: k,
                  label: t(`communication.contacts.kinds.${k}`),
                }))}
                {...form.getInputProps('personKind')}
              />
            )}
            {isPerson && (
              <TextInput
                type="email"
                label={t('communication.contacts.email')}
                {...form.getInputProps('email')}
              />
            )}
            {isPerson && (
              <Select
                label={t('communication.contacts.outlet')}
                clearable
                searchable
                data={outlets
                  .filter((o) => o.organisationId)
                  .map((o) => ({ value: o.organisationId!, label: o.name }))}
                {...form.getInputProps('outletId')}
              />
            )}
          </SimpleGrid>
          <Textarea
            label={t('communication.contacts.channels')}
            description={t('communication.contacts.channelsHint')}
            autosize
            minRows={2}
            {...form.getInputProps('channels')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('communication.contacts.audience')}
              min={0}
              allowDecimal={false}
              {...form.getInputProps('audienceSize')}
            />
            <TextInput
              label={t('communication.contacts.languages')}
              description={t('communication.contacts.languagesHint')}
              {...form.getInputProps('languages')}
            />
            <TextInput
              label={t('communication.contacts.topics')}
              description={t('communication.contacts.topicsHint')}
              {...form.getInputProps('topics')}
            />
          </SimpleGrid>
          {isConfirming && (
            <Alert
              color="red"
              role="alert"
              title={t('communication.contacts.archiveTitle', { name: contact.name })}
            >
              {t('communication.contacts.archiveText')}
              <Group mt="sm">
                <Button color="red" size="xs" onClick={handleArchive} loading={archive.isPending}>
                  {t('communication.contacts.archive')}
                </Button>
                <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                  {t('app.cancel')}
                </Button>
              </Group>
            </Alert>
          )}
          <Group justify="space-between" mt="sm">
            <Button variant="subtle" color="red" onClick={() => setConfirming(true)} disabled={isConfirming}>
              {t('communication.contacts.archive')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={update.isPending}>
                {t('app.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
