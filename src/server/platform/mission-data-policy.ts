/**
 * Policies for mission data that has no per-record rule: plans and their structure,
 * organisations, people. Plans are readable by every member (collaborators included, they
 * need the plan's frame); organisations and people are the mission's contacts, not shown to
 * external collaborators.
 */
import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TActor } from './context.ts';
import {
  fullReadMissionIds,
  hasRole,
  inMissions,
  MANAGER_ROLES,
  memberMissionIds,
  WRITER_ROLES,
} from './scope.ts';

export const planPolicy = {
  scope: (actor: TActor, missionColumn: PgColumn) => inMissions(missionColumn, memberMissionIds(actor)),
  canCreate: (actor: TActor, missionId: string) => hasRole(actor, missionId, MANAGER_ROLES),
  canUpdate: (actor: TActor, plan: { missionId: string }) => hasRole(actor, plan.missionId, MANAGER_ROLES),
  canArchive: (actor: TActor, plan: { missionId: string }) => hasRole(actor, plan.missionId, MANAGER_ROLES),
};

export const contactPolicy = {
  scope: (actor: TActor, missionColumn: PgColumn): SQL =>
    inMissions(missionColumn, fullReadMissionIds(actor)),
  /** The record-level twin of `scope`, for contacts named inside other records. */
  canRead: (actor: TActor, missionId: string) => {
    const ids = fullReadMissionIds(actor);
    return ids === 'all' || ids.includes(missionId);
  },
  canCreate: (actor: TActor, missionId: string) => hasRole(actor, missionId, WRITER_ROLES),
  canUpdate: (actor: TActor, record: { missionId: string }) => hasRole(actor, record.missionId, WRITER_ROLES),
  canArchive: (actor: TActor, record: { missionId: string }) =>
    hasRole(actor, record.missionId, WRITER_ROLES),
};

export const missionPolicy = {
  scope: (actor: TActor, idColumn: PgColumn) => inMissions(idColumn, memberMissionIds(actor)),
  canUpdate: (actor: TActor, mission: { id: string }) => hasRole(actor, mission.id, ['admin']),
  canManageMembers: (actor: TActor, missionId: string) => hasRole(actor, missionId, ['admin']),
  canReadAudit: (actor: TActor, missionId: string) => hasRole(actor, missionId, MANAGER_ROLES),
  canReadMembers: (actor: TActor, missionId: string) => hasRole(actor, missionId, MANAGER_ROLES),
};
