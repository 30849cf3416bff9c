/**
 * A plan's structure: objectives, phases, focus areas, vectors and programmes. Lists and
 * creation hang under the plan (`/plans/{planId}/…`); a record is changed at its own address.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ZQueryVersion } from '../../../shared/schemas/common.ts';
import {
  ZCreateObjectiveRequest,
  ZCreateProgrammeRequest,
  ZCreateStructureItemRequest,
  ZFocusArea,
  ZFocusAreaList,
  ZObjective,
  ZObjectiveList,
  ZPhase,
  ZPhaseParams,
  ZPlanIdParam,
  ZProgramme,
  ZProgrammeList,
  ZUpdateObjectiveRequest,
  ZUpdatePhaseRequest,
  ZUpdateProgrammeRequest,
  ZUpdateStructureItemRequest,
  ZVector,
  ZVectorList,
} from '../../../shared/schemas/plan.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZIdParam,
} from '../../platform/http/openapi.ts';
import { actorOf } from '../missions/index.ts';
import {
  createObjective,
  createProgramme,
  createStructureItem,
  deleteObjective,
  deleteProgramme,
  deleteStructureItem,
  findObjectives,
  findProgrammes,
  findStructureItems,
  type TStructureList,
  updateObjective,
  updatePhase,
  updateProgramme,
  updateStructureItem,
} from './structure.ts';

const tags = ['Plan structure'];
const deleted = { 204: { description: 'Deleted' } } as const;
const ZDeleteQuery = z.object({ version: ZQueryVersion.optional() });

const objectiveRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{planId}/objectives',
      tags,
      summary: "List a plan's objectives",
      description: 'Level 1 (what the plan achieves outside) first, then level 2 (how the team works).',
      request: { params: ZPlanIdParam },
      responses: { 200: jsonContent(ZObjectiveList, 'The objectives'), ...errorResponses },
    }),
    async (c) =>
      c.json({ items: await findObjectives(c.get('db'), actorOf(c), c.req.valid('param').planId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans/{planId}/objectives',
      tags,
      summary: 'Add an objective',
      description: 'Added at the end of its level unless a position is given.',
      request: { params: ZPlanIdParam, body: jsonBody(ZCreateObjectiveRequest) },
      responses: { 201: jsonContent(ZObjective, 'The new objective'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await createObjective(c.get('db'), actorOf(c), c.req.valid('param').planId, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/objectives/{id}',
      tags,
      summary: 'Update an objective',
      description: 'Objectives have no version: the last write wins.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateObjectiveRequest) },
      responses: { 200: jsonContent(ZObjective, 'The updated objective'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateObjective(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/objectives/{id}',
      tags,
      summary: 'Delete an objective',
      request: { params: ZIdParam },
      responses: { ...deleted, ...errorResponses },
    }),
    async (c) => {
      await deleteObjective(c.get('db'), actorOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

const phaseRoutes = createRouter().openapi(
  createRoute({
    method: 'patch',
    path: '/plans/{planId}/phases/{kind}',
    tags,
    summary: 'Set the dates of a phase',
    description: 'One of the six phases of the project cycle; the end must not be before the start.',
    request: { params: ZPhaseParams, body: jsonBody(ZUpdatePhaseRequest) },
    responses: { 200: jsonContent(ZPhase, 'The phase'), ...errorResponses },
  }),
  async (c) => {
    const { planId, kind } = c.req.valid('param');
    return c.json(await updatePhase(c.get('db'), actorOf(c), planId, kind, c.req.valid('json')), 200);
  },
);

/** The same five routes for focus areas and vectors. */
function structureListRoutes(
  list: TStructureList,
  options: { path: string; noun: string; schema: typeof ZFocusArea; listSchema: typeof ZFocusAreaList },
) {
  const { path, noun, schema, listSchema } = options;
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: `/plans/{planId}/${path}`,
        tags,
        summary: `List a plan's ${noun}s`,
        request: { params: ZPlanIdParam },
        responses: { 200: jsonContent(listSchema, `The ${noun}s, in order`), ...errorResponses },
      }),
      async (c) =>
        c.json(
          { items: await findStructureItems(c.get('db'), actorOf(c), list, c.req.valid('param').planId) },
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: `/plans/{planId}/${path}`,
        tags,
        summary: `Add a ${noun}`,
        description: 'The key is made from the name when not given; a chosen key must be free in the plan.',
        request: { params: ZPlanIdParam, body: jsonBody(ZCreateStructureItemRequest) },
        responses: { 201: jsonContent(schema, `The new ${noun}`), ...errorResponses },
      }),
      async (c) =>
        c.json(
          await createStructureItem(
            c.get('db'),
            actorOf(c),
            list,
            c.req.valid('param').planId,
            c.req.valid('json'),
          ),
          201,
        ),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: `/${path}/{id}`,
        tags,
        summary: `Update a ${noun}`,
        description: `${noun[0]!.toUpperCase()}${noun.slice(1)}s have no version: the last write wins.`,
        request: { params: ZIdParam, body: jsonBody(ZUpdateStructureItemRequest) },
        responses: { 200: jsonContent(schema, `The updated ${noun}`), ...errorResponses },
      }),
      async (c) =>
        c.json(
          await updateStructureItem(
            c.get('db'),
            actorOf(c),
            list,
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: `/${path}/{id}`,
        tags,
        summary: `Delete a ${noun}`,
        description: `409 while initiatives (not archived) use the ${noun}.`,
        request: { params: ZIdParam },
        responses: { ...deleted, ...errorResponses, ...conflictResponse },
      }),
      async (c) => {
        await deleteStructureItem(c.get('db'), actorOf(c), list, c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
}

const programmeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{planId}/programmes',
      tags,
      summary: "List a plan's special programmes",
      request: { params: ZPlanIdParam },
      responses: { 200: jsonContent(ZProgrammeList, 'The programmes, by name'), ...errorResponses },
    }),
    async (c) =>
      c.json({ items: await findProgrammes(c.get('db'), actorOf(c), c.req.valid('param').planId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans/{planId}/programmes',
      tags,
      summary: 'Add a special programme',
      description: 'Colours are #RRGGBB; the key is made from the name when not given.',
      request: { params: ZPlanIdParam, body: jsonBody(ZCreateProgrammeRequest) },
      responses: { 201: jsonContent(ZProgramme, 'The new programme'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await createProgramme(c.get('db'), actorOf(c), c.req.valid('param').planId, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/programmes/{id}',
      tags,
      summary: 'Update a special programme',
      description:
        'Send the `version` you edited; if someone saved since, the answer is 409 and nothing changes.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateProgrammeRequest) },
      responses: {
        200: jsonContent(ZProgramme, 'The updated programme'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateProgramme(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/programmes/{id}',
      tags,
      summary: 'Delete a special programme',
      description: '409 when `version` is stale or while initiatives (not archived) use the programme.',
      request: { params: ZIdParam, query: ZDeleteQuery },
      responses: { ...deleted, ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      await deleteProgramme(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('query').version);
      return c.body(null, 204);
    },
  );

export const planStructureRoutes = createRouter()
  .route('/', objectiveRoutes)
  .route('/', phaseRoutes)
  .route(
    '/',
    structureListRoutes('focusArea', {
      path: 'focus-areas',
      noun: 'focus area',
      schema: ZFocusArea,
      listSchema: ZFocusAreaList,
    }),
  )
  .route(
    '/',
    structureListRoutes('vector', {
      path: 'vectors',
      noun: 'vector',
      schema: ZVector,
      listSchema: ZVectorList,
    }),
  )
  .route('/', programmeRoutes);
