import { createRoute } from '@hono/zod-openapi';
import {
  ZAlarmVariable,
  ZAlert,
  ZAlertList,
  ZAlertListQuery,
  ZCreateAlarmVariableRequest,
  ZCreateRiskRequest,
  ZObservationImportRequest,
  ZObservationRequest,
  ZObservationResult,
  ZResolveAlertRequest,
  ZRiskDetail,
  ZRiskList,
  ZRiskListQuery,
  ZRiskSettings,
  ZTask,
  ZTaskList,
  ZTaskListQuery,
  ZUpdateAlarmVariableRequest,
  ZUpdateRiskRequest,
  ZUpdateRiskSettingsRequest,
  ZUpdateTaskRequest,
} from '../../../shared/schemas/risk.ts';
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
import { importObservations, recordObservation } from './alarm-observations.ts';
import {
  archiveAlarmVariable,
  createAlarmVariable,
  findAlarmVariable,
  updateAlarmVariable,
} from './alarms.ts';
import { findAlerts, findInitiativeAlerts, findTasks, resolveAlert, updateTask } from './alerts.ts';
import {
  archiveRisk,
  createRisk,
  findRisk,
  findRiskSettings,
  findRisks,
  updateRisk,
  updateRiskSettings,
} from './risks.ts';

const tags = ['Risks'];
const writeNote =
  'Administrators, heads of mission and officers of the mission; viewers, collaborators and headquarters read only.';

export const riskRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/risk-settings',
      tags,
      summary: "A plan's risk areas and 5×5 matrix",
      description:
        'The defaults (version 0) until the plan edits them: areas internal stability, pandemic, implementation; the matrix of DESIGN §5.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZRiskSettings, 'The settings'), ...errorResponses },
    }),
    async (c) => c.json(await findRiskSettings(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{id}/risk-settings',
      tags,
      summary: "Change a plan's risk areas or matrix",
      description:
        'Head of mission and administrators. An area still used by a risk cannot be removed (400).',
      request: { params: ZIdParam, body: jsonBody(ZUpdateRiskSettingsRequest) },
      responses: { 200: jsonContent(ZRiskSettings, 'The settings'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await updateRiskSettings(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/risks',
      tags,
      summary: 'List risks',
      description:
        'Risks of a plan or of one initiative, highest residual score first, with their levels from the plan’s matrix.',
      request: { query: ZRiskListQuery },
      responses: { 200: jsonContent(ZRiskList, 'The risks'), ...errorResponses },
    }),
    async (c) => c.json(await findRisks(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/risks',
      tags,
      summary: 'Record a risk',
      description: `${writeNote} Residual likelihood and impact default to the inherent ones.`,
      request: { body: jsonBody(ZCreateRiskRequest) },
      responses: { 201: jsonContent(ZRiskDetail, 'The new risk'), ...errorResponses },
    }),
    async (c) => c.json(await createRisk(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/risks/{id}',
      tags,
      summary: 'Get a risk with its actions and alarm variables',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZRiskDetail, 'The risk'), ...errorResponses },
    }),
    async (c) => c.json(await findRisk(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/risks/{id}',
      tags,
      summary: 'Update a risk',
      description: `${writeNote} \`actions\`, when sent, replace the list. Send the \`version\` you edited (409 if stale).`,
      request: { params: ZIdParam, body: jsonBody(ZUpdateRiskRequest) },
      responses: { 200: jsonContent(ZRiskDetail, 'The risk'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(await updateRisk(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/risks/{id}',
      tags,
      summary: 'Archive a risk',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZRiskDetail, 'The archived risk'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveRisk(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('query').version),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/risks/{id}/alarm-variables',
      tags,
      summary: 'Add an alarm variable to a risk',
      description: `${writeNote} Red must lie beyond amber in the direction of worse (400 naming \`redBound\`). \`frequency\` is a number of days or daily, weekly, fortnightly, monthly, quarterly.`,
      request: { params: ZIdParam, body: jsonBody(ZCreateAlarmVariableRequest) },
      responses: { 201: jsonContent(ZAlarmVariable, 'The new alarm variable'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await createAlarmVariable(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/alarm-variables/{id}',
      tags,
      summary: 'Get an alarm variable with its status and observations',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZAlarmVariable, 'The alarm variable'), ...errorResponses },
    }),
    async (c) => c.json(await findAlarmVariable(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/alarm-variables/{id}',
      tags,
      summary: 'Update an alarm variable',
      request: { params: ZIdParam, body: jsonBody(ZUpdateAlarmVariableRequest) },
      responses: {
        200: jsonContent(ZAlarmVariable, 'The alarm variable'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateAlarmVariable(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/alarm-variables/{id}',
      tags,
      summary: 'Archive an alarm variable',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZAlarmVariable, 'The archived variable'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveAlarmVariable(
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
      path: '/alarm-variables/{id}/observations',
      tags,
      summary: 'Record an observation',
      description: `${writeNote} When it moves the variable into amber or red from a better band, an alert is raised and a corrective-action task is created for the escalation owner.`,
      request: { params: ZIdParam, body: jsonBody(ZObservationRequest) },
      responses: {
        201: jsonContent(ZObservationResult, 'The observation, the variable and any alert'),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await recordObservation(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/alarm-variables/{id}/observations/import',
      tags,
      summary: 'Import observations from CSV',
      description:
        'CSV text with a header row `observedOn,value,source,note`. All or nothing: a bad cell gives 400 with `row N, column X` errors and nothing is stored.',
      middleware: [uploadGate] as const,
      request: { params: ZIdParam, body: jsonBody(ZObservationImportRequest) },
      responses: {
        201: jsonContent(ZObservationResult, 'The observations, the variable and any alert'),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        await importObservations(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json').csv),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/alerts',
      tags,
      summary: 'List alerts',
      request: { query: ZAlertListQuery },
      responses: { 200: jsonContent(ZAlertList, 'The alerts, open first'), ...errorResponses },
    }),
    async (c) => c.json(await findAlerts(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/alerts/{id}/resolve',
      tags,
      summary: 'Resolve an alert with a note',
      description: `${writeNote} The note is required; the exposed initiatives stop showing the warning.`,
      request: { params: ZIdParam, body: jsonBody(ZResolveAlertRequest) },
      responses: { 200: jsonContent(ZAlert, 'The resolved alert'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(await resolveAlert(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/initiatives/{id}/alerts',
      tags,
      summary: 'Open alerts that expose an initiative',
      description: 'For the warning on the initiative page; readable by whoever reads the initiative.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZAlertList, 'The open alerts'), ...errorResponses },
    }),
    async (c) => c.json(await findInitiativeAlerts(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/tasks',
      tags,
      summary: 'List tasks',
      request: { query: ZTaskListQuery },
      responses: { 200: jsonContent(ZTaskList, 'The tasks, open first'), ...errorResponses },
    }),
    async (c) => c.json(await findTasks(c.get('db'), actorOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/tasks/{id}',
      tags,
      summary: 'Update a task',
      request: { params: ZIdParam, body: jsonBody(ZUpdateTaskRequest) },
      responses: { 200: jsonContent(ZTask, 'The task'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(await updateTask(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
