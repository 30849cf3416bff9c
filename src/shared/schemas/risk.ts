/**
 * Risks and alarm variables (DESIGN §5): requests and responses of the risk register, the
 * plan's risk settings, alarm variables and their observations, alerts and tasks.
 */
import { z } from 'zod';
import {
  ALARM_DIRECTIONS,
  ALARM_LEVELS,
  ALARM_STATUSES,
  ALERT_STATUSES,
  IMPACTS,
  LIKELIHOODS,
  OBSERVATION_FREQUENCIES,
  RISK_LEVELS,
  RISK_RESPONSES,
  TASK_STATUSES,
} from '../enums.ts';
import {
  INT4_MAX,
  LIMITS,
  ZId,
  ZIsoDate,
  ZName,
  ZOptionalText,
  ZTitle,
  ZVersion,
  ZVersioned,
  zFiniteNumber,
  zLine,
  zRawText,
  zRequiredLine,
  zText,
} from './common.ts';
import { ZBooleanQuery, ZIncludeArchived } from './query.ts';

/** Alarm bounds and observed values: `double precision`, kept to a sane magnitude. */
const ZAlarmValue = zFiniteNumber(1e13);
const ZLikelihood = z.enum(LIKELIHOODS, { error: `must be one of ${LIKELIHOODS.join(', ')}` });
const ZImpact = z.enum(IMPACTS, { error: `must be one of ${IMPACTS.join(', ')}` });
const ZPersonRef = z.object({ id: z.string(), fullName: z.string() });
const ZInitiativeRef = z.object({ id: z.string(), title: z.string() });

// ——— Settings: areas and matrix ———

export const ZRiskArea = z.object({
  key: z
    .string({ error: 'is required' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'must be lower-case letters, digits and _ (e.g. pandemic)' }),
  name: ZName,
});

export const ZRiskMatrixGrid = z
  .array(z.array(z.enum(RISK_LEVELS, { error: `must be one of ${RISK_LEVELS.join(', ')}` })).length(5), {
    error: 'must be 5 rows of 5 levels',
  })
  .length(5, { error: 'must be 5 rows (almost_certain → rare) of 5 levels (insignificant → catastrophic)' });

export const ZRiskSettings = z
  .object({
    planId: z.string(),
    areas: z.array(z.object({ key: z.string(), name: z.string() })),
    /** Rows almost_certain → rare, columns insignificant → catastrophic. */
    matrix: z.array(z.array(z.enum(RISK_LEVELS))),
    /** 0 while the plan still uses the defaults. */
    version: z.number().int(),
  })
  .meta({ id: 'RiskSettings' });
export type TRiskSettings = z.infer<typeof ZRiskSettings>;

export const ZUpdateRiskSettingsRequest = z
  .object({
    areas: z
      .array(ZRiskArea)
      .min(1, { error: 'needs at least one area' })
      .max(LIMITS.listItems)
      .refine((list) => new Set(list.map((a) => a.key)).size === list.length, {
        error: 'must not repeat a key',
      })
      .optional(),
    matrix: ZRiskMatrixGrid.optional(),
    /** The version you edited (0 for a plan still on the defaults). */
    version: z
      .number({ error: 'is required: the version you edited' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must not be negative' })
      .max(INT4_MAX, { error: `must be at most ${INT4_MAX}` }),
  })
  .meta({ id: 'UpdateRiskSettingsRequest' });
export type TUpdateRiskSettingsRequest = z.infer<typeof ZUpdateRiskSettingsRequest>;

// ——— Risks ———

export const ZRiskActionInput = z.object({
  description: ZTitle,
  ownerId: ZId.nullable().optional(),
  dueDate: ZIsoDate.nullable().optional(),
  isDone: z.boolean().optional(),
});

export const ZRiskFields = z.object({
  initiativeId: ZId.nullable(),
  area: zRequiredLine(60),
  title: ZTitle,
  cause: ZOptionalText,
  event: ZOptionalText,
  consequence: ZOptionalText,
  inherentLikelihood: ZLikelihood,
  inherentImpact: ZImpact,
  residualLikelihood: ZLikelihood,
  residualImpact: ZImpact,
  response: z.enum(RISK_RESPONSES, { error: `must be one of ${RISK_RESPONSES.join(', ')}` }).nullable(),
  ownerId: ZId.nullable(),
  reviewDate: ZIsoDate.nullable(),
  actions: z.array(ZRiskActionInput).max(LIMITS.listItems),
});
export type TRiskFields = z.infer<typeof ZRiskFields>;

/** Residual likelihood and impact default to the inherent ones. */
export const ZCreateRiskRequest = ZRiskFields.partial()
  .required({ area: true, title: true, inherentLikelihood: true, inherentImpact: true })
  .extend({ planId: ZId })
  .meta({ id: 'CreateRiskRequest' });
export type TCreateRiskRequest = z.infer<typeof ZCreateRiskRequest>;

export const ZUpdateRiskRequest = ZRiskFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateRiskRequest' });
export type TUpdateRiskRequest = z.infer<typeof ZUpdateRiskRequest>;

export const ZRiskListQuery = z.object({
  planId: ZId.optional(),
  initiativeId: ZId.optional(),
  includeArchived: ZIncludeArchived,
});
export type TRiskListQuery = z.infer<typeof ZRiskListQuery>;

export const ZRiskAction = z.object({
  id: z.string(),
  description: z.string(),
  owner: ZPersonRef.nullable(),
  dueDate: z.string().nullable(),
  isDone: z.boolean(),
});

export const ZRisk = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  planId: z.string(),
  initiative: ZInitiativeRef.nullable(),
  area: z.string(),
  /** The area's display name from the plan's settings (the key when the area was removed). */
  areaName: z.string(),
  title: z.string(),
  cause: z.string().nullable(),
  event: z.string().nullable(),
  consequence: z.string().nullable(),
  inherentLikelihood: z.enum(LIKELIHOODS),
  inherentImpact: z.enum(IMPACTS),
  inherentLevel: z.enum(RISK_LEVELS),
  /** Likelihood × impact on 1–25, for sorting. */
  inherentScore: z.number().int(),
  residualLikelihood: z.enum(LIKELIHOODS),
  residualImpact: z.enum(IMPACTS),
  residualLevel: z.enum(RISK_LEVELS),
  residualScore: z.number().int(),
  response: z.enum(RISK_RESPONSES).nullable(),
  owner: ZPersonRef.nullable(),
  reviewDate: z.string().nullable(),
  actions: z.array(ZRiskAction),
  /** The worst status among its alarm variables (`no_data` without any). */
  alarmStatus: z.enum(ALARM_STATUSES),
}).meta({ id: 'Risk' });
export type TRisk = z.infer<typeof ZRisk>;

export const ZRiskList = z.object({ items: z.array(ZRisk) }).meta({ id: 'RiskList' });

// ——— Alarm variables ———

const FREQUENCY_NAMES = Object.keys(OBSERVATION_FREQUENCIES) as [
  keyof typeof OBSERVATION_FREQUENCIES,
  ...(keyof typeof OBSERVATION_FREQUENCIES)[],
];

/** How often a variable is observed: a number of days (1–366) or daily, weekly, fortnightly, monthly, quarterly. */
export const ZObservationFrequency = z
  .union([z.number().int().min(1).max(366), z.enum(FREQUENCY_NAMES)], {
    error: `must be a number of days (1–366) or one of ${FREQUENCY_NAMES.join(', ')}`,
  })
  .transform((v) => (typeof v === 'number' ? v : OBSERVATION_FREQUENCIES[v]));

export const ZAlarmVariableFields = z.object({
  metric: ZTitle,
  unit: zLine(40).nullish(),
  direction: z.enum(ALARM_DIRECTIONS, { error: `must be one of ${ALARM_DIRECTIONS.join(', ')}` }),
  amberBound: ZAlarmValue,
  redBound: ZAlarmValue,
  frequency: ZObservationFrequency,
  escalationOwnerId: ZId.nullable(),
  exposedInitiativeIds: z.array(ZId).max(LIMITS.listItems),
});

export const ZCreateAlarmVariableRequest = ZAlarmVariableFields.partial()
  .required({ metric: true, direction: true, amberBound: true, redBound: true, frequency: true })
  .meta({ id: 'CreateAlarmVariableRequest' });
export type TCreateAlarmVariableRequest = z.infer<typeof ZCreateAlarmVariableRequest>;

export const ZUpdateAlarmVariableRequest = ZAlarmVariableFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateAlarmVariableRequest' });
export type TUpdateAlarmVariableRequest = z.infer<typeof ZUpdateAlarmVariableRequest>;

export const ZObservation = z
  .object({
    id: z.string(),
    alarmVariableId: z.string(),
    observedOn: z.string(),
    value: z.number(),
    level: z.enum(ALARM_LEVELS),
    source: z.string().nullable(),
    note: z.string().nullable(),
    recordedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Observation' });
export type TObservation = z.infer<typeof ZObservation>;

export const ZExposedInitiative = ZInitiativeRef.extend({ fallbackAlternative: z.string().nullable() });

export const ZAlert = z
  .object({
    id: z.string(),
    missionId: z.string(),
    planId: z.string(),
    alarmVariableId: z.string(),
    metric: z.string(),
    unit: z.string().nullable(),
    risk: z.object({ id: z.string(), title: z.string() }),
    level: z.enum(['amber', 'red']),
    status: z.enum(ALERT_STATUSES),
    observation: z.object({ observedOn: z.string(), value: z.number() }).nullable(),
    raisedAt: z.string(),
    resolvedAt: z.string().nullable(),
    resolutionNote: z.string().nullable(),
    exposedInitiatives: z.array(ZExposedInitiative),
    task: z.object({ id: z.string(), title: z.string(), status: z.enum(TASK_STATUSES) }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Alert' });
export type TAlert = z.infer<typeof ZAlert>;

export const ZAlarmVariable = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  planId: z.string(),
  riskId: z.string(),
  metric: z.string(),
  unit: z.string().nullable(),
  direction: z.enum(ALARM_DIRECTIONS),
  amberBound: z.number(),
  redBound: z.number(),
  frequencyDays: z.number().int(),
  escalationOwner: ZPersonRef.nullable(),
  exposedInitiatives: z.array(ZExposedInitiative),
  /** On today's date in the mission's time zone. */
  status: z.enum(ALARM_STATUSES),
  level: z.enum(ALARM_LEVELS).nullable(),
  latest: z.object({ observedOn: z.string(), value: z.number() }).nullable(),
  nextDueOn: z.string().nullable(),
  /** The most recent observations, newest first (at most 50). */
  observations: z.array(ZObservation),
  openAlerts: z.array(ZAlert),
}).meta({ id: 'AlarmVariable' });
export type TAlarmVariable = z.infer<typeof ZAlarmVariable>;

export const ZRiskDetail = ZRisk.extend({ alarmVariables: z.array(ZAlarmVariable) }).meta({
  id: 'RiskDetail',
});
export type TRiskDetail = z.infer<typeof ZRiskDetail>;

export const ZObservationRequest = z
  .object({
    observedOn: ZIsoDate,
    value: ZAlarmValue,
    source: zLine(LIMITS.name).nullish(),
    note: ZOptionalText,
  })
  .meta({ id: 'ObservationRequest' });
export type TObservationRequest = z.infer<typeof ZObservationRequest>;

export const ZObservationImportRequest = z
  .object({
    /** CSV text with a header row: `observedOn,value,source,note` (source and note optional). */
    csv: zRawText(2_000_000).min(1, { error: 'must not be empty' }),
  })
  .meta({ id: 'ObservationImportRequest' });

export const ZObservationResult = z
  .object({
    observations: z.array(ZObservation),
    variable: ZAlarmVariable,
    /** The alert raised when the observations moved the variable into amber or red, with its task. */
    alert: ZAlert.nullable(),
  })
  .meta({ id: 'ObservationResult' });
export type TObservationResult = z.infer<typeof ZObservationResult>;

// ——— Alerts and tasks ———

export const ZAlertListQuery = z.object({
  planId: ZId.optional(),
  status: z.enum(ALERT_STATUSES, { error: 'must be open or resolved' }).optional(),
});
export type TAlertListQuery = z.infer<typeof ZAlertListQuery>;

export const ZAlertList = z.object({ items: z.array(ZAlert) }).meta({ id: 'AlertList' });

export const ZResolveAlertRequest = z
  .object({
    note: zText({ max: LIMITS.text, isMultiline: true }).min(1, { error: 'is required: say what was done' }),
    version: ZVersion.optional(),
  })
  .meta({ id: 'ResolveAlertRequest' });
export type TResolveAlertRequest = z.infer<typeof ZResolveAlertRequest>;

export const ZTask = ZVersioned.omit({ archivedAt: true })
  .extend({
    id: z.string(),
    missionId: z.string(),
    planId: z.string(),
    title: z.string(),
    owner: ZPersonRef.nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(TASK_STATUSES),
    alertId: z.string().nullable(),
    initiative: ZInitiativeRef.nullable(),
    isOverdue: z.boolean(),
  })
  .meta({ id: 'Task' });
export type TTask = z.infer<typeof ZTask>;

export const ZTaskListQuery = z.object({
  planId: ZId.optional(),
  status: z.enum(TASK_STATUSES, { error: 'must be open or done' }).optional(),
  /** Only tasks raised by alerts. */
  fromAlerts: ZBooleanQuery.optional(),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

export const ZTaskList = z.object({ items: z.array(ZTask) }).meta({ id: 'TaskList' });

export const ZUpdateTaskRequest = z
  .object({
    title: ZTitle.optional(),
    status: z.enum(TASK_STATUSES, { error: 'must be open or done' }).optional(),
    dueDate: ZIsoDate.nullable().optional(),
    ownerId: ZId.nullable().optional(),
    version: ZVersion,
  })
  .meta({ id: 'UpdateTaskRequest' });
export type TUpdateTaskRequest = z.infer<typeof ZUpdateTaskRequest>;
