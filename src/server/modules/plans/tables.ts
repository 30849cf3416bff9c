/** A mission's plans and their structure: objectives, phases, focus areas, vectors, programmes. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { PHASE_KINDS, type TScoreCriterion } from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { missionRef } from '../missions/index.ts';

export const planRef = () =>
  uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' });

export const plans = pgTable(
  'plans',
  {
    id: id(),
    missionId: missionRef(),
    title: text('title').notNull(),
    acronym: text('acronym').notNull(),
    missionStatement: text('mission_statement'),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }),
    budgetEnvelope: numeric('budget_envelope', { precision: 14, scale: 2, mode: 'number' }),
    /** Weights of the criteria in a proposal's overall score (equal by default). */
    scoreWeights: jsonb('score_weights')
      .$type<Record<TScoreCriterion, number>>()
      .notNull()
      .default({ relevance: 1, effectiveness: 1, feasibility: 1 }),
    /** What makes a scored proposal a candidate (see `domain/scoring.ts`). */
    selectionRule: jsonb('selection_rule')
      .$type<{ minCriterionMean: number; minOverall: number }>()
      .notNull()
      .default({ minCriterionMean: 3, minOverall: 3.5 }),
    /** An evaluator sees the others' scores only after submitting all of theirs (avoids anchoring). */
    hideScoresUntilSubmitted: boolean('hide_scores_until_submitted').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [uniqueIndex('plans_mission_acronym_key').on(t.missionId, sql`upper(${t.acronym})`)],
);

export const objectives = pgTable(
  'objectives',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    level: integer('level').notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('objectives_plan_idx').on(t.planId),
    check('objectives_level_check', inList('level', [1, 2])),
  ],
);

export const phases = pgTable(
  'phases',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    kind: text('kind', { enum: PHASE_KINDS }).notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('phases_plan_kind_key').on(t.planId, t.kind),
    check('phases_kind_check', inList('kind', PHASE_KINDS)),
  ],
);

export const focusAreas = pgTable(
  'focus_areas',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('focus_areas_plan_key').on(t.planId, t.key)],
);

export const vectors = pgTable(
  'vectors',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
  },
  (t) => [uniqueIndex('vectors_plan_key').on(t.planId, t.key)],
);

export const programmes = pgTable(
  'programmes',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    hashtag: text('hashtag'),
    colors: text('colors').array().notNull().default(sql`'{}'::text[]`),
    description: text('description'),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('programmes_plan_key').on(t.planId, t.key)],
);
