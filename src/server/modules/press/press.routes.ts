import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { LIMITS, zHttpUrl, zLine } from '../../../shared/schemas/common.ts';
import {
  ZCoverage,
  ZCoverageQuery,
  ZDecideLinkRequest,
  ZIngestRequest,
  ZIngestResult,
  ZMediaItem,
  ZMediaItemDetail,
  ZMediaItemListQuery,
  ZMediaItemPage,
  ZUpdateMediaItemRequest,
} from '../../../shared/schemas/press.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZArchiveQuery,
  ZIdParam,
  ZProblem,
} from '../../platform/http/openapi.ts';
import { HttpProblem, renderProblem } from '../../platform/http/problem.ts';
import { uploadGate } from '../../platform/uploads/gate.ts';
import { actorOf } from '../missions/index.ts';
import {
  archiveMediaItem,
  decideMediaLink,
  findInitiativePressReview,
  findMediaItem,
  findMediaItems,
  updateMediaItem,
} from './press.ts';
import { findCoverage } from './press-coverage.ts';
import { createFeed, deactivateFeed, findFeeds, pollFeed } from './press-feeds.ts';
import { ingestMediaItem } from './press-ingest.ts';
import { MAX_HTML_BYTES } from './review/html-document.ts';

const tags = ['Press review'];

const ZFeed = z
  .object({
    id: z.uuid(),
    missionId: z.uuid(),
    url: z.string(),
    title: z.string().nullable(),
    isActive: z.boolean(),
    lastPolledAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MediaFeed' });
const ZCreateFeedRequest = z
  .object({
    missionId: z.uuid({ error: 'must be an identifier (UUID)' }),
    url: zHttpUrl(LIMITS.url),
    title: zLine(LIMITS.title).optional(),
  })
  .meta({ id: 'CreateMediaFeedRequest' });
const ZPollResult = z
  .object({ feed: ZFeed, added: z.number().int(), duplicates: z.number().int(), failed: z.number().int() })
  .meta({ id: 'FeedPollResult' });

const ZUploadBody = z.object({
  missionId: z.uuid({ error: 'must be an identifier (UUID)' }),
  file: z.instanceof(File, { error: 'is required: attach an .html or .txt file' }).meta({
    type: 'string',
    format: 'binary',
    description: 'An HTML page or a text file (UTF-8), at most 5 MB.',
  }),
});

const tooLarge = new HttpProblem(413, 'Payload too large', 'The file is larger than 5 MB.', {
  errors: [{ field: 'file', message: 'is larger than 5 MB' }],
});

const ingestDescription =
  'Duplicates (same canonical URL or same text) are not stored twice: the existing clipping comes back with `isDuplicate: true` (200). A URL is fetched by the server safely: loopback, private, link-local and metadata addresses are refused (after DNS and on every redirect) unless an administrator allowed the host (`SOFTPOWER_FETCH_ALLOW_HOSTS`); at most 5 MB, 15 s and 5 redirects. A failed fetch is stored with `fetchStatus: failed` and the reason in `fetchError`. Officers, heads of mission and administrators.';

export const pressRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/press/items',
      tags,
      summary: 'Add a clipping from a URL or pasted text',
      description: ingestDescription,
      request: { body: jsonBody(ZIngestRequest) },
      responses: {
        200: jsonContent(ZIngestResult, 'Already there: the existing clipping'),
        201: jsonContent(ZIngestResult, 'The new clipping (or the record of a failed fetch)'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const source =
        body.url && !body.text
          ? { kind: 'url' as const, url: body.url }
          : { kind: 'paste' as const, text: body.text ?? '', url: body.url };
      const result = await ingestMediaItem(c.get('db'), actorOf(c), {
        missionId: body.missionId,
        source,
        title: body.title,
        publishedAt: body.publishedAt,
        kind: body.kind,
      });
      return result.isDuplicate ? c.json(result, 200) : c.json(result, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/press/items/upload',
      tags,
      summary: 'Add a clipping from an uploaded HTML or text file',
      description: ingestDescription,
      middleware: [
        uploadGate,
        bodyLimit({ maxSize: MAX_HTML_BYTES + 64 * 1024, onError: (c) => renderProblem(c, tooLarge) }),
      ] as const,
      request: { body: { required: true, content: { 'multipart/form-data': { schema: ZUploadBody } } } },
      responses: {
        200: jsonContent(ZIngestResult, 'Already there: the existing clipping'),
        201: jsonContent(ZIngestResult, 'The new clipping'),
        ...errorResponses,
        413: {
          description: 'The file is larger than 5 MB.',
          content: { 'application/problem+json': { schema: ZProblem } },
        },
      },
    }),
    async (c) => {
      const { missionId, file } = c.req.valid('form');
      if (file.size > MAX_HTML_BYTES) throw tooLarge;
      const content = new TextDecoder('utf-8').decode(await file.arrayBuffer());
      const result = await ingestMediaItem(c.get('db'), actorOf(c), {
        missionId,
        source: { kind: 'file', filename: file.name, content },
      });
      return result.isDuplicate ? c.json(result, 200) : c.json(result, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/press/items',
      tags,
      summary: 'List or search clippings',
      description:
        "Without `q`, newest first. With `q` (web-search syntax: words, \"a phrase\", -excluded, or), a full-text search in each clipping's language (italian, english, russian; simple for Kazakh), ranked by relevance, each with a `snippet` whose matched words are marked. Filters: dates (publication, else added), outlet, language, tone (the person's if set), entity (an organisation's or person's id, a country code, a place), initiative (confirmed links).",
      request: { query: ZMediaItemListQuery },
      responses: { 200: jsonContent(ZMediaItemPage, 'A page of clippings'), ...errorResponses },
    }),
    async (c) => c.json(await findMediaItems(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/press/items/{id}',
      tags,
      summary: 'Get a clipping with its text, entities, figures and initiative links',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZMediaItemDetail, 'The clipping'), ...errorResponses },
    }),
    async (c) => c.json(await findMediaItem(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/press/items/{id}',
      tags,
      summary: "Correct a clipping's details or overrule its tone",
      description:
        'Send the `version` you edited (409 if someone saved since). `toneOverride: null` returns to the computed tone.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateMediaItemRequest) },
      responses: {
        200: jsonContent(ZMediaItemDetail, 'The clipping'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateMediaItem(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/press/items/{id}',
      tags,
      summary: 'Archive a clipping',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZMediaItem, 'The archived clipping'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveMediaItem(
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
      method: 'put',
      path: '/press/items/{id}/links/{initiativeId}',
      tags,
      summary: "Confirm or reject a clipping's link to an initiative",
      description:
        "Works on a suggested link or any initiative of the mission. Confirmed clippings make the initiative's press review.",
      request: {
        params: ZIdParam.extend({ initiativeId: z.uuid({ error: 'must be an identifier (UUID)' }) }),
        body: jsonBody(ZDecideLinkRequest),
      },
      responses: { 200: jsonContent(ZMediaItemDetail, 'The clipping with its links'), ...errorResponses },
    }),
    async (c) => {
      const { id, initiativeId } = c.req.valid('param');
      return c.json(
        await decideMediaLink(c.get('db'), actorOf(c), {
          mediaItemId: id,
          initiativeId,
          status: c.req.valid('json').status,
        }),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/initiatives/{id}/press-review',
      tags,
      summary: "An initiative's press review: its confirmed clippings",
      request: { params: ZIdParam },
      responses: {
        200: jsonContent(
          z.object({ items: z.array(ZMediaItem) }).meta({ id: 'PressReview' }),
          'The clippings',
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await findInitiativePressReview(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/press/feeds',
      tags,
      summary: 'RSS/Atom feeds the press review follows',
      request: {
        query: z.object({ missionId: z.uuid({ error: 'must be an identifier (UUID)' }).optional() }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(ZFeed) }).meta({ id: 'FeedList' }), 'The feeds'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await findFeeds(c.get('db'), actorOf(c), c.req.valid('query').missionId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/press/feeds',
      tags,
      summary: 'Follow an RSS or Atom feed',
      description:
        'The server polls active feeds every hour and adds each new entry as a clipping (fetched with the same safety rules as a URL; duplicates merged). Officers, heads of mission and administrators; 409 when the mission already follows it.',
      request: { body: jsonBody(ZCreateFeedRequest) },
      responses: { 201: jsonContent(ZFeed, 'The feed'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await createFeed(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/press/feeds/{id}/poll',
      tags,
      summary: 'Poll a feed now',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZPollResult, 'What the poll added'), ...errorResponses },
    }),
    async (c) => c.json(await pollFeed(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/press/feeds/{id}',
      tags,
      summary: 'Stop following a feed (its clippings stay)',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZFeed, 'The feed, inactive'), ...errorResponses },
    }),
    async (c) => c.json(await deactivateFeed(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/press/coverage',
      tags,
      summary: 'Media coverage of a mission over a period',
      description:
        'Clippings per week or month, by outlet, language and tone, the change against a baseline period (default: as many days just before `from`), and the share of voice of the countries mentioned.',
      request: { query: ZCoverageQuery },
      responses: { 200: jsonContent(ZCoverage, 'The coverage'), ...errorResponses },
    }),
    async (c) => c.json(await findCoverage(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  );
