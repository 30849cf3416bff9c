import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { SYSTEM_USER_ID } from './system-actor.ts';
import { auditLog } from './tables.ts';

export type TAuditAction =
  | 'create'
  | 'update'
  | 'archive'
  | 'restore'
  | 'delete'
  | 'import'
  | 'sign_in'
  | 'sign_in_link'
  | 'password';

/** Records one write. Call inside the write's transaction so that both land or neither does. */
export async function writeAudit(
  db: DbOrTx,
  entry: {
    actor: TActor | null;
    missionId: string | null;
    entity: string;
    entityId: string;
    action: TAuditAction;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await db.insert(auditLog).values({
    userId: entry.actor && entry.actor.userId !== SYSTEM_USER_ID ? entry.actor.userId : null,
    missionId: entry.missionId,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
