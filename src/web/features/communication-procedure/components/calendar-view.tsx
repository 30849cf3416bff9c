import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { QueryState } from '../../../components/query-state.tsx';
import { api, unwrap } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { type TStep, useSteps } from '../api/communication.ts';
import { StepTable } from './step-table.tsx';

type TView = 'month' | 'week' | 'list';

const toIso = (d: Date) => d.toISOString().slice(0, 10);
const parseIso = (iso: string) => new Date(`${iso}T00:00:00Z`);
const addDays = (iso: string, days: number) => {
  const d = parseIso(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
};
/** Monday of the week of `iso`. */
const mondayOf = (iso: string) => addDays(iso, -((parseIso(iso).getUTCDay() + 6) % 7));
const monthStart = (iso: string) => `${iso.slice(0, 7)}-01`;
const monthEnd = (iso: string) => {
  const d = parseIso(monthStart(iso));
  d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return toIso(d);
};
const addMonths = (iso: string, months: number) => {
  const d = parseIso(monthStart(iso));
  d.setUTCMonth(d.getUTCMonth() + months);
  return toIso(d);
};
const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

function rangeOf(view: TView, date: string): { from: string; to: string } {
  if (view === 'week') {
    const from = mondayOf(date);
    return { from, to: addDays(from, 6) };
  }
  if (view === 'list') return { from: monthStart(date), to: monthEnd(date) };
  const from = mondayOf(monthStart(date));
  return { from, to: addDays(mondayOf(monthEnd(date)), 6) };
}

type TCalendarInitiative = {
  id: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  datePrecision: string;
};

function usePlanInitiatives(planId: string) {
  return useQuery({
    queryKey: ['communication', 'initiatives', planId],
    queryFn: () =>
      unwrap(
        api.GET('/api/initiatives', {
          params: { query: { planId, limit: 500, offset: 0, sort: 'startDate', order: 'asc' } },
        }),
      ),
  });
}

/** The communication calendar of a plan: initiatives and steps by month, week or as a list. */
export function CalendarView({ planId, canEdit }: { planId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const view = (
    ['month', 'week', 'list'].includes(params.get('view') ?? '') ? params.get('view') : 'month'
  ) as TView;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : localToday();
  const { from, to } = rangeOf(view, date);
  const steps = useSteps({ planId, from, to });
  const initiatives = usePlanInitiatives(planId);
  const set = (next: Partial<{ view: TView; date: string }>) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (next.view) copy.set('view', next.view);
        if (next.date) copy.set('date', next.date);
        return copy;
      },
      { replace: true },
    );
  const move = (direction: 1 | -1) =>
    set({ date: view === 'week' ? addDays(date, 7 * direction) : addMonths(date, direction) });
  const heading =
    view === 'week' ? `${format.day(from)} – ${format.day(to)}` : format.month(date.slice(0, 7));

  const inRange = (initiatives.data?.items ?? []).filter(
    (i) => i.startDate && i.startDate <= to && (i.endDate ?? i.startDate) >= from,
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Button
            variant="default"
            size="xs"
            onClick={() => move(-1)}
            aria-label={t('communicationProcedure.calendar.previous')}
          >
            ←
          </Button>
          <Button variant="default" size="xs" onClick={() => set({ date: localToday() })}>
            {t('communicationProcedure.calendar.today')}
          </Button>
          <Button
            variant="default"
            size="xs"
            onClick={() => move(1)}
            aria-label={t('communicationProcedure.calendar.next')}
          >
            →
          </Button>
          <Title order={2} size="h4" ml="xs" aria-live="polite">
            {heading}
          </Title>
        </Group>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => set({ view: v as TView })}
          data={[
            { value: 'month', label: t('communicationProcedure.calendar.month') },
            { value: 'week', label: t('communicationProcedure.calendar.week') },
            { value: 'list', label: t('communicationProcedure.calendar.list') },
          ]}
          aria-label={t('communicationProcedure.calendar.viewLabel')}
        />
      </Group>
      {steps.isPending || steps.isError ? (
        <QueryState query={steps} />
      ) : view === 'list' ? (
        <ListView steps={steps.data.items} initiatives={inRange} canEdit={canEdit} />
      ) : (
        <GridView
          from={from}
          to={to}
          month={view === 'month' ? date.slice(0, 7) : null}
          steps={steps.data.items}
          initiatives={inRange}
        />
      )}
    </Stack>
  );
}

function ListView({
  steps,
  initiatives,
  canEdit,
}: {
  steps: TStep[];
  initiatives: TCalendarInitiative[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap="md">
      <div>
        <Title order={3} size="h5" mb={4}>
          {t('communicationProcedure.calendar.initiatives')}
        </Title>
        {initiatives.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('communicationProcedure.calendar.noInitiatives')}
          </Text>
        ) : (
          <Stack gap={2}>
            {initiatives.map((i) => (
              <Group key={i.id} gap="xs">
                <Text size="sm" w={220}>
                  {format.dateRange({
                    datePrecision: i.datePrecision as 'day' | 'month',
                    startDate: i.startDate,
                    endDate: i.endDate,
                  })}
                </Text>
                <Anchor component={Link} to={`/initiatives/${i.id}`} size="sm">
                  {i.title}
                </Anchor>
              </Group>
            ))}
          </Stack>
        )}
      </div>
      <div>
        <Title order={3} size="h5" mb={4}>
          {t('communicationProcedure.calendar.steps')}
        </Title>
        {steps.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('communicationProcedure.calendar.noSteps')}
          </Text>
        ) : (
          <StepTable steps={steps} canEdit={canEdit} label={t('communicationProcedure.calendar.steps')} />
        )}
      </div>
    </Stack>
  );
}

const STEP_COLORS = { todo: 'blue', done: 'green', skipped: 'gray' } as const;
const MAX_PER_DAY = 5;

function GridView({
  from,
  to,
  month,
  steps,
  initiatives,
}: {
  from: string;
  to: string;
  month: string | null;
  steps: TStep[];
  initiatives: TCalendarInitiative[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const today = localToday();
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) days.push(d);
  const weekdays = days.slice(0, 7).map((d) => format.weekday(d));
  const isWeek = month === null;
  return (
    <Box role="grid" aria-label={t('communicationProcedure.calendar.gridLabel')}>
      <SimpleGrid cols={7} spacing={4} role="row">
        {weekdays.map((w) => (
          <Text key={w} size="xs" fw={700} c="dimmed" ta="center" role="columnheader">
            {w}
          </Text>
        ))}
      </SimpleGrid>
      {Array.from({ length: days.length / 7 }, (_, week) => (
        <SimpleGrid cols={7} spacing={4} mt={4} key={days[week * 7]} role="row">
          {days.slice(week * 7, week * 7 + 7).map((day) => {
            const dayInitiatives = initiatives.filter(
              (i) => i.startDate! <= day && (i.endDate ?? i.startDate)! >= day,
            );
            const daySteps = steps.filter((s) => s.dueDate === day);
            const items = [
              ...dayInitiatives.map((i) => ({ kind: 'initiative' as const, i })),
              ...daySteps.map((s) => ({ kind: 'step' as const, s })),
            ];
            const shown = isWeek ? items : items.slice(0, MAX_PER_DAY);
            const isOutside = month !== null && day.slice(0, 7) !== month;
            return (
              <Paper
                key={day}
                withBorder
                p={4}
                role="gridcell"
                aria-label={format.day(day)}
                mih={isWeek ? 260 : 110}
                bg={day === today ? 'yellow.0' : isOutside ? 'gray.0' : undefined}
                data-day={day}
              >
                <Text size="xs" fw={day === today ? 800 : 600} c={isOutside ? 'dimmed' : undefined}>
                  {Number(day.slice(8))}
                </Text>
                <Stack gap={2}>
                  {shown.map((item) =>
                    item.kind === 'initiative' ? (
                      <Anchor
                        key={`i-${item.i.id}`}
                        component={Link}
                        to={`/initiatives/${item.i.id}`}
                        size="xs"
                        fw={600}
                        c="grape.9"
                        bg="grape.0"
                        px={4}
                        style={{
                          borderRadius: 3,
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                          display: 'block',
                        }}
                        title={item.i.title}
                      >
                        ★ {item.i.title}
                      </Anchor>
                    ) : (
                      <Anchor
                        key={`s-${item.s.id}`}
                        component={Link}
                        to={`/initiatives/${item.s.initiative.id}?tab=communication`}
                        size="xs"
                        c={item.s.isOverdue ? 'red.9' : `${STEP_COLORS[item.s.status]}.9`}
                        td={item.s.status === 'todo' ? undefined : 'line-through'}
                        style={{
                          overflow: 'hidden',
                          textOverflow: 'ellipsis',
                          whiteSpace: 'nowrap',
                          display: 'block',
                        }}
                        title={`${item.s.position}. ${item.s.title} — ${item.s.initiative.title} (${t(`communicationProcedure.status.${item.s.status}`)}${item.s.isOverdue ? `, ${t('communicationProcedure.overdueBadge')}` : ''})`}
                      >
                        {item.s.status === 'done' ? '✓ ' : item.s.isOverdue ? '! ' : '• '}
                        {item.s.position}. {item.s.title} — {item.s.initiative.title}
                      </Anchor>
                    ),
                  )}
                  {items.length > shown.length && (
                    <Badge size="xs" variant="light" color="gray" tt="none">
                      {t('communicationProcedure.calendar.more', { count: items.length - shown.length })}
                    </Badge>
                  )}
                </Stack>
              </Paper>
            );
          })}
        </SimpleGrid>
      ))}
    </Box>
  );
}
