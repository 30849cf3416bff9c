/**
 * The final evaluation of a plan (OECD-DAC ratings and findings, conclusions, lessons) and the
 * hand-written parts of its logframe (indicators, sources and assumptions per level, expected
 * results, preconditions). One row of each per plan; the rest of the logframe is derived from
 * the plan's structure.
 */
import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { TDacCriterion, TLogframeLevel } from '../../../shared/enums.ts';
import { createdAt, id, updatedAt, version } from '../../platform/db/columns.ts';
import { missionRef, users } from '../missions/index.ts';
import { planRef } from '../plans/index.ts';

export type TStoredCriterionAssessment = { rating: number | null; findings: string | null };
export type TStoredLogframeLevel = {
  indicators: string | null;
  sources: string | null;
  assumptions: string | null;
};
export type TStoredExpectedResult = {
  text: string;
  indicators: string | null;
  sources: string | null;
  assumptions: string | null;
};

export const planEvaluations = pgTable(
  'plan_evaluations',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    /** One entry per assessed DAC criterion; a criterion not yet assessed has no entry. */
    criteria: jsonb('criteria')
      .$type<Partial<Record<TDacCriterion, TStoredCriterionAssessment>>>()
      .notNull()
      .default({}),
    conclusions: text('conclusions'),
    lessonsLearned: text('lessons_learned'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plan_evaluations_plan_key').on(t.planId)],
);

export const planLogframes = pgTable(
  'plan_logframes',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    levels: jsonb('levels')
      .$type<Partial<Record<TLogframeLevel, TStoredLogframeLevel>>>()
      .notNull()
      .default({}),
    expectedResults: jsonb('expected_results').$type<TStoredExpectedResult[]>().notNull().default([]),
    preconditions: text('preconditions'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('plan_logframes_plan_key').on(t.planId)],
);
