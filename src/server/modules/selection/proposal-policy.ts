/**
 * Proposals: any member who works in the mission (collaborators included, viewers not) submits
 * them; collaborators see only their own; a draft is seen by its author alone; the author edits
 * until a scoring round includes it; the head of mission and administrators decide.
 */
import { and, eq, ne, or, type SQL } from 'drizzle-orm';
import type { TRole } from '../../../shared/enums.ts';
import type { TActor } from '../../platform/context.ts';
import {
  collaboratorMissionIds,
  fullReadMissionIds,
  hasRole,
  inMissions,
  MANAGER_ROLES,
} from '../../platform/scope.ts';
import { proposals } from './tables.ts';

/** Who may submit proposals: every role that works in the mission. */
export const PROPOSER_ROLES: readonly TRole[] = ['admin', 'head_of_mission', 'officer', 'collaborator'];

export const proposalPolicy = {
  /** Read scope, for every query on proposals. */
  scope(actor: TActor): SQL {
    const own = eq(proposals.authorId, actor.userId);
    const full = and(
      inMissions(proposals.missionId, fullReadMissionIds(actor)),
      or(ne(proposals.status, 'draft'), own),
    )!;
    const collaboratorMissions = collaboratorMissionIds(actor);
    if (collaboratorMissions.length === 0) return full;
    return or(full, and(inMissions(proposals.missionId, collaboratorMissions), own))!;
  },
  canCreate: (actor: TActor, missionId: string) => hasRole(actor, missionId, PROPOSER_ROLES),
  canUpdate: (actor: TActor, proposal: { missionId: string; authorId: string | null }) =>
    proposal.authorId === actor.userId && hasRole(actor, proposal.missionId, PROPOSER_ROLES),
  canArchive: (actor: TActor, proposal: { missionId: string; authorId: string | null }) =>
    proposalPolicy.canUpdate(actor, proposal) || hasRole(actor, proposal.missionId, MANAGER_ROLES),
  canDecide: (actor: TActor, proposal: { missionId: string }) =>
    hasRole(actor, proposal.missionId, MANAGER_ROLES),
};
