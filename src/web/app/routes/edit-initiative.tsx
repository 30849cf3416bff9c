import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useInitiative } from '../../features/initiatives/api/initiatives.ts';
import { EditInitiativeForm } from '../../features/initiatives/components/edit-initiative-form.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { useFormOptions } from './use-form-options.ts';

/** `/initiatives/:initiativeId/edit` */
export function EditInitiativeRoute() {
  const { t } = useTranslation();
  const { initiativeId } = useParams();
  const initiative = useInitiative(initiativeId);
  const plan = usePlan(initiative.data?.planId);
  const options = useFormOptions(plan.data, {
    organisations: initiative.data?.partners.map((p) => ({ id: p.organisationId, name: p.name })) ?? [],
    people: [
      ...(initiative.data?.owner ? [initiative.data.owner] : []),
      ...(initiative.data?.delegates ?? []),
    ],
  });
  if (initiative.isPending || initiative.isError)
    return <QueryState query={initiative} notFound={t('initiative.notFound')} />;
  if (plan.isPending || plan.isError || !options) return <QueryState query={plan} />;
  // A fresh form per initiative (and per reload of the page), never a stale one.
  return <EditInitiativeForm key={initiative.data.id} initiative={initiative.data} options={options} />;
}
