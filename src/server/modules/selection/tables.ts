/** Ideas and selection (DESIGN §2): proposals, scoring rounds, scores and decisions. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DATE_PRECISIONS,
  DECISION_OUTCOMES,
  INITIATIVE_TYPES,
  INNOVATION_KINDS,
  PARTNER_ROLES,
  PROPOSAL_STATUSES,
  ROUND_STATUSES,
} from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { initiatives } from '../initiatives/index.ts';
import { missionRef, users } from '../missions/index.ts';
import { organisations } from '../partners/index.ts';
import { focusAreas, planRef, programmes, vectors } from '../plans/index.ts';

// ——— Ideas and selection (DESIGN §2) ———

/** An idea for an initiative, submitted by any member of the mission to a plan. */
export const proposals = pgTable(
  'proposals',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    summary: text('summary'),
    type: text('type', { enum: INITIATIVE_TYPES }).notNull(),
    focusAreaId: uuid('focus_area_id').references(() => focusAreas.id, { onDelete: 'set null' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    cities: text('cities').array().notNull().default(sql`'{}'::text[]`),
    innovationKind: text('innovation_kind', { enum: INNOVATION_KINDS }),
    involvesYouth: boolean('involves_youth').notNull().default(false),
    estimatedCost: numeric('estimated_cost', { precision: 14, scale: 2, mode: 'number' }),
    targetAudience: text('target_audience'),
    /** Why it matters. */
    rationale: text('rationale'),
    status: text('status', { enum: PROPOSAL_STATUSES }).notNull().default('submitted'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('proposals_mission_plan_idx').on(t.missionId, t.planId),
    index('proposals_author_idx').on(t.authorId),
    check('proposals_type_check', inList('type', INITIATIVE_TYPES)),
    check('proposals_status_check', inList('status', PROPOSAL_STATUSES)),
    check('proposals_date_precision_check', inList('date_precision', DATE_PRECISIONS)),
    check(
      'proposals_dates_order_check',
      sql`end_date is null or start_date is null or end_date >= start_date`,
    ),
  ],
);

export const proposalVectors = pgTable(
  'proposal_vectors',
  {
    missionId: missionRef(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    vectorId: uuid('vector_id')
      .notNull()
      .references(() => vectors.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.vectorId] })],
);

export const proposalPartners = pgTable(
  'proposal_partners',
  {
    missionId: missionRef(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PARTNER_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.organisationId, t.role] }),
    check('proposal_partners_role_check', inList('role', PARTNER_ROLES)),
  ],
);

/** A round of collegial scoring over some proposals of a plan, by named evaluators. */
export const scoringRounds = pgTable(
  'scoring_rounds',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    name: text('name').notNull(),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status', { enum: ROUND_STATUSES }).notNull().default('open'),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('scoring_rounds_mission_plan_idx').on(t.missionId, t.planId),
    check('scoring_rounds_status_check', inList('status', ROUND_STATUSES)),
  ],
);

export const roundProposals = pgTable(
  'round_proposals',
  {
    missionId: missionRef(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => scoringRounds.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.proposalId] }),
    index('round_proposals_proposal_idx').on(t.proposalId),
  ],
);

export const roundEvaluators = pgTable(
  'round_evaluators',
  {
    missionId: missionRef(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => scoringRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index('round_evaluators_user_idx').on(t.userId)],
);

const scoreValue = (column: string) => integer(column).notNull();

/** One evaluator's scores of one proposal in one round; scoring again updates the row. */
export const scores = pgTable(
  'scores',
  {
    id: id(),
    missionId: missionRef(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => scoringRounds.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    evaluatorId: uuid('evaluator_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    relevance: scoreValue('relevance'),
    effectiveness: scoreValue('effectiveness'),
    feasibility: scoreValue('feasibility'),
    relevanceComment: text('relevance_comment'),
    effectivenessComment: text('effectiveness_comment'),
    feasibilityComment: text('feasibility_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scores_round_proposal_evaluator_key').on(t.roundId, t.proposalId, t.evaluatorId),
    check('scores_relevance_check', sql`relevance between 1 and 5`),
    check('scores_effectiveness_check', sql`effectiveness between 1 and 5`),
    check('scores_feasibility_check', sql`feasibility between 1 and 5`),
  ],
);

/** Decisions on a proposal, never overwritten: a revisit adds a row, the latest is current. */
export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    missionId: missionRef(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    /** The round whose scores informed the decision, if any. */
    roundId: uuid('round_id').references(() => scoringRounds.id, { onDelete: 'set null' }),
    outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
    /** The initiative an approval created (or brought back). */
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('decisions_proposal_idx').on(t.proposalId, t.decidedAt),
    check('decisions_outcome_check', inList('outcome', DECISION_OUTCOMES)),
    check('decisions_reason_check', sql`length(trim(reason)) > 0`),
  ],
);
