import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ZCloseRoundRequest,
  ZOpenRoundRequest,
  ZPlanBalance,
  ZRound,
  ZRoundList,
  ZRoundListQuery,
  ZRoundResults,
  ZRoundScoreParams,
  ZScore,
  ZScoreRequest,
  ZSelectionSettings,
  ZUpdateSelectionSettingsRequest,
} from '../../../shared/schemas/scoring.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZIdParam,
} from '../../platform/http/openapi.ts';
import { actorOf } from '../missions/index.ts';
import { findPlanBalance, findSelectionSettings, updateSelectionSettings } from './portfolio.ts';
import {
  closeRound,
  exportRoundResults,
  findRound,
  findRoundResults,
  findRounds,
  openRound,
  submitScore,
} from './scoring.ts';

const tags = ['Scoring'];

export const scoringRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/scoring-rounds',
      tags,
      summary: 'List scoring rounds',
      description: "Rounds of the caller's missions (collaborators: the rounds they evaluate), newest first.",
      request: { query: ZRoundListQuery },
      responses: { 200: jsonContent(ZRoundList, 'The rounds'), ...errorResponses },
    }),
    async (c) => c.json({ items: await findRounds(c.get('db'), actorOf(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/scoring-rounds',
      tags,
      summary: 'Open a scoring round',
      description:
        'Head of mission and administrators, on submitted or parked proposals of one plan, with evaluators who are members of the mission. The proposals can no longer be edited by their authors.',
      request: { body: jsonBody(ZOpenRoundRequest) },
      responses: { 201: jsonContent(ZRound, 'The new round'), ...errorResponses },
    }),
    async (c) => c.json(await openRound(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scoring-rounds/{id}',
      tags,
      summary: 'Get a scoring round',
      description: 'With who has not scored which proposals yet, and the caller’s own scores.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZRound, 'The round'), ...errorResponses },
    }),
    async (c) => c.json(await findRound(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/scoring-rounds/{id}/close',
      tags,
      summary: 'Close a scoring round',
      description: 'A closed round accepts no scores. Send the `version` you saw.',
      request: { params: ZIdParam, body: jsonBody(ZCloseRoundRequest) },
      responses: { 200: jsonContent(ZRound, 'The closed round'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await closeRound(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json').version),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/scoring-rounds/{id}/scores/{proposalId}',
      tags,
      summary: "Score a proposal (the caller's scores)",
      description:
        'Named evaluators only. Each criterion from 1 to 5, with an optional comment. Scoring again replaces the earlier scores. A closed round answers 409.',
      request: { params: ZRoundScoreParams, body: jsonBody(ZScoreRequest) },
      responses: { 200: jsonContent(ZScore, 'The scores as stored'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      const { id, proposalId } = c.req.valid('param');
      return c.json(await submitScore(c.get('db'), actorOf(c), id, proposalId, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scoring-rounds/{id}/results',
      tags,
      summary: "A round's results",
      description:
        "Per proposal and criterion: mean, population standard deviation, count; the weighted overall score, the ranking, disagreement flags (standard deviation ≥ 1.5), the candidates under the plan's rule and the decisions. While the round is open and the plan hides scores until submitted, an evaluator who has not scored every proposal gets 403.",
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZRoundResults, 'The results'), ...errorResponses },
    }),
    async (c) => c.json(await findRoundResults(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/balance',
      tags,
      summary: "A plan's portfolio balance",
      description:
        'Over the approved initiatives plus the current candidates: counts per focus area and vector, the one-training-per-promotion pairing, youth involvement, innovation, cost against the budget envelope, and warnings.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZPlanBalance, 'The balance'), ...errorResponses },
    }),
    async (c) => c.json(await findPlanBalance(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/selection-settings',
      tags,
      summary: "A plan's selection settings",
      description:
        "Criterion weights (equal by default), the selection rule (default: every criterion mean ≥ 3 and overall ≥ 3.5) and whether evaluators see the others' scores only after submitting theirs (default: yes).",
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZSelectionSettings, 'The settings'), ...errorResponses },
    }),
    async (c) => c.json(await findSelectionSettings(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{id}/selection-settings',
      tags,
      summary: "Change a plan's selection settings",
      description: "Head of mission and administrators. Send the plan's `version`; a stale one answers 409.",
      request: { params: ZIdParam, body: jsonBody(ZUpdateSelectionSettingsRequest) },
      responses: {
        200: jsonContent(ZSelectionSettings, 'The settings'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateSelectionSettings(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scoring-rounds/{id}/results.xlsx',
      tags,
      summary: "A round's results as XLSX",
      description:
        'One row per proposal in ranking order; one column per criterion per evaluator, then per criterion the mean, standard deviation and number of scores, the overall score, the decision and its reason. Same access rules as the results.',
      request: { params: ZIdParam },
      responses: {
        200: {
          description: 'The workbook, as an attachment',
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().meta({ format: 'binary' }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const file = await exportRoundResults(c.get('db'), actorOf(c), c.req.valid('param').id);
      return c.body(file.data as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
      });
    },
  );
