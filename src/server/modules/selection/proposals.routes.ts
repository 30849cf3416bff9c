import { createRoute } from '@hono/zod-openapi';
import {
  ZCreateProposalRequest,
  ZDecisionRequest,
  ZProposal,
  ZProposalDetail,
  ZProposalListQuery,
  ZProposalPage,
  ZUpdateProposalRequest,
} from '../../../shared/schemas/proposal.ts';
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
  archiveProposal,
  createProposal,
  decideProposal,
  findProposal,
  findProposals,
  updateProposal,
} from './proposals.ts';

const tags = ['Proposals'];

export const proposalRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/proposals',
      tags,
      summary: 'List proposals',
      description:
        'Proposals the caller can see, newest first: collaborators see only their own; drafts are seen by their author alone.',
      request: { query: ZProposalListQuery },
      responses: { 200: jsonContent(ZProposalPage, 'A page of proposals'), ...errorResponses },
    }),
    async (c) => c.json(await findProposals(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/proposals',
      tags,
      summary: 'Submit a proposal',
      description:
        'Any member who works in the mission, collaborators included (viewers do not). `status: draft` keeps it to the author.',
      request: { body: jsonBody(ZCreateProposalRequest) },
      responses: { 201: jsonContent(ZProposal, 'The new proposal'), ...errorResponses },
    }),
    async (c) => c.json(await createProposal(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/proposals/{id}',
      tags,
      summary: 'Get a proposal with its decision history',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZProposalDetail, 'The proposal'), ...errorResponses },
    }),
    async (c) => c.json(await findProposal(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/proposals/{id}',
      tags,
      summary: 'Update a proposal',
      description:
        'The author only, until a scoring round opens on it (then 409). Send the `version` you edited; if someone saved since, the answer is 409 and nothing changes.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateProposalRequest) },
      responses: {
        200: jsonContent(ZProposal, 'The updated proposal'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateProposal(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/proposals/{id}',
      tags,
      summary: 'Archive a proposal',
      description: 'Its author before any round, or the head of mission and administrators.',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZProposal, 'The archived proposal'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveProposal(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('query').version),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/proposals/{id}/decisions',
      tags,
      summary: 'Decide on a proposal',
      description:
        'Head of mission and administrators: approve (creates an initiative in status `approved` in the plan), reject or park, always with a reason. A decision can be revisited: each one is kept, the latest is current.',
      request: { params: ZIdParam, body: jsonBody(ZDecisionRequest) },
      responses: {
        201: jsonContent(ZProposalDetail, 'The proposal with its decision history'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await decideProposal(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );
