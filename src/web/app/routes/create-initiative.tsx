import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { CreateInitiativeForm } from '../../features/initiatives/components/create-initiative-form.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { useFormOptions } from './use-form-options.ts';

/** `/plans/:planId/initiatives/new` */
export function CreateInitiativeRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  const options = useFormOptions(plan.data);
  if (plan.isPending || plan.isError || !options) return <QueryState query={plan} />;
  return <CreateInitiativeForm options={options} />;
}
