import { Button, Group, Paper, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LinkRow } from '../../../components/link-row.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { useCreateMeeting, useMeetings } from '../api/monitoring.ts';

/** `/plans/:planId/meetings`: the plan's weekly staff meetings and a form to create the next one. */
export function MeetingsPage({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const meetings = useMeetings(planId);
  const create = useCreateMeeting();
  const [values, setValues] = useState({ meetingDate: '', title: '', attendees: '' });
  const errorOf = (field: string) =>
    isApiError(create.error) ? create.error.fieldErrors.find((e) => e.field === field)?.message : undefined;

  return (
    <>
      <PageHeader title={t('monitoring.meetings.title')} />
      <Paper withBorder p="sm" mb="md" component="section" aria-label={t('monitoring.meetings.new')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate(
              {
                planId,
                meetingDate: values.meetingDate,
                title: values.title || null,
                attendees: values.attendees || null,
              },
              {
                onSuccess: (meeting) => {
                  notifications.show({ color: 'green', message: t('monitoring.meetings.created') });
                  void navigate(`/meetings/${meeting.id}`);
                },
              },
            );
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="date"
              label={t('monitoring.meetings.date')}
              value={values.meetingDate}
              onChange={(e) => setValues({ ...values, meetingDate: e.currentTarget.value })}
              error={errorOf('meetingDate')}
              required
            />
            <TextInput
              label={t('monitoring.meetings.meetingTitle')}
              placeholder={t('monitoring.meetings.defaultTitle')}
              value={values.title}
              onChange={(e) => setValues({ ...values, title: e.currentTarget.value })}
              error={errorOf('title')}
            />
            <TextInput
              label={t('monitoring.meetings.attendees')}
              value={values.attendees}
              onChange={(e) => setValues({ ...values, attendees: e.currentTarget.value })}
              error={errorOf('attendees')}
            />
          </SimpleGrid>
          {create.isError && !isApiError(create.error, 400) && (
            <Text c="red" size="sm" mt="xs" role="alert">
              {create.error.message}
            </Text>
          )}
          <Group mt="sm">
            <Button type="submit" loading={create.isPending}>
              {t('monitoring.meetings.create')}
            </Button>
          </Group>
        </form>
      </Paper>
      <Paper withBorder>
        {meetings.isPending || meetings.isError ? (
          <QueryState query={meetings} />
        ) : meetings.data.items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('monitoring.meetings.empty')}
          </Text>
        ) : (
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('monitoring.meetings.date')}</Table.Th>
                <Table.Th>{t('monitoring.meetings.meetingTitle')}</Table.Th>
                <Table.Th>{t('monitoring.meetings.attendees')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.data.items.map((m) => (
                <LinkRow key={m.id} to={`/meetings/${m.id}`}>
                  <Table.Td fw={600}>{format.day(m.meetingDate)}</Table.Td>
                  <Table.Td>{m.title ?? t('monitoring.meetings.defaultTitle')}</Table.Td>
                  <Table.Td>{m.attendees}</Table.Td>
                </LinkRow>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </>
  );
}
