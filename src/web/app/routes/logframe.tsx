import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { LogframePage } from '../../features/evaluation/components/logframe-page.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';

/** `/plans/:planId/logframe`: the plan as a logframe matrix. */
export function LogframeRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  if (plan.isPending || plan.isError) return <QueryState query={plan} />;
  return <LogframePage plan={plan.data} />;
}
