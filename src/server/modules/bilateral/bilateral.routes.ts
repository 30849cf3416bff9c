import { createRoute } from '@hono/zod-openapi';
import {
  ZBilateralFact,
  ZBilateralFactFromClippingRequest,
  ZBilateralFactList,
  ZBilateralFactListQuery,
  ZCreateBilateralFactRequest,
  ZUpdateBilateralFactRequest,
} from '../../../shared/schemas/bilateral.ts';
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
  archiveBilateralFact,
  createBilateralFact,
  createBilateralFactFromClipping,
  findBilateralFact,
  findBilateralFacts,
  updateBilateralFact,
} from './bilateral.ts';

const tags = ['Bilateral'];

export const bilateralRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/bilateral-facts',
      tags,
      summary: 'List bilateral facts',
      description:
        'Visits, agreements and economic figures of the missions the caller reads in full, oldest first (a timeline), filtered by kind and date range.',
      request: { query: ZBilateralFactListQuery },
      responses: { 200: jsonContent(ZBilateralFactList, 'The facts, by date'), ...errorResponses },
    }),
    async (c) => c.json(await findBilateralFacts(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/bilateral-facts',
      tags,
      summary: 'Add a bilateral fact',
      description: 'An economic figure needs its `value`.',
      request: { body: jsonBody(ZCreateBilateralFactRequest) },
      responses: { 201: jsonContent(ZBilateralFact, 'The new fact'), ...errorResponses },
    }),
    async (c) => c.json(await createBilateralFact(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/bilateral-facts/{id}',
      tags,
      summary: 'Get a bilateral fact',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZBilateralFact, 'The fact'), ...errorResponses },
    }),
    async (c) => c.json(await findBilateralFact(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/bilateral-facts/{id}',
      tags,
      summary: 'Update a bilateral fact',
      description:
        'Send the `version` you edited; if someone saved since, the answer is 409 and nothing changes.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateBilateralFactRequest) },
      responses: {
        200: jsonContent(ZBilateralFact, 'The updated fact'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateBilateralFact(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/bilateral-facts/{id}',
      tags,
      summary: 'Archive a bilateral fact',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZBilateralFact, 'The archived fact'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveBilateralFact(
          c.get('db'),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('query').version,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/press/items/{id}/bilateral-facts',
      tags,
      summary: 'Create a bilateral fact from a clipping',
      description:
        "Pre-filled with the clipping's title, publication date and link; `figureIndex` picks one of its figures for the value and currency.",
      request: { params: ZIdParam, body: jsonBody(ZBilateralFactFromClippingRequest) },
      responses: { 201: jsonContent(ZBilateralFact, 'The new fact'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await createBilateralFactFromClipping(
          c.get('db'),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  );
