/** Partners and people (DESIGN §4): organisations and persons of a mission. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { NEW_ACTOR_STATUSES, ORGANISATION_KINDS, PERSON_KINDS } from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { missionRef, users } from '../missions/index.ts';

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
