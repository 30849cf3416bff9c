import { QueryState } from '../../components/query-state.tsx';
import { TeamPage } from '../../features/team/components/team-page.tsx';
import { useWorkspace } from '../../lib/workspace.tsx';

/** `/team?q=…&kind=…`: the current mission's people. */
export function TeamRoute() {
  const { missionId } = useWorkspace();
  if (!missionId)
    return <QueryState query={{ isPending: true, isError: false, error: null, refetch: () => undefined }} />;
  return <TeamPage missionId={missionId} />;
}
