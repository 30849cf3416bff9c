import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { ProposalsBoard } from '../../features/proposals/components/proposals-board.tsx';

/** `/plans/:planId/proposals`: the proposals board, the scoring rounds and the plan's balance. */
export function ProposalsRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  if (plan.isPending || plan.isError) return <QueryState query={plan} />;
  return <ProposalsBoard plan={plan.data} />;
}
