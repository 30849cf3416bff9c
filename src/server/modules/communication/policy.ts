/**
 * Communication: the strategy is the plan's frame, read by every member (collaborators and
 * headquarters included) and edited by the writer roles; media contacts are the mission's
 * contacts (not shown to external collaborators); a press release is read by whoever sees its
 * initiative, written by the writer roles, approved (or sent back to draft) by the head of
 * mission and administrators, and marked sent by the writer roles.
 */
import type { TPressReleaseStatus } from '../../../shared/enums.ts';
import type { TActor } from '../../platform/context.ts';
import { contactPolicy } from '../../platform/mission-data-policy.ts';
import { hasRole, MANAGER_ROLES, WRITER_ROLES } from '../../platform/scope.ts';

export const strategyPolicy = {
  canUpdate: (actor: TActor, plan: { missionId: string }) => hasRole(actor, plan.missionId, WRITER_ROLES),
};

export const mediaContactPolicy = contactPolicy;

export const pressReleasePolicy = {
  canCreate: (actor: TActor, missionId: string) => hasRole(actor, missionId, WRITER_ROLES),
  canUpdate: (actor: TActor, release: { missionId: string }) =>
    hasRole(actor, release.missionId, WRITER_ROLES),
  /** Approving, and withdrawing an approval, is the head of mission's call; sending is anyone's who writes. */
  canMoveTo: (
    actor: TActor,
    release: { missionId: string; status: TPressReleaseStatus },
    to: TPressReleaseStatus,
  ) =>
    to === 'sent'
      ? hasRole(actor, release.missionId, WRITER_ROLES)
      : hasRole(actor, release.missionId, MANAGER_ROLES),
  canArchive: (actor: TActor, release: { missionId: string }) =>
    hasRole(actor, release.missionId, WRITER_ROLES),
};
