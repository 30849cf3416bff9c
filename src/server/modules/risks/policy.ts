/**
 * Risks, alarm variables, alerts and tasks are the mission's internal monitoring: its members
 * read them (headquarters reads every mission's), writers change them, managers edit the plan's
 * risk areas and matrix. External collaborators do not see the register; they see an alert's
 * warning on the initiatives they are assigned to (through the initiative's own scope).
 */
import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TActor } from '../../platform/context.ts';
import {
  fullReadMissionIds,
  hasRole,
  inMissions,
  MANAGER_ROLES,
  WRITER_ROLES,
} from '../../platform/scope.ts';

export const riskPolicy = {
  /** Read scope, for every query on risks, alarm variables, alerts and tasks. */
  scope: (actor: TActor, missionColumn: PgColumn): SQL =>
    inMissions(missionColumn, fullReadMissionIds(actor)),
  canWrite: (actor: TActor, record: { missionId: string }) => hasRole(actor, record.missionId, WRITER_ROLES),
  canEditSettings: (actor: TActor, plan: { missionId: string }) =>
    hasRole(actor, plan.missionId, MANAGER_ROLES),
};
