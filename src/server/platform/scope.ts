/**
 * The one place where queries are scoped to the caller's missions.
 *
 * - Members of a `headquarters` mission read every mission's data (and change only their own).
 * - `collaborator`s are external: in their missions they see only the initiatives they are
 *   assigned to (see `policies/initiative.ts`), not the mission's contacts.
 * - Everything else is readable by the mission's members, writable by its writer roles.
 */
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { TRole } from '../../shared/enums.ts';
import type { TActor } from './context.ts';
import { forbidden } from './http/problem.ts';

export const WRITER_ROLES: readonly TRole[] = ['admin', 'head_of_mission', 'officer'];
export const MANAGER_ROLES: readonly TRole[] = ['admin', 'head_of_mission'];

export function roleIn(actor: TActor, missionId: string): TRole | null {
  return actor.memberships.find((m) => m.missionId === missionId)?.role ?? null;
}

export function isHeadquartersReader(actor: TActor): boolean {
  return actor.memberships.some((m) => m.missionKind === 'headquarters');
}

/** Missions whose data the actor reads in full (`'all'` for headquarters members). */
export function fullReadMissionIds(actor: TActor): 'all' | string[] {
  if (isHeadquartersReader(actor)) return 'all';
  return actor.memberships.filter((m) => m.role !== 'collaborator').map((m) => m.missionId);
}

/** Missions where the actor is a collaborator (and nothing more). */
export function collaboratorMissionIds(actor: TActor): string[] {
  if (isHeadquartersReader(actor)) return [];
  return actor.memberships.filter((m) => m.role === 'collaborator').map((m) => m.missionId);
}

/** Every mission the actor belongs to or, from headquarters, can see. */
export function memberMissionIds(actor: TActor): 'all' | string[] {
  if (isHeadquartersReader(actor)) return 'all';
  return actor.memberships.map((m) => m.missionId);
}

/** `column IN (ids)`, `true` for all, `false` for none. */
export function inMissions(column: PgColumn | SQL, ids: 'all' | string[]): SQL {
  if (ids === 'all') return sql`true`;
  if (ids.length === 0) return sql`false`;
  return inArray(column as PgColumn, ids);
}

export function hasRole(actor: TActor, missionId: string, roles: readonly TRole[]): boolean {
  const role = roleIn(actor, missionId);
  return role !== null && roles.includes(role);
}

/**
 * Throws 403 unless `allowed`. Use after the record was loaded through a scoped query, so that
 * records of other missions have already become 404s.
 * @example authorize(can.update(actor, initiative));
 */
export function authorize(allowed: boolean, detail?: string): void {
  if (!allowed) throw forbidden(detail);
}
