import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useMe } from '../../features/auth/api/auth.ts';
import { usePressRelease, useStrategy } from '../../features/communication/api/communication.ts';
import { MediaContactsPage } from '../../features/communication/components/media-contacts-page.tsx';
import { PressReleasePage } from '../../features/communication/components/press-release-page.tsx';
import { StrategyPage } from '../../features/communication/components/strategy-page.tsx';
import { usePlan } from '../../features/plans/api/plans.ts';
import { useWorkspace } from '../../lib/workspace.tsx';

/** `/plans/:planId/strategy`: the plan's communication strategy, sessions and press releases. */
export function CommunicationStrategyRoute() {
  const { planId } = useParams();
  const plan = usePlan(planId);
  const strategy = useStrategy(planId ?? '');
  if (plan.isPending || plan.isError) return <QueryState query={plan} />;
  if (strategy.isPending || strategy.isError) return <QueryState query={strategy} />;
  return <StrategyPage strategy={strategy.data} planTitle={`${plan.data.acronym} — ${plan.data.title}`} />;
}

/** `/press-releases/:pressReleaseId`. */
export function PressReleaseRoute() {
  const { pressReleaseId } = useParams();
  const release = usePressRelease(pressReleaseId);
  if (release.isPending || release.isError) return <QueryState query={release} />;
  return <PressReleasePage key={`${release.data.id}-${release.data.version}`} release={release.data} />;
}

/** `/media-contacts`: the media contacts of the mission being worked on. */
export function MediaContactsRoute() {
  const { missionId } = useWorkspace();
  const me = useMe();
  if (!missionId) return null;
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  const canEdit = role === 'admin' || role === 'head_of_mission' || role === 'officer';
  return <MediaContactsPage missionId={missionId} canEdit={canEdit} />;
}
