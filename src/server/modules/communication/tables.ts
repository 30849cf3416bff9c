/**
 * Communication (DESIGN §8): a plan's communication strategy with its visual identity, the
 * media-engagement sessions held before launch, media contacts and their lists, and press
 * releases. The 10-step procedure lives in its own module.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
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
  LOGO_MIME_TYPES,
  PRESS_RELEASE_LANGUAGES,
  PRESS_RELEASE_STATUSES,
  type TCommsChannel,
  type TMediaContactChannel,
} from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { initiatives } from '../initiatives/index.ts';
import { missionRef, users } from '../missions/index.ts';
import { organisations, people } from '../partners/index.ts';
import { planRef, programmes } from '../plans/index.ts';

/** Binary column (`bytea`), read and written as bytes. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  // node-postgres wants a Buffer; PGlite takes any Uint8Array (a Buffer is one).
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

/** One channel of the strategy with the mission's handle or address on it. */
export interface TCommsChannelEntry {
  kind: TCommsChannel;
  handle: string | null;
  url: string | null;
}

/** One place a media contact publishes. */
export interface TMediaChannelEntry {
  kind: TMediaContactChannel;
  handle: string | null;
  url: string | null;
}

/**
 * A plan's communication strategy, edited as one document (one row per plan). The testimonial is
 * a person of the mission; colours are the plan's, programmes keep theirs in `programmes.colors`.
 */
export const commsStrategies = pgTable(
  'comms_strategies',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    objectives: text('objectives').array().notNull().default(sql`'{}'::text[]`),
    targetSegments: text('target_segments').array().notNull().default(sql`'{}'::text[]`),
    channels: jsonb('channels').$type<TCommsChannelEntry[]>().notNull().default([]),
    primaryColour: text('primary_colour'),
    secondaryColour: text('secondary_colour'),
    testimonialId: uuid('testimonial_id').references(() => people.id, { onDelete: 'set null' }),
    /** Why this person, in a line. */
    testimonialNote: text('testimonial_note'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('comms_strategies_plan_key').on(t.planId)],
);

/** Logo files of the plan (`programme_id` null) and of its programmes, kept in the database. */
export const commsLogos = pgTable(
  'comms_logos',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('comms_logos_plan_key').on(t.planId).where(sql`programme_id is null`),
    uniqueIndex('comms_logos_programme_key').on(t.programmeId),
    check('comms_logos_mime_check', inList('mime_type', LOGO_MIME_TYPES)),
  ],
);

/** A session held with journalists, bloggers and influencers before the plan's launch. */
export const mediaSessions = pgTable(
  'media_sessions',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** Media contacts (people) who came. */
    attendeeIds: uuid('attendee_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Others who came, as written. */
    otherAttendees: text('other_attendees'),
    /** What they suggested. */
    suggestions: text('suggestions'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [index('media_sessions_plan_idx').on(t.planId, t.heldOn)],
);

/**
 * What makes a person (journalist, blogger, influencer) or an organisation (media outlet) a media
 * contact: where they publish, to how many, about what. Exactly one of `person_id` and
 * `organisation_id` is set. A person's languages stay in `people.languages`; an outlet's are here.
 */
export const mediaProfiles = pgTable(
  'media_profiles',
  {
    id: id(),
    missionId: missionRef(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** The outlet a journalist writes for. */
    outletId: uuid('outlet_id').references(() => organisations.id, { onDelete: 'set null' }),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    channels: jsonb('channels').$type<TMediaChannelEntry[]>().notNull().default([]),
    audienceSize: integer('audience_size'),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('media_profiles_mission_idx').on(t.missionId),
    uniqueIndex('media_profiles_person_key').on(t.personId),
    uniqueIndex('media_profiles_organisation_key').on(t.organisationId),
    check('media_profiles_one_subject_check', sql`(person_id is null) <> (organisation_id is null)`),
    check('media_profiles_audience_check', sql`audience_size is null or audience_size >= 0`),
  ],
);

/** A named list of media contacts, e.g. "Astana lifestyle bloggers". */
export const mediaLists = pgTable(
  'media_lists',
  {
    id: id(),
    missionId: missionRef(),
    name: text('name').notNull(),
    description: text('description'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [uniqueIndex('media_lists_mission_name_key').on(t.missionId, sql`lower(${t.name})`)],
);

export const mediaListMembers = pgTable(
  'media_list_members',
  {
    missionId: missionRef(),
    listId: uuid('list_id')
      .notNull()
      .references(() => mediaLists.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => mediaProfiles.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.profileId] }),
    index('media_list_members_profile_idx').on(t.profileId),
  ],
);

/** A press release of one initiative in one language, from draft to sent. */
export const pressReleases = pgTable(
  'press_releases',
  {
    id: id(),
    missionId: missionRef(),
    planId: planRef(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    language: text('language', { enum: PRESS_RELEASE_LANGUAGES }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: PRESS_RELEASE_STATUSES }).notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    approvedBy: uuid('approved_by').references(() => users.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('press_releases_plan_idx').on(t.missionId, t.planId),
    uniqueIndex('press_releases_initiative_language_key')
      .on(t.initiativeId, t.language)
      .where(sql`archived_at is null`),
    check('press_releases_language_check', inList('language', PRESS_RELEASE_LANGUAGES)),
    check('press_releases_status_check', inList('status', PRESS_RELEASE_STATUSES)),
  ],
);
