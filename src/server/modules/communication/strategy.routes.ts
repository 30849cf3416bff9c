import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { LOGO_MAX_BYTES } from '../../../shared/enums.ts';
import {
  ZCommsStrategy,
  ZCreateMediaSessionRequest,
  ZMediaSession,
  ZUpdateMediaSessionRequest,
  ZUpdateStrategyRequest,
} from '../../../shared/schemas/communication.ts';
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
  archiveMediaSession,
  createMediaSession,
  deleteLogo,
  findLogo,
  findMediaSessions,
  findStrategy,
  updateMediaSession,
  updateStrategy,
  uploadLogo,
} from './comms-strategy.ts';

const tags = ['Communication'];
const ZPlanParam = z.object({ planId: z.uuid({ error: 'must be an identifier (UUID)' }) });
const ZLogoQuery = z.object({ programmeId: z.uuid({ error: 'must be an identifier (UUID)' }).optional() });
const ZLogoBody = z.object({
  file: z.instanceof(File, { error: 'is required: attach a PNG or JPEG file' }).meta({
    type: 'string',
    format: 'binary',
    description: `A PNG or JPEG image of at most ${LOGO_MAX_BYTES / 1024 / 1024} MB.`,
  }),
});
const tooLarge = new HttpProblem(413, 'Payload too large', 'The logo is larger than 1 MB.', {
  errors: [{ field: 'file', message: 'is larger than 1 MB: export it smaller' }],
});

/** The plan's communication strategy, its logos and its media-engagement sessions. */
export const strategyRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{planId}/communication-strategy',
      tags,
      summary: "Get a plan's communication strategy",
      description:
        "Objectives, target segments, channels with the mission's handles, colours, logos, the testimonial and the programmes' colours. Every member of the mission reads it; `version` is 0 until it is first saved.",
      request: { params: ZPlanParam },
      responses: { 200: jsonContent(ZCommsStrategy, 'The strategy'), ...errorResponses },
    }),
    async (c) => c.json(await findStrategy(c.get('db'), actorOf(c), c.req.valid('param').planId), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{planId}/communication-strategy',
      tags,
      summary: "Save a plan's communication strategy",
      description:
        'Administrators, heads of mission and officers. Send the fields to change and the `version` you edited (0 the first time); lists are replaced as a whole. A stale version is a 409 and nothing changes.',
      request: { params: ZPlanParam, body: jsonBody(ZUpdateStrategyRequest) },
      responses: {
        200: jsonContent(ZCommsStrategy, 'The saved strategy'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateStrategy(c.get('db'), actorOf(c), c.req.valid('param').planId, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{planId}/communication-strategy/logo',
      tags,
      summary: "Download the plan's (or a programme's) logo",
      request: { params: ZPlanParam, query: ZLogoQuery },
      responses: {
        200: {
          description: 'The image',
          content: {
            'image/png': { schema: z.string().meta({ format: 'binary' }) },
            'image/jpeg': { schema: z.string().meta({ format: 'binary' }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const logo = await findLogo(c.get('db'), actorOf(c), {
        planId: c.req.valid('param').planId,
        programmeId: c.req.valid('query').programmeId,
      });
      return c.body(logo.data as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': logo.mimeType,
        'Content-Disposition': `inline; filename="${logo.fileName.replace(/"/g, '')}"`,
        'Cache-Control': 'private, no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{planId}/communication-strategy/logo',
      tags,
      summary: "Upload the plan's (or, with programmeId, a programme's) logo",
      description:
        'Multipart field `file`: a PNG or JPEG (recognised by its content) of at most 1 MB; replaces the previous logo.',
      middleware: [
        uploadGate,
        bodyLimit({ maxSize: LOGO_MAX_BYTES + 64 * 1024, onError: (c) => renderProblem(c, tooLarge) }),
      ] as const,
      request: {
        params: ZPlanParam,
        query: ZLogoQuery,
        body: { required: true, content: { 'multipart/form-data': { schema: ZLogoBody } } },
      },
      responses: {
        200: jsonContent(ZCommsStrategy, 'The strategy with the new logo'),
        ...errorResponses,
        413: {
          description: 'The file is larger than 1 MB.',
          content: { 'application/problem+json': { schema: ZProblem } },
        },
      },
    }),
    async (c) => {
      const { file } = c.req.valid('form');
      return c.json(
        await uploadLogo(c.get('db'), actorOf(c), {
          planId: c.req.valid('param').planId,
          programmeId: c.req.valid('query').programmeId,
          file: { name: file.name, data: new Uint8Array(await file.arrayBuffer()) },
        }),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/plans/{planId}/communication-strategy/logo',
      tags,
      summary: "Remove the plan's (or a programme's) logo",
      request: { params: ZPlanParam, query: ZLogoQuery },
      responses: { 200: jsonContent(ZCommsStrategy, 'The strategy without that logo'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await deleteLogo(c.get('db'), actorOf(c), {
          planId: c.req.valid('param').planId,
          programmeId: c.req.valid('query').programmeId,
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{planId}/media-sessions',
      tags,
      summary: 'List the media-engagement sessions held for a plan',
      request: { params: ZPlanParam },
      responses: {
        200: jsonContent(z.array(ZMediaSession), 'The sessions, oldest first'),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await findMediaSessions(c.get('db'), actorOf(c), c.req.valid('param').planId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans/{planId}/media-sessions',
      tags,
      summary: 'Record a media-engagement session',
      description:
        'When it was held, who came (media contacts of the mission, and others as text), what they suggested.',
      request: { params: ZPlanParam, body: jsonBody(ZCreateMediaSessionRequest) },
      responses: { 201: jsonContent(ZMediaSession, 'The session'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await createMediaSession(c.get('db'), actorOf(c), c.req.valid('param').planId, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/media-sessions/{id}',
      tags,
      summary: 'Edit a media-engagement session',
      request: { params: ZIdParam, body: jsonBody(ZUpdateMediaSessionRequest) },
      responses: { 200: jsonContent(ZMediaSession, 'The session'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await updateMediaSession(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/media-sessions/{id}',
      tags,
      summary: 'Archive a media-engagement session',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZMediaSession, 'The archived session'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveMediaSession(
          c.get('db'),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('query').version,
        ),
        200,
      ),
  );
