import { Alert, Paper, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useMe } from '../../auth/index.ts';
import { useSteps } from '../api/communication.ts';
import { CalendarView } from './calendar-view.tsx';
import { FeedsPanel } from './feeds-panel.tsx';
import { StepTable } from './step-table.tsx';
import { TemplateEditor } from './template-editor.tsx';

const TABS = ['calendar', 'mine', 'overdue', 'procedure', 'feeds'] as const;
type TTab = (typeof TABS)[number];

/** `/plans/:planId/communication`: calendar, my tasks, overdue, the procedure and calendar feeds. */
export function CommunicationPage({
  plan,
}: {
  plan: { id: string; missionId: string; acronym: string; title: string };
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const tab = (TABS.includes(params.get('tab') as TTab) ? params.get('tab') : 'calendar') as TTab;
  const role = me.data?.memberships.find((m) => m.missionId === plan.missionId)?.role;
  const canEdit = !!role && role !== 'viewer';
  const canEditTemplate = role === 'admin' || role === 'head_of_mission';
  const mine = useSteps({ planId: plan.id, mine: 'true', status: 'todo' }, { enabled: tab === 'mine' });
  const overdue = useSteps({ planId: plan.id, overdue: 'true' });
  const overdueCount = overdue.data?.total ?? 0;

  return (
    <>
      <PageHeader eyebrow={`${plan.acronym} — ${plan.title}`} title={t('communicationProcedure.title')} />
      <Tabs
        value={tab}
        onChange={(value) =>
          setParams(
            (p) => {
              const copy = new URLSearchParams(p);
              copy.set('tab', value ?? 'calendar');
              return copy;
            },
            { replace: true },
          )
        }
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="calendar">{t('communicationProcedure.tabs.calendar')}</Tabs.Tab>
          <Tabs.Tab value="mine">{t('communicationProcedure.tabs.mine')}</Tabs.Tab>
          <Tabs.Tab value="overdue" c={overdueCount ? 'red.8' : undefined}>
            {t('communicationProcedure.tabs.overdue', { count: overdueCount })}
          </Tabs.Tab>
          <Tabs.Tab value="procedure">{t('communicationProcedure.tabs.procedure')}</Tabs.Tab>
          <Tabs.Tab value="feeds">{t('communicationProcedure.tabs.feeds')}</Tabs.Tab>
        </Tabs.List>
        <Paper withBorder p="md">
          <Tabs.Panel value="calendar">
            <CalendarView planId={plan.id} canEdit={canEdit} />
          </Tabs.Panel>
          <Tabs.Panel value="mine">
            {mine.isPending || mine.isError ? (
              <QueryState query={mine} />
            ) : mine.data.items.length === 0 ? (
              <Text c="dimmed">{t('communicationProcedure.noTasks')}</Text>
            ) : (
              <StepTable
                steps={mine.data.items}
                canEdit={canEdit}
                label={t('communicationProcedure.tabs.mine')}
              />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="overdue">
            {overdue.isPending || overdue.isError ? (
              <QueryState query={overdue} />
            ) : overdue.data.items.length === 0 ? (
              <Alert color="green" variant="light">
                {t('communicationProcedure.noOverdue')}
              </Alert>
            ) : (
              <StepTable
                steps={overdue.data.items}
                canEdit={canEdit}
                label={t('communicationProcedure.tabs.overdue', { count: overdueCount })}
              />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="procedure">
            <TemplateEditor planId={plan.id} canEdit={canEditTemplate} />
          </Tabs.Panel>
          <Tabs.Panel value="feeds">
            <FeedsPanel planId={plan.id} />
          </Tabs.Panel>
        </Paper>
      </Tabs>
    </>
  );
}
