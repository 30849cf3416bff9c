/**
 * Results and impact (DESIGN §9): indicators with their actual values, the results each
 * initiative records, and social-media metrics (accounts, monthly snapshots, posts).
 * There is deliberately no advertising-value-equivalent (AVE) column anywhere.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AMEC_STAGES,
  COLLECTION_FREQUENCIES,
  INDICATOR_KINDS,
  INDICATOR_MEASURES,
  SOCIAL_PLATFORMS,
} from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { initiatives } from '../initiatives/index.ts';
import { missionRef, users } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { objectives, planRef } from '../plans/index.ts';

const value = (name: string) => numeric(name, { precision: 18, scale: 4, mode: 'number' });

export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    /** Set for an objective's indicator; both null for the plan's own. */
    objectiveId: uuid('objective_id').references(() => objectives.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind', { enum: INDICATOR_KINDS }).notNull(),
    amecStage: text('amec_stage', { enum: AMEC_STAGES }).notNull(),
    measure: text('measure', { enum: INDICATOR_MEASURES }).notNull().default('unit'),
    isAscending: boolean('ascending').notNull().default(true),
    unit: text('unit'),
    baselineValue: value('baseline_value'),
    baselineDate: date('baseline_date', { mode: 'string' }),
    targetValue: value('target_value'),
    targetDate: date('target_date', { mode: 'string' }),
    sourceOfVerification: text('source_of_verification'),
    collectionFrequency: text('collection_frequency', { enum: COLLECTION_FREQUENCIES }),
    responsibleId: uuid('responsible_id').references(() => people.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('indicators_plan_idx').on(t.missionId, t.planId),
    check('indicators_kind_check', inList('kind', INDICATOR_KINDS)),
    check('indicators_amec_stage_check', inList('amec_stage', AMEC_STAGES)),
    check('indicators_measure_check', inList('measure', INDICATOR_MEASURES)),
    check('indicators_one_level_check', sql`objective_id is null or initiative_id is null`),
    check(
      'indicators_dates_order_check',
      sql`baseline_date is null or target_date is null or target_date >= baseline_date`,
    ),
  ],
);

/** An actual value of an indicator for a period (or a day: `periodStart` null). */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: id(),
    missionId: missionRef(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    periodStart: date('period_start', { mode: 'string' }),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** Null only for a qualitative indicator, whose finding is in `comment`. */
    value: value('value'),
    comment: text('comment'),
    evidenceUrl: text('evidence_url'),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('indicator_values_indicator_idx').on(t.indicatorId, t.periodEnd),
    check('indicator_values_period_check', sql`period_start is null or period_end >= period_start`),
  ],
);

/** What one initiative achieved (the event sheet's "results"); one row per initiative. */
export const initiativeResults = pgTable(
  'initiative_results',
  {
    id: id(),
    missionId: missionRef(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    attendance: integer('attendance'),
    participantsTrained: integer('participants_trained'),
    scholarships: integer('scholarships'),
    onlineViews: integer('online_views'),
    audienceReached: integer('audience_reached'),
    qualitativeOutcomes: text('qualitative_outcomes'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('initiative_results_initiative_key').on(t.initiativeId),
    check(
      'initiative_results_non_negative_check',
      sql`coalesce(attendance, 0) >= 0 and coalesce(participants_trained, 0) >= 0 and coalesce(scholarships, 0) >= 0 and coalesce(online_views, 0) >= 0 and coalesce(audience_reached, 0) >= 0`,
    ),
  ],
);

export const socialAccounts = pgTable(
  'social_accounts',
  {
    id: id(),
    missionId: missionRef(),
    platform: text('platform', { enum: SOCIAL_PLATFORMS }).notNull(),
    handle: text('handle').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    uniqueIndex('social_accounts_handle_key').on(t.missionId, t.platform, sql`lower(${t.handle})`),
    check('social_accounts_platform_check', inList('platform', SOCIAL_PLATFORMS)),
  ],
);

/** One month of an account (`month` is the month's first day). */
export const socialSnapshots = pgTable(
  'social_snapshots',
  {
    id: id(),
    missionId: missionRef(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    month: date('month', { mode: 'string' }).notNull(),
    followers: integer('followers'),
    accountsReached: integer('accounts_reached'),
    accountsEngaged: integer('accounts_engaged'),
    impressions: integer('impressions'),
    posts: integer('posts'),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('social_snapshots_month_key').on(t.accountId, t.month),
    check('social_snapshots_month_check', sql`extract(day from month) = 1`),
  ],
);

export const socialPosts = pgTable(
  'social_posts',
  {
    id: id(),
    missionId: missionRef(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => socialAccounts.id, { onDelete: 'cascade' }),
    /** The platform's post id, when known: importing the same export twice updates, never duplicates. */
    externalId: text('external_id'),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    url: text('url'),
    caption: text('caption'),
    reach: integer('reach'),
    impressions: integer('impressions'),
    likes: integer('likes'),
    comments: integer('comments'),
    shares: integer('shares'),
    saves: integer('saves'),
    clicks: integer('clicks'),
    enteredBy: uuid('entered_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('social_posts_account_idx').on(t.accountId, t.publishedOn),
    uniqueIndex('social_posts_external_key').on(t.accountId, t.externalId),
  ],
);
