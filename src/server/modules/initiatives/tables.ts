/** Initiatives (DESIGN §3) and their vectors, partners and delegates. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  DATE_PRECISIONS,
  IMPORTANCES,
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  INNOVATION_KINDS,
  MEDIA_REFLECTIONS,
  PARTNER_ROLES,
} from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { missionRef } from '../missions/index.ts';
import { organisations, people } from '../partners/index.ts';
import { focusAreas, planRef, programmes, vectors } from '../plans/index.ts';

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
