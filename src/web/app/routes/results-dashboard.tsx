import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { useResultsSummary } from '../../features/results/api/results.ts';
import { ResultsDashboard } from '../../features/results/components/results-dashboard.tsx';

/** `/plans/:planId/dashboard`: the plan's results at a glance. */
export function ResultsDashboardRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  const summary = useResultsSummary(planId);
  if (summary.isPending || summary.isError) return <QueryState query={summary} />;
  return (
    <ResultsDashboard
      summary={summary.data}
      planLabel={plan.data ? `${plan.data.acronym} — ${plan.data.title}` : ''}
      missionId={plan.data?.missionId}
    />
  );
}
