import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { InitiativeChecklist } from '../../features/communication-procedure/components/initiative-checklist.tsx';
import { useInitiative } from '../../features/initiatives/api/initiatives.ts';
import {
  InitiativeHeader,
  InitiativeSheet,
} from '../../features/initiatives/components/initiative-sheet.tsx';
import { InitiativeDelegation } from '../../features/monitoring/components/initiative-delegation.tsx';
import { InitiativeLessons } from '../../features/monitoring/components/lessons.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { InitiativePressReview } from '../../features/press/components/initiative-press-review.tsx';
import { useCanEditInitiativeResults } from '../../features/results/api/results.ts';
import { InitiativeResultsSection } from '../../features/results/components/initiative-results-section.tsx';
import { InitiativeAlerts } from '../../features/risks/components/initiative-alerts.tsx';

/** The initiative page's tabs, in order; `?tab=` names one (the event sheet by default). */
export const INITIATIVE_TABS = ['sheet', 'results', 'communication', 'press', 'team'] as const;
export type TInitiativeTab = (typeof INITIATIVE_TABS)[number];

const isTab = (value: string | null): value is TInitiativeTab =>
  (INITIATIVE_TABS as readonly string[]).includes(value ?? '');

/** `/initiatives/:initiativeId`: alerts and header, then the event sheet and each module in a tab. */
export function InitiativeRoute() {
  const { t } = useTranslation();
  const { initiativeId } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const initiative = useInitiative(initiativeId);
  const plan = usePlan(initiative.data?.planId);
  const canEditResults = useCanEditInitiativeResults(initiative.data?.missionId);
  if (initiative.isPending || initiative.isError)
    return <QueryState query={initiative} notFound={t('initiative.notFound')} />;
  const tab = searchParams.get('tab');
  const current: TInitiativeTab = isTab(tab) ? tab : 'sheet';
  const choose = (next: string | null) =>
    setSearchParams(
      (params) => {
        if (!next || next === 'sheet') params.delete('tab');
        else params.set('tab', next);
        return params;
      },
      { replace: true },
    );
  const data = initiative.data;
  return (
    <>
      <InitiativeAlerts initiativeId={data.id} fallbackAlternative={data.fallbackAlternative} />
      <InitiativeHeader
        initiative={data}
        planLabel={plan.data ? `${plan.data.acronym} — ${plan.data.title}` : undefined}
      />
      <Tabs value={current} onChange={choose} keepMounted={false}>
        <Tabs.List mb="md">
          {INITIATIVE_TABS.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`initiative.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="sheet">
          <InitiativeSheet initiative={data} programmes={plan.data?.programmes} />
        </Tabs.Panel>
        <Tabs.Panel value="results">
          <InitiativeResultsSection initiativeId={data.id} canEdit={canEditResults} />
        </Tabs.Panel>
        <Tabs.Panel value="communication">
          <InitiativeChecklist initiative={data} />
        </Tabs.Panel>
        <Tabs.Panel value="press">
          <InitiativePressReview initiativeId={data.id} />
        </Tabs.Panel>
        <Tabs.Panel value="team">
          <Stack gap="md">
            <InitiativeDelegation initiative={data} />
            <InitiativeLessons initiativeId={data.id} missionId={data.missionId} />
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
