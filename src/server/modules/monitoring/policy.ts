/**
 * Policies for the weekly monitoring: staff meetings and their minutes are the mission team's
 * (readable by its members and headquarters, not by external collaborators; written by the
 * writer roles). Lessons follow their initiative: whoever may edit it may record a lesson.
 */
import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TActor } from '../../platform/context.ts';
import { fullReadMissionIds, hasRole, inMissions, WRITER_ROLES } from '../../platform/scope.ts';

export const meetingPolicy = {
  scope: (actor: TActor, missionColumn: PgColumn): SQL =>
    inMissions(missionColumn, fullReadMissionIds(actor)),
  canWrite: (actor: TActor, record: { missionId: string }) => hasRole(actor, record.missionId, WRITER_ROLES),
};

export const teamPolicy = {
  /** Suggestions and the assignment history show the mission's team: not for external collaborators. */
  canReadTeam: (actor: TActor, missionId: string) => {
    const ids = fullReadMissionIds(actor);
    return ids === 'all' || ids.includes(missionId);
  },
};
