import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  ColorInput,
  FileInput,
  Group,
  Image,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { COMMS_CHANNELS, PRESS_RELEASE_LANGUAGES } from '../../../../shared/enums.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import {
  logoUrl,
  type TLanguage,
  type TMediaSession,
  type TStrategy,
  type TStrategyBody,
  useArchiveMediaSession,
  useCreateMediaSession,
  useCreatePressRelease,
  useMediaSessions,
  useMissionPeople,
  usePlanInitiatives,
  usePressReleases,
  useSaveStrategy,
  useUpdateMediaSession,
  useUploadLogo,
} from '../api/communication.ts';

type TChannel = TStrategy['channels'][number];

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The errors of a failed save, one line per field. */
function ErrorList({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <Alert color="red" title={t('app.errorTitle')} role="alert">
      <Text size="sm">{error instanceof Error ? error.message : String(error)}</Text>
      {fieldErrors.map((e) => (
        <Text size="sm" key={e.field}>
          {e.field}: {e.message}
        </Text>
      ))}
    </Alert>
  );
}

/** Objectives, targets, channels, identity and testimonial, edited as one document. */
function StrategyForm({ strategy }: { strategy: TStrategy }) {
  const { t } = useTranslation();
  const save = useSaveStrategy(strategy.planId);
  const upload = useUploadLogo(strategy.planId);
  const people = useMissionPeople(strategy.missionId);
  const [objectives, setObjectives] = useState(strategy.objectives.join('\n'));
  const [targets, setTargets] = useState(strategy.targetSegments.join('\n'));
  const [channels, setChannels] = useState<TChannel[]>(strategy.channels);
  const [primary, setPrimary] = useState(strategy.primaryColour ?? '');
  const [secondary, setSecondary] = useState(strategy.secondaryColour ?? '');
  const [testimonialId, setTestimonialId] = useState<string | null>(strategy.testimonial?.id ?? null);
  const [note, setNote] = useState(strategy.testimonialNote ?? '');
  const [saved, setSaved] = useState(false);
  const readOnly = !strategy.canEdit;
  const planLogo = strategy.logos.find((l) => l.programmeId === null);

  const setChannel = (index: number, patch: Partial<TChannel>) =>
    setChannels((list) => list.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body: TStrategyBody = {
      version: strategy.version,
      objectives: lines(objectives),
      targetSegments: lines(targets),
      channels: channels.map((c) => ({ kind: c.kind, handle: c.handle || null, url: c.url || null })),
      primaryColour: primary || null,
      secondaryColour: secondary || null,
      testimonialId,
      testimonialNote: note || null,
    };
    save.mutate(body, { onSuccess: () => setSaved(true) });
  };

  return (
    <form onSubmit={handleSubmit} aria-label={t('communication.strategy.title')}>
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Textarea
            label={t('communication.strategy.objectives')}
            description={t('communication.strategy.onePerLine')}
            autosize
            minRows={4}
            value={objectives}
            onChange={(e) => setObjectives(e.currentTarget.value)}
            readOnly={readOnly}
          />
          <Textarea
            label={t('communication.strategy.targetSegments')}
            description={t('communication.strategy.onePerLine')}
            autosize
            minRows={4}
            value={targets}
            onChange={(e) => setTargets(e.currentTarget.value)}
            readOnly={readOnly}
          />
        </SimpleGrid>

        <section aria-labelledby="channels-title">
          <Title order={2} size="h4" id="channels-title" mb="xs">
            {t('communication.strategy.channels')}
          </Title>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('communication.strategy.channel')}</Table.Th>
                <Table.Th>{t('communication.strategy.handle')}</Table.Th>
                <Table.Th>{t('communication.strategy.url')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {channels.map((channel, index) => {
                const name = t(`communication.channels.${channel.kind}`);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until saved
                  <Table.Tr key={index}>
                    <Table.Td>
                      <Select
                        aria-label={t('communication.strategy.channelOf', { index: index + 1 })}
                        data={COMMS_CHANNELS.map((k) => ({
                          value: k,
                          label: t(`communication.channels.${k}`),
                        }))}
                        value={channel.kind}
                        onChange={(v) => v && setChannel(index, { kind: v as TChannel['kind'] })}
                        allowDeselect={false}
                        readOnly={readOnly}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('communication.strategy.handleOf', { channel: name })}
                        value={channel.handle ?? ''}
                        placeholder="@…"
                        onChange={(e) => setChannel(index, { handle: e.currentTarget.value })}
                        readOnly={readOnly}
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        aria-label={t('communication.strategy.urlOf', { channel: name })}
                        value={channel.url ?? ''}
                        placeholder="https://…"
                        onChange={(e) => setChannel(index, { url: e.currentTarget.value })}
                        readOnly={readOnly}
                      />
                    </Table.Td>
                    <Table.Td>
                      {!readOnly && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('communication.strategy.removeChannel', { channel: name })}
                          onClick={() => setChannels((list) => list.filter((_, i) => i !== index))}
                        >
                          ×
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {!readOnly && (
            <Button
              variant="light"
              size="xs"
              mt="xs"
              onClick={() => setChannels((list) => [...list, { kind: 'youtube', handle: null, url: null }])}
            >
              {t('communication.strategy.addChannel')}
            </Button>
          )}
        </section>

        <section aria-labelledby="identity-title">
          <Title order={2} size="h4" id="identity-title" mb="xs">
            {t('communication.strategy.identity')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <ColorInput
              label={t('communication.strategy.primaryColour')}
              value={primary}
              onChange={setPrimary}
              format="hex"
              readOnly={readOnly}
            />
            <ColorInput
              label={t('communication.strategy.secondaryColour')}
              value={secondary}
              onChange={setSecondary}
              format="hex"
              readOnly={readOnly}
            />
            <Stack gap={4}>
              <FileInput
                label={t('communication.strategy.logo')}
                description={t('communication.strategy.logoHint')}
                accept="image/png,image/jpeg"
                placeholder={planLogo?.fileName ?? t('communication.strategy.chooseLogo')}
                onChange={(file) => file && upload.mutate({ file })}
                disabled={readOnly || upload.isPending}
                clearable={false}
              />
              {upload.error && (
                <Text size="sm" c="red" role="alert">
                  {upload.error.message}
                </Text>
              )}
            </Stack>
          </SimpleGrid>
          {planLogo && (
            <Image
              src={logoUrl(strategy.planId, planLogo.uploadedAt)}
              alt={t('communication.strategy.logoAlt')}
              h={64}
              w="auto"
              fit="contain"
              mt="sm"
            />
          )}
          {strategy.programmes.length > 0 && (
            <Stack gap={4} mt="sm">
              <Text size="sm" fw={600}>
                {t('communication.strategy.programmeColours')}
              </Text>
              {strategy.programmes.map((p) => {
                const programmeLogo = strategy.logos.find((l) => l.programmeId === p.id);
                return (
                  <Group key={p.id} gap="xs">
                    <Text size="sm">{p.name}</Text>
                    {programmeLogo && (
                      <Image
                        src={logoUrl(strategy.planId, programmeLogo.uploadedAt, p.id)}
                        alt={t('communication.strategy.programmeLogoAlt', { name: p.name })}
                        h={32}
                        w="auto"
                        fit="contain"
                      />
                    )}
                    {!readOnly && (
                      <FileInput
                        aria-label={t('communication.strategy.programmeLogo', { name: p.name })}
                        placeholder={
                          programmeLogo?.fileName ??
                          t('communication.strategy.programmeLogo', { name: p.name })
                        }
                        accept="image/png,image/jpeg"
                        size="xs"
                        w={220}
                        onChange={(file) => file && upload.mutate({ file, programmeId: p.id })}
                        disabled={upload.isPending}
                        clearable={false}
                      />
                    )}
                    {p.colors.map((c) => (
                      <span
                        key={c}
                        title={c}
                        style={{
                          display: 'inline-block',
                          width: 18,
                          height: 18,
                          borderRadius: 4,
                          background: c,
                          border: '1px solid #ccc',
                        }}
                      />
                    ))}
                  </Group>
                );
              })}
            </Stack>
          )}
        </section>

        <section aria-labelledby="testimonial-title">
          <Title order={2} size="h4" id="testimonial-title" mb="xs">
            {t('communication.strategy.testimonial')}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Select
              label={t('communication.strategy.testimonialPerson')}
              data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
              value={testimonialId}
              onChange={setTestimonialId}
              searchable
              clearable
              readOnly={readOnly}
              placeholder={strategy.testimonial?.fullName}
            />
            <Textarea
              label={t('communication.strategy.testimonialNote')}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              readOnly={readOnly}
            />
          </SimpleGrid>
        </section>

        <ErrorList error={save.error} />
        {saved && !save.isPending && (
          <Alert color="green" role="status">
            {t('communication.strategy.saved')}
          </Alert>
        )}
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t('communication.strategy.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The sessions held with the media before launch; each can be edited or archived; a form records one. */
function MediaSessions({ strategy }: { strategy: TStrategy }) {
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

/** The plan's press releases and a form to draft one for an initiative in a language. */
function PressReleases({ strategy }: { strategy: TStrategy }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const releases = usePressReleases(strategy.planId);
  const initiatives = usePlanInitiatives(strategy.planId);
  const create = useCreatePressRelease();
  const [initiativeId, setInitiativeId] = useState<string | null>(null);
  const [language, setLanguage] = useState<TLanguage>('it');

  return (
    <section aria-labelledby="releases-title">
      <Title order={2} size="h4" id="releases-title" mb="xs">
        {t('communication.releases.title')}
      </Title>
      {(releases.data ?? []).length === 0 ? (
        <Text c="dimmed" mb="sm">
          {t('communication.releases.none')}
        </Text>
      ) : (
        <Table mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('communication.releases.initiative')}</Table.Th>
              <Table.Th>{t('communication.releases.language')}</Table.Th>
              <Table.Th>{t('communication.releases.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(releases.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/press-releases/${r.id}`}>
                    {r.initiative.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`language.${r.language}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`communication.releases.statuses.${r.status}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {strategy.canEdit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!initiativeId) return;
            create.mutate(
              { initiativeId, language },
              { onSuccess: (release) => void navigate(`/press-releases/${release.id}`) },
            );
          }}
        >
          <Group align="flex-end">
            <Select
              label={t('communication.releases.initiative')}
              data={(initiatives.data ?? []).map((i) => ({ value: i.id, label: i.title }))}
              value={initiativeId}
              onChange={setInitiativeId}
              searchable
              required
              w={420}
            />
            <Select
              label={t('communication.releases.language')}
              data={PRESS_RELEASE_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              value={language}
              onChange={(v) => v && setLanguage(v as TLanguage)}
              allowDeselect={false}
              w={160}
            />
            <Button type="submit" loading={create.isPending} disabled={!initiativeId}>
              {t('communication.releases.create')}
            </Button>
          </Group>
          <ErrorList error={create.error} />
        </form>
      )}
    </section>
  );
}

/** `/plans/:planId/communication`: the strategy, the media sessions and the press releases. */
export function StrategyPage({ strategy, planTitle }: { strategy: TStrategy; planTitle: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        eyebrow={planTitle}
        title={t('communication.strategy.title')}
        actions={
          <Button component={Link} to="/media-contacts" variant="light">
            {t('communication.contacts.title')}
          </Button>
        }
      />
      <Stack gap="xl">
        <Card withBorder>
          <StrategyForm strategy={strategy} />
        </Card>
        <Card withBorder>
          <MediaSessions strategy={strategy} />
        </Card>
        <Card withBorder>
          <PressReleases strategy={strategy} />
        </Card>
      </Stack>
    </>
  );
}
