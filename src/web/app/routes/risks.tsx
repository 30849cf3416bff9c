import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { RisksPage } from '../../features/risks/components/risks-page.tsx';

/** `/plans/:planId/risks`: the risk register with its heat map, alerts and corrective tasks. */
export function RisksRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  if (plan.isPending || plan.isError) return <QueryState query={plan} />;
  return <RisksPage plan={plan.data} />;
}
