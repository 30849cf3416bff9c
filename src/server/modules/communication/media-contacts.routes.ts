import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import {
  ZCreateMediaContactRequest,
  ZCreateMediaListRequest,
  ZMediaContact,
  ZMediaContactImportResult,
  ZMediaContactListQuery,
  ZMediaContactPage,
  ZMediaList,
  ZUpdateMediaContactRequest,
  ZUpdateMediaListRequest,
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
import { importErrorsProblem, importProblemFields } from '../../platform/uploads/import-errors.ts';
import { IMPORT_LIMITS } from '../initiatives/index.ts';
import { actorOf } from '../missions/index.ts';
import {
  archiveMediaContact,
  createMediaContact,
  findMediaContact,
  findMediaContacts,
  updateMediaContact,
} from './media-contacts.ts';
import { importMediaContacts } from './media-contacts-import.ts';
import { archiveMediaList, createMediaList, findMediaLists, updateMediaList } from './media-lists.ts';
import { MEDIA_CONTACT_COLUMNS } from './rules/media-contacts.ts';

const tags = ['Media contacts'];

const ZImportProblem = ZProblem.extend(importProblemFields).meta({ id: 'MediaContactImportProblem' });

const tooLarge = new HttpProblem(413, 'Payload too large', 'The file is larger than 10 MB: split it.', {
  errors: [{ field: 'file', message: 'is larger than 10 MB: split it' }],
});

/** Journalists, bloggers, influencers and outlets; their lists; the import. */
export const mediaContactRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/media-contacts',
      tags,
      summary: 'List media contacts',
      description: 'By name. Not shown to external collaborators.',
      request: { query: ZMediaContactListQuery },
      responses: { 200: jsonContent(ZMediaContactPage, 'A page of media contacts'), ...errorResponses },
    }),
    async (c) => c.json(await findMediaContacts(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/media-contacts',
      tags,
      summary: 'Add a media contact',
      description:
        '`kind: person` creates a journalist, blogger or influencer (or, with `personId`, makes an existing person a media contact); `kind: outlet` an organisation of kind media_outlet (or uses `organisationId`).',
      request: { body: jsonBody(ZCreateMediaContactRequest) },
      responses: { 201: jsonContent(ZMediaContact, 'The contact'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await createMediaContact(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/media-contacts/{id}',
      tags,
      summary: 'Get a media contact',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZMediaContact, 'The contact'), ...errorResponses },
    }),
    async (c) => c.json(await findMediaContact(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/media-contacts/{id}',
      tags,
      summary: 'Edit a media contact',
      request: { params: ZIdParam, body: jsonBody(ZUpdateMediaContactRequest) },
      responses: { 200: jsonContent(ZMediaContact, 'The contact'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await updateMediaContact(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/media-contacts/{id}',
      tags,
      summary: 'Archive a media contact',
      description: 'The person or organisation stays; only its media profile is archived.',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZMediaContact, 'The archived contact'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveMediaContact(
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
      path: '/missions/{id}/media-contacts/import',
      tags,
      summary: 'Import media contacts from CSV or XLSX',
      description: `Columns: ${MEDIA_CONTACT_COLUMNS.join(', ')} (only name is required; kind is journalist, blogger, influencer or outlet; channels are written channel:handle separated by ";"). Every row is validated first; with any error nothing is written and the 400 lists each one with its row (header = row 1) and column. A row whose e-mail or any handle matches a contact of the mission (or an earlier row) is merged into it; outlets are matched by name. \`dryRun=true\` validates and counts without writing.`,
      middleware: [
        uploadGate,
        bodyLimit({
          maxSize: IMPORT_LIMITS.maxBytes + 256 * 1024,
          onError: (c) => renderProblem(c, tooLarge),
        }),
      ] as const,
      request: {
        params: ZIdParam,
        query: z.object({
          dryRun: z
            .enum(['true', 'false'], { error: 'must be true or false' })
            .transform((v) => v === 'true')
            .optional(),
        }),
        body: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: z.object({
                file: z
                  .instanceof(File, { error: 'is required: attach a .csv or .xlsx file' })
                  .meta({ type: 'string', format: 'binary' }),
              }),
            },
          },
        },
      },
      responses: {
        200: jsonContent(ZMediaContactImportResult, 'How many contacts were created and merged'),
        400: {
          description: 'The file is invalid: `errors` lists each problem with `row` and `column`.',
          content: { 'application/problem+json': { schema: ZImportProblem } },
        },
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        413: {
          description: 'The file is too large.',
          content: { 'application/problem+json': { schema: ZProblem } },
        },
      },
    }),
    async (c) => {
      const { file } = c.req.valid('form');
      const result = await importMediaContacts(c.get('db'), actorOf(c), {
        missionId: c.req.valid('param').id,
        file: { name: file.name, data: new Uint8Array(await file.arrayBuffer()) },
        isDryRun: c.req.valid('query').dryRun,
      });
      const { errors, ...summary } = result;
      if (errors.length) throw importErrorsProblem(errors);
      return c.json(summary, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/media-lists',
      tags,
      summary: 'List the lists of media contacts',
      request: {
        query: z.object({ missionId: z.uuid({ error: 'must be an identifier (UUID)' }).optional() }),
      },
      responses: { 200: jsonContent(z.array(ZMediaList), 'The lists, by name'), ...errorResponses },
    }),
    async (c) => c.json(await findMediaLists(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/media-lists',
      tags,
      summary: 'Create a list of media contacts',
      request: { body: jsonBody(ZCreateMediaListRequest) },
      responses: { 201: jsonContent(ZMediaList, 'The list'), ...errorResponses },
    }),
    async (c) => c.json(await createMediaList(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/media-lists/{id}',
      tags,
      summary: 'Rename a list or replace its members',
      request: { params: ZIdParam, body: jsonBody(ZUpdateMediaListRequest) },
      responses: { 200: jsonContent(ZMediaList, 'The list'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await updateMediaList(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/media-lists/{id}',
      tags,
      summary: 'Archive a list',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZMediaList, 'The archived list'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveMediaList(
          c.get('db'),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('query').version,
        ),
        200,
      ),
  );
