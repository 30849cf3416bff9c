import { createRoute } from '@hono/zod-openapi';
import {
  ZCreatePersonRequest,
  ZPerson,
  ZPersonDetail,
  ZPersonListQuery,
  ZPersonPage,
  ZUpdatePersonRequest,
} from '../../../shared/schemas/person.ts';
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
import { archivePerson, createPerson, findPeople, findPerson, updatePerson } from './people.ts';

const tags = ['People'];

export const personRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/people',
      tags,
      summary: 'List people',
      description:
        "Team members and media contacts of the caller's missions, filtered, sorted and paginated. External collaborators see none.",
      request: { query: ZPersonListQuery },
      responses: { 200: jsonContent(ZPersonPage, 'A page of people'), ...errorResponses },
    }),
    async (c) => c.json(await findPeople(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/people',
      tags,
      summary: 'Add a person',
      description: 'The link to a user account (`userId`) is not set here.',
      request: { body: jsonBody(ZCreatePersonRequest) },
      responses: { 201: jsonContent(ZPerson, 'The new person'), ...errorResponses },
    }),
    async (c) => c.json(await createPerson(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/people/{id}',
      tags,
      summary: 'Get a person',
      description: 'With the initiatives they own or are delegated that the caller can see.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZPersonDetail, 'The person'), ...errorResponses },
    }),
    async (c) => c.json(await findPerson(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/people/{id}',
      tags,
      summary: 'Update a person',
      description:
        'Send the `version` you edited; if someone saved since, the answer is 409 and nothing changes.',
      request: { params: ZIdParam, body: jsonBody(ZUpdatePersonRequest) },
      responses: {
        200: jsonContent(ZPerson, 'The updated person'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(await updatePerson(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/people/{id}',
      tags,
      summary: 'Archive a person',
      description: 'Archived people leave the list (see `includeArchived`); their assignments stay.',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZPerson, 'The archived person'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archivePerson(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('query').version),
        200,
      ),
  );
