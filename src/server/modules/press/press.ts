/**
 * Press review (issue 6, DESIGN.md §10): ingestion of clippings (URL, file, pasted text) through
 * the one analysis pipeline, duplicates merged, links to initiatives suggested and decided,
 * full-text search and coverage. Reads are scoped like the mission's contacts (members, not
 * external collaborators); writes need a writer role and are audited.
 */
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  TMediaItem,
  TMediaItemDetail,
  TMediaItemListQuery,
  TMediaLink,
  TUpdateMediaItemRequest,
} from '../../../shared/schemas/press.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { iso } from '../../platform/http/dates.ts';
import { notFound } from '../../platform/http/problem.ts';
import { contactPolicy } from '../../platform/mission-data-policy.ts';
import { loadScoped, updateVersioned } from '../../platform/records.ts';
import { authorize, hasRole, WRITER_ROLES } from '../../platform/scope.ts';
import {
  initiativeDelegates,
  initiativePartners,
  initiativePolicy,
  initiatives,
} from '../initiatives/index.ts';
import { SYSTEM_USER_ID, writeAudit } from '../missions/index.ts';
import { organisations, people } from '../partners/index.ts';
import type { TEntityCandidate } from './review/entities.ts';
import { linkReasonFromText, type TLinkInitiative } from './rules/press-links.ts';
import { mediaItemLinks, mediaItems } from './tables.ts';

export type TRow = typeof mediaItems.$inferSelect;
type TListRow = Omit<TRow, 'text' | 'html' | 'searchVector' | 'figures'> & { figureCount: number };

/** What a clipping is made from. */
export type TIngestSource =
  | { kind: 'url'; url: string }
  | { kind: 'feed'; url: string }
  | { kind: 'paste'; text: string; url?: string }
  | { kind: 'file'; filename: string; content: string };

/** Press review read scope: the mission's members (HQ reads all), not external collaborators. */
const pressScope = (actor: TActor) => contactPolicy.scope(actor, mediaItems.missionId);

// ── Entities the mission looks for ─────────────────────────────────────────────────────────

/**
 * The mission's organisations, people (full name and surname), initiatives (title) and places
 * (the cities of its initiatives), for `analyseClipping`.
 */
export async function loadEntityCandidates(db: DbOrTx, missionId: string): Promise<TEntityCandidate[]> {
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.missionId, missionId), isNull(organisations.archivedAt)));
  const persons = await db
    .select({ id: people.id, name: people.fullName })
    .from(people)
    .where(and(eq(people.missionId, missionId), isNull(people.archivedAt)));
  const inits = await db
    .select({ id: initiatives.id, title: initiatives.title, cities: initiatives.cities })
    .from(initiatives)
    .where(and(eq(initiatives.missionId, missionId), isNull(initiatives.archivedAt)));
  const cities = new Set<string>();
  for (const initiative of inits) for (const city of initiative.cities) cities.add(city.trim());
  return [
    ...orgs.map((o): TEntityCandidate => ({ kind: 'organisation', ref: o.id, name: o.name })),
    ...persons.map((p): TEntityCandidate => {
      const surname = p.name.trim().split(/\s+/).at(-1) ?? '';
      const aliases = surname.length >= 4 && surname !== p.name.trim() ? [surname] : [];
      return { kind: 'person', ref: p.id, name: p.name, aliases };
    }),
    ...inits.map((i): TEntityCandidate => ({ kind: 'initiative', ref: i.id, name: i.title })),
    ...[...cities].filter(Boolean).map((c): TEntityCandidate => ({ kind: 'place', ref: c, name: c })),
  ];
}

export async function loadLinkInitiatives(db: DbOrTx, missionId: string): Promise<TLinkInitiative[]> {
  const inits = await db
    .select({
      id: initiatives.id,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
      cities: initiatives.cities,
      ownerId: initiatives.ownerId,
    })
    .from(initiatives)
    .where(and(eq(initiatives.missionId, missionId), isNull(initiatives.archivedAt)));
  if (inits.length === 0) return [];
  const partners = await db
    .select({ initiativeId: initiativePartners.initiativeId, id: initiativePartners.organisationId })
    .from(initiativePartners)
    .where(eq(initiativePartners.missionId, missionId));
  const delegates = await db
    .select({ initiativeId: initiativeDelegates.initiativeId, id: initiativeDelegates.personId })
    .from(initiativeDelegates)
    .where(eq(initiativeDelegates.missionId, missionId));
  return inits.map((i) => ({
    id: i.id,
    startDate: i.startDate,
    endDate: i.endDate,
    cities: i.cities,
    organisationIds: partners.filter((p) => p.initiativeId === i.id).map((p) => p.id),
    personIds: [
      ...(i.ownerId ? [i.ownerId] : []),
      ...delegates.filter((d) => d.initiativeId === i.id).map((d) => d.id),
    ],
  }));
}

/** The user to record; none for the command line's system actor. */
export const userIdOf = (actor: TActor) => (actor.userId === SYSTEM_USER_ID ? null : actor.userId);

export function toDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// ── Presenting ──────────────────────────────────────────────────────────────────────────────

function present(row: TListRow | TRow): TMediaItem {
  return {
    id: row.id,
    missionId: row.missionId,
    sourceKind: row.sourceKind,
    url: row.url,
    canonicalUrl: row.canonicalUrl,
    title: row.title,
    author: row.author,
    publishedAt: iso(row.publishedAt),
    outlet: row.outlet,
    kind: row.kind,
    language: row.language,
    excerpt: row.excerpt,
    tone: row.tone,
    toneScore: row.toneScore,
    toneOverride: row.toneOverride,
    effectiveTone: row.toneOverride ?? row.tone,
    fetchStatus: row.fetchStatus,
    fetchError: row.fetchError,
    entities: row.entities,
    figureCount: 'figureCount' in row ? row.figureCount : row.figures.length,
    version: row.version,
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
    archivedAt: iso(row.archivedAt),
  };
}

export async function detail(db: DbOrTx, row: TRow): Promise<TMediaItemDetail> {
  const links = await db
    .select({ link: mediaItemLinks, title: initiatives.title })
    .from(mediaItemLinks)
    .innerJoin(initiatives, eq(initiatives.id, mediaItemLinks.initiativeId))
    .where(eq(mediaItemLinks.mediaItemId, row.id))
    .orderBy(desc(mediaItemLinks.score), asc(initiatives.title));
  return {
    ...present(row),
    text: row.text,
    figures: row.figures,
    links: links.map((l): TMediaLink => {
      const reasons = l.link.reasons.map((r) => (typeof r === 'string' ? linkReasonFromText(r) : r));
      return {
        initiativeId: l.link.initiativeId,
        initiativeTitle: l.title,
        status: l.link.status,
        score: l.link.score,
        reasons: reasons.map((r) => r.text),
        reasonDetails: reasons,
        decidedAt: iso(l.link.decidedAt),
      };
    }),
  };
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

/** The text-search configuration of each row's language. */
const searchConfig = sql`(case ${mediaItems.language} when 'it' then 'italian'::regconfig when 'en' then 'english'::regconfig when 'ru' then 'russian'::regconfig else 'simple'::regconfig end)`;
export const itemDay = sql`coalesce(${mediaItems.publishedAt}, ${mediaItems.createdAt})`;
export const effectiveToneSql = sql`coalesce(${mediaItems.toneOverride}, ${mediaItems.tone})`;
const START_MARK = '\u0001';
const STOP_MARK = '\u0002';
const HEADLINE_OPTIONS = `MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", StartSel=${START_MARK}, StopSel=${STOP_MARK}`;

const listColumns = {
  id: mediaItems.id,
  missionId: mediaItems.missionId,
  sourceKind: mediaItems.sourceKind,
  url: mediaItems.url,
  canonicalUrl: mediaItems.canonicalUrl,
  urlHash: mediaItems.urlHash,
  textHash: mediaItems.textHash,
  title: mediaItems.title,
  author: mediaItems.author,
  publishedAt: mediaItems.publishedAt,
  outlet: mediaItems.outlet,
  kind: mediaItems.kind,
  language: mediaItems.language,
  excerpt: mediaItems.excerpt,
  entities: mediaItems.entities,
  tone: mediaItems.tone,
  toneScore: mediaItems.toneScore,
  toneOverride: mediaItems.toneOverride,
  fetchStatus: mediaItems.fetchStatus,
  fetchError: mediaItems.fetchError,
  createdBy: mediaItems.createdBy,
  version: mediaItems.version,
  createdAt: mediaItems.createdAt,
  updatedAt: mediaItems.updatedAt,
  archivedAt: mediaItems.archivedAt,
  figureCount: sql<number>`jsonb_array_length(${mediaItems.figures})::int`,
};

/** The filters of a list or search, without the text query. */
export function filters(actor: TActor, query: Omit<TMediaItemListQuery, 'limit' | 'offset' | 'q'>): SQL[] {
  const where: SQL[] = [pressScope(actor), isNull(mediaItems.archivedAt)];
  if (query.missionId) where.push(eq(mediaItems.missionId, query.missionId));
  if (query.from) where.push(sql`${itemDay} >= ${`${query.from}T00:00:00Z`}::timestamptz`);
  if (query.to) where.push(sql`${itemDay} < (${query.to}::date + 1)::timestamptz`);
  if (query.outlet) where.push(sql`lower(${mediaItems.outlet}) = lower(${query.outlet})`);
  if (query.language?.length) where.push(inArray(mediaItems.language, query.language));
  if (query.tone?.length) where.push(sql`${effectiveToneSql} in ${query.tone}`);
  if (query.entity)
    where.push(sql`${mediaItems.entities} @> ${JSON.stringify([{ ref: query.entity }])}::jsonb`);
  if (query.initiativeId)
    where.push(
      sql`exists (select 1 from ${mediaItemLinks} where ${mediaItemLinks.mediaItemId} = ${mediaItems.id} and ${mediaItemLinks.initiativeId} = ${query.initiativeId} and ${mediaItemLinks.status} = 'confirmed')`,
    );
  return where;
}

/**
 * Lists or searches clippings. With `q`, a full-text search in each item's own language
 * (`websearch_to_tsquery` with italian, english, russian or simple), ranked by `ts_rank`, each
 * with a highlighted snippet (`ts_headline`); without, newest first.
 */
export async function findMediaItems(
  db: DbOrTx,
  actor: TActor,
  query: TMediaItemListQuery,
): Promise<{ items: TMediaItem[]; total: number; limit: number; offset: number }> {
  const where = filters(actor, query);
  if (!query.q) {
    const rows = await db
      .select(listColumns)
      .from(mediaItems)
      .where(and(...where))
      .orderBy(sql`${itemDay} desc`, desc(mediaItems.id))
      .limit(query.limit)
      .offset(query.offset);
    const [counted] = await db
      .select({ total: sql<number>`count(*)::int` })
      .from(mediaItems)
      .where(and(...where));
    return {
      items: rows.map(present),
      total: Number(counted?.total ?? 0),
      limit: query.limit,
      offset: query.offset,
    };
  }
  const tsQuery = sql`websearch_to_tsquery(${searchConfig}, ${query.q})`;
  where.push(sql`${mediaItems.searchVector} @@ ${tsQuery}`);
  const rank = sql<number>`ts_rank(${mediaItems.searchVector}, ${tsQuery})`;
  const rows = await db
    .select({
      ...listColumns,
      rank,
      headline: sql<string>`ts_headline(${searchConfig}, ${mediaItems.text}, ${tsQuery}, ${HEADLINE_OPTIONS})`,
    })
    .from(mediaItems)
    .where(and(...where))
    .orderBy(sql`${rank} desc`, sql`${itemDay} desc`)
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(mediaItems)
    .where(and(...where));
  return {
    items: rows.map((r) => ({ ...present(r), rank: Number(r.rank), snippet: splitHeadline(r.headline) })),
    total: Number(counted?.total ?? 0),
    limit: query.limit,
    offset: query.offset,
  };
}

/** `ts_headline` output with control-character marks → parts, matched words marked. */
export function splitHeadline(headline: string): { text: string; isMatch: boolean }[] {
  const parts: { text: string; isMatch: boolean }[] = [];
  for (const piece of headline.split(START_MARK)) {
    const stop = piece.indexOf(STOP_MARK);
    if (stop === -1) {
      if (piece) parts.push({ text: piece, isMatch: false });
      continue;
    }
    parts.push({ text: piece.slice(0, stop), isMatch: true });
    if (stop + 1 < piece.length) parts.push({ text: piece.slice(stop + 1), isMatch: false });
  }
  return parts;
}

/** One clipping with its text, figures and links. */
export async function findMediaItem(db: DbOrTx, actor: TActor, id: string): Promise<TMediaItemDetail> {
  const row = await loadScoped(db, mediaItems, id, pressScope(actor), 'Clipping');
  return detail(db, row);
}

/** Changes a clipping's details or a person's tone (which wins over the computed one). */
export async function updateMediaItem(
  db: DbOrTx,
  actor: TActor,
  id: string,
  input: TUpdateMediaItemRequest,
): Promise<TMediaItemDetail> {
  return db.transaction(async (tx) => {
    const current = await loadScoped(tx, mediaItems, id, pressScope(actor), 'Clipping');
    authorize(hasRole(actor, current.missionId, WRITER_ROLES));
    const { version, publishedAt, ...rest } = input;
    const values: Partial<typeof mediaItems.$inferInsert> = { ...rest };
    if (publishedAt !== undefined) values.publishedAt = toDate(publishedAt);
    const row = await updateVersioned(tx, mediaItems, current, version, values);
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'media_item',
      entityId: row.id,
      action: 'update',
      before: pick(current, Object.keys(input)),
      after: pick(row, Object.keys(input)),
    });
    return detail(tx, row);
  });
}

function pick(row: TRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k !== 'version').map((k) => [k, row[k as keyof TRow]]));
}

/** Archives a clipping (it leaves lists, search, coverage and press reviews). */
export async function archiveMediaItem(
  db: DbOrTx,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TMediaItem> {
  return db.transaction(async (tx) => {
    const current = await loadScoped(tx, mediaItems, id, pressScope(actor), 'Clipping');
    authorize(hasRole(actor, current.missionId, WRITER_ROLES));
    const row = await updateVersioned(tx, mediaItems, current, version ?? current.version, {
      archivedAt: new Date(),
    });
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'media_item',
      entityId: row.id,
      action: 'archive',
    });
    return present(row);
  });
}

/**
 * A person confirms or rejects a clipping's link to an initiative — a suggested one or any
 * initiative of the mission. Confirmed items make the initiative's press review.
 */
export async function decideMediaLink(
  db: DbOrTx,
  actor: TActor,
  input: { mediaItemId: string; initiativeId: string; status: 'confirmed' | 'rejected' },
): Promise<TMediaItemDetail> {
  return db.transaction(async (tx) => {
    const item = await loadScoped(tx, mediaItems, input.mediaItemId, pressScope(actor), 'Clipping');
    authorize(hasRole(actor, item.missionId, WRITER_ROLES));
    const [initiative] = await tx
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.id, input.initiativeId), eq(initiatives.missionId, item.missionId)));
    if (!initiative) throw notFound('Initiative');
    const decided = { status: input.status, decidedBy: userIdOf(actor), decidedAt: new Date() };
    await tx
      .insert(mediaItemLinks)
      .values({ missionId: item.missionId, mediaItemId: item.id, initiativeId: initiative.id, ...decided })
      .onConflictDoUpdate({
        target: [mediaItemLinks.mediaItemId, mediaItemLinks.initiativeId],
        set: decided,
      });
    await writeAudit(tx, {
      actor,
      missionId: item.missionId,
      entity: 'media_item_link',
      entityId: item.id,
      action: 'update',
      after: { initiativeId: initiative.id, status: input.status },
    });
    return detail(tx, item);
  });
}

/**
 * An initiative's press review (procedure step 6): its confirmed clippings, newest first.
 * Whoever can see the initiative can read it.
 */
export async function findInitiativePressReview(
  db: DbOrTx,
  actor: TActor,
  initiativeId: string,
): Promise<{ items: TMediaItem[] }> {
  const [initiative] = await db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), initiativePolicy.scope(actor)));
  if (!initiative) throw notFound('Initiative');
  const rows = await db
    .select(listColumns)
    .from(mediaItems)
    .innerJoin(mediaItemLinks, eq(mediaItemLinks.mediaItemId, mediaItems.id))
    .where(
      and(
        eq(mediaItemLinks.initiativeId, initiativeId),
        eq(mediaItemLinks.status, 'confirmed'),
        isNull(mediaItems.archivedAt),
      ),
    )
    .orderBy(sql`${itemDay} desc`);
  return { items: rows.map(present) };
}
