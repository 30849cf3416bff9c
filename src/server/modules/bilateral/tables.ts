/**
 * Bilateral knowledge base (issue 6, DESIGN.md §11): visits, agreements and economic figures the
 * mission keeps about the relationship, each linked to its source (a clipping and/or a URL).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { BILATERAL_DATE_PRECISIONS, BILATERAL_FACT_KINDS } from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { missionRef } from '../missions/index.ts';
import { mediaItems } from '../press/index.ts';

export const bilateralFacts = pgTable(
  'bilateral_facts',
  {
    id: id(),
    missionId: missionRef(),
    kind: text('kind', { enum: BILATERAL_FACT_KINDS }).notNull(),
    title: text('title').notNull(),
    /** When it happened (or the date the figure refers to), ISO date. */
    date: date('date', { mode: 'string' }).notNull(),
    /** `month`/`year`: the source names only the month or the year; `date` is its first day. */
    datePrecision: text('date_precision', { enum: BILATERAL_DATE_PRECISIONS }).notNull().default('day'),
    summary: text('summary'),
    /** Countries or organisations involved (agreements: the signatories). */
    parties: text('parties').array().notNull().default(sql`'{}'::text[]`),
    /** Who: the people of a visit or a signing. */
    people: text('people').array().notNull().default(sql`'{}'::text[]`),
    /** Visits: level (president, prime minister, minister…), direction and place. */
    level: text('level'),
    direction: text('direction'),
    place: text('place'),
    /** Agreements: the sectors they cover. */
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    /** Economic figures (and an agreement's value): the amount, in full units. */
    value: numeric('value', { mode: 'number' }),
    currency: text('currency'),
    /** What the value counts or measures, e.g. "trade turnover", "students", "flights per week". */
    unit: text('unit'),
    sourceMediaItemId: uuid('source_media_item_id').references(() => mediaItems.id, { onDelete: 'set null' }),
    sourceUrl: text('source_url'),
    version: version(),
    archivedAt: archivedAt(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('bilateral_facts_kind_check', inList('kind', BILATERAL_FACT_KINDS)),
    check('bilateral_facts_date_precision_check', inList('date_precision', BILATERAL_DATE_PRECISIONS)),
    index('bilateral_facts_mission_date_idx').on(t.missionId, t.date),
  ],
);
