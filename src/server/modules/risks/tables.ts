/**
 * Risks and alarm variables (DESIGN §5): the plan's risk settings (areas and 5×5 matrix), the
 * risk register with its actions, alarm variables with their observations, the alerts they
 * raise and the corrective-action tasks those create.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  ALARM_DIRECTIONS,
  ALERT_STATUSES,
  IMPACTS,
  LIKELIHOODS,
  RISK_RESPONSES,
  TASK_STATUSES,
} from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { initiatives } from '../initiatives/index.ts';
import { missionRef, users } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { planRef, plans } from '../plans/index.ts';
import type { TRiskMatrix } from './rules/risk-matrix.ts';

/** A plan's risk areas and matrix; a plan without a row uses the defaults. */
export const riskSettings = pgTable('risk_settings', {
  planId: uuid('plan_id')
    .primaryKey()
    .references(() => plans.id, { onDelete: 'cascade' }),
  missionId: missionRef(),
  /** The areas risks are filed under: a key and a display name each. */
  areas: jsonb('areas').$type<{ key: string; name: string }[]>().notNull(),
  matrix: jsonb('matrix').$type<TRiskMatrix>().notNull(),
  version: version(),
  updatedAt: updatedAt(),
});

const personRef = (column: string) => uuid(column).references(() => people.id, { onDelete: 'set null' });

/** A risk on a plan or, with `initiative_id`, on one initiative. */
export const risks = pgTable(
  'risks',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'cascade' }),
    area: text('area').notNull(),
    title: text('title').notNull(),
    cause: text('cause'),
    event: text('event'),
    consequence: text('consequence'),
    inherentLikelihood: text('inherent_likelihood', { enum: LIKELIHOODS }).notNull(),
    inherentImpact: text('inherent_impact', { enum: IMPACTS }).notNull(),
    residualLikelihood: text('residual_likelihood', { enum: LIKELIHOODS }).notNull(),
    residualImpact: text('residual_impact', { enum: IMPACTS }).notNull(),
    response: text('response', { enum: RISK_RESPONSES }),
    ownerId: personRef('owner_id'),
    reviewDate: date('review_date', { mode: 'string' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('risks_mission_plan_idx').on(t.missionId, t.planId),
    index('risks_initiative_idx').on(t.initiativeId),
    check('risks_inherent_likelihood_check', inList('inherent_likelihood', LIKELIHOODS)),
    check('risks_inherent_impact_check', inList('inherent_impact', IMPACTS)),
    check('risks_residual_likelihood_check', inList('residual_likelihood', LIKELIHOODS)),
    check('risks_residual_impact_check', inList('residual_impact', IMPACTS)),
    check(
      'risks_response_check',
      sql.raw(`response is null or response in (${RISK_RESPONSES.map((r) => `'${r}'`).join(', ')})`),
    ),
  ],
);

/** What is done about a risk: replaced as a list with the risk. */
export const riskActions = pgTable(
  'risk_actions',
  {
    id: id(),
    missionId: missionRef(),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    ownerId: personRef('owner_id'),
    dueDate: date('due_date', { mode: 'string' }),
    doneAt: date('done_at', { mode: 'string' }),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('risk_actions_risk_idx').on(t.riskId),
    index('risk_actions_due_idx').on(t.missionId, t.dueDate),
  ],
);

/** A key risk indicator of a risk: amber and red bounds, how often it is observed, who escalates. */
export const alarmVariables = pgTable(
  'alarm_variables',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    riskId: uuid('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    unit: text('unit'),
    direction: text('direction', { enum: ALARM_DIRECTIONS }).notNull(),
    amberBound: doublePrecision('amber_bound').notNull(),
    redBound: doublePrecision('red_bound').notNull(),
    frequencyDays: integer('frequency_days').notNull(),
    escalationOwnerId: personRef('escalation_owner_id'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('alarm_variables_risk_idx').on(t.riskId),
    index('alarm_variables_mission_plan_idx').on(t.missionId, t.planId),
    check('alarm_variables_direction_check', inList('direction', ALARM_DIRECTIONS)),
    check(
      'alarm_variables_bounds_check',
      sql`(direction = 'higher_is_worse' and red_bound > amber_bound) or (direction = 'lower_is_worse' and red_bound < amber_bound)`,
    ),
    check('alarm_variables_frequency_check', sql`frequency_days between 1 and 366`),
  ],
);

/** The initiatives an alarm variable's risk would hit: they show their fallback while an alert is open. */
export const alarmVariableInitiatives = pgTable(
  'alarm_variable_initiatives',
  {
    missionId: missionRef(),
    alarmVariableId: uuid('alarm_variable_id')
      .notNull()
      .references(() => alarmVariables.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.alarmVariableId, t.initiativeId] }),
    index('alarm_variable_initiatives_initiative_idx').on(t.initiativeId),
  ],
);

/** One reading of an alarm variable; never edited (a wrong reading is corrected by a newer one). */
export const alarmObservations = pgTable(
  'alarm_observations',
  {
    id: id(),
    missionId: missionRef(),
    alarmVariableId: uuid('alarm_variable_id')
      .notNull()
      .references(() => alarmVariables.id, { onDelete: 'cascade' }),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    source: text('source'),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('alarm_observations_variable_idx').on(t.alarmVariableId, t.observedOn)],
);

/** Raised when an observation moves a variable into amber or red; open until resolved with a note. */
export const alerts = pgTable(
  'alerts',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    alarmVariableId: uuid('alarm_variable_id')
      .notNull()
      .references(() => alarmVariables.id, { onDelete: 'cascade' }),
    observationId: uuid('observation_id').references(() => alarmObservations.id, { onDelete: 'set null' }),
    level: text('level', { enum: ['amber', 'red'] }).notNull(),
    status: text('status', { enum: ALERT_STATUSES }).notNull().default('open'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolutionNote: text('resolution_note'),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('alerts_mission_plan_idx').on(t.missionId, t.planId, t.status),
    index('alerts_variable_idx').on(t.alarmVariableId),
    check('alerts_level_check', inList('level', ['amber', 'red'])),
    check('alerts_status_check', inList('status', ALERT_STATUSES)),
    check(
      'alerts_resolution_check',
      sql`status = 'open' or (resolution_note is not null and length(trim(resolution_note)) > 0)`,
    ),
  ],
);

/** A piece of work for one person: corrective actions raised by alerts, and other follow-ups. */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    title: text('title').notNull(),
    ownerId: personRef('owner_id'),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
    alertId: uuid('alert_id').references(() => alerts.id, { onDelete: 'set null' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('tasks_mission_plan_idx').on(t.missionId, t.planId, t.status),
    index('tasks_owner_idx').on(t.ownerId),
    uniqueIndex('tasks_alert_key').on(t.alertId),
    check('tasks_status_check', inList('status', TASK_STATUSES)),
  ],
);
