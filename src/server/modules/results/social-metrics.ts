/**
 * Social-media metrics of a mission: accounts, monthly snapshots and per-post metrics, typed
 * by hand or imported from the platforms' CSV exports (all rows or none).
 */

import { parse as parseCsvText } from 'csv-parse/sync';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  TCreateSocialAccountRequest,
  TSocialAccount,
  TSocialAccountDetail,
  TSocialPostRequest,
  TSocialSnapshotRequest,
} from '../../../shared/schemas/results.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { conflict } from '../../platform/http/problem.ts';
import { isUniqueViolation, loadScoped } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { importErrorsProblem } from '../../platform/uploads/import-errors.ts';
import { UPLOAD_LIMITS } from '../../platform/uploads/limits.ts';
import { fileRefused, tooManyRows } from '../../platform/uploads/problems.ts';
import { missions, writeAudit } from '../missions/index.ts';
import { RESULTS_WRITE_DENIED, resultsPolicy } from './policy.ts';
import { presentSnapshot } from './present.ts';
import { parseSocialCsv } from './rules/social-csv.ts';
import { computeEngagementRate, periodChanges, postEngagements } from './rules/social-metrics.ts';
import { socialAccounts, socialPosts, socialSnapshots } from './tables.ts';

type TAccountRow = typeof socialAccounts.$inferSelect;

/** Accounts with their snapshots (oldest month first), latest engagement rate and changes. */
export async function presentAccounts(db: DbOrTx, rows: TAccountRow[]): Promise<TSocialAccount[]> {
  if (rows.length === 0) return [];
  const snapshots = await db
    .select()
    .from(socialSnapshots)
    .where(
      inArray(
        socialSnapshots.accountId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(socialSnapshots.month));
  return rows.map((row) => {
    const own = snapshots.filter((s) => s.accountId === row.id);
    const presented = own.map(presentSnapshot);
    const followers = periodChanges(own, 'followers');
    const reached = periodChanges(own, 'accountsReached');
    const latest = presented.at(-1) ?? null;
    return {
      id: row.id,
      missionId: row.missionId,
      platform: row.platform,
      handle: row.handle,
      snapshots: presented,
      latestMonth: latest?.month ?? null,
      latestEngagementRate: latest ? latest.engagementRates[0]! : null,
      momChange: { followers: followers.mom, accountsReached: reached.mom },
      yoyChange: { followers: followers.yoy, accountsReached: reached.yoy },
      version: row.version,
      createdAt: isoRequired(row.createdAt),
      updatedAt: isoRequired(row.updatedAt),
      archivedAt: iso(row.archivedAt),
    };
  });
}

/** The social accounts the actor reads (one mission's, or all visible), by platform and handle. */
export async function findSocialAccounts(
  db: DbOrTx,
  actor: TActor,
  query: { missionId?: string },
): Promise<TSocialAccount[]> {
  const rows = await db
    .select()
    .from(socialAccounts)
    .where(
      and(
        resultsPolicy.scope(actor, socialAccounts.missionId),
        isNull(socialAccounts.archivedAt),
        query.missionId ? eq(socialAccounts.missionId, query.missionId) : undefined,
      ),
    )
    .orderBy(asc(socialAccounts.platform), asc(socialAccounts.handle));
  return presentAccounts(db, rows);
}

async function loadAccount(db: DbOrTx, actor: TActor, id: string): Promise<TAccountRow> {
  return loadScoped(
    db,
    socialAccounts,
    id,
    resultsPolicy.scope(actor, socialAccounts.missionId),
    'Social account',
  );
}

/** One account with its snapshots and its posts (newest first, with engagement rate by reach). @throws 404 */
export async function findSocialAccount(
  db: DbOrTx,
  actor: TActor,
  id: string,
): Promise<TSocialAccountDetail> {
  const row = await loadAccount(db, actor, id);
  const [presented] = await presentAccounts(db, [row]);
  const posts = await db
    .select()
    .from(socialPosts)
    .where(eq(socialPosts.accountId, id))
    .orderBy(desc(socialPosts.publishedOn), asc(socialPosts.id));
  return {
    ...presented!,
    posts: posts.map((p) => ({
      id: p.id,
      externalId: p.externalId,
      publishedOn: p.publishedOn,
      url: p.url,
      caption: p.caption,
      reach: p.reach,
      impressions: p.impressions,
      likes: p.likes,
      comments: p.comments,
      shares: p.shares,
      saves: p.saves,
      clicks: p.clicks,
      engagementRate: computeEngagementRate({ engagements: postEngagements(p), reach: p.reach }, 'reach'),
    })),
  };
}

/** Adds an account to a mission. @throws 404 (mission not visible), 403, 409 (same handle twice) */
export async function createSocialAccount(
  db: Db,
  actor: TActor,
  input: TCreateSocialAccountRequest,
): Promise<TSocialAccount> {
  return db.transaction(async (tx) => {
    const mission = await loadScoped(
      tx,
      missions,
      input.missionId,
      resultsPolicy.scope(actor, missions.id),
      'Mission',
    );
    authorize(resultsPolicy.canWrite(actor, { missionId: mission.id }), RESULTS_WRITE_DENIED);
    const handle = input.handle.replace(/^@/, '');
    let row: TAccountRow;
    try {
      [row] = (await tx
        .insert(socialAccounts)
        .values({ missionId: mission.id, platform: input.platform, handle })
        .returning()) as [TAccountRow];
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict(`The mission already has the ${input.platform} account @${handle}.`);
      throw error;
    }
    await writeAudit(tx, {
      actor,
      missionId: mission.id,
      entity: 'social_account',
      entityId: row.id,
      action: 'create',
      after: row,
    });
    const [presented] = await presentAccounts(tx, [row]);
    return presented!;
  });
}

async function upsertSnapshots(
  tx: DbOrTx,
  account: TAccountRow,
  actor: TActor,
  rows: (Omit<TSocialSnapshotRequest, 'month'> & { month: string })[],
): Promise<void> {
  for (const input of rows) {
    const values = {
      followers: input.followers ?? null,
      accountsReached: input.accountsReached ?? null,
      accountsEngaged: input.accountsEngaged ?? null,
      impressions: input.impressions ?? null,
      posts: input.posts ?? null,
      enteredBy: actor.userId,
    };
    await tx
      .insert(socialSnapshots)
      .values({ missionId: account.missionId, accountId: account.id, month: input.month, ...values })
      .onConflictDoUpdate({
        target: [socialSnapshots.accountId, socialSnapshots.month],
        set: { ...values, updatedAt: new Date() },
      });
  }
}

async function upsertPosts(
  tx: DbOrTx,
  account: TAccountRow,
  actor: TActor,
  rows: TSocialPostRequest[],
): Promise<void> {
  for (const input of rows) {
    const values = {
      publishedOn: input.publishedOn,
      url: input.url ?? null,
      caption: input.caption ?? null,
      reach: input.reach ?? null,
      impressions: input.impressions ?? null,
      likes: input.likes ?? null,
      comments: input.comments ?? null,
      shares: input.shares ?? null,
      saves: input.saves ?? null,
      clicks: input.clicks ?? null,
      enteredBy: actor.userId,
    };
    const base = {
      missionId: account.missionId,
      accountId: account.id,
      externalId: input.externalId ?? null,
      ...values,
    };
    if (input.externalId)
      await tx
        .insert(socialPosts)
        .values(base)
        .onConflictDoUpdate({ target: [socialPosts.accountId, socialPosts.externalId], set: values });
    else await tx.insert(socialPosts).values(base);
  }
}

async function loadAccountForWrite(tx: DbOrTx, actor: TActor, id: string): Promise<TAccountRow> {
  const account = await loadAccount(tx, actor, id);
  authorize(resultsPolicy.canWrite(actor, account), RESULTS_WRITE_DENIED);
  return account;
}

/** Saves one month of an account (replacing that month's figures). @throws 404, 403 */
export async function saveSocialSnapshot(
  db: Db,
  actor: TActor,
  accountId: string,
  input: TSocialSnapshotRequest,
): Promise<TSocialAccountDetail> {
  await db.transaction(async (tx) => {
    const account = await loadAccountForWrite(tx, actor, accountId);
    await upsertSnapshots(tx, account, actor, [{ ...input, month: `${input.month}-01` }]);
    await writeAudit(tx, {
      actor,
      missionId: account.missionId,
      entity: 'social_snapshot',
      entityId: accountId,
      action: 'update',
      after: input,
    });
  });
  return findSocialAccount(db, actor, accountId);
}

/** Records one post's metrics (updating it when its platform id is known already). @throws 404, 403 */
export async function saveSocialPost(
  db: Db,
  actor: TActor,
  accountId: string,
  input: TSocialPostRequest,
): Promise<TSocialAccountDetail> {
  await db.transaction(async (tx) => {
    const account = await loadAccountForWrite(tx, actor, accountId);
    await upsertPosts(tx, account, actor, [input]);
    await writeAudit(tx, {
      actor,
      missionId: account.missionId,
      entity: 'social_post',
      entityId: accountId,
      action: 'create',
      after: input,
    });
  });
  return findSocialAccount(db, actor, accountId);
}

/**
 * Refuses CSV text beyond the upload limits before it is parsed: bytes, then data rows (counted
 * by the CSV parser itself, so quoted line breaks do not count; a text it cannot parse is left
 * to `parseSocialCsv`, which names the fault).
 * @throws 400 naming `csv`.
 */
function checkCsvLimits(csv: string): void {
  if (Buffer.byteLength(csv, 'utf8') > UPLOAD_LIMITS.maxCsvBytes)
    throw fileRefused('csv', `is larger than ${UPLOAD_LIMITS.maxCsvBytes / 1024 / 1024} MB: split it`);
  let records: number;
  try {
    records = parseCsvText(csv, { skip_empty_lines: true, relax_column_count: true, bom: true }).length;
  } catch {
    return;
  }
  if (records - 1 > UPLOAD_LIMITS.maxRows) throw tooManyRows('csv', records - 1);
}

/**
 * Imports a platform's CSV export into monthly snapshots or posts: every row or none. A month or
 * a post (by its platform id) already there is updated.
 * @throws 404, 403, 400 (each bad row named, as `row N, column X`)
 */
export async function importSocialCsv(
  db: Db,
  actor: TActor,
  accountId: string,
  input: { kind: 'snapshots' | 'posts'; csv: string },
): Promise<{ kind: 'snapshots' | 'posts'; imported: number }> {
  checkCsvLimits(input.csv);
  return db.transaction(async (tx) => {
    const account = await loadAccountForWrite(tx, actor, accountId);
    const refuse = (errors: { field: string; message: string }[]) =>
      importErrorsProblem(errors, { what: 'The CSV' });
    let count: number;
    if (input.kind === 'snapshots') {
      const parsed = parseSocialCsv('snapshots', input.csv);
      if (parsed.errors.length) throw refuse(parsed.errors);
      await upsertSnapshots(tx, account, actor, parsed.rows);
      count = parsed.rows.length;
    } else {
      const parsed = parseSocialCsv('posts', input.csv);
      if (parsed.errors.length) throw refuse(parsed.errors);
      await upsertPosts(tx, account, actor, parsed.rows);
      count = parsed.rows.length;
    }
    await writeAudit(tx, {
      actor,
      missionId: account.missionId,
      entity: input.kind === 'snapshots' ? 'social_snapshot' : 'social_post',
      entityId: accountId,
      action: 'import',
      after: { rows: count },
    });
    return { kind: input.kind, imported: count };
  });
}

/** Sum of a snapshot metric per month over the given accounts (for exposure over time). */
export async function sumSnapshotsByMonth(db: DbOrTx, missionId: string) {
  return db
    .select({
      month: socialSnapshots.month,
      accountsReached: sql<number | null>`sum(${socialSnapshots.accountsReached})::int`,
      impressions: sql<number | null>`sum(${socialSnapshots.impressions})::int`,
    })
    .from(socialSnapshots)
    .innerJoin(socialAccounts, eq(socialAccounts.id, socialSnapshots.accountId))
    .where(and(eq(socialSnapshots.missionId, missionId), isNull(socialAccounts.archivedAt)))
    .groupBy(socialSnapshots.month);
}
