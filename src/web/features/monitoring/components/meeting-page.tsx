import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  ColorSwatch,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHECK_IN_STATUSES, type TCheckInStatus } from '../../../../shared/enums.ts';
import { SectionCard } from '../../../components/field-list.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { useServerTexts } from '../../../lib/server-texts.ts';
import {
  type TMeetingCheckIn,
  type TMeetingDetail,
  useAddActionItem,
  useAddDecision,
  useAgenda,
  useCanWrite,
  usePeopleOptions,
  useRecordCheckIn,
  useToggleActionItem,
} from '../api/monitoring.ts';
import '../print.css';

const SEVERITY_COLOURS = { danger: 'red', warning: 'orange', info: 'blue' } as const;
const STATUS_COLOURS: Record<TCheckInStatus, string> = {
  on_track: 'green',
  at_risk: 'orange',
  late: 'red',
  done: 'blue',
  cancelled: 'gray',
};

/** Where on the initiative's page an agenda item is dealt with (its tab). */
function agendaItemTab(source: string): string {
  if (source.startsWith('communication.')) return '?tab=communication';
  if (source === 'initiatives.unowned') return '?tab=team';
  return '';
}

function AgendaSection({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agenda = useAgenda(meetingId);
  const serverTexts = useServerTexts();
  return (
    <SectionCard title={t('monitoring.agenda.title')}>
      {agenda.isPending && <Text size="sm">…</Text>}
      {agenda.isError && (
        <Text c="red" size="sm">
          {agenda.error.message}
        </Text>
      )}
      <Stack gap="sm">
        {agenda.data?.sections.map((section) => (
          <section
            key={section.key}
            aria-label={t(`monitoring.agenda.sources.${section.key}`, section.label)}
          >
            <Text fw={700} size="sm">
              {t(`monitoring.agenda.sources.${section.key}`, section.label)}{' '}
              <Text span c="dimmed" size="sm">
                ({section.items.length})
              </Text>
            </Text>
            {section.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('monitoring.agenda.nothing')}
              </Text>
            ) : (
              <List size="sm" spacing={2} listStyleType="none">
                {section.items.map((item) => (
                  <List.Item key={`${item.initiativeId ?? ''}${item.title}`}>
                    <Group gap={6} wrap="nowrap" align="baseline">
                      <ColorSwatch
                        size={10}
                        color={`var(--mantine-color-${SEVERITY_COLOURS[item.severity]}-6)`}
                        withShadow={false}
                        style={{ flexShrink: 0, alignSelf: 'center' }}
                      >
                        <span className="visually-hidden">
                          {t(`monitoring.agenda.severity.${item.severity}`)}
                        </span>
                      </ColorSwatch>
                      <span>
                        {item.initiativeId ? (
                          <Anchor
                            component={Link}
                            to={`/initiatives/${item.initiativeId}${agendaItemTab(item.source)}`}
                            size="sm"
                            fw={600}
                          >
                            {serverTexts.agendaTitle(item)}
                          </Anchor>
                        ) : (
                          <Text span fw={600} size="sm">
                            {serverTexts.agendaTitle(item)}
                          </Text>
                        )}
                        {item.dueDate && (
                          <Text span size="sm">
                            {' '}
                            · {format.day(item.dueDate)}
                          </Text>
                        )}
                        {item.detail && (
                          <Text span size="sm" c="dimmed">
                            {' '}
                            — {serverTexts.agendaDetail(item)}
                          </Text>
                        )}
                      </span>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </section>
        ))}
      </Stack>
    </SectionCard>
  );
}

function CheckInRow({
  meetingId,
  checkIn,
  canWrite,
}: {
  meetingId: string;
  checkIn: TMeetingCheckIn;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const record = useRecordCheckIn(meetingId);
  const [status, setStatus] = useState<string | null>(checkIn.status);
  const [note, setNote] = useState(checkIn.note ?? '');
  const isChanged =
    status !== checkIn.status || note !== (checkIn.note ?? '') || checkIn.source === 'carried';
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/initiatives/${checkIn.initiativeId}`} size="sm" fw={600}>
          {checkIn.title}
        </Anchor>
      </Table.Td>
      <Table.Td>{checkIn.owner?.fullName ?? '—'}</Table.Td>
      <Table.Td>
        {canWrite && (
          <div data-print-hide>
            <Select
              size="xs"
              aria-label={t('monitoring.checkIns.statusFor', { title: checkIn.title })}
              placeholder={t('monitoring.checkIns.notChecked')}
              data={CHECK_IN_STATUSES.map((s) => ({ value: s, label: t(`monitoring.checkInStatus.${s}`) }))}
              value={status}
              onChange={setStatus}
              w={150}
            />
          </div>
        )}
        <span className={canWrite ? 'print-only' : undefined}>
          {checkIn.status ? t(`monitoring.checkInStatus.${checkIn.status}`) : '—'}
        </span>
        {checkIn.status && (
          <Badge
            data-print-hide
            mt={4}
            size="xs"
            variant="light"
            color={STATUS_COLOURS[checkIn.status]}
            tt="none"
          >
            {checkIn.source === 'carried'
              ? t('monitoring.checkIns.carried')
              : t(`monitoring.checkInStatus.${checkIn.status}`)}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {canWrite && (
          <div data-print-hide>
            <TextInput
              size="xs"
              aria-label={t('monitoring.checkIns.noteFor', { title: checkIn.title })}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
          </div>
        )}
        <span className={canWrite ? 'print-only' : undefined}>{checkIn.note}</span>
      </Table.Td>
      {canWrite && (
        <Table.Td data-print-hide>
          <Button
            size="compact-xs"
            disabled={!status || !isChanged}
            loading={record.isPending}
            onClick={() =>
              record.mutate(
                {
                  initiativeId: checkIn.initiativeId,
                  body: { status: status as TCheckInStatus, note: note || null },
                },
                {
                  onSuccess: () =>
                    notifications.show({ color: 'green', message: t('monitoring.checkIns.saved') }),
                  onError: (error) => notifications.show({ color: 'red', message: error.message }),
                },
              )
            }
          >
            {t('monitoring.checkIns.save')}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function CheckIns({ meeting }: { meeting: TMeetingDetail }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite(meeting.missionId);
  return (
    <SectionCard title={t('monitoring.checkIns.title')}>
      {meeting.checkIns.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('monitoring.checkIns.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('monitoring.checkIns.initiative')}</Table.Th>
                <Table.Th>{t('monitoring.checkIns.owner')}</Table.Th>
                <Table.Th>{t('monitoring.checkIns.status')}</Table.Th>
                <Table.Th>{t('monitoring.checkIns.note')}</Table.Th>
                {canWrite && <Table.Th data-print-hide />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.checkIns.map((c) => (
                <CheckInRow
                  key={`${c.initiativeId}/${c.status}/${c.note}/${c.source}`}
                  meetingId={meeting.id}
                  checkIn={c}
                  canWrite={canWrite}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  );
}

function Decisions({ meeting }: { meeting: TMeetingDetail }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite(meeting.missionId);
  const add = useAddDecision(meeting.id);
  const [text, setText] = useState('');
  const error = isApiError(add.error)
    ? add.error.fieldErrors.find((e) => e.field === 'text')?.message
    : undefined;
  return (
    <SectionCard title={t('monitoring.minutes.decisions')}>
      {meeting.decisions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('monitoring.minutes.noDecisions')}
        </Text>
      ) : (
        <List type="ordered" size="sm" spacing={4}>
          {meeting.decisions.map((d) => (
            <List.Item key={d.id}>
              {d.text}
              {d.initiative && (
                <Text span size="sm" c="dimmed">
                  {' '}
                  ({d.initiative.title})
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {canWrite && (
        <form
          data-print-hide
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate({ text }, { onSuccess: () => setText('') });
          }}
        >
          <Group mt="sm" align="flex-end" gap="xs">
            <Textarea
              label={t('monitoring.minutes.decisionText')}
              autosize
              minRows={1}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={error}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="light" loading={add.isPending}>
              {t('monitoring.minutes.addDecision')}
            </Button>
          </Group>
        </form>
      )}
    </SectionCard>
  );
}

function ActionItems({ meeting }: { meeting: TMeetingDetail }) {
  const { t } = useTranslation();
  const canWrite = useCanWrite(meeting.missionId);
  const format = useFormat();
  const add = useAddActionItem(meeting.id);
  const toggle = useToggleActionItem(meeting.id);
  const people = usePeopleOptions(meeting.missionId);
  const empty = {
    text: '',
    ownerId: null as string | null,
    dueDate: '',
    initiativeId: null as string | null,
  };
  const [values, setValues] = useState(empty);
  const errorOf = (field: string) =>
    isApiError(add.error) ? add.error.fieldErrors.find((e) => e.field === field)?.message : undefined;
  return (
    <SectionCard title={t('monitoring.minutes.actionItems')}>
      {meeting.actionItems.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('monitoring.minutes.noActionItems')}
        </Text>
      ) : (
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>{t('monitoring.minutes.done')}</Table.Th>
              <Table.Th>{t('monitoring.minutes.actionText')}</Table.Th>
              <Table.Th>{t('monitoring.minutes.owner')}</Table.Th>
              <Table.Th>{t('monitoring.minutes.dueDate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {meeting.actionItems.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Checkbox
                    checked={item.isDone}
                    disabled={!canWrite}
                    aria-label={t('monitoring.minutes.markDone', { text: item.text })}
                    onChange={() => toggle.mutate(item)}
                  />
                </Table.Td>
                <Table.Td td={item.isDone ? 'line-through' : undefined}>
                  {item.text}
                  {item.initiative && (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      ({item.initiative.title})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{item.owner?.fullName ?? '—'}</Table.Td>
                <Table.Td>{item.dueDate ? format.day(item.dueDate) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canWrite && (
        <form
          data-print-hide
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate(
              {
                text: values.text,
                ownerId: values.ownerId,
                dueDate: values.dueDate || null,
                initiativeId: values.initiativeId,
              },
              { onSuccess: () => setValues(empty) },
            );
          }}
        >
          <SimpleGrid cols={{ base: 1, md: 4 }} spacing="xs" mt="sm">
            <TextInput
              label={t('monitoring.minutes.actionText')}
              value={values.text}
              onChange={(e) => setValues({ ...values, text: e.currentTarget.value })}
              error={errorOf('text')}
            />
            <Select
              label={t('monitoring.minutes.owner')}
              data={people.data ?? []}
              value={values.ownerId}
              onChange={(ownerId) => setValues({ ...values, ownerId })}
              searchable
              clearable
              error={errorOf('ownerId')}
            />
            <TextInput
              type="date"
              label={t('monitoring.minutes.dueDate')}
              value={values.dueDate}
              onChange={(e) => setValues({ ...values, dueDate: e.currentTarget.value })}
              error={errorOf('dueDate')}
            />
            <Select
              label={t('monitoring.minutes.initiative')}
              data={meeting.checkIns.map((c) => ({ value: c.initiativeId, label: c.title }))}
              value={values.initiativeId}
              onChange={(initiativeId) => setValues({ ...values, initiativeId })}
              searchable
              clearable
              error={errorOf('initiativeId')}
            />
          </SimpleGrid>
          <Group mt="xs">
            <Button type="submit" variant="light" loading={add.isPending}>
              {t('monitoring.minutes.addActionItem')}
            </Button>
          </Group>
        </form>
      )}
    </SectionCard>
  );
}

/** `/meetings/:meetingId`: agenda, status of each initiative, decisions and action items. */
export function MeetingPage({ meeting }: { meeting: TMeetingDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const title = meeting.title ?? t('monitoring.meetings.defaultTitle');
  return (
    <>
      <PageHeader
        backTo={{ to: `/plans/${meeting.planId}/meetings`, label: t('monitoring.meetings.title') }}
        eyebrow={`${meeting.plan.acronym} — ${meeting.plan.title}`}
        title={`${title}, ${format.day(meeting.meetingDate)}`}
        actions={
          <Group gap="xs" data-print-hide>
            <Button variant="default" onClick={() => window.print()}>
              {t('monitoring.meetings.print')}
            </Button>
            <Button
              component="a"
              href={`/api/meetings/${meeting.id}/minutes.pdf?lang=${i18n.language}`}
              variant="light"
            >
              {t('monitoring.meetings.pdf')}
            </Button>
          </Group>
        }
      >
        {meeting.attendees && (
          <Text size="sm">
            {t('monitoring.meetings.attendees')}: {meeting.attendees}
          </Text>
        )}
        {meeting.previousMeeting && (
          <Anchor component={Link} to={`/meetings/${meeting.previousMeeting.id}`} size="sm" data-print-hide>
            {t('monitoring.meetings.previous', { date: format.day(meeting.previousMeeting.meetingDate) })}
          </Anchor>
        )}
      </PageHeader>
      <Stack gap="md">
        <AgendaSection meetingId={meeting.id} />
        <CheckIns meeting={meeting} />
        <Decisions meeting={meeting} />
        <ActionItems meeting={meeting} />
      </Stack>
    </>
  );
}
