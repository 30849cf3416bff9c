/**
 * Coverage over time and counts of the press review: clippings per week or month, by tone, for the dashboard and the report.
 */
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { TMediaTone } from '../../../shared/enums.ts';
import type { TCoverage, TCoverageQuery } from '../../../shared/schemas/press.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { notFound } from '../../platform/http/problem.ts';
import { fullReadMissionIds } from '../../platform/scope.ts';
import { effectiveToneSql, filters, itemDay } from './press.ts';
import { mediaItemLinks, mediaItems } from './tables.ts';

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
