/**
 * The final evaluation, the logframe and the report for headquarters: read by the mission's
 * members and by headquarters, but not by external collaborators (it is the mission's own
 * judgement of its work); written by the head of mission and administrators.
 */
import type { TActor } from '../../platform/context.ts';
import { fullReadMissionIds, hasRole, MANAGER_ROLES } from '../../platform/scope.ts';

export const evaluationPolicy = {
  canRead: (actor: TActor, plan: { missionId: string }) => {
    const ids = fullReadMissionIds(actor);
    return ids === 'all' || ids.includes(plan.missionId);
  },
  canUpdate: (actor: TActor, plan: { missionId: string }) => hasRole(actor, plan.missionId, MANAGER_ROLES),
};

export const EVALUATION_READ_DENIED =
  'The evaluation, the logframe and the report are for the mission and headquarters, not for external collaborators.';
export const EVALUATION_CHANGE_DENIED = 'Only the head of mission and administrators change the evaluation.';
