import { createRoute, z } from '@hono/zod-openapi';
import {
  ZCreateIndicatorRequest,
  ZCreateSocialAccountRequest,
  ZIndicator,
  ZIndicatorDetail,
  ZIndicatorValueRequest,
  ZInitiativeResults,
  ZResultsSummary,
  ZSocialAccount,
  ZSocialAccountDetail,
  ZSocialAccountListQuery,
  ZSocialImportRequest,
  ZSocialImportResult,
  ZSocialPostRequest,
  ZSocialSnapshotRequest,
  ZUpdateIndicatorRequest,
  ZUpdateInitiativeResultsRequest,
} from '../../../shared/schemas/results.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZArchiveQuery,
  ZIdParam,
} from '../../platform/http/openapi.ts';
import { uploadGate } from '../../platform/uploads/gate.ts';
import { actorOf } from '../missions/index.ts';
import {
  addIndicatorValue,
  archiveIndicator,
  createIndicator,
  findIndicator,
  findPlanIndicators,
  updateIndicator,
} from './indicators.ts';
import { findInitiativeResults, saveInitiativeResults } from './initiative-results.ts';
import { loadResultsSummary } from './results-summary.ts';
import {
  createSocialAccount,
  findSocialAccount,
  findSocialAccounts,
  importSocialCsv,
  saveSocialPost,
  saveSocialSnapshot,
} from './social-metrics.ts';

const tags = ['Results'];
const AMEC_NOTE =
  'Reach, impressions, views, followers and circulation are exposure: filed as `outcome` or `impact` they are refused (400 naming `amecStage`), because AMEC does not let outputs pass for outcomes. There is no AVE field.';

export const resultsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/indicators',
      tags,
      summary: "List a plan's indicators",
      description:
        'The plan’s own, its objectives’ and its initiatives’ indicators with their latest value, progress and green/amber/red status. Members other than collaborators, and headquarters.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(z.array(ZIndicator), 'The indicators'), ...errorResponses },
    }),
    async (c) => c.json(await findPlanIndicators(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/results-summary',
      tags,
      summary: "A plan's results: indicators, derived indicators, social metrics, initiative results",
      description:
        'What the dashboard shows and the report prints. Media items need the press review: without it they are `unavailableReason: needs_press_review`.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZResultsSummary, 'The summary'), ...errorResponses },
    }),
    async (c) => c.json(await loadResultsSummary(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/indicators',
      tags,
      summary: 'Create an indicator',
      description: `On the plan, one of its objectives (\`objectiveId\`) or initiatives (\`initiativeId\`). Writers of the mission. ${AMEC_NOTE}`,
      request: { body: jsonBody(ZCreateIndicatorRequest) },
      responses: { 201: jsonContent(ZIndicator, 'The new indicator'), ...errorResponses },
    }),
    async (c) => c.json(await createIndicator(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/indicators/{id}',
      tags,
      summary: 'Get an indicator with its actual values',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZIndicatorDetail, 'The indicator'), ...errorResponses },
    }),
    async (c) => c.json(await findIndicator(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/indicators/{id}',
      tags,
      summary: 'Update an indicator',
      description: `Send the \`version\` you edited (409 if someone saved since). ${AMEC_NOTE}`,
      request: { params: ZIdParam, body: jsonBody(ZUpdateIndicatorRequest) },
      responses: { 200: jsonContent(ZIndicator, 'The indicator'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await updateIndicator(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/indicators/{id}',
      tags,
      summary: 'Archive an indicator',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZIndicator, 'The archived indicator'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveIndicator(
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
      path: '/indicators/{id}/values',
      tags,
      summary: 'Record an actual value',
      description:
        'For a period (`periodStart`–`periodEnd`) or a date (`periodEnd` alone), with a link to the evidence. The value is required unless the indicator is qualitative.',
      request: { params: ZIdParam, body: jsonBody(ZIndicatorValueRequest) },
      responses: { 201: jsonContent(ZIndicatorDetail, 'The indicator with its values'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await addIndicatorValue(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/initiatives/{id}/results',
      tags,
      summary: "Get an initiative's results",
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZInitiativeResults, 'The results'), ...errorResponses },
    }),
    async (c) => c.json(await findInitiativeResults(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/initiatives/{id}/results',
      tags,
      summary: "Record an initiative's results",
      description:
        'Writers, and collaborators assigned to the initiative. `version` is null for the first save, then the version you edited (409 if stale).',
      request: { params: ZIdParam, body: jsonBody(ZUpdateInitiativeResultsRequest) },
      responses: {
        200: jsonContent(ZInitiativeResults, 'The results'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await saveInitiativeResults(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/social-accounts',
      tags,
      summary: 'List social accounts with their monthly snapshots',
      request: { query: ZSocialAccountListQuery },
      responses: { 200: jsonContent(z.array(ZSocialAccount), 'The accounts'), ...errorResponses },
    }),
    async (c) => c.json(await findSocialAccounts(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/social-accounts',
      tags,
      summary: 'Add a social account',
      request: { body: jsonBody(ZCreateSocialAccountRequest) },
      responses: { 201: jsonContent(ZSocialAccount, 'The account'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await createSocialAccount(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/social-accounts/{id}',
      tags,
      summary: 'Get a social account with its snapshots and posts',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZSocialAccountDetail, 'The account'), ...errorResponses },
    }),
    async (c) => c.json(await findSocialAccount(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/social-accounts/{id}/snapshots',
      tags,
      summary: "Save a month's figures",
      description:
        'Followers, accounts reached and engaged, impressions, posts; saving a month again replaces it.',
      request: { params: ZIdParam, body: jsonBody(ZSocialSnapshotRequest) },
      responses: { 200: jsonContent(ZSocialAccountDetail, 'The account'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await saveSocialSnapshot(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/social-accounts/{id}/posts',
      tags,
      summary: "Record a post's metrics",
      request: { params: ZIdParam, body: jsonBody(ZSocialPostRequest) },
      responses: { 201: jsonContent(ZSocialAccountDetail, 'The account'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await saveSocialPost(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/social-accounts/{id}/import',
      tags,
      summary: 'Import a platform CSV export',
      description:
        '`kind: snapshots` (Month, Followers, Accounts reached, Accounts engaged, Impressions, Posts) or `kind: posts` (Post ID, Permalink, Publish time, Reach, Impressions, Likes, Comments, Shares, Saves, Link clicks). All rows or none: each bad row is named in `errors` as `row N, column X`.',
      middleware: [uploadGate] as const,
      request: { params: ZIdParam, body: jsonBody(ZSocialImportRequest) },
      responses: { 200: jsonContent(ZSocialImportResult, 'How many rows were imported'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await importSocialCsv(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
