import { z } from 'zod';
import { ZPage, ZPageQuery, zRequiredLine } from './common.ts';

export const ZAuditListQuery = ZPageQuery.extend({
  /** Required: the audit log is read one mission at a time. */
  missionId: z.uuid({
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be an identifier (UUID)'),
  }),
  /** `initiative`, `plan`, `organisation`, `person`, `membership`, … */
  entity: zRequiredLine(50).optional(),
  entityId: zRequiredLine(100).optional(),
});
export type TAuditListQuery = z.infer<typeof ZAuditListQuery>;

/** One write: who, when, on what, and the record before and after. */
export const ZAuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    /** Null for writes made by the command line or the system. */
    user: z.object({ id: z.string(), name: z.string() }).nullable(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditPage = ZPage(ZAuditEntry).meta({ id: 'AuditPage' });
