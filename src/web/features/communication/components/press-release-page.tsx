import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import {
  pressReleaseDocxUrl,
  type TPressRelease,
  useChangePressReleaseStatus,
  useUpdatePressRelease,
} from '../api/communication.ts';

/** `/press-releases/:id`: edit the draft, approve it or mark it sent, download it as DOCX. */
export function PressReleasePage({ release }: { release: TPressRelease }) {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdatePressRelease(release.id);
  const move = useChangePressReleaseStatus(release.id);
  const [title, setTitle] = useState(release.title);
  const [body, setBody] = useState(release.body);
  const isDirty = title !== release.title || body !== release.body;
  const error = update.error ?? move.error;

  return (
    <>
      <PageHeader
        backTo={{ to: `/plans/${release.planId}/strategy`, label: t('communication.strategy.title') }}
        eyebrow={
          <Group gap="xs" component="span">
            <Badge variant="light">{t(`communication.releases.statuses.${release.status}`)}</Badge>
            <span>
              {release.initiative.title} · {t(`language.${release.language}`)}
            </span>
          </Group>
        }
        title={release.title}
        actions={
          <Button component="a" href={pressReleaseDocxUrl(release.id)} download variant="light">
            {t('communication.releases.download')}
          </Button>
        }
      />
      <Stack gap="md">
        {release.approvedBy && release.approvedAt && (
          <Text size="sm" c="dimmed">
            {t('communication.releases.approvedBy', {
              name: release.approvedBy.name,
              date: format.dateTime(release.approvedAt),
            })}
          </Text>
        )}
        {!release.canEdit && release.status !== 'draft' && (
          <Alert color="blue">
            {release.status === 'sent'
              ? t('communication.releases.sentLocked')
              : t('communication.releases.approvedLocked')}
          </Alert>
        )}
        <Card withBorder>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate({ version: release.version, title, body });
            }}
          >
            <Stack gap="sm">
              <TextInput
                label={t('communication.releases.headline')}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                readOnly={!release.canEdit}
              />
              <Textarea
                label={t('communication.releases.body')}
                description={t('communication.releases.bodyHint')}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                autosize
                minRows={12}
                readOnly={!release.canEdit}
                styles={{ input: { fontFamily: 'inherit', lineHeight: 1.5 } }}
              />
              {release.canEdit && (
                <Group>
                  <Button type="submit" disabled={!isDirty} loading={update.isPending}>
                    {t('communication.releases.save')}
                  </Button>
                </Group>
              )}
            </Stack>
          </form>
        </Card>
        {error && (
          <Alert color="red" role="alert" title={t('app.errorTitle')}>
            {error.message}
            {error instanceof ApiError &&
              error.fieldErrors.map((e) => (
                <Text size="sm" key={e.field}>
                  {e.field}: {e.message}
                </Text>
              ))}
          </Alert>
        )}
        {release.nextStatuses.length > 0 && (
          <Group>
            {release.nextStatuses.map((status) => (
              <Button
                key={status}
                variant={status === 'draft' ? 'default' : 'filled'}
                loading={move.isPending && move.variables?.status === status}
                disabled={isDirty}
                onClick={() => move.mutate({ version: release.version, status })}
              >
                {t(`communication.releases.moveTo.${status}`)}
              </Button>
            ))}
            {isDirty && (
              <Text size="sm" c="dimmed">
                {t('communication.releases.saveFirst')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </>
  );
}
