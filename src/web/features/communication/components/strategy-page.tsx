import {
  ActionIcon,
  Alert,
  Button,
  Card,
  ColorInput,
  FileInput,
  Group,
  Image,
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
import { Link } from 'react-router';
import { COMMS_CHANNELS } from '../../../../shared/enums.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import {
  logoUrl,
  type TStrategy,
  type TStrategyBody,
  useMissionPeople,
  useSaveStrategy,
  useUploadLogo,
} from '../api/communication.ts';
import { MediaSessions } from './media-sessions.tsx';
import { ErrorList, lines, type TChannel } from './strategy-errors.tsx';
import { PressReleases } from './strategy-press-releases.tsx';

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
