import { QueryState } from '../../components/query-state.tsx';
import { OrganisationsPage } from '../../features/organisations/components/organisations-page.tsx';
import { useWorkspace } from '../../lib/workspace.tsx';

/** `/organisations?q=…&kind=…`: the current mission's partners. */
export function OrganisationsRoute() {
  const { missionId } = useWorkspace();
  if (!missionId)
    return <QueryState query={{ isPending: true, isError: false, error: null, refetch: () => undefined }} />;
  return <OrganisationsPage missionId={missionId} />;
}
