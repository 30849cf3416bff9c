import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from './client.ts';

const caches = new WeakMap<Db, Map<string, unknown>>();

/**
 * A statement prepared once per database (hot paths: the session lookup, the list's relations).
 * Inside a transaction the statement is built on the transaction instead, because a prepared
 * statement is bound to the database it was made on.
 * @example const find = prepareOnce(db, 'find_x', (d) => d.select().from(x).where(eq(x.id, sql.placeholder('id'))).prepare('find_x'));
 */
export function prepareOnce<T>(db: DbOrTx, name: string, build: (db: DbOrTx) => T): T {
  if (db instanceof PgTransaction) return build(db);
  let cache = caches.get(db as Db);
  if (!cache) {
    cache = new Map();
    caches.set(db as Db, cache);
  }
  let statement = cache.get(name) as T | undefined;
  if (!statement) {
    statement = build(db);
    cache.set(name, statement);
  }
  return statement;
}
