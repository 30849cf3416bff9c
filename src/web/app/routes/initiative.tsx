import { Box, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { InitiativeChecklist } from '../../features/communication-procedure/components/initiative-checklist.tsx';
import { useInitiative } from '../../features/initiatives/api/initiatives.ts';
import { InitiativeSheet } from '../../features/initiatives/components/initiative-sheet.tsx';
import { InitiativeDelegation } from '../../features/monitoring/components/initiative-delegation.tsx';
import { InitiativeLessons } from '../../features/monitoring/components/lessons.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { InitiativePressReview } from '../../features/press/components/initiative-press-review.tsx';
import { useCanEditInitiativeResults } from '../../features/results/api/results.ts';
import { InitiativeResultsSection } from '../../features/results/components/initiative-results-section.tsx';
import { InitiativeAlerts } from '../../features/risks/components/initiative-alerts.tsx';

/** `/initiatives/:initiativeId`: the event sheet. */
export function InitiativeRoute() {
  const { t } = useTranslation();
  const { initiativeId } = useParams();
  const initiative = useInitiative(initiativeId);
  const plan = usePlan(initiative.data?.planId);
  const canEditResults = useCanEditInitiativeResults(initiative.data?.missionId);
  if (initiative.isPending || initiative.isError)
    return <QueryState query={initiative} notFound={t('initiative.notFound')} />;
  return (
    <>
      <InitiativeAlerts
        initiativeId={initiative.data.id}
        fallbackAlternative={initiative.data.fallbackAlternative}
      />
      <InitiativeSheet
        initiative={initiative.data}
        planLabel={plan.data ? `${plan.data.acronym} — ${plan.data.title}` : undefined}
        programmes={plan.data?.programmes}
      />
      <InitiativeResultsSection initiativeId={initiative.data.id} canEdit={canEditResults} />
      <Stack gap="md" mt="md">
        <InitiativeDelegation initiative={initiative.data} />
        <InitiativeLessons initiativeId={initiative.data.id} missionId={initiative.data.missionId} />
      </Stack>
      <Box mt="md">
        <InitiativeChecklist initiative={initiative.data} />
      </Box>
      <InitiativePressReview initiativeId={initiative.data.id} />
    </>
  );
}
