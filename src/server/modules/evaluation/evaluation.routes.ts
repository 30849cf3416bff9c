/**
 * The final evaluation, the logframe and the reports for headquarters: a plan's evaluation and
 * logframe (read by the mission and headquarters, written by the head of mission and
 * administrators), the plan's report as PDF, DOCX or XLSX, and a single initiative's report
 * to headquarters as DOCX.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { REPORT_FORMATS, type TReportFormat } from '../../../shared/enums.ts';
import {
  ZLogframe,
  ZPlanEvaluation,
  ZUpdateEvaluationRequest,
  ZUpdateLogframeRequest,
} from '../../../shared/schemas/evaluation.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZIdParam,
} from '../../platform/http/openapi.ts';
import { ZReportLanguageQuery } from '../../platform/reports/i18n.ts';
import { actorOf } from '../missions/index.ts';
import { findEvaluation, updateEvaluation } from './evaluation.ts';
import { findLogframe, updateLogframe } from './logframe.ts';
import { exportInitiativeHqReport, exportPlanReport, type TReportFile } from './plan-report.ts';
import { REPORT_CONTENT_TYPES } from './report/index.ts';
import { defaultReportProviders } from './report/providers.ts';

const tags = ['Evaluation and reports'];

const fileResponse = (format: TReportFormat) => ({
  200: {
    description: 'The file, as an attachment named after the plan acronym',
    content: { [REPORT_CONTENT_TYPES[format]]: { schema: z.string().meta({ format: 'binary' }) } },
  },
});

const attachment = (file: TReportFile) => ({
  'Content-Type': file.contentType,
  'Content-Disposition': `attachment; filename="${file.filename}"`,
  'Cache-Control': 'no-store',
});

const FORMAT_DESCRIPTIONS: Record<TReportFormat, string> = {
  pdf: 'The report for headquarters as PDF: the plan and its structure, communication impact, indicators against targets with a chart, the DAC ratings, conclusions and lessons, and the annex of initiatives, in the plan’s colours.',
  docx: 'The same report as an editable Word document.',
  xlsx: 'The report’s data as a workbook: sheets Plan, Initiatives, Indicators, Evaluation.',
};

let router = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/evaluation',
      tags,
      summary: "A plan's final evaluation",
      description:
        'Rating (1 unsatisfactory, 2 partly satisfactory, 3 satisfactory, 4 highly satisfactory) and findings per OECD-DAC criterion, conclusions, lessons learned. Every criterion is present; `version` is 0 until the first save. Members and headquarters read it; external collaborators do not.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZPlanEvaluation, 'The evaluation'), ...errorResponses },
    }),
    async (c) => c.json(await findEvaluation(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{id}/evaluation',
      tags,
      summary: "Save a plan's final evaluation",
      description:
        'Head of mission and administrators. Send only the criteria you change; send `version` 0 the first time, then the version you read (409 when someone saved since).',
      request: { params: ZIdParam, body: jsonBody(ZUpdateEvaluationRequest) },
      responses: {
        200: jsonContent(ZPlanEvaluation, 'The saved evaluation'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateEvaluation(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/logframe',
      tags,
      summary: "A plan's logframe",
      description:
        'Overall objective, specific objective, expected results and activities, each with its indicators, sources of verification and assumptions. Objectives and activities come from the plan; the rest is written on the logframe.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZLogframe, 'The logframe'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await findLogframe(c.get('db'), actorOf(c), c.req.valid('param').id, defaultReportProviders),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{id}/logframe',
      tags,
      summary: "Save a plan's logframe",
      description:
        'Head of mission and administrators. The levels sent replace theirs; `expectedResults`, when sent, replaces the list. `version` 0 the first time.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateLogframeRequest) },
      responses: {
        200: jsonContent(ZLogframe, 'The saved logframe'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateLogframe(
          c.get('db'),
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          defaultReportProviders,
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/initiatives/{id}/hq-report.docx',
      tags,
      summary: 'Report to headquarters on one initiative (DOCX)',
      description:
        'Title, dates, place, partners, objectives, results and media coverage of an initiative, for the report headquarters receives after a major initiative. `lang` (it, en, ru, kk; default en) sets the language of headings, labels and dates.',
      request: { params: ZIdParam, query: ZReportLanguageQuery },
      responses: { ...fileResponse('docx'), ...errorResponses },
    }),
    async (c) => {
      const file = await exportInitiativeHqReport(
        c.get('db'),
        actorOf(c),
        c.req.valid('param').id,
        defaultReportProviders,
        c.req.valid('query').lang,
      );
      return c.body(file.data as Uint8Array<ArrayBuffer>, 200, attachment(file));
    },
  );

for (const format of REPORT_FORMATS) {
  router = router.openapi(
    createRoute({
      method: 'get',
      path: `/plans/{id}/report.${format}`,
      tags,
      summary: `The report for headquarters (${format.toUpperCase()})`,
      description: `${FORMAT_DESCRIPTIONS[format]} \`lang\` (it, en, ru, kk; default en) sets the language of headings, labels, dates and numbers; the data stays as stored.`,
      request: { params: ZIdParam, query: ZReportLanguageQuery },
      responses: { ...fileResponse(format), ...errorResponses },
    }),
    async (c) => {
      const file = await exportPlanReport(c.get('db'), actorOf(c), {
        planId: c.req.valid('param').id,
        format,
        lang: c.req.valid('query').lang,
      });
      return c.body(file.data as Uint8Array<ArrayBuffer>, 200, attachment(file));
    },
  ) as typeof router;
}

export const evaluationRoutes = router;
