/**
 * The strategy page's media-engagement sessions: the list and the form to plan or edit one.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import {
  type TMediaSession,
  type TStrategy,
  useArchiveMediaSession,
  useCreateMediaSession,
  useMediaSessions,
  useMissionPeople,
  useUpdateMediaSession,
} from '../api/communication.ts';
import { ErrorList } from './strategy-errors.tsx';

/** The sessions held with the media before launch; each can be edited or archived; a form records one. */
export function MediaSessions({ strategy }: { strategy: TStrategy }) {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useMediaSessions(strategy.planId);
  const people = useMissionPeople(strategy.missionId);
  const [editingId, setEditingId] = useState<string | null>(null);
  const mediaPeople = (people.data ?? []).filter((p) =>
    ['journalist', 'blogger', 'influencer'].includes(p.kind),
  );

  return (
    <section aria-labelledby="sessions-title">
      <Title order={2} size="h4" id="sessions-title" mb="xs">
        {t('communication.sessions.title')}
      </Title>
      <Stack gap="sm">
        {(sessions.data ?? []).length === 0 && <Text c="dimmed">{t('communication.sessions.none')}</Text>}
        {(sessions.data ?? []).map((s) =>
          editingId === s.id ? (
            <SessionForm
              key={s.id}
              planId={strategy.planId}
              mediaPeople={mediaPeople}
              session={s}
              onDone={() => setEditingId(null)}
            />
          ) : (
            <Card withBorder key={s.id} padding="sm" component="article" aria-label={s.title}>
              <Group justify="space-between" align="flex-start">
                <Text fw={600}>{s.title}</Text>
                {strategy.canEdit && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => setEditingId(s.id)}
                    aria-label={t('communication.sessions.editOne', { title: s.title })}
                  >
                    {t('communication.sessions.edit')}
                  </Button>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {format.day(s.heldOn)}
              </Text>
              <Text size="sm">
                {t('communication.sessions.attendees')}:{' '}
                {[
                  ...s.attendees.map((a) => a.fullName),
                  ...(s.otherAttendees ? [s.otherAttendees] : []),
                ].join(', ') || '—'}
              </Text>
              {s.suggestions && (
                <Text size="sm">
                  {t('communication.sessions.suggestions')}: {s.suggestions}
                </Text>
              )}
            </Card>
          ),
        )}
        {strategy.canEdit && <SessionForm planId={strategy.planId} mediaPeople={mediaPeople} />}
      </Stack>
    </section>
  );
}

/** Records a session, or edits one (`session`) at the version shown, with archive after a confirmation. */
function SessionForm({
  planId,
  mediaPeople,
  session,
  onDone,
}: {
  planId: string;
  mediaPeople: readonly { id: string; fullName: string }[];
  session?: TMediaSession;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateMediaSession(planId);
  const update = useUpdateMediaSession(session?.id ?? '');
  const archive = useArchiveMediaSession(session?.id ?? '');
  const [heldOn, setHeldOn] = useState(session?.heldOn ?? '');
  const [title, setTitle] = useState(session?.title ?? '');
  const [attendeeIds, setAttendeeIds] = useState<string[]>(session?.attendees.map((a) => a.id) ?? []);
  const [suggestions, setSuggestions] = useState(session?.suggestions ?? '');
  const [isConfirming, setConfirming] = useState(false);
  const error = session ? (update.error ?? archive.error) : create.error;

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = { heldOn, title, attendeeIds, suggestions: suggestions || null };
    if (session) {
      update.mutate({ ...body, version: session.version }, { onSuccess: () => onDone?.() });
      return;
    }
    create.mutate(body, {
      onSuccess: () => {
        setHeldOn('');
        setTitle('');
        setAttendeeIds([]);
        setSuggestions('');
      },
    });
  };

  return (
    <Card withBorder padding="sm">
      <form
        onSubmit={handleSubmit}
        aria-label={session ? t('communication.sessions.editTitle') : t('communication.sessions.add')}
      >
        <Text fw={600} mb="xs">
          {session ? t('communication.sessions.editTitle') : t('communication.sessions.add')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            type="date"
            label={t('communication.sessions.heldOn')}
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            required
          />
          <TextInput
            label={t('communication.sessions.sessionTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
          />
          <MultiSelect
            label={t('communication.sessions.attendees')}
            data={mediaPeople.map((p) => ({ value: p.id, label: p.fullName }))}
            value={attendeeIds}
            onChange={setAttendeeIds}
            searchable
          />
          <Textarea
            label={t('communication.sessions.suggestions')}
            autosize
            value={suggestions}
            onChange={(e) => setSuggestions(e.currentTarget.value)}
          />
        </SimpleGrid>
        {error instanceof ApiError && error.status === 409 ? (
          <Alert color="red" role="alert" mt="sm">
            {t('communication.sessions.conflict')}
          </Alert>
        ) : (
          <ErrorList error={error} />
        )}
        {session && isConfirming && (
          <Alert color="red" role="alert" mt="sm" title={t('communication.sessions.archiveTitle')}>
            {t('communication.sessions.archiveText')}
            <Group mt="sm">
              <Button
                color="red"
                size="xs"
                loading={archive.isPending}
                onClick={() => archive.mutate(session.version, { onSuccess: () => onDone?.() })}
              >
                {t('communication.sessions.archive')}
              </Button>
              <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                {t('app.cancel')}
              </Button>
            </Group>
          </Alert>
        )}
        <Group mt="sm" justify={session ? 'space-between' : 'flex-start'}>
          {session && (
            <Button variant="subtle" color="red" onClick={() => setConfirming(true)} disabled={isConfirming}>
              {t('communication.sessions.archive')}
            </Button>
          )}
          <Group>
            {session && (
              <Button variant="default" onClick={onDone}>
                {t('app.cancel')}
              </Button>
            )}
            <Button
              type="submit"
              variant={session ? 'filled' : 'light'}
              loading={create.isPending || update.isPending}
            >
              {session ? t('app.save') : t('communication.sessions.save')}
            </Button>
          </Group>
        </Group>
      </form>
    </Card>
  );
}
