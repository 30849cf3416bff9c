import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ZCreatePressReleaseRequest,
  ZPressRelease,
  ZPressReleaseListQuery,
  ZPressReleasePage,
  ZPressReleaseStatusRequest,
  ZUpdatePressReleaseRequest,
} from '../../../shared/schemas/communication.ts';
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
  archivePressRelease,
  changePressReleaseStatus,
  createPressRelease,
  exportPressReleaseDocx,
  findPressRelease,
  findPressReleases,
  updatePressRelease,
} from './press-releases.ts';

const tags = ['Press releases'];

/** Press releases per initiative and language: draft → approved → sent, exported as DOCX. */
export const pressReleaseRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/press-releases',
      tags,
      summary: 'List press releases',
      description: 'Those of initiatives the caller can see, most recently changed first.',
      request: { query: ZPressReleaseListQuery },
      responses: { 200: jsonContent(ZPressReleasePage, 'A page of press releases'), ...errorResponses },
    }),
    async (c) => c.json(await findPressReleases(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/press-releases',
      tags,
      summary: "Draft an initiative's press release in a language",
      description:
        'Language it, en, ru or kk. The draft is filled from the initiative: title, date written in that language, venues and cities, partners (organiser first), key message. One per initiative and language (409 if it exists).',
      request: { body: jsonBody(ZCreatePressReleaseRequest) },
      responses: { 201: jsonContent(ZPressRelease, 'The draft'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await createPressRelease(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/press-releases/{id}',
      tags,
      summary: 'Get a press release',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZPressRelease, 'The press release'), ...errorResponses },
    }),
    async (c) => c.json(await findPressRelease(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/press-releases/{id}',
      tags,
      summary: 'Edit a draft press release',
      description: 'Only drafts (409 otherwise: return an approved release to draft first).',
      request: { params: ZIdParam, body: jsonBody(ZUpdatePressReleaseRequest) },
      responses: {
        200: jsonContent(ZPressRelease, 'The press release'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updatePressRelease(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/press-releases/{id}/status',
      tags,
      summary: 'Approve, return to draft, or mark a press release sent',
      description:
        'draft → approved and approved → draft: head of mission and administrators; approved → sent: officers too. Other moves are a 400 naming `status`.',
      request: { params: ZIdParam, body: jsonBody(ZPressReleaseStatusRequest) },
      responses: {
        200: jsonContent(ZPressRelease, 'The press release'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await changePressReleaseStatus(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/press-releases/{id}',
      tags,
      summary: 'Archive a press release',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZPressRelease, 'The archived press release'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archivePressRelease(
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
      method: 'get',
      path: '/press-releases/{id}/docx',
      tags,
      summary: 'Download a press release as DOCX',
      description: "A Word document with the plan's logo, colours and title.",
      request: { params: ZIdParam },
      responses: {
        200: {
          description: 'The document, as an attachment',
          content: {
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
              schema: z.string().meta({ format: 'binary' }),
            },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const file = await exportPressReleaseDocx(c.get('db'), actorOf(c), c.req.valid('param').id);
      return c.body(file.data as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
      });
    },
  );
