import { createRoute } from '@hono/zod-openapi';
import { ZAuditListQuery, ZAuditPage } from '../../../shared/schemas/audit.ts';
import { createRouter, errorResponses, jsonContent } from '../../platform/http/openapi.ts';
import { findAuditEntries } from './audit-log.ts';
import { actorOf } from './auth/middleware.ts';

export const auditRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    tags: ['Audit'],
    summary: "Read a mission's audit log",
    description:
      'Who changed what and when, newest first, with each record before and after. One mission at a time (`missionId` is required); its administrators and head of mission only.',
    request: { query: ZAuditListQuery },
    responses: { 200: jsonContent(ZAuditPage, 'A page of audit entries'), ...errorResponses },
  }),
  async (c) => c.json(await findAuditEntries(c.get('db'), actorOf(c), c.req.valid('query')), 200),
);
