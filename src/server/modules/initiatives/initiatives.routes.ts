import { createRoute } from '@hono/zod-openapi';
import {
  ZCreateInitiativeRequest,
  ZInitiative,
  ZInitiativeListQuery,
  ZInitiativePage,
  ZUpdateInitiativeRequest,
} from '../../../shared/schemas/initiative.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZArchiveQuery,
  ZIdParam,
} from '../../platform/http/openapi.ts';
import { actorOf } from '../missions/index.ts';
import {
  archiveInitiative,
  createInitiative,
  findInitiative,
  findInitiatives,
  updateInitiative,
} from './initiatives.ts';

const tags = ['Initiatives'];

export const initiativeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/initiatives',
      tags,
      summary: 'List initiatives',
      description: 'Initiatives the caller can see, filtered, sorted and paginated.',
      request: { query: ZInitiativeListQuery },
      responses: { 200: jsonContent(ZInitiativePage, 'A page of initiatives'), ...errorResponses },
    }),
    async (c) => c.json(await findInitiatives(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/initiatives',
      tags,
      summary: 'Create an initiative',
      request: { body: jsonBody(ZCreateInitiativeRequest) },
      responses: { 201: jsonContent(ZInitiative, 'The new initiative'), ...errorResponses },
    }),
    async (c) => c.json(await createInitiative(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/initiatives/{id}',
      tags,
      summary: 'Get an initiative',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZInitiative, 'The initiative'), ...errorResponses },
    }),
    async (c) => c.json(await findInitiative(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/initiatives/{id}',
      tags,
      summary: 'Update an initiative',
      description:
        'Send the `version` you edited; if someone saved since, the answer is 409 and nothing changes.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateInitiativeRequest) },
      responses: {
        200: jsonContent(ZInitiative, 'The updated initiative'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateInitiative(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/initiatives/{id}',
      tags,
      summary: 'Archive an initiative',
      description: 'Archived initiatives leave the lists (see `includeArchived`) and stay in the audit log.',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZInitiative, 'The archived initiative'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveInitiative(
          c.get('db'),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('query').version,
        ),
        200,
      ),
  );
