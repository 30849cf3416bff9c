import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { InitiativesPage } from '../../features/initiatives/components/initiatives-page.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';

/** `/plans/:planId/initiatives?month=…&type=…`: the table, its filters in the URL. */
export function InitiativesRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  if (plan.isPending || plan.isError) return <QueryState query={plan} />;
  return <InitiativesPage plan={plan.data} />;
}
