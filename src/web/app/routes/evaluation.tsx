import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { EvaluationPage } from '../../features/evaluation/components/evaluation-page.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';

/** `/plans/:planId/evaluation`: the final evaluation and the report for headquarters. */
export function EvaluationRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  if (plan.isPending || plan.isError) return <QueryState query={plan} />;
  return <EvaluationPage plan={plan.data} />;
}
