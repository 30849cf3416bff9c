/**
 * Small helpers shared by the commands on versioned records (missions, plans, programmes,
 * organisations, people): load through a scope, write if the version is still the stored one,
 * archive, and page through a list. Each runs inside the caller's transaction when given one.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './db/client.ts';
import { conflict, notFound } from './http/problem.ts';

type TTableWithId = PgTable & { id: PgColumn };
type TVersionedTable = TTableWithId & { version: PgColumn; updatedAt: PgColumn };

/**
 * Loads one row by id within `scope`; 404 when it does not exist or is outside the scope.
 * @example const row = await loadScoped(tx, organisations, id, contactPolicy.scope(actor, organisations.missionId), 'Organisation');
 */
export async function loadScoped<T extends TTableWithId>(
  db: DbOrTx,
  table: T,
  id: string,
  scope: SQL,
  what: string,
): Promise<T['$inferSelect']> {
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), scope));
  if (!row) throw notFound(what);
  return row as T['$inferSelect'];
}

/**
 * Writes `values` to the record if `version` is still the stored one, and bumps the version.
 * @throws 409 (with `currentVersion`) when someone saved first; nothing is written.
 */
export async function updateVersioned<T extends TVersionedTable>(
  db: DbOrTx,
  table: T,
  current: { id: string; version: number },
  version: number,
  values: PgUpdateSetSource<T>,
): Promise<T['$inferSelect']> {
  if (current.version !== version) throw staleVersion(current.version);
  const rows = (await db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() } as PgUpdateSetSource<T>)
    .where(and(eq(table.id, current.id), eq(table.version, version)))
    .returning()) as T['$inferSelect'][];
  const [row] = rows;
  if (!row) throw staleVersion(current.version + 1);
  return row;
}

/**
 * Archives (soft-deletes) a record; `version`, when given, must be the stored one.
 * @throws 409 when the version is stale.
 */
export async function archiveVersioned<T extends TVersionedTable & { archivedAt: PgColumn }>(
  db: DbOrTx,
  table: T,
  current: { id: string; version: number },
  version?: number,
): Promise<T['$inferSelect']> {
  return updateVersioned(db, table, current, version ?? current.version, {
    archivedAt: new Date(),
  } as PgUpdateSetSource<T>);
}

/**
 * One page of rows matching `where`, and how many match in all. Sequential on purpose: inside a
 * transaction every query shares one connection.
 */
export async function selectPage<T extends PgTable>(
  db: DbOrTx,
  table: T,
  options: { where: SQL | undefined; orderBy: SQL[]; limit: number; offset: number },
): Promise<{ rows: T['$inferSelect'][]; total: number }> {
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(options.where)
    .orderBy(...options.orderBy)
    .limit(options.limit)
    .offset(options.offset);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(table as PgTable)
    .where(options.where);
  return { rows: rows as T['$inferSelect'][], total: Number(counted?.total ?? 0) };
}

/** Sorts by `column`; records without a value come last in either direction. */
export const sortBy = (column: PgColumn, order: 'asc' | 'desc'): SQL =>
  order === 'desc' ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;

/** Escapes LIKE wildcards so that a user's `%` is a percent sign. @example likePattern('50%') // '%50\\%%' */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** True when a write failed on a unique index (PostgreSQL error 23505), however the driver wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/** The 409 for an update based on an old version; nothing was changed. */
export function staleVersion(currentVersion: number) {
  return conflict(
    'Someone else saved this record after you opened it. Reload it to see their changes, then apply yours again.',
    {
      currentVersion,
    },
  );
}
