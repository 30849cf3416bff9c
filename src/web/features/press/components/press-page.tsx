import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MEDIA_LANGUAGES, MEDIA_TONES, type TMediaTone } from '../../../../shared/enums.ts';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import type { ApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { useWorkspace } from '../../../lib/workspace.tsx';
import {
  type TIngestResult,
  type TMediaListItem,
  useCanEditPress,
  useIngest,
  useMediaItems,
  useUpload,
} from '../api/press.ts';
import { FeedsPanel } from './feeds-panel.tsx';

const CoveragePanel = lazy(async () => ({ default: (await import('./coverage-panel.tsx')).CoveragePanel }));

export const TONE_COLOR: Record<TMediaTone, string> = { positive: 'green', neutral: 'gray', negative: 'red' };

/** `/press`: add clippings, search and filter them, and the coverage charts. */
export function PressPage() {
  const { t } = useTranslation();
  const { missionId } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const tab =
    params.get('tab') === 'coverage' || params.get('tab') === 'feeds' ? params.get('tab')! : 'clippings';
  const canEdit = useCanEditPress(missionId);
  return (
    <>
      <PageHeader title={t('press.title')} />
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (value === 'coverage' || value === 'feeds') next.set('tab', value);
          else next.delete('tab');
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="clippings">{t('press.clippings')}</Tabs.Tab>
          <Tabs.Tab value="coverage">{t('press.coverage.title')}</Tabs.Tab>
          <Tabs.Tab value="feeds">{t('press.feeds.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="clippings">
          <Stack gap="md">
            {canEdit && missionId && <AddClipping missionId={missionId} />}
            <ClippingList missionId={missionId} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="coverage">
          {missionId && (
            <Suspense fallback={null}>
              <CoveragePanel missionId={missionId} />
            </Suspense>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="feeds">{missionId && <FeedsPanel missionId={missionId} />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

function AddClipping({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [mode, setMode] = useState<'url' | 'text' | 'file'>('url');
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<TIngestResult | null>(null);
  const ingest = useIngest();
  const upload = useUpload();
  const error = (ingest.error ?? upload.error) as ApiError | null;
  const isPending = ingest.isPending || upload.isPending;

  const done = (result: TIngestResult) => {
    setOutcome(result);
    if (result.item.fetchStatus === 'ok' && !result.isDuplicate) void navigate(`/press/${result.item.id}`);
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    if (mode === 'file') {
      if (file) upload.mutate({ missionId, file }, { onSuccess: done });
    } else if (mode === 'url') ingest.mutate({ missionId, url: url.trim() }, { onSuccess: done });
    else ingest.mutate({ missionId, text }, { onSuccess: done });
  };
  const fieldError = (field: string) => error?.fieldErrors?.find((e) => e.field === field)?.message;

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-label={t('press.add.title')}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>{t('press.add.title')}</Text>
          <SegmentedControl
            value={mode}
            onChange={(value) => setMode(value as typeof mode)}
            data={[
              { value: 'url', label: t('press.add.url') },
              { value: 'text', label: t('press.add.text') },
              { value: 'file', label: t('press.add.file') },
            ]}
          />
        </Group>
        {mode === 'url' && (
          <TextInput
            label={t('press.add.urlLabel')}
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fieldError('url')}
            required
          />
        )}
        {mode === 'text' && (
          <Textarea
            label={t('press.add.textLabel')}
            description={t('press.add.textHelp')}
            autosize
            minRows={5}
            maxRows={14}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={fieldError('text') ?? fieldError('url')}
            required
          />
        )}
        {mode === 'file' && (
          <FileInput
            label={t('press.add.fileLabel')}
            accept=".html,.htm,.txt,text/html,text/plain"
            value={file}
            onChange={setFile}
            error={fieldError('file') ?? fieldError('text')}
            clearable
            required
          />
        )}
        {error && !error.fieldErrors?.length && (
          <Alert color="red" role="alert">
            {error.message}
          </Alert>
        )}
        {outcome?.isDuplicate && (
          <Alert color="yellow" role="status">
            {t('press.add.duplicate')}{' '}
            <Anchor component={Link} to={`/press/${outcome.item.id}`}>
              {outcome.item.title ?? t('press.untitled')}
            </Anchor>
          </Alert>
        )}
        {outcome && outcome.item.fetchStatus === 'failed' && (
          <Alert color="red" role="alert">
            {t('press.add.failed', { reason: outcome.item.fetchError ?? '' })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={isPending}>
            {t('press.add.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ClippingList({ missionId }: { missionId: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const query = {
    missionId: missionId ?? undefined,
    q: params.get('q') || undefined,
    language: params.get('language') || undefined,
    tone: params.get('tone') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
    limit: 100,
  };
  const items = useMediaItems(query, { enabled: !!missionId });
  return (
    <Stack gap="sm">
      <Group
        align="flex-end"
        gap="sm"
        component="form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          set('q', q.trim() || null);
        }}
      >
        <TextInput
          label={t('press.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '1 1 260px' }}
        />
        <Select
          label={t('press.language')}
          data={MEDIA_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          value={params.get('language')}
          onChange={(v) => set('language', v)}
          clearable
          w={150}
        />
        <Select
          label={t('press.tone.label')}
          data={MEDIA_TONES.map((v) => ({ value: v, label: t(`press.tone.${v}`) }))}
          value={params.get('tone')}
          onChange={(v) => set('tone', v)}
          clearable
          w={150}
        />
        <TextInput
          type="date"
          label={t('press.from')}
          value={params.get('from') ?? ''}
          onChange={(e) => set('from', e.currentTarget.value || null)}
          w={160}
        />
        <TextInput
          type="date"
          label={t('press.to')}
          value={params.get('to') ?? ''}
          onChange={(e) => set('to', e.currentTarget.value || null)}
          w={160}
        />
        <Button type="submit" variant="light">
          {t('press.searchButton')}
        </Button>
      </Group>
      {items.isPending || items.isError ? (
        <QueryState query={items} />
      ) : items.data.items.length === 0 ? (
        <Text c="dimmed">{t('press.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped highlightOnHover aria-label={t('press.clippings')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('press.clipping')}</Table.Th>
                <Table.Th>{t('press.outlet')}</Table.Th>
                <Table.Th>{t('press.published')}</Table.Th>
                <Table.Th>{t('press.language')}</Table.Th>
                <Table.Th miw={110}>{t('press.tone.label')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.items.map((item) => (
                <ClippingRow key={item.id} item={item} day={format.day} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function ClippingRow({ item, day }: { item: TMediaListItem; day: (iso: string | null) => string }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/press/${item.id}`} fw={600}>
          {item.title ?? item.url ?? t('press.untitled')}
        </Anchor>
        {item.fetchStatus === 'failed' && (
          <Text size="xs" c="red">
            {t('press.fetchFailed', { reason: item.fetchError ?? '' })}
          </Text>
        )}
        {item.snippet && (
          <Text size="sm" c="dimmed">
            {item.snippet.map((part, index) =>
              part.isMatch ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed snippet
                <mark key={index}>{part.text}</mark>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: parts of one fixed snippet
                <span key={index}>{part.text}</span>
              ),
            )}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{item.outlet ?? '—'}</Table.Td>
      <Table.Td>{day(item.publishedAt ?? item.createdAt)}</Table.Td>
      <Table.Td>{item.language ? <Badge variant="light">{item.language}</Badge> : '—'}</Table.Td>
      <Table.Td>
        {item.effectiveTone ? (
          <Badge color={TONE_COLOR[item.effectiveTone]} variant="light">
            {t(`press.tone.${item.effectiveTone}`)}
          </Badge>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
