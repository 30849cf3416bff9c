import { LIMITS } from '../../../shared/schemas/common.ts';
import type { TFormOptions } from '../../features/initiatives/components/initiative-form-fields.tsx';
import type { TNamed } from '../../features/initiatives/components/plan-structure.ts';
import { useOrganisations } from '../../features/organisations/api/organisations.ts';
import type { TPlan } from '../../features/plans/api/plans.ts';
import { usePeople } from '../../features/team/api/people.ts';

/**
 * What the initiative form offers to choose from: the plan's structure, the mission's
 * organisations and people. Those already on the initiative are always offered.
 */
export function useFormOptions(
  plan: TPlan | undefined,
  current: { organisations: readonly TNamed[]; people: ReadonlyArray<{ id: string; fullName: string }> } = {
    organisations: [],
    people: [],
  },
): TFormOptions | null {
  const missionId = plan?.missionId;
  const organisations = useOrganisations(
    { missionId, limit: LIMITS.pageSize, sort: 'name' },
    { enabled: !!missionId },
  );
  const people = usePeople({ missionId, limit: LIMITS.pageSize, sort: 'fullName' }, { enabled: !!missionId });
  if (!plan) return null;
  const byId = <T extends { id: string }>(lists: ReadonlyArray<readonly T[]>) => {
    const map = new Map<string, T>();
    for (const list of lists) for (const item of list) if (!map.has(item.id)) map.set(item.id, item);
    return [...map.values()];
  };
  return {
    plan,
    organisations: byId<TNamed>([organisations.data?.items ?? [], current.organisations]),
    people: byId([people.data?.items ?? [], current.people]),
  };
}
