/**
 * The communication procedure (DESIGN §8): each plan's template of steps, each initiative's
 * scheduled steps, the files given as their evidence, and the secret tokens of calendar feeds.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  COMMUNICATION_ANCHORS,
  COMMUNICATION_OWNER_ROLES,
  COMMUNICATION_STEP_STATUSES,
} from '../../../shared/enums.ts';
import { createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { initiatives } from '../initiatives/index.ts';
import { missionRef, users } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { planRef } from '../plans/index.ts';
import type { ITemplateStep } from './rules/communication-schedule.ts';

/** A plan's procedure: one row per plan (created with the default ten steps on first use). */
export const communicationTemplates = pgTable(
  'communication_templates',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    steps: jsonb('steps').$type<ITemplateStep[]>().notNull(),
    /** Who `communication_officer` steps go to (the initiative's owner when nobody). */
    communicationOfficerId: uuid('communication_officer_id').references(() => people.id, {
      onDelete: 'set null',
    }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('communication_templates_plan_key').on(t.planId)],
);

/** One step of one initiative's procedure, scheduled from the initiative's dates. */
export const communicationSteps = pgTable(
  'communication_steps',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    /** The template step it came from (`ITemplateStep.key`). */
    templateKey: text('template_key').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    anchor: text('anchor', { enum: COMMUNICATION_ANCHORS }).notNull(),
    offsetDays: integer('offset_days').notNull(),
    ownerRole: text('owner_role', { enum: COMMUNICATION_OWNER_ROLES }).notNull(),
    ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
    /** The mission's calendar day. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The instant, for steps due at a time of day. */
    dueAt: timestamp('due_at', { withTimezone: true }),
    reminderMinutes: integer('reminder_minutes'),
    remindAt: timestamp('remind_at', { withTimezone: true }),
    /** The initiative is known only to the month. */
    dateToConfirm: boolean('date_to_confirm').notNull().default(false),
    status: text('status', { enum: COMMUNICATION_STEP_STATUSES }).notNull().default('todo'),
    skipReason: text('skip_reason'),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    evidenceUrl: text('evidence_url'),
    notes: text('notes'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('communication_steps_initiative_key').on(t.initiativeId, t.templateKey),
    index('communication_steps_plan_due_idx').on(t.planId, t.dueDate),
    index('communication_steps_owner_idx').on(t.ownerId),
    check('communication_steps_status_check', inList('status', COMMUNICATION_STEP_STATUSES)),
    check('communication_steps_anchor_check', inList('anchor', COMMUNICATION_ANCHORS)),
    check('communication_steps_owner_role_check', inList('owner_role', COMMUNICATION_OWNER_ROLES)),
    check('communication_steps_reminder_check', sql`reminder_minutes is null or reminder_minutes >= 0`),
    check(
      'communication_steps_skip_reason_check',
      sql`status <> 'skipped' or length(trim(coalesce(skip_reason, ''))) > 0`,
    ),
  ],
);

/**
 * Secret calendar-feed URLs: a person's steps and initiatives, or a whole plan. `token_hash` is
 * the SHA-256 of the URL's token; revoking sets `revoked_at`. The feed is read with its
 * creator's rights at the time of reading.
 */
export const calendarFeedTokens = pgTable(
  'calendar_feed_tokens',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Set for a person's feed; `null` for the plan's. */
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feed_tokens_hash_key').on(t.tokenHash),
    index('calendar_feed_tokens_user_idx').on(t.userId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** A file given as a step's evidence (the press release, the press review, the metrics): one per step. */
export const communicationEvidenceFiles = pgTable(
  'communication_evidence_files',
  {
    id: id(),
    missionId: missionRef(),
    stepId: uuid('step_id')
      .notNull()
      .references(() => communicationSteps.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: createdAt(),
  },
  (t) => [uniqueIndex('communication_evidence_files_step_key').on(t.stepId)],
);
