import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { CommunicationPage } from '../../features/communication-procedure/components/communication-page.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';

/** `/plans/:planId/communication`: the communication calendar, my tasks, overdue steps, the procedure. */
export function CommunicationRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  if (plan.isPending || plan.isError) return <QueryState query={plan} />;
  return <CommunicationPage plan={plan.data} />;
}
