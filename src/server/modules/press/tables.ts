/**
 * Press review and media monitor (issue 6, DESIGN.md §10): clippings and their links to
 * initiatives. Full-text search uses `search_vector`, generated from title and text with the
 * PostgreSQL configuration of the item's language (italian, english, russian; simple for
 * Kazakh and unknown), indexed with GIN — identical on PGlite and PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  MEDIA_FETCH_STATUSES,
  MEDIA_KINDS,
  MEDIA_LANGUAGES,
  MEDIA_LINK_STATUSES,
  MEDIA_SOURCE_KINDS,
  MEDIA_TONES,
  type TMediaEntityKind,
} from '../../../shared/enums.ts';
import { archivedAt, createdAt, id, inList, updatedAt, version } from '../../platform/db/columns.ts';
import { initiatives } from '../initiatives/index.ts';
import { missionRef, users } from '../missions/index.ts';
import type { TLinkReason } from './rules/press-links.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** An entity found in a clipping, as stored (see `server/media/entities.ts`). */
export interface TStoredEntity {
  kind: TMediaEntityKind;
  ref: string;
  name: string;
  mentions: { start: number; end: number; text: string }[];
}

/** A figure found in a clipping, as stored (see `server/media/figures.ts`). */
export interface TStoredFigure {
  kind: 'money' | 'count';
  value: number;
  currency?: string;
  unit?: string;
  start: number;
  end: number;
  raw: string;
}

/** The text-search configuration of a language code, as an SQL expression on `language`. */
export const SEARCH_CONFIG_SQL = `(case language when 'it' then 'italian'::regconfig when 'en' then 'english'::regconfig when 'ru' then 'russian'::regconfig else 'simple'::regconfig end)`;

export const mediaItems = pgTable(
  'media_items',
  {
    id: id(),
    missionId: missionRef(),
    sourceKind: text('source_kind', { enum: MEDIA_SOURCE_KINDS }).notNull(),
    /** The URL as given. */
    url: text('url'),
    /** The page's canonical URL (or the fetched one), without fragment and tracking parameters. */
    canonicalUrl: text('canonical_url'),
    /** SHA-256 of `canonical_url`: duplicates by address. */
    urlHash: text('url_hash'),
    /** SHA-256 of the normalised text: duplicates by content. */
    textHash: text('text_hash'),
    title: text('title'),
    author: text('author'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    outlet: text('outlet'),
    kind: text('kind', { enum: MEDIA_KINDS }).notNull().default('online'),
    language: text('language', { enum: MEDIA_LANGUAGES }),
    text: text('text').notNull().default(''),
    excerpt: text('excerpt'),
    html: text('html'),
    entities: jsonb('entities').$type<TStoredEntity[]>().notNull().default([]),
    figures: jsonb('figures').$type<TStoredFigure[]>().notNull().default([]),
    tone: text('tone', { enum: MEDIA_TONES }),
    toneScore: real('tone_score'),
    /** A person's judgement of the tone; wins over `tone`. */
    toneOverride: text('tone_override', { enum: MEDIA_TONES }),
    fetchStatus: text('fetch_status', { enum: MEDIA_FETCH_STATUSES }).notNull().default('ok'),
    /** Why a fetch failed: a reason code and a sentence. */
    fetchError: text('fetch_error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql.raw(`to_tsvector(${SEARCH_CONFIG_SQL}, coalesce(title, '') || ' ' || text)`),
    ),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: archivedAt(),
  },
  (t) => [
    index('media_items_mission_published_idx').on(t.missionId, t.publishedAt),
    uniqueIndex('media_items_mission_url_hash').on(t.missionId, t.urlHash),
    uniqueIndex('media_items_mission_text_hash').on(t.missionId, t.textHash),
    index('media_items_search_idx').using('gin', t.searchVector),
    check('media_items_source_kind_check', inList('source_kind', MEDIA_SOURCE_KINDS)),
    check('media_items_kind_check', inList('kind', MEDIA_KINDS)),
    check('media_items_fetch_status_check', inList('fetch_status', MEDIA_FETCH_STATUSES)),
    check(
      'media_items_language_check',
      sql.raw(`language is null or language in (${MEDIA_LANGUAGES.map((l) => `'${l}'`).join(', ')})`),
    ),
    check(
      'media_items_tone_check',
      sql.raw(`tone is null or tone in (${MEDIA_TONES.map((l) => `'${l}'`).join(', ')})`),
    ),
    check(
      'media_items_tone_override_check',
      sql.raw(`tone_override is null or tone_override in (${MEDIA_TONES.map((l) => `'${l}'`).join(', ')})`),
    ),
  ],
);

/** A clipping's link to an initiative: suggested by the system, confirmed or rejected by a person. */
export const mediaItemLinks = pgTable(
  'media_item_links',
  {
    missionId: missionRef(),
    mediaItemId: uuid('media_item_id')
      .notNull()
      .references(() => mediaItems.id, { onDelete: 'cascade' }),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    status: text('status', { enum: MEDIA_LINK_STATUSES }).notNull().default('suggested'),
    /** The suggestion's score (0–1); null for a link a person made directly. */
    score: real('score'),
    /** Structured reasons (`TLinkReason`); links suggested earlier hold English phrases. */
    reasons: jsonb('reasons').$type<Array<string | TLinkReason>>().notNull().default([]),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.mediaItemId, t.initiativeId] }),
    index('media_item_links_initiative_idx').on(t.initiativeId, t.status),
    check('media_item_links_status_check', inList('status', MEDIA_LINK_STATUSES)),
  ],
);

/** An RSS or Atom feed the server polls for new clippings. */
export const mediaFeeds = pgTable(
  'media_feeds',
  {
    id: id(),
    missionId: missionRef(),
    url: text('url').notNull(),
    title: text('title'),
    isActive: boolean('is_active').notNull().default(true),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    /** Why the last poll failed, if it did. */
    lastError: text('last_error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('media_feeds_mission_url').on(t.missionId, t.url)],
);
