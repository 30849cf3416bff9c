/**
 * Bilateral knowledge base: read like the mission's contacts and press review (members with full
 * read and headquarters; not external collaborators), written by the mission's writers.
 */
import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TActor } from '../../platform/context.ts';
import { fullReadMissionIds, hasRole, inMissions, WRITER_ROLES } from '../../platform/scope.ts';

export const bilateralPolicy = {
  scope: (actor: TActor, missionColumn: PgColumn): SQL =>
    inMissions(missionColumn, fullReadMissionIds(actor)),
  canWrite: (actor: TActor, missionId: string) => hasRole(actor, missionId, WRITER_ROLES),
};
