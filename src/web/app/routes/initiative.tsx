import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useInitiative } from '../../features/initiatives/api/initiatives.ts';
import { InitiativeSheet } from '../../features/initiatives/components/initiative-sheet.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { InitiativePressReview } from '../../features/press/components/initiative-press-review.tsx';

/** `/initiatives/:initiativeId`: the event sheet. */
export function InitiativeRoute() {
  const { t } = useTranslation();
  const { initiativeId } = useParams();
  const initiative = useInitiative(initiativeId);
  const plan = usePlan(initiative.data?.planId);
  if (initiative.isPending || initiative.isError)
    return <QueryState query={initiative} notFound={t('initiative.notFound')} />;
  return (
    <>
      <InitiativeSheet
        initiative={initiative.data}
        planLabel={plan.data ? `${plan.data.acronym} — ${plan.data.title}` : undefined}
        programmes={plan.data?.programmes}
      />
      <InitiativePressReview initiativeId={initiative.data.id} />
    </>
  );
}
