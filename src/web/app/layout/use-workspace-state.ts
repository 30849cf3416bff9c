import { useCallback, useEffect, useMemo, useState } from 'react';
import { matchPath, useLocation, useNavigate } from 'react-router';
import { useMe } from '../../features/auth/api/auth.ts';
import { usePlan, usePlans } from '../../features/plans/api/plans.ts';
import { readStoredWorkspace, storeWorkspace, type TWorkspace } from '../../lib/workspace.tsx';

/**
 * Works out the current mission and plan: the plan in the URL wins, then the last choice
 * (localStorage), then the first one available. Switching keeps the page kind (overview, table).
 */
export function useWorkspaceState() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const urlPlanId = matchPath('/plans/:planId/*', location.pathname)?.params.planId;
  const [stored, setStored] = useState(readStoredWorkspace);

  const memberships = me.data?.memberships ?? [];
  const urlPlan = usePlan(urlPlanId);
  const missionId =
    urlPlan.data?.missionId ??
    (memberships.some((m) => m.missionId === stored.missionId) || me.data?.isHeadquartersReader
      ? stored.missionId
      : null) ??
    memberships[0]?.missionId ??
    null;
  const plans = usePlans(missionId);
  const planId =
    urlPlanId ??
    (plans.data?.some((p) => p.id === stored.planId) ? stored.planId : null) ??
    plans.data?.[0]?.id ??
    null;

  useEffect(() => {
    if (missionId !== stored.missionId || planId !== stored.planId) {
      const next = { missionId, planId };
      storeWorkspace(next);
      setStored(next);
    }
  }, [missionId, planId, stored]);

  const selectPlan = useCallback(
    (nextPlanId: string) => {
      const next = { missionId, planId: nextPlanId };
      storeWorkspace(next);
      setStored(next);
      const rest = matchPath('/plans/:planId/*', location.pathname)?.params['*'] ?? '';
      const subPage = rest.startsWith('initiatives') ? '/initiatives' : '';
      void navigate(`/plans/${nextPlanId}${subPage}`);
    },
    [missionId, location.pathname, navigate],
  );

  const selectMission = useCallback(
    (nextMissionId: string) => {
      const next = { missionId: nextMissionId, planId: null };
      storeWorkspace(next);
      setStored(next);
      void navigate('/');
    },
    [navigate],
  );

  const workspace: TWorkspace = useMemo(
    () => ({ missionId, planId, selectMission, selectPlan }),
    [missionId, planId, selectMission, selectPlan],
  );
  return { workspace, plans, me: me.data ?? null };
}
