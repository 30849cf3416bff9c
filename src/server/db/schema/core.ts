/**
 * The core of the database schema: missions, accounts, plans, initiatives, partners, people,
 * audit, proposals and scoring. `../schema.ts` gathers it with the modules' tables; the
 * conventions are written there.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TScoreWeights, TSelectionRule } from '../../../domain/scoring.ts';
import {
  DATE_PRECISIONS,
  DECISION_OUTCOMES,
  IMPORTANCES,
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  INNOVATION_KINDS,
  MEDIA_REFLECTIONS,
  MEMBERSHIP_STATUSES,
  MISSION_KINDS,
  NEW_ACTOR_STATUSES,
  ORGANISATION_KINDS,
  PARTNER_ROLES,
  PERSON_KINDS,
  PHASE_KINDS,
  PROPOSAL_STATUSES,
  ROLES,
  ROUND_STATUSES,
  SIGN_IN_TOKEN_PURPOSES,
} from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from './columns.ts';

export const missionRef = () =>
  uuid('mission_id')
    .notNull()
    .references(() => missions.id, { onDelete: 'cascade' });
export const planRef = () =>
  uuid('plan_id')
    .notNull()
    .references(() => plans.id, { onDelete: 'cascade' });

export const missions = pgTable(
  'missions',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: MISSION_KINDS }).notNull(),
    hostCountry: text('host_country'),
    defaultLocale: text('default_locale').notNull().default('en'),
    currency: text('currency').notNull().default('EUR'),
    timeZone: text('time_zone').notNull().default('UTC'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    uniqueIndex('missions_slug_key').on(t.slug),
    check('missions_kind_check', inList('kind', MISSION_KINDS)),
  ],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('en'),
    isActive: boolean('is_active').notNull().default(true),
    /** The ministry's IT: creates missions and their first administrators; above the missions. */
    isNetworkAdmin: boolean('is_network_admin').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    missionId: missionRef(),
    role: text('role', { enum: ROLES }).notNull(),
    /** `invited` until the person accepts, signed in with their own credentials; only `active` counts. */
    status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull().default('active'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.missionId] }),
    index('memberships_mission_idx').on(t.missionId),
    check('memberships_role_check', inList('role', ROLES)),
    check('memberships_status_check', inList('status', MEMBERSHIP_STATUSES)),
  ],
);

/** Sign-in sessions. `id` is the SHA-256 of the cookie's token: a stolen table yields no session. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Moved forward as the session is used; an idle session ends (see auth/sessions.ts). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time sign-in links (first start, password reset). `id` is the SHA-256 of the token. */
export const signInTokens = pgTable(
  'sign_in_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: SIGN_IN_TOKEN_PURPOSES }).notNull().default('sign_in'),
    /** Who asked for it (null: the system, or the person themself). */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** Set when a newer link for the same person replaced it. */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('sign_in_tokens_user_idx').on(t.userId),
    check('sign_in_tokens_purpose_check', inList('purpose', SIGN_IN_TOKEN_PURPOSES)),
  ],
);

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
      .$type<TScoreWeights>()
      .notNull()
      .default({ relevance: 1, effectiveness: 1, feasibility: 1 }),
    /** What makes a scored proposal a candidate (see `domain/scoring.ts`). */
    selectionRule: jsonb('selection_rule')
      .$type<TSelectionRule>()
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

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    missionId: missionRef(),
    key: text('key'),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull().default('other'),
    country: text('country'),
    sector: text('sector'),
    website: text('website'),
    isNewActor: boolean('is_new_actor').notNull().default(false),
    newActorStatus: text('new_actor_status', { enum: NEW_ACTOR_STATUSES }),
    notes: text('notes'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('organisations_mission_idx').on(t.missionId),
    uniqueIndex('organisations_mission_key').on(t.missionId, t.key),
    check('organisations_kind_check', inList('kind', ORGANISATION_KINDS)),
    check(
      'organisations_new_actor_status_check',
      sql.raw(
        `new_actor_status is null or new_actor_status in (${NEW_ACTOR_STATUSES.map((s) => `'${s}'`).join(', ')})`,
      ),
    ),
  ],
);

export const people = pgTable(
  'people',
  {
    id: id(),
    missionId: missionRef(),
    key: text('key'),
    fullName: text('full_name').notNull(),
    kind: text('kind', { enum: PERSON_KINDS }).notNull().default('staff'),
    email: text('email'),
    /** The account this person signs in with, if any (collaborators see what they are assigned). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    competences: jsonb('competences').$type<{ tag: string; level: number }[]>().notNull().default([]),
    capacity: integer('capacity'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('people_mission_idx').on(t.missionId),
    uniqueIndex('people_mission_key').on(t.missionId, t.key),
    index('people_user_idx').on(t.userId),
    check('people_kind_check', inList('kind', PERSON_KINDS)),
  ],
);

export const initiatives = pgTable(
  'initiatives',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    key: text('key'),
    title: text('title').notNull(),
    summary: text('summary'),
    type: text('type', { enum: INITIATIVE_TYPES }).notNull(),
    status: text('status', { enum: INITIATIVE_STATUSES }).notNull().default('proposed'),
    datePrecision: text('date_precision', { enum: DATE_PRECISIONS }).notNull().default('day'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    cities: text('cities').array().notNull().default(sql`'{}'::text[]`),
    venues: text('venues').array().notNull().default(sql`'{}'::text[]`),
    focusAreaId: uuid('focus_area_id').references(() => focusAreas.id, { onDelete: 'set null' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    innovationKind: text('innovation_kind', { enum: INNOVATION_KINDS }),
    involvesYouth: boolean('involves_youth').notNull().default(false),
    objectives: text('objectives'),
    keyMessages: text('key_messages'),
    targetAudiences: text('target_audiences'),
    results: text('results'),
    mediaCoverage: text('media_coverage'),
    /** Links to photos and videos of the initiative. */
    mediaLinks: text('media_links').array().notNull().default(sql`'{}'::text[]`),
    mediaReflection: text('media_reflection', { enum: MEDIA_REFLECTIONS }),
    importance: text('importance', { enum: IMPORTANCES }).notNull().default('standard'),
    budget: numeric('budget', { precision: 14, scale: 2, mode: 'number' }),
    ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
    /** What the initiative falls back to when an alarm on one of its risks goes off (e.g. an online format). */
    fallbackAlternative: text('fallback_alternative'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('initiatives_mission_plan_idx').on(t.missionId, t.planId),
    index('initiatives_dates_idx').on(t.planId, t.startDate),
    uniqueIndex('initiatives_plan_key').on(t.planId, t.key),
    check('initiatives_type_check', inList('type', INITIATIVE_TYPES)),
    check('initiatives_status_check', inList('status', INITIATIVE_STATUSES)),
    check('initiatives_date_precision_check', inList('date_precision', DATE_PRECISIONS)),
    check('initiatives_importance_check', inList('importance', IMPORTANCES)),
    check(
      'initiatives_dates_order_check',
      sql`end_date is null or start_date is null or end_date >= start_date`,
    ),
  ],
);

export const initiativeVectors = pgTable(
  'initiative_vectors',
  {
    missionId: missionRef(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    vectorId: uuid('vector_id')
      .notNull()
      .references(() => vectors.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.vectorId] })],
);

export const initiativePartners = pgTable(
  'initiative_partners',
  {
    missionId: missionRef(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: PARTNER_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.organisationId, t.role] }),
    index('initiative_partners_org_idx').on(t.organisationId),
    check('initiative_partners_role_check', inList('role', PARTNER_ROLES)),
  ],
);

export const initiativeDelegates = pgTable(
  'initiative_delegates',
  {
    missionId: missionRef(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.initiativeId, t.personId] }),
    index('initiative_delegates_person_idx').on(t.personId),
  ],
);

/** Who changed what, when: one row per write, with the record before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    missionId: uuid('mission_id').references(() => missions.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_mission_idx').on(t.missionId, t.at),
  ],
);

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
