import { QueryState } from '../../components/query-state.tsx';
import { useMe } from '../../features/auth/api/auth.ts';
import { MembersPage } from '../../features/missions/components/members-page.tsx';
import { useWorkspace } from '../../lib/workspace.tsx';

const pending = { isPending: true, isError: false, error: null, refetch: () => undefined };

/** `/members`: the current mission's members; administrators invite and hand out sign-in links. */
export function MembersRoute() {
  const { missionId } = useWorkspace();
  const me = useMe();
  if (!missionId || !me.data) return <QueryState query={pending} />;
  const role = me.data.memberships.find((m) => m.missionId === missionId)?.role;
  return <MembersPage missionId={missionId} canManage={role === 'admin'} />;
}
