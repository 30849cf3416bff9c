import { and, exists, or, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../../platform/context.ts';
import {
  collaboratorMissionIds,
  fullReadMissionIds,
  hasRole,
  inMissions,
  WRITER_ROLES,
} from '../../platform/scope.ts';
import { people } from '../partners/index.ts';
import { initiativeDelegates, initiatives } from './tables.ts';

/** SQL: the initiative is owned or delegated to a person linked to this user. */
export function isAssignedTo(userId: string): SQL {
  return exists(
    sql`(select 1 from ${people} where ${people.userId} = ${userId} and (${people.id} = ${initiatives.ownerId} or ${exists(
      sql`(select 1 from ${initiativeDelegates} where ${initiativeDelegates.initiativeId} = ${initiatives.id} and ${initiativeDelegates.personId} = ${people.id})`,
    )}))`,
  );
}

export const initiativePolicy = {
  /** Read scope, for every query on initiatives. */
  scope(actor: TActor): SQL {
    const collaboratorMissions = collaboratorMissionIds(actor);
    const full = inMissions(initiatives.missionId, fullReadMissionIds(actor));
    if (collaboratorMissions.length === 0) return full;
    return or(
      full,
      and(inMissions(initiatives.missionId, collaboratorMissions), isAssignedTo(actor.userId)),
    )!;
  },
  canCreate: (actor: TActor, missionId: string) => hasRole(actor, missionId, WRITER_ROLES),
  /** `isAssigned`: the actor's person is the owner or a delegate. */
  canUpdate: (actor: TActor, initiative: { missionId: string; isAssigned: boolean }) =>
    hasRole(actor, initiative.missionId, WRITER_ROLES) ||
    (hasRole(actor, initiative.missionId, ['collaborator']) && initiative.isAssigned),
  canArchive: (actor: TActor, initiative: { missionId: string }) =>
    hasRole(actor, initiative.missionId, WRITER_ROLES),
  /** Collaborators may not reassign work or move it between plans. */
  canAssign: (actor: TActor, initiative: { missionId: string }) =>
    hasRole(actor, initiative.missionId, WRITER_ROLES),
};
