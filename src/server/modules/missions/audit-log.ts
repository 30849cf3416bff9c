/** Reading the audit log: one mission at a time, for the people who run it. */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { TAuditEntry, TAuditListQuery } from '../../../shared/schemas/audit.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { missionPolicy } from '../../platform/mission-data-policy.ts';
import { selectPage } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { loadVisibleMission } from './missions.ts';
import { presentAuditEntry } from './present-audit.ts';
import { auditLog, users } from './tables.ts';

/**
 * A page of a mission's audit log, newest first.
 * @throws 404 mission not visible, 403 not its administrator or head of mission.
 */
export async function findAuditEntries(
  db: DbOrTx,
  actor: TActor,
  query: TAuditListQuery,
): Promise<{ items: TAuditEntry[]; total: number; limit: number; offset: number }> {
  await loadVisibleMission(db, actor, query.missionId);
  authorize(
    missionPolicy.canReadAudit(actor, query.missionId),
    "Only the mission's administrators and head read its audit log.",
  );
  const where: SQL[] = [eq(auditLog.missionId, query.missionId)];
  if (query.entity) where.push(eq(auditLog.entity, query.entity));
  if (query.entityId) where.push(eq(auditLog.entityId, query.entityId));
  const { rows, total } = await selectPage(db, auditLog, {
    where: and(...where),
    orderBy: [desc(auditLog.at), desc(auditLog.id)],
    limit: query.limit,
    offset: query.offset,
  });
  const userIds = [...new Set(rows.map((r) => r.userId).filter((v): v is string => !!v))];
  const names = userIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
    : [];
  const userById = new Map(names.map((u) => [u.id, u]));
  return {
    items: rows.map((row) => presentAuditEntry(row, row.userId ? (userById.get(row.userId) ?? null) : null)),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
