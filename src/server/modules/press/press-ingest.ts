/**
 * Ingesting a clipping: read it from a URL, pasted HTML or text, extract it, keep one copy per URL, record failures, suggest links.
 */
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { TIngestResult, TMediaItemDetail } from '../../../shared/schemas/press.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { iso } from '../../platform/http/dates.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { isUniqueViolation } from '../../platform/records.ts';
import { authorize, hasRole, memberMissionIds, WRITER_ROLES } from '../../platform/scope.ts';
import { writeAudit } from '../missions/index.ts';
import {
  detail,
  loadEntityCandidates,
  loadLinkInitiatives,
  type TIngestSource,
  type TRow,
  toDate,
  userIdOf,
} from './press.ts';
import { analyseClipping, normaliseUrl, sha256, type TClippingAnalysis, textHash } from './review/analyse.ts';
import { FetchRefused, safeFetch, type TFetchOptions } from './review/fetch.ts';
import { suggestInitiativeLinks } from './rules/press-links.ts';
import { mediaItemLinks, mediaItems } from './tables.ts';

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
