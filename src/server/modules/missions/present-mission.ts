import type { TMission, TMissionMember } from '../../../shared/schemas/mission.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import type { memberships, missions, users } from './tables.ts';

type TMissionRow = typeof missions.$inferSelect;

/** Exactly the fields of a mission that leave the server. */
export function presentMission(row: TMissionRow): TMission {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    hostCountry: row.hostCountry,
    defaultLocale: row.defaultLocale,
    currency: row.currency,
    timeZone: row.timeZone,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}

export interface TMemberRow {
  userId: (typeof users.$inferSelect)['id'];
  email: (typeof users.$inferSelect)['email'];
  name: (typeof users.$inferSelect)['name'];
  isActive: (typeof users.$inferSelect)['isActive'];
  role: (typeof memberships.$inferSelect)['role'];
  status: (typeof memberships.$inferSelect)['status'];
  createdAt: (typeof memberships.$inferSelect)['createdAt'];
}

/** A membership as the mission's administrators see it: no password, no sessions, no other missions. */
export function presentMember(row: TMemberRow): TMissionMember {
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    isActive: row.isActive,
    memberSince: isoRequired(row.createdAt),
  };
}
