import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { createRouter, errorResponses, jsonContent, ZProblem } from '../../platform/http/openapi.ts';
import { HttpProblem, renderProblem } from '../../platform/http/problem.ts';
import { uploadGate } from '../../platform/uploads/gate.ts';
import { importErrorsProblem, importProblemFields } from '../../platform/uploads/import-errors.ts';
import { UPLOAD_LIMITS } from '../../platform/uploads/limits.ts';
import { actorOf } from '../missions/index.ts';
import { exportInitiatives } from './initiative-export.ts';
import { importInitiatives } from './initiative-import.ts';
import { CONTENT_TYPES, IMPORT_FORMATS } from './initiative-io.ts';
import { IMPORT_LIMITS } from './rules/initiative-table.ts';

const tags = ['Initiatives'];
const ZPlanParam = z.object({ planId: z.uuid({ error: 'must be an identifier (UUID)' }) });

const ZImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional(),
  year: z.coerce
    .number({ error: 'must be a year' })
    .int({ error: 'must be a year' })
    .min(1900, { error: 'must be a year such as 2022' })
    .max(2200, { error: 'must be a year such as 2022' })
    .optional(),
});

const ZImportBody = z.object({
  file: z.instanceof(File, { error: 'is required: attach a .csv or .xlsx file' }).meta({
    type: 'string',
    format: 'binary',
    description: `A .csv (UTF-8 or Windows-1252, comma or semicolon) or .xlsx file, at most ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB and ${UPLOAD_LIMITS.maxRows} rows (a workbook at most ${UPLOAD_LIMITS.maxUncompressedBytes / 1024 / 1024} MB once unpacked).`,
  }),
});

export const ZImportResult = z
  .object({
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    createdOrganisations: z.array(z.string()),
    warnings: z.array(z.string()),
    isDryRun: z.boolean(),
  })
  .meta({ id: 'InitiativeImportResult' });

const ZImportProblem = ZProblem.extend({
  ...importProblemFields,
  warnings: z.array(z.string()).optional(),
}).meta({ id: 'InitiativeImportProblem' });

/** The multipart envelope may add a little to the file's own limit. */
const MAX_BODY = IMPORT_LIMITS.maxBytes + 256 * 1024;

const tooLarge = new HttpProblem(413, 'Payload too large', 'The file is larger than 10 MB: split it.', {
  errors: [{ field: 'file', message: 'is larger than 10 MB: split it' }],
});

/** Import and export of a plan's initiatives (CSV, XLSX). */
export const initiativeIoRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans/{planId}/initiatives/import',
      tags,
      summary: "Import a plan's initiatives from CSV or XLSX",
      description:
        'Columns: initiative, date, type, actors involved, media reflection, status, focus area, vectors, programme, cities, importance, summary, key (see `GET …/export`). Every row is validated first; with any error nothing is written and the 400 lists each one with its row (header = row 1) and column. Otherwise all rows are written in one transaction: a row whose `key` exists in the plan updates that initiative, others are created; unknown partner names become organisations of kind "other". `dryRun=true` validates and counts without writing.',
      middleware: [
        uploadGate,
        bodyLimit({ maxSize: MAX_BODY, onError: (c) => renderProblem(c, tooLarge) }),
      ] as const,
      request: {
        params: ZPlanParam,
        query: ZImportQuery,
        body: { required: true, content: { 'multipart/form-data': { schema: ZImportBody } } },
      },
      responses: {
        200: jsonContent(ZImportResult, 'What was (or, on a dry run, would be) created and updated'),
        400: {
          description: 'The file is invalid: `errors` lists each problem with `row` and `column`.',
          content: { 'application/problem+json': { schema: ZImportProblem } },
        },
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        413: {
          description: 'The file is larger than 10 MB, or too large or complex to read.',
          content: { 'application/problem+json': { schema: ZProblem } },
        },
        429: {
          description: 'Another upload of yours, or too many others, are being read: see Retry-After.',
          content: { 'application/problem+json': { schema: ZProblem } },
        },
      },
    }),
    async (c) => {
      const { file } = c.req.valid('form');
      const query = c.req.valid('query');
      const result = await importInitiatives(c.get('db'), actorOf(c), {
        planId: c.req.valid('param').planId,
        file: { name: file.name, data: new Uint8Array(await file.arrayBuffer()) },
        isDryRun: query.dryRun,
        year: query.year,
      });
      const { errors, ...summary } = result;
      if (errors.length) throw importErrorsProblem(errors, { extensions: { warnings: result.warnings } });
      return c.json(summary, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{planId}/initiatives/export',
      tags,
      summary: "Export a plan's initiatives as CSV or XLSX",
      description:
        'The initiatives you can see, in the format the import reads: CSV is UTF-8 with a byte-order mark, comma-separated (RFC 4180); XLSX has a frozen header, an autofilter and a Lists sheet of allowed values. Rows without a key carry the initiative id in `key`, so that re-importing updates them.',
      request: {
        params: ZPlanParam,
        query: z.object({
          format: z.enum(IMPORT_FORMATS, { error: 'must be csv or xlsx' }).default('csv'),
        }),
      },
      responses: {
        200: {
          description: 'The file, as an attachment',
          content: {
            'text/csv': { schema: z.string().meta({ description: 'UTF-8 with a byte-order mark' }) },
            [CONTENT_TYPES.xlsx]: { schema: z.string().meta({ format: 'binary' }) },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const file = await exportInitiatives(c.get('db'), actorOf(c), {
        planId: c.req.valid('param').planId,
        format: c.req.valid('query').format,
      });
      return c.body(file.data as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'no-store',
      });
    },
  );
