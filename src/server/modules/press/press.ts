/**
 * Press review (issue 6, DESIGN.md §10): ingestion of clippings (URL, file, pasted text) through
 * the one analysis pipeline, duplicates merged, links to initiatives suggested and decided,
 * full-text search and coverage. Reads are scoped like the mission's contacts (members, not
 * external collaborators); writes need a writer role and are audited.
 */
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { TMediaTone } from '../../../shared/enums.ts';
import type {
  TCoverage,
  TCoverageQuery,
  TIngestResult,
  TMediaItem,
  TMediaItemDetail,
  TMediaItemListQuery,
  TMediaLink,
  TUpdateMediaItemRequest,
} from '../../../shared/schemas/press.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { iso } from '../../platform/http/dates.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { contactPolicy } from '../../platform/mission-data-policy.ts';
import { isUniqueViolation, loadScoped, updateVersioned } from '../../platform/records.ts';
import {
  authorize,
  fullReadMissionIds,
  hasRole,
  memberMissionIds,
  WRITER_ROLES,
} from '../../platform/scope.ts';
import {
  initiativeDelegates,
  initiativePartners,
  initiativePolicy,
  initiatives,
} from '../initiatives/index.ts';
import { SYSTEM_USER_ID, writeAudit } from '../missions/index.ts';
import { organisations, people } from '../partners/index.ts';
import { analyseClipping, normaliseUrl, sha256, type TClippingAnalysis, textHash } from './review/analyse.ts';
import type { TEntityCandidate } from './review/entities.ts';
import { FetchRefused, safeFetch, type TFetchOptions } from './review/fetch.ts';
import { linkReasonFromText, suggestInitiativeLinks, type TLinkInitiative } from './rules/press-links.ts';
import { mediaItemLinks, mediaItems } from './tables.ts';

type TRow = typeof mediaItems.$inferSelect;
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

async function loadLinkInitiatives(db: DbOrTx, missionId: string): Promise<TLinkInitiative[]> {
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

// ── Ingestion ───────────────────────────────────────────────────────────────────────────────

/** Reads a source into HTML or text; URLs are fetched safely. */
async function readSource(
  source: TIngestSource,
  fetchOptions: TFetchOptions,
): Promise<{ html?: string; text?: string; url?: string }> {
  if (source.kind === 'url' || source.kind === 'feed') {
    const page = await safeFetch(source.url, fetchOptions);
    return /html|xml/i.test(page.contentType) || /^\s*</.test(page.body)
      ? { html: page.body, url: page.url }
      : { text: page.body, url: page.url };
  }
  const content = source.kind === 'paste' ? source.text : source.content;
  const isHtml =
    (source.kind === 'file' && /\.x?html?$/i.test(source.filename)) ||
    /^\s*(<!doctype html|<html[\s>])/i.test(content) ||
    /<(p|article|body|div)[\s>]/i.test(content.slice(0, 5000));
  const url = source.kind === 'paste' ? source.url : undefined;
  return isHtml ? { html: content, url } : { text: content, url };
}

/**
 * Ingests one clipping into a mission: reads it (fetching a URL safely), analyses it, and
 * stores it unless the same address or the same text is already there — then the existing
 * item comes back with `isDuplicate`. A URL that cannot be fetched is stored as a failed item
 * with the reason, so that the attempt is on record; retrying the URL updates that item.
 * Initiatives that share entities with the clipping near its date are suggested.
 *
 * @throws 403 without a writer role; 400 when nothing readable was found
 */
export async function ingestMediaItem(
  db: DbOrTx,
  actor: TActor,
  input: {
    missionId: string;
    source: TIngestSource;
    title?: string;
    publishedAt?: string;
    kind?: TRow['kind'];
  },
  fetchOptions: TFetchOptions = {},
): Promise<TIngestResult> {
  const { missionId, source } = input;
  const visible = memberMissionIds(actor);
  if (visible !== 'all' && !visible.includes(missionId)) throw notFound('Mission');
  authorize(
    hasRole(actor, missionId, WRITER_ROLES),
    'Adding clippings needs an officer, head of mission or administrator.',
  );
  const givenUrl =
    source.kind === 'url' || source.kind === 'feed'
      ? source.url
      : source.kind === 'paste'
        ? (source.url ?? null)
        : null;
  const givenUrlHash = givenUrl ? urlHashOf(givenUrl) : null;
  if (givenUrlHash) {
    const existing = await findByHash(db, missionId, { urlHash: givenUrlHash });
    if (existing && existing.fetchStatus === 'ok')
      return { item: await detail(db, existing), isDuplicate: true };
  }
  let read: { html?: string; text?: string; url?: string };
  try {
    read = await readSource(source, fetchOptions);
  } catch (error) {
    if (!(error instanceof FetchRefused) || !givenUrl) throw error;
    return {
      item: await recordFailure(
        db,
        actor,
        missionId,
        givenUrl,
        error,
        source.kind === 'feed' ? 'feed' : 'url',
      ),
      isDuplicate: false,
    };
  }
  const candidates = await loadEntityCandidates(db, missionId);
  let analysis: TClippingAnalysis;
  try {
    analysis = analyseClipping({ ...read, title: input.title }, candidates);
  } catch (error) {
    throw badRequest((error as Error).message, [{ field: 'text', message: (error as Error).message }]);
  }
  if (!analysis.text.trim()) {
    const message = 'no readable text was found';
    if (givenUrl) {
      const refused = new FetchRefused('unsupported_type', `The page has no readable text.`);
      return { item: await recordFailure(db, actor, missionId, givenUrl, refused), isDuplicate: false };
    }
    throw badRequest('The clipping has no readable text.', [{ field: 'text', message }]);
  }
  const urlHash = analysis.canonicalUrl ? sha256(analysis.canonicalUrl) : givenUrlHash;
  const contentHash = textHash(analysis.text);
  const duplicate = await findByHash(db, missionId, { urlHash, textHash: contentHash });
  if (duplicate && duplicate.fetchStatus === 'ok')
    return { item: await detail(db, duplicate), isDuplicate: true };
  const values = {
    missionId,
    sourceKind: source.kind,
    url: givenUrl ?? read.url ?? null,
    canonicalUrl: analysis.canonicalUrl,
    urlHash,
    textHash: contentHash,
    title: analysis.title ?? (source.kind === 'file' ? source.filename : null),
    author: analysis.author,
    // a person's date wins over the page's; the page's over a feed's
    publishedAt: toDate(
      source.kind === 'feed'
        ? (analysis.publishedAt ?? input.publishedAt ?? null)
        : (input.publishedAt ?? analysis.publishedAt),
    ),
    outlet: analysis.outlet,
    kind: input.kind ?? 'online',
    language: analysis.language,
    text: analysis.text,
    excerpt: analysis.excerpt,
    html: read.html && read.html.length <= 1_000_000 ? read.html : null,
    entities: analysis.entities,
    figures: analysis.figures,
    tone: analysis.tone,
    toneScore: analysis.toneScore,
    fetchStatus: 'ok' as const,
    fetchError: null,
    createdBy: userIdOf(actor),
  };
  try {
    const row = await db.transaction(async (tx) => {
      // a failed attempt at the same address becomes the item
      const failed =
        duplicate ?? (givenUrlHash ? await findByHash(tx, missionId, { urlHash: givenUrlHash }) : null);
      let stored: TRow;
      if (failed) {
        [stored] = (await tx
          .update(mediaItems)
          .set({ ...values, version: sql`${mediaItems.version} + 1`, updatedAt: new Date() })
          .where(eq(mediaItems.id, failed.id))
          .returning()) as [TRow];
      } else {
        [stored] = (await tx.insert(mediaItems).values(values).returning()) as [TRow];
      }
      await writeAudit(tx, {
        actor,
        missionId,
        entity: 'media_item',
        entityId: stored.id,
        action: failed ? 'update' : 'create',
        after: { title: stored.title, url: stored.url, sourceKind: stored.sourceKind },
      });
      await storeSuggestions(tx, stored);
      return stored;
    });
    return { item: await detail(db, row), isDuplicate: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // someone stored the same clipping at the same moment
    const existing = await findByHash(db, missionId, { urlHash, textHash: contentHash });
    if (!existing) throw error;
    return { item: await detail(db, existing), isDuplicate: true };
  }
}

/** Duplicates by address: the hash of the URL normalised like canonical URLs. */
function urlHashOf(url: string): string | null {
  const normal = normaliseUrl(url);
  return normal ? sha256(normal) : null;
}

async function findByHash(
  db: DbOrTx,
  missionId: string,
  hashes: { urlHash?: string | null; textHash?: string | null },
): Promise<TRow | null> {
  const conditions: SQL[] = [];
  if (hashes.urlHash) conditions.push(eq(mediaItems.urlHash, hashes.urlHash));
  if (hashes.textHash) conditions.push(eq(mediaItems.textHash, hashes.textHash));
  if (conditions.length === 0) return null;
  const [row] = await db
    .select()
    .from(mediaItems)
    .where(and(eq(mediaItems.missionId, missionId), sql`(${sql.join(conditions, sql` or `)})`))
    .orderBy(asc(mediaItems.createdAt))
    .limit(1);
  return row ?? null;
}

async function recordFailure(
  db: DbOrTx,
  actor: TActor,
  missionId: string,
  url: string,
  error: FetchRefused,
  sourceKind: 'url' | 'feed' = 'url',
): Promise<TMediaItemDetail> {
  const urlHash = urlHashOf(url);
  const fetchError = `${error.reason}: ${error.message}`;
  const row = await db.transaction(async (tx) => {
    const existing = urlHash ? await findByHash(tx, missionId, { urlHash }) : null;
    let stored: TRow;
    if (existing) {
      [stored] = (await tx
        .update(mediaItems)
        .set({ fetchError, version: sql`${mediaItems.version} + 1`, updatedAt: new Date() })
        .where(eq(mediaItems.id, existing.id))
        .returning()) as [TRow];
    } else {
      [stored] = (await tx
        .insert(mediaItems)
        .values({
          missionId,
          sourceKind,
          url,
          canonicalUrl: normaliseUrl(url),
          urlHash,
          fetchStatus: 'failed',
          fetchError,
          createdBy: userIdOf(actor),
        })
        .returning()) as [TRow];
    }
    await writeAudit(tx, {
      actor,
      missionId,
      entity: 'media_item',
      entityId: stored.id,
      action: existing ? 'update' : 'create',
      after: { url, fetchError },
    });
    return stored;
  });
  return detail(db, row);
}

async function storeSuggestions(db: DbOrTx, item: TRow): Promise<void> {
  const suggestions = suggestInitiativeLinks(
    { publishedAt: iso(item.publishedAt) ?? iso(item.createdAt), entities: item.entities },
    await loadLinkInitiatives(db, item.missionId),
  );
  if (suggestions.length === 0) return;
  await db
    .insert(mediaItemLinks)
    .values(
      suggestions.map((s) => ({
        missionId: item.missionId,
        mediaItemId: item.id,
        initiativeId: s.initiativeId,
        status: 'suggested' as const,
        score: s.score,
        reasons: s.details,
      })),
    )
    .onConflictDoNothing();
}

/** The user to record; none for the command line's system actor. */
const userIdOf = (actor: TActor) => (actor.userId === SYSTEM_USER_ID ? null : actor.userId);

function toDate(value: string | null): Date | null {
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

async function detail(db: DbOrTx, row: TRow): Promise<TMediaItemDetail> {
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
const itemDay = sql`coalesce(${mediaItems.publishedAt}, ${mediaItems.createdAt})`;
const effectiveToneSql = sql`coalesce(${mediaItems.toneOverride}, ${mediaItems.tone})`;
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
function filters(actor: TActor, query: Omit<TMediaItemListQuery, 'limit' | 'offset' | 'q'>): SQL[] {
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

// ── Metrics ─────────────────────────────────────────────────────────────────────────────────

/**
 * How many clippings a mission has between two dates (inclusive; by publication date, else
 * the day they were added). For derived indicators (media exposure) of the results module.
 * @example await countMediaItems(db, { missionId, from: '2025-01-01', to: '2025-12-31' })
 */
export async function countMediaItems(
  db: DbOrTx,
  options: { missionId: string; from?: string; to?: string; initiativeId?: string; tone?: TMediaTone[] },
): Promise<number> {
  const where: SQL[] = [
    eq(mediaItems.missionId, options.missionId),
    isNull(mediaItems.archivedAt),
    eq(mediaItems.fetchStatus, 'ok'),
  ];
  if (options.from) where.push(sql`${itemDay} >= ${`${options.from}T00:00:00Z`}::timestamptz`);
  if (options.to) where.push(sql`${itemDay} < (${options.to}::date + 1)::timestamptz`);
  if (options.tone?.length) where.push(sql`${effectiveToneSql} in ${options.tone}`);
  if (options.initiativeId)
    where.push(
      sql`exists (select 1 from ${mediaItemLinks} where ${mediaItemLinks.mediaItemId} = ${mediaItems.id} and ${mediaItemLinks.initiativeId} = ${options.initiativeId} and ${mediaItemLinks.status} = 'confirmed')`,
    );
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(mediaItems)
    .where(and(...where));
  return Number(row?.n ?? 0);
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The Monday of a day's week, or the 1st of its month. */
function periodStart(day: string, interval: 'week' | 'month'): string {
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const ms = dayMs(day);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return isoDay(ms - weekday * DAY_MS);
}

function nextPeriod(period: string, interval: 'week' | 'month'): string {
  if (interval === 'week') return isoDay(dayMs(period) + 7 * DAY_MS);
  const date = new Date(dayMs(period));
  date.setUTCMonth(date.getUTCMonth() + 1);
  return isoDay(date.getTime());
}

/**
 * Coverage of a mission over a period: items per week or month, by outlet, language and tone,
 * the change against a baseline period (by default the same number of days just before), and
 * the share of voice of each country mentioned (items naming it / all country mentions).
 */
export async function findCoverage(db: DbOrTx, actor: TActor, query: TCoverageQuery): Promise<TCoverage> {
  const readable = fullReadMissionIds(actor);
  if (readable !== 'all' && !readable.includes(query.missionId)) throw notFound('Mission');
  const days = Math.round((dayMs(query.to) - dayMs(query.from)) / DAY_MS) + 1;
  const baselineTo = query.baselineTo ?? isoDay(dayMs(query.from) - DAY_MS);
  const baselineFrom = query.baselineFrom ?? isoDay(dayMs(query.from) - days * DAY_MS);
  const where = and(
    ...filters(actor, { missionId: query.missionId, from: query.from, to: query.to }),
    eq(mediaItems.fetchStatus, 'ok'),
  );
  const day = sql<string>`to_char(${itemDay} at time zone 'UTC', 'YYYY-MM-DD')`;
  const perDay = await db
    .select({ day, count: sql<number>`count(*)::int` })
    .from(mediaItems)
    .where(where)
    .groupBy(day);
  const counts = new Map<string, number>();
  for (const row of perDay) {
    const period = periodStart(row.day, query.interval);
    counts.set(period, (counts.get(period) ?? 0) + Number(row.count));
  }
  const periods: TCoverage['periods'] = [];
  for (let p = periodStart(query.from, query.interval); p <= query.to; p = nextPeriod(p, query.interval))
    periods.push({ period: p, count: counts.get(p) ?? 0 });
  const groupCount = async (column: SQL) =>
    (
      await db
        .select({ key: sql<string>`coalesce(${column}, '')`, count: sql<number>`count(*)::int` })
        .from(mediaItems)
        .where(where)
        .groupBy(sql`1`)
        .orderBy(sql`2 desc`, sql`1 asc`)
    ).map((r) => ({ key: r.key, count: Number(r.count) }));
  const byOutlet = await groupCount(sql`${mediaItems.outlet}`);
  const byLanguage = await groupCount(sql`${mediaItems.language}`);
  const byTone = await groupCount(effectiveToneSql);
  const total = byLanguage.reduce((sum, r) => sum + r.count, 0);
  const countries = await db
    .select({
      key: sql<string>`e->>'ref'`,
      name: sql<string>`min(e->>'name')`,
      count: sql<number>`count(distinct ${mediaItems.id})::int`,
    })
    .from(sql`${mediaItems} cross join lateral jsonb_array_elements(${mediaItems.entities}) as e`)
    .where(and(where, sql`e->>'kind' = 'country'`))
    .groupBy(sql`1`)
    .orderBy(sql`3 desc`, sql`1 asc`);
  const mentions = countries.reduce((sum, c) => sum + Number(c.count), 0);
  const baselineTotal = await countMediaItems(db, {
    missionId: query.missionId,
    from: baselineFrom,
    to: baselineTo,
  });
  return {
    from: query.from,
    to: query.to,
    interval: query.interval,
    total,
    periods,
    byOutlet,
    byLanguage,
    byTone,
    baseline: { from: baselineFrom, to: baselineTo, total: baselineTotal },
    change: baselineTotal === 0 ? null : Math.round(((total - baselineTotal) / baselineTotal) * 1000) / 1000,
    shareOfVoice: countries.map((c) => ({
      key: c.key,
      name: c.name,
      count: Number(c.count),
      share: mentions === 0 ? 0 : Math.round((Number(c.count) / mentions) * 1000) / 1000,
    })),
  };
}
