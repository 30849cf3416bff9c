import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { LIMITS } from '../../../shared/schemas/common.ts';
import { QueryState } from '../../components/query-state.tsx';
import { useInitiatives } from '../../features/initiatives/api/initiatives.ts';
import { usePlan } from '../../features/plans/api/plans.ts';
import { PlanOverview } from '../../features/plans/components/plan-overview.tsx';

// ECharts is the largest dependency: it loads while the rest of the overview is already shown.
const PlanCharts = lazy(async () => ({
  default: (await import('../../features/plans/components/plan-charts.tsx')).PlanCharts,
}));
const pending = { isPending: true, isError: false, error: null, refetch: () => undefined };

/** `/plans/:planId`: the plan overview, with charts of its initiatives. */
export function PlanOverviewRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  const initiatives = useInitiatives({ planId, limit: LIMITS.pageSize }, { enabled: !!planId });
  if (plan.isPending || plan.isError) return <QueryState query={plan} />;
  const charts =
    initiatives.isPending || initiatives.isError ? (
      <QueryState query={initiatives} />
    ) : (
      <Suspense fallback={<QueryState query={pending} />}>
        <PlanCharts plan={plan.data} initiatives={initiatives.data.items} />
      </Suspense>
    );
  return <PlanOverview plan={plan.data} charts={charts} />;
}
