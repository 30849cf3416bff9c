import type { TAuditEntry } from '../../../shared/schemas/audit.ts';
import { isoRequired } from '../../platform/http/dates.ts';
import type { auditLog } from './tables.ts';

/** One audit entry; `user` is null for writes by the command line or a deleted account. */
export function presentAuditEntry(
  row: typeof auditLog.$inferSelect,
  user: { id: string; name: string } | null,
): TAuditEntry {
  return {
    id: row.id,
    at: isoRequired(row.at),
    user,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    before: row.before,
    after: row.after,
  };
}
