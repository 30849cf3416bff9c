import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import {
  ZCalendarFeed,
  ZCalendarQuery,
  ZCommunicationStep,
  ZCommunicationStepPage,
  ZCommunicationStepQuery,
  ZCommunicationTemplate,
  ZCreateCalendarFeedRequest,
  ZScheduleResult,
  ZUpdateStepRequest,
  ZUpdateTemplateRequest,
} from '../../../shared/schemas/communication-procedure.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZIdParam,
} from '../../platform/http/openapi.ts';
import { HttpProblem, renderProblem } from '../../platform/http/problem.ts';
import { uploadGate } from '../../platform/uploads/gate.ts';
import { actorOf } from '../missions/index.ts';
import {
  createCalendarFeed,
  exportCommunicationCalendar,
  findCalendarFeeds,
  readCalendarFeed,
  revokeCalendarFeed,
} from './communication-calendar.ts';
import {
  findCommunicationTemplate,
  scheduleInitiative,
  updateCommunicationTemplate,
} from './communication-procedure.ts';
import {
  findCommunicationSteps,
  findStepEvidence,
  MAX_EVIDENCE_BYTES,
  updateCommunicationStep,
  uploadStepEvidence,
} from './communication-steps.ts';

const tags = ['Communication'];

const ZEvidenceBody = z.object({
  file: z.instanceof(File, { error: 'is required: attach a file' }).meta({
    type: 'string',
    format: 'binary',
    description: 'The press release, the press review, the metrics…: at most 10 MB.',
  }),
});

const evidenceTooLarge = new HttpProblem(413, 'Payload too large', 'The file is larger than 10 MB.', {
  errors: [{ field: 'file', message: 'is larger than 10 MB' }],
});

/** Path prefix of the public, token-authenticated feeds (listed as public in `app.ts`). */
export const CALENDAR_FEED_PREFIX = '/api/calendar-feeds/ics/';

const icsResponse = {
  description: 'An iCalendar file (RFC 5545)',
  content: { 'text/calendar': { schema: z.string() } },
};

const icsHeaders = (filename: string, disposition: 'attachment' | 'inline') => ({
  'Content-Type': 'text/calendar; charset=utf-8',
  'Content-Disposition': `${disposition}; filename="${filename}"`,
  'Cache-Control': 'no-store',
});

/** The communication procedure: the plan's template, the initiatives' steps, calendar feeds. */
export const communicationProcedureRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/communication-template',
      tags,
      summary: "The plan's communication procedure",
      description:
        'The steps every dated initiative gets; the ten steps of the procedure until the plan edits them.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZCommunicationTemplate, 'The template'), ...errorResponses },
    }),
    async (c) =>
      c.json(await findCommunicationTemplate(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{id}/communication-template',
      tags,
      summary: "Replace the plan's communication procedure",
      description:
        "Head of mission and administrators. Steps keep their `key` to stay linked to the initiatives' steps; with `applyToInitiatives` (default) the open steps of every dated initiative follow the new template, finished steps stay.",
      request: { params: ZIdParam, body: jsonBody(ZUpdateTemplateRequest) },
      responses: {
        200: jsonContent(ZCommunicationTemplate, 'The template'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateCommunicationTemplate(
          c.get('db'),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/communication-steps',
      tags,
      summary: 'List communication steps',
      description:
        "Steps of the initiatives the caller can see, by due day. `mine=true`: the steps owned by the caller's person; `overdue=true`: open steps past their day in the mission's time zone.",
      request: { query: ZCommunicationStepQuery },
      responses: { 200: jsonContent(ZCommunicationStepPage, 'A page of steps'), ...errorResponses },
    }),
    async (c) => c.json(await findCommunicationSteps(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/communication-steps/{id}',
      tags,
      summary: 'Update a communication step',
      description:
        'Mark it `done`, `skipped` (with a `skipReason`) or `todo` again; set its evidence link, notes or owner (writers only). Collaborators update the steps of the initiatives they are assigned to.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateStepRequest) },
      responses: {
        200: jsonContent(ZCommunicationStep, 'The updated step'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateCommunicationStep(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/communication-steps/{id}/evidence',
      tags,
      summary: "Attach a file as a step's evidence",
      description: 'Replaces the previous file. Same rights as updating the step.',
      middleware: [
        uploadGate,
        bodyLimit({
          maxSize: MAX_EVIDENCE_BYTES + 256 * 1024,
          onError: (c) => renderProblem(c, evidenceTooLarge),
        }),
      ] as const,
      request: {
        params: ZIdParam,
        body: { required: true, content: { 'multipart/form-data': { schema: ZEvidenceBody } } },
      },
      responses: { 200: jsonContent(ZCommunicationStep, 'The step'), ...errorResponses },
    }),
    async (c) => {
      const { file } = c.req.valid('form');
      return c.json(
        await uploadStepEvidence(c.get('db'), actorOf(c), c.req.valid('param').id, {
          name: file.name,
          contentType: file.type,
          data: new Uint8Array(await file.arrayBuffer()),
        }),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/communication-steps/{id}/evidence',
      tags,
      summary: "Download a step's evidence file",
      request: { params: ZIdParam },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const file = await findStepEvidence(c.get('db'), actorOf(c), c.req.valid('param').id);
      return c.body(new Uint8Array(file.data) as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/initiatives/{id}/communication-steps/schedule',
      tags,
      summary: "Schedule an initiative's communication steps",
      description:
        "Creates the missing steps and moves the open ones to follow the initiative's dates (this also happens on every save of the initiative). 400 when the initiative has no date.",
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZScheduleResult, 'What changed, and the steps'), ...errorResponses },
    }),
    async (c) => c.json(await scheduleInitiative(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/communication-calendar.ics',
      tags,
      summary: 'Download the communication calendar',
      description:
        "The plan's initiatives and steps (or, with `personId`, that person's) as iCalendar, with reminders.",
      request: { params: ZIdParam, query: ZCalendarQuery },
      responses: { 200: icsResponse, ...errorResponses },
    }),
    async (c) => {
      const file = await exportCommunicationCalendar(c.get('db'), actorOf(c), {
        planId: c.req.valid('param').id,
        personId: c.req.valid('query').personId,
        baseUrl: c.get('config').publicUrl,
      });
      return c.body(file.ics, 200, icsHeaders(file.filename, 'attachment'));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/calendar-feeds',
      tags,
      summary: "The caller's calendar feeds",
      request: { query: z.object({ planId: z.uuid({ error: 'must be an identifier (UUID)' }).optional() }) },
      responses: { 200: jsonContent(z.array(ZCalendarFeed), 'Active and revoked feeds'), ...errorResponses },
    }),
    async (c) => c.json(await findCalendarFeeds(c.get('db'), actorOf(c), c.req.valid('query').planId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/calendar-feeds',
      tags,
      summary: 'Create a secret calendar feed',
      description:
        "A URL to subscribe to in a calendar application: `person` — the caller's own steps and initiatives; `plan` — the whole plan as the caller sees it. The URL is shown once; anyone who has it can read the feed until it is revoked.",
      request: { body: jsonBody(ZCreateCalendarFeedRequest) },
      responses: { 201: jsonContent(ZCalendarFeed, 'The feed, with its URL'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await createCalendarFeed(c.get('db'), actorOf(c), c.req.valid('json'), c.get('config').publicUrl),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/calendar-feeds/{id}',
      tags,
      summary: 'Revoke a calendar feed',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZCalendarFeed, 'The revoked feed'), ...errorResponses },
    }),
    async (c) => c.json(await revokeCalendarFeed(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/calendar-feeds/ics/{file}',
      tags,
      summary: 'Read a calendar feed (no session: the secret token authenticates)',
      request: { params: z.object({ file: z.string().max(200) }) },
      responses: { 200: icsResponse, 404: errorResponses[404] },
    }),
    async (c) => {
      const token = c.req.valid('param').file.replace(/\.ics$/, '');
      const file = /^[\w-]{20,100}$/.test(token)
        ? await readCalendarFeed(c.get('db'), token, c.get('config').publicUrl)
        : null;
      if (!file) throw new HttpProblem(404, 'Not found', 'This calendar feed does not exist or was revoked.');
      return c.body(file.ics, 200, icsHeaders(file.filename, 'inline'));
    },
  );
