/**
 * Team delegation and weekly monitoring (DESIGN §4, §7): the history of owner and delegate
 * assignments, staff meetings with a status per initiative, their minutes (decisions and action
 * items), and lessons learned per initiative.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ASSIGNMENT_ACTIONS, ASSIGNMENT_ROLES, CHECK_IN_STATUSES } from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { initiatives } from '../initiatives/index.ts';
import { missionRef, users } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { planRef } from '../plans/index.ts';

const initiativeRef = () =>
  uuid('initiative_id')
    .notNull()
    .references(() => initiatives.id, { onDelete: 'cascade' });

/** Who was assigned or unassigned as owner or delegate of an initiative, when and by whom (append-only). */
export const initiativeAssignments = pgTable(
  'initiative_assignments',
  {
    id: id(),
    missionId: missionRef(),
    initiativeId: initiativeRef(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** The person's name at the time, so the history reads well after the person is gone. */
    personName: text('person_name').notNull(),
    role: text('role', { enum: ASSIGNMENT_ROLES }).notNull(),
    action: text('action', { enum: ASSIGNMENT_ACTIONS }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('initiative_assignments_initiative_idx').on(t.initiativeId, t.at),
    check('initiative_assignments_role_check', inList('role', ASSIGNMENT_ROLES)),
    check('initiative_assignments_action_check', inList('action', ASSIGNMENT_ACTIONS)),
  ],
);

/** A weekly staff meeting of a plan (one per day). */
export const staffMeetings = pgTable(
  'staff_meetings',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    title: text('title'),
    attendees: text('attendees'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    uniqueIndex('staff_meetings_plan_date_key').on(t.planId, t.meetingDate),
    index('staff_meetings_mission_idx').on(t.missionId),
  ],
);

/** An initiative's status at one meeting; `is_carried` when copied unchanged from the previous meeting. */
export const meetingStatuses = pgTable(
  'meeting_statuses',
  {
    missionId: missionRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => staffMeetings.id, { onDelete: 'cascade' }),
    initiativeId: initiativeRef(),
    status: text('status', { enum: CHECK_IN_STATUSES }).notNull(),
    note: text('note'),
    isCarried: boolean('is_carried').notNull().default(false),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.initiativeId] }),
    index('meeting_statuses_initiative_idx').on(t.initiativeId),
    check('meeting_statuses_status_check', inList('status', CHECK_IN_STATUSES)),
  ],
);

/** A decision taken at a meeting (minutes). */
export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: id(),
    missionId: missionRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => staffMeetings.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('meeting_decisions_meeting_idx').on(t.meetingId),
    check('meeting_decisions_text_check', sql`length(trim(text)) > 0`),
  ],
);

/** An action item agreed at a meeting: who does what by when. */
export const meetingActionItems = pgTable(
  'meeting_action_items',
  {
    id: id(),
    missionId: missionRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => staffMeetings.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    ownerId: uuid('owner_id').references(() => people.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'set null' }),
    isDone: boolean('is_done').notNull().default(false),
    doneAt: timestamp('done_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('meeting_action_items_meeting_idx').on(t.meetingId),
    index('meeting_action_items_open_idx').on(t.missionId, t.isDone, t.dueDate),
    check('meeting_action_items_text_check', sql`length(trim(text)) > 0`),
  ],
);

/** A lesson learned on an initiative: what happened, what we learned (failures welcome). */
export const lessons = pgTable(
  'lessons',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    initiativeId: initiativeRef(),
    whatHappened: text('what_happened').notNull(),
    lesson: text('lesson').notNull(),
    tag: text('tag'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('lessons_plan_idx').on(t.planId, t.createdAt),
    index('lessons_initiative_idx').on(t.initiativeId),
  ],
);
