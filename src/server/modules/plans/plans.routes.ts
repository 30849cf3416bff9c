import { createRoute } from '@hono/zod-openapi';
import {
  ZCreatePlanRequest,
  ZPlan,
  ZPlanList,
  ZPlanListQuery,
  ZUpdatePlanRequest,
} from '../../../shared/schemas/plan.ts';
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
import { archivePlan, createPlan, findPlan, findPlans, updatePlan } from './plans.ts';
import { planStructureRoutes } from './structure.routes.ts';

const tags = ['Plans'];

export const planRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans',
      tags,
      summary: 'List plans',
      description:
        'Plans of the missions the caller belongs to (headquarters: every mission), newest period first.',
      request: { query: ZPlanListQuery },
      responses: { 200: jsonContent(ZPlanList, 'The plans'), ...errorResponses },
    }),
    async (c) => c.json({ items: await findPlans(c.get('db'), actorOf(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans',
      tags,
      summary: 'Create a plan',
      description:
        'Head of mission and administrators. The plan starts with the default structure: three focus areas, three vectors and the six phases without dates. The acronym is unique in the mission.',
      request: { body: jsonBody(ZCreatePlanRequest) },
      responses: { 201: jsonContent(ZPlan, 'The new plan'), ...errorResponses },
    }),
    async (c) => c.json(await createPlan(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}',
      tags,
      summary: 'Get a plan with its structure',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZPlan, 'The plan'), ...errorResponses },
    }),
    async (c) => c.json(await findPlan(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/plans/{id}',
      tags,
      summary: 'Update a plan',
      description:
        'Send the `version` you edited; if someone saved since, the answer is 409 and nothing changes.',
      request: { params: ZIdParam, body: jsonBody(ZUpdatePlanRequest) },
      responses: { 200: jsonContent(ZPlan, 'The updated plan'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(await updatePlan(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/plans/{id}',
      tags,
      summary: 'Archive a plan',
      description: 'Archived plans leave the list (see `includeArchived`); their initiatives stay.',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: { 200: jsonContent(ZPlan, 'The archived plan'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await archivePlan(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('query').version),
        200,
      ),
  )
  .route('/', planStructureRoutes);
