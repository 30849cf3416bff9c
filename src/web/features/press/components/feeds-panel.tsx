import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../components/query-state.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useCanEditPress, useFeedActions, useFeeds } from '../api/press.ts';

/** The RSS/Atom feeds the mission follows: add one, poll it now, stop following. */
export function FeedsPanel({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const feeds = useFeeds(missionId);
  const actions = useFeedActions();
  const canEdit = useCanEditPress(missionId);
  const [url, setUrl] = useState('');
  const error = actions.create.error ?? actions.poll.error ?? actions.stop.error;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('press.feeds.intro')}
      </Text>
      {canEdit && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="form"
          onSubmit={(e: React.FormEvent) => {
            e.preventDefault();
            actions.create.mutate({ missionId, url: url.trim() }, { onSuccess: () => setUrl('') });
          }}
        >
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('press.feeds.url')}
              placeholder="https://"
              value={url}
              onChange={(e) => setUrl(e.currentTarget.value)}
              required
              style={{ flex: 1 }}
            />
            <Button type="submit" loading={actions.create.isPending}>
              {t('press.feeds.add')}
            </Button>
          </Group>
        </Paper>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error.message}
        </Alert>
      )}
      {actions.poll.data && (
        <Alert color="blue" role="status">
          {t('press.feeds.polled', actions.poll.data)}
        </Alert>
      )}
      {feeds.isPending || feeds.isError ? (
        <QueryState query={feeds} />
      ) : feeds.data.items.length === 0 ? (
        <Text c="dimmed">{t('press.feeds.empty')}</Text>
      ) : (
        <Table striped aria-label={t('press.feeds.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('press.feeds.feed')}</Table.Th>
              <Table.Th>{t('press.feeds.lastPolled')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {feeds.data.items.map((feed) => (
              <Table.Tr key={feed.id}>
                <Table.Td>
                  <Text fw={600}>{feed.title ?? feed.url}</Text>
                  <Text size="xs" c="dimmed">
                    {feed.url}
                  </Text>
                  {feed.lastError && (
                    <Text size="xs" c="red">
                      {feed.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {feed.lastPolledAt ? format.dateTime(feed.lastPolledAt) : '—'}{' '}
                  {!feed.isActive && <Badge color="gray">{t('press.feeds.stopped')}</Badge>}
                </Table.Td>
                <Table.Td>
                  {canEdit && feed.isActive && (
                    <Group gap="xs" justify="flex-end">
                      <Button size="xs" variant="light" onClick={() => actions.poll.mutate(feed.id)}>
                        {t('press.feeds.poll')}
                      </Button>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="gray"
                        onClick={() => actions.stop.mutate(feed.id)}
                      >
                        {t('press.feeds.stop')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
