/**
 * RSS/Atom subscriptions of the press review (issue 6): a writer subscribes a mission to a
 * feed; the server polls active feeds on a schedule and ingests each new entry's page through
 * the same safe fetching and analysis as a pasted URL (duplicates are merged there).
 */
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso } from '../../platform/http/dates.ts';
import { conflict, notFound } from '../../platform/http/problem.ts';
import { contactPolicy } from '../../platform/mission-data-policy.ts';
import { isUniqueViolation } from '../../platform/records.ts';
import { authorize, hasRole, memberMissionIds, WRITER_ROLES } from '../../platform/scope.ts';
import { createSystemActor, SYSTEM_USER_ID, writeAudit } from '../missions/index.ts';
import { ingestMediaItem } from './press-ingest.ts';
import { parseFeed } from './review/feed.ts';
import { FetchRefused, safeFetch, type TFetchOptions } from './review/fetch.ts';
import { mediaFeeds } from './tables.ts';

type TFeedRow = typeof mediaFeeds.$inferSelect;

export interface TFeed {
  id: string;
  missionId: string;
  url: string;
  title: string | null;
  isActive: boolean;
  lastPolledAt: string | null;
  lastError: string | null;
  createdAt: string;
}

/** Entries read per poll, newest first as the feed lists them. */
const MAX_ENTRIES_PER_POLL = 20;
/** How often the server polls each feed. */
export const FEED_POLL_INTERVAL_MS = 60 * 60 * 1000;

const present = (row: TFeedRow): TFeed => ({
  id: row.id,
  missionId: row.missionId,
  url: row.url,
  title: row.title,
  isActive: row.isActive,
  lastPolledAt: iso(row.lastPolledAt),
  lastError: row.lastError,
  createdAt: iso(row.createdAt)!,
});

export async function findFeeds(db: DbOrTx, actor: TActor, missionId?: string): Promise<{ items: TFeed[] }> {
  const rows = await db
    .select()
    .from(mediaFeeds)
    .where(
      and(
        contactPolicy.scope(actor, mediaFeeds.missionId),
        missionId ? eq(mediaFeeds.missionId, missionId) : undefined,
      ),
    )
    .orderBy(asc(mediaFeeds.createdAt));
  return { items: rows.map(present) };
}

/** Subscribes a mission to a feed (writers). 409 when it is already subscribed. */
export async function createFeed(
  db: DbOrTx,
  actor: TActor,
  input: { missionId: string; url: string; title?: string },
): Promise<TFeed> {
  const visible = memberMissionIds(actor);
  if (visible !== 'all' && !visible.includes(input.missionId)) throw notFound('Mission');
  authorize(hasRole(actor, input.missionId, WRITER_ROLES));
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(mediaFeeds)
        .values({
          missionId: input.missionId,
          url: input.url,
          title: input.title ?? null,
          createdBy: actor.userId === SYSTEM_USER_ID ? null : actor.userId,
        })
        .returning();
      await writeAudit(tx, {
        actor,
        missionId: input.missionId,
        entity: 'media_feed',
        entityId: row!.id,
        action: 'create',
        after: { url: input.url },
      });
      return present(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('The mission already follows this feed.');
    throw error;
  }
}

/** Stops polling a feed (writers); its clippings stay. */
export async function deactivateFeed(db: DbOrTx, actor: TActor, id: string): Promise<TFeed> {
  const [current] = await db
    .select()
    .from(mediaFeeds)
    .where(and(eq(mediaFeeds.id, id), contactPolicy.scope(actor, mediaFeeds.missionId)));
  if (!current) throw notFound('Feed');
  authorize(hasRole(actor, current.missionId, WRITER_ROLES));
  const [row] = await db.update(mediaFeeds).set({ isActive: false }).where(eq(mediaFeeds.id, id)).returning();
  return present(row!);
}

/**
 * Polls one feed now: fetches it safely, and ingests each entry's page (at most 20). A failure
 * to read the feed is kept in `lastError`.
 * @returns counts of what happened
 */
export async function pollFeed(
  db: DbOrTx,
  actor: TActor,
  id: string,
  fetchOptions: TFetchOptions = {},
): Promise<{ feed: TFeed; added: number; duplicates: number; failed: number }> {
  const [feed] = await db
    .select()
    .from(mediaFeeds)
    .where(and(eq(mediaFeeds.id, id), contactPolicy.scope(actor, mediaFeeds.missionId)));
  if (!feed) throw notFound('Feed');
  authorize(hasRole(actor, feed.missionId, WRITER_ROLES));
  const counts = { added: 0, duplicates: 0, failed: 0 };
  let lastError: string | null = null;
  let title = feed.title;
  try {
    const page = await safeFetch(feed.url, fetchOptions);
    const parsed = parseFeed({ xml: page.body, baseUrl: page.url });
    title ??= parsed.title;
    for (const entry of parsed.entries.slice(0, MAX_ENTRIES_PER_POLL)) {
      const result = await ingestMediaItem(
        db,
        actor,
        {
          missionId: feed.missionId,
          source: { kind: 'feed', url: entry.url },
          publishedAt: entry.publishedAt?.slice(0, 10),
        },
        fetchOptions,
      ).catch(() => null);
      if (!result || result.item.fetchStatus === 'failed') counts.failed++;
      else if (result.isDuplicate) counts.duplicates++;
      else counts.added++;
    }
  } catch (error) {
    lastError =
      error instanceof FetchRefused ? `${error.reason}: ${error.message}` : (error as Error).message;
  }
  const [row] = await db
    .update(mediaFeeds)
    .set({ lastPolledAt: new Date(), lastError, title })
    .where(eq(mediaFeeds.id, id))
    .returning();
  return { feed: present(row!), ...counts };
}

/** Polls every active feed not polled within the interval, as the system actor. */
export async function pollDueFeeds(db: Db, now = new Date()): Promise<number> {
  const due = await db
    .select({ id: mediaFeeds.id })
    .from(mediaFeeds)
    .where(
      and(
        eq(mediaFeeds.isActive, true),
        or(
          isNull(mediaFeeds.lastPolledAt),
          lt(mediaFeeds.lastPolledAt, new Date(now.getTime() - FEED_POLL_INTERVAL_MS)),
        ),
      ),
    );
  if (due.length === 0) return 0;
  const actor = await createSystemActor(db);
  for (const feed of due) await pollFeed(db, actor, feed.id).catch(() => null);
  return due.length;
}

/**
 * Starts polling feeds in the server process: once shortly after start, then every ten
 * minutes for the feeds that are due. Returns the function that stops it.
 */
export function startFeedPolling(db: Db, log: (line: string) => void = () => {}): () => void {
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const polled = await pollDueFeeds(db);
      if (polled) log(`Press review: polled ${polled} feed${polled === 1 ? '' : 's'}.`);
    } catch (error) {
      log(`Press review: feed polling failed: ${(error as Error).message}`);
    } finally {
      isRunning = false;
    }
  };
  const first = setTimeout(() => void tick(), 30_000);
  const timer = setInterval(() => void tick(), 10 * 60 * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
