import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEDIA_TONES, type TMediaTone } from '../../../../shared/enums.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useServerTexts } from '../../../lib/server-texts.ts';
import { useWorkspace } from '../../../lib/workspace.tsx';
import { FactFromClipping } from '../../bilateral/index.ts';
import { useInitiatives } from '../../initiatives/index.ts';
import { type TMediaItem, useCanEditPress, useDecideLink, useUpdateMediaItem } from '../api/press.ts';
import { TONE_COLOR } from './press-page.tsx';

const KIND_COLOR: Record<string, string> = {
  organisation: '#fde2b3',
  person: '#d6e4ff',
  initiative: '#c9f0d6',
  place: '#f4d6f0',
  country: '#e9ecef',
};

/** `/press/:itemId`: a clipping with its entities highlighted, figures, tone and initiative links. */
export function PressItemPage({ item }: { item: TMediaItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const canEdit = useCanEditPress(item.missionId);
  return (
    <>
      <PageHeader
        backTo={{ to: '/press', label: t('press.title') }}
        eyebrow={[item.outlet, item.publishedAt ? format.day(item.publishedAt) : null, item.author]
          .filter(Boolean)
          .join(' · ')}
        title={item.title ?? t('press.untitled')}
      >
        <Group gap="xs">
          {item.language && (
            <Badge variant="light" aria-label={t('press.language')}>
              {t(`language.${item.language}`)}
            </Badge>
          )}
          {item.effectiveTone && (
            <Badge color={TONE_COLOR[item.effectiveTone]} variant="light">
              {t(`press.tone.${item.effectiveTone}`)}
            </Badge>
          )}
          {item.url && (
            <Anchor href={item.url} target="_blank" rel="noreferrer noopener" size="sm">
              {t('press.source')}
            </Anchor>
          )}
        </Group>
      </PageHeader>
      {item.fetchStatus === 'failed' && (
        <Alert color="red" mb="md" role="alert">
          {t('press.fetchFailed', { reason: item.fetchError ?? '' })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <Paper withBorder p="md" radius="md" style={{ gridColumn: 'span 2' }}>
          <Title order={2} size="h4" mb="xs">
            {t('press.text')}
          </Title>
          <HighlightedText item={item} />
        </Paper>
        <Stack gap="md">
          <Links item={item} canEdit={canEdit} />
          <ToneCard item={item} canEdit={canEdit} />
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="xs">
              {t('press.entities')}
            </Title>
            {item.entities.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('press.none')}
              </Text>
            ) : (
              <Group gap={6}>
                {item.entities.map((e) => (
                  <Badge
                    key={`${e.kind}-${e.ref}`}
                    variant="outline"
                    color="dark"
                    style={{ background: KIND_COLOR[e.kind], textTransform: 'none' }}
                  >
                    {e.name} · {t(`press.entityKind.${e.kind}`)} ×{e.mentions.length}
                  </Badge>
                ))}
              </Group>
            )}
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="xs">
              {t('press.figures')}
            </Title>
            {item.figures.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('press.none')}
              </Text>
            ) : (
              <Stack gap={4} component="ul" style={{ paddingLeft: 16, margin: 0 }}>
                {item.figures.map((f) => (
                  <li key={f.start}>
                    <Text size="sm">
                      <strong>{f.raw}</strong> —{' '}
                      {f.kind === 'money'
                        ? `${format.number(f.value)} ${f.currency}`
                        : `${format.number(f.value)} ${f.unit ?? ''}`}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </Paper>
          {canEdit && <FactFromClipping item={item} />}
        </Stack>
      </SimpleGrid>
    </>
  );
}

/** The text, paragraph by paragraph, with each entity mention marked. */
function HighlightedText({ item }: { item: TMediaItem }) {
  const marks = useMemo(
    () =>
      item.entities
        .flatMap((e) => e.mentions.map((m) => ({ ...m, kind: e.kind, name: e.name })))
        .sort((a, b) => a.start - b.start),
    [item.entities],
  );
  const paragraphs: ReactNode[] = [];
  let offset = 0;
  for (const [index, paragraph] of item.text.split('\n\n').entries()) {
    const start = offset;
    const end = start + paragraph.length;
    offset = end + 2;
    const parts: ReactNode[] = [];
    let cursor = start;
    for (const mark of marks) {
      if (mark.start < cursor || mark.end > end) continue;
      if (mark.start > cursor) parts.push(item.text.slice(cursor, mark.start));
      parts.push(
        <mark
          key={mark.start}
          title={mark.name}
          data-entity={mark.kind}
          style={{ background: KIND_COLOR[mark.kind], padding: '0 2px', borderRadius: 3 }}
        >
          {mark.text}
        </mark>,
      );
      cursor = mark.end;
    }
    parts.push(item.text.slice(cursor, end));
    paragraphs.push(
      <Text key={index} mb="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {parts}
      </Text>,
    );
  }
  return <div>{paragraphs}</div>;
}

function ToneCard({ item, canEdit }: { item: TMediaItem; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateMediaItem(item.id);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {t('press.tone.label')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('press.tone.computed', {
          tone: item.tone ? t(`press.tone.${item.tone}`) : '—',
          score: item.toneScore ?? 0,
        })}
      </Text>
      <Select
        label={t('press.tone.override')}
        placeholder={t('press.tone.noOverride')}
        data={MEDIA_TONES.map((v) => ({ value: v, label: t(`press.tone.${v}`) }))}
        value={item.toneOverride}
        onChange={(value) =>
          update.mutate({ version: item.version, toneOverride: (value as TMediaTone) ?? null })
        }
        clearable
        disabled={!canEdit || update.isPending}
      />
      {update.error && (
        <Text size="sm" c="red" role="alert" mt={4}>
          {update.error.message}
        </Text>
      )}
    </Paper>
  );
}

function Links({ item, canEdit }: { item: TMediaItem; canEdit: boolean }) {
  const { t } = useTranslation();
  const serverTexts = useServerTexts();
  const { planId } = useWorkspace();
  const decide = useDecideLink(item.id);
  const [choice, setChoice] = useState<string | null>(null);
  const initiatives = useInitiatives(
    { planId: planId ?? undefined, limit: 500 },
    { enabled: canEdit && !!planId },
  );
  const options = (initiatives.data?.items ?? [])
    .filter((i) => !item.links.some((l) => l.initiativeId === i.id && l.status === 'confirmed'))
    .map((i) => ({ value: i.id, label: i.title }));
  const STATUS_COLOR = { suggested: 'blue', confirmed: 'green', rejected: 'gray' } as const;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="press-links">
      <Title order={2} size="h4" mb="xs" id="press-links">
        {t('press.links.title')}
      </Title>
      <Stack gap="xs">
        {item.links.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('press.links.none')}
          </Text>
        )}
        {item.links.map((link) => (
          <Stack key={link.initiativeId} gap={2}>
            <Group justify="space-between" wrap="nowrap">
              <Anchor component={Link} to={`/initiatives/${link.initiativeId}?tab=press`} size="sm" fw={600}>
                {link.initiativeTitle}
              </Anchor>
              <Badge color={STATUS_COLOR[link.status]} variant="light">
                {t(`press.links.${link.status}`)}
              </Badge>
            </Group>
            {link.reasons.length > 0 && (
              <Text size="xs" c="dimmed">
                {link.reasonDetails.map((r) => serverTexts.linkReason(r)).join(' · ')}
              </Text>
            )}
            {canEdit && (
              <Group gap="xs">
                {link.status !== 'confirmed' && (
                  <Button
                    size="xs"
                    variant="light"
                    color="green"
                    onClick={() => decide.mutate({ initiativeId: link.initiativeId, status: 'confirmed' })}
                  >
                    {t('press.links.confirm')}
                  </Button>
                )}
                {link.status !== 'rejected' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => decide.mutate({ initiativeId: link.initiativeId, status: 'rejected' })}
                  >
                    {t('press.links.reject')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        ))}
        {canEdit && (
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <Select
              label={t('press.links.linkTo')}
              placeholder={t('press.links.choose')}
              data={options}
              value={choice}
              onChange={setChoice}
              searchable
              style={{ flex: 1 }}
            />
            <Button
              disabled={!choice}
              loading={decide.isPending}
              onClick={() =>
                choice &&
                decide.mutate(
                  { initiativeId: choice, status: 'confirmed' },
                  { onSuccess: () => setChoice(null) },
                )
              }
            >
              {t('press.links.link')}
            </Button>
          </Group>
        )}
        {decide.error && (
          <Text size="sm" c="red" role="alert">
            {decide.error.message}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
