/**
 * Results and impact: indicators, their values and social metrics are the mission's
 * monitoring data — read by its members other than external collaborators (and by
 * headquarters), written by the writer roles. An initiative's own results follow the
 * initiative (`policies/initiative.ts`): an assigned collaborator records them too.
 */
import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TActor } from '../../platform/context.ts';
import { fullReadMissionIds, hasRole, inMissions, WRITER_ROLES } from '../../platform/scope.ts';

export const RESULTS_WRITE_DENIED =
  'Only administrators, the head of mission and officers of this mission record indicators and social metrics.';

export const resultsPolicy = {
  scope: (actor: TActor, missionColumn: PgColumn): SQL =>
    inMissions(missionColumn, fullReadMissionIds(actor)),
  canWrite: (actor: TActor, record: { missionId: string }) => hasRole(actor, record.missionId, WRITER_ROLES),
};
