import { createRoute } from '@hono/zod-openapi';
import {
  ZCreateOrganisationRequest,
  ZOrganisation,
  ZOrganisationDetail,
  ZOrganisationListQuery,
  ZOrganisationPage,
  ZUpdateOrganisationRequest,
} from '../../../shared/schemas/organisation.ts';
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
  archiveOrganisation,
  createOrganisation,
  findOrganisation,
  findOrganisations,
  updateOrganisation,
} from './organisations.ts';

const tags = ['Organisations'];

export const organisationRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations',
      tags,
      summary: 'List organisations',
      description:
        "Partners and stakeholders of the caller's missions, filtered, sorted and paginated. External collaborators see none.",
      request: { query: ZOrganisationListQuery },
      responses: { 200: jsonContent(ZOrganisationPage, 'A page of organisations'), ...errorResponses },
    }),
    async (c) => c.json(await findOrganisations(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/organisations',
      tags,
      summary: 'Add an organisation',
      description: '`newActorStatus` applies only when `isNewActor` is true.',
      request: { body: jsonBody(ZCreateOrganisationRequest) },
      responses: { 201: jsonContent(ZOrganisation, 'The new organisation'), ...errorResponses },
    }),
    async (c) => c.json(await createOrganisation(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}',
      tags,
      summary: 'Get an organisation',
      description: 'With the initiatives it takes part in that the caller can see.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZOrganisationDetail, 'The organisation'), ...errorResponses },
    }),
    async (c) => c.json(await findOrganisation(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/organisations/{id}',
      tags,
      summary: 'Update an organisation',
      description:
        'Send the `version` you edited; if someone saved since, the answer is 409 and nothing changes. Turning `isNewActor` off clears `newActorStatus`.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateOrganisationRequest) },
      responses: {
        200: jsonContent(ZOrganisation, 'The updated organisation'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateOrganisation(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/organisations/{id}',
      tags,
      summary: 'Archive an organisation',
      description: 'Archived organisations leave the list (see `includeArchived`); initiatives keep them.',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZOrganisation, 'The archived organisation'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveOrganisation(
          c.get('db'),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('query').version,
        ),
        200,
      ),
  );
