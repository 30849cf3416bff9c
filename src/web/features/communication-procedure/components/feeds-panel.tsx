import { Alert, Anchor, Button, Code, CopyButton, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { calendarDownloadUrl, useCreateFeed, useFeeds, useRevokeFeed } from '../api/communication.ts';

/** Calendar subscriptions: secret feed URLs (shown once, revocable) and a one-off download. */
export function FeedsPanel({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const feeds = useFeeds(planId);
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const created = create.data;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('communicationProcedure.feeds.intro')}</Text>
      <Group gap="xs">
        <Button
          size="xs"
          onClick={() => create.mutate({ planId, scope: 'person' })}
          loading={create.isPending}
        >
          {t('communicationProcedure.feeds.createPerson')}
        </Button>
        <Button
          size="xs"
          variant="light"
          onClick={() => create.mutate({ planId, scope: 'plan' })}
          loading={create.isPending}
        >
          {t('communicationProcedure.feeds.createPlan')}
        </Button>
        <Button size="xs" variant="default" component="a" href={calendarDownloadUrl(planId)}>
          {t('communicationProcedure.feeds.download')}
        </Button>
      </Group>
      {create.error && (
        <Alert color="red" variant="light" role="alert">
          {isApiError(create.error) ? create.error.message : String(create.error)}
        </Alert>
      )}
      {created?.url && (
        <Alert color="green" variant="light" title={t('communicationProcedure.feeds.createdTitle')}>
          <Stack gap={4}>
            <Text size="sm">{t('communicationProcedure.feeds.createdHint')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code style={{ overflowWrap: 'anywhere' }}>{created.url}</Code>
              <CopyButton value={created.url}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="light" onClick={copy}>
                    {copied
                      ? t('communicationProcedure.feeds.copied')
                      : t('communicationProcedure.feeds.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      {(feeds.data ?? []).length > 0 && (
        <Table verticalSpacing={4} aria-label={t('communicationProcedure.feeds.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('communicationProcedure.feeds.scope')}</Table.Th>
              <Table.Th>{t('communicationProcedure.feeds.created')}</Table.Th>
              <Table.Th>{t('communicationProcedure.columns.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(feeds.data ?? []).map((feed) => (
              <Table.Tr key={feed.id}>
                <Table.Td>
                  {feed.person
                    ? t('communicationProcedure.feeds.personFeed', { name: feed.person.fullName })
                    : t('communicationProcedure.feeds.planFeed')}
                </Table.Td>
                <Table.Td>{format.dateTime(feed.createdAt)}</Table.Td>
                <Table.Td>
                  {feed.revokedAt
                    ? t('communicationProcedure.feeds.revokedOn', { date: format.day(feed.revokedAt) })
                    : t('communicationProcedure.feeds.active')}
                </Table.Td>
                <Table.Td>
                  {!feed.revokedAt && (
                    <Button size="xs" color="red" variant="subtle" onClick={() => revoke.mutate(feed.id)}>
                      {t('communicationProcedure.feeds.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {t('communicationProcedure.feeds.apps')}{' '}
        <Anchor href={calendarDownloadUrl(planId)} size="xs">
          .ics
        </Anchor>
      </Text>
    </Stack>
  );
}
