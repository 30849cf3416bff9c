/**
 * The floor for the initiative list: a bare `new Hono()` with one route that sends the SQL that
 * `findInitiatives` sends (captured once from drizzle's logger, see `captureListQueries`) straight
 * to the driver, on the same connection or pool, and returns the rows as JSON. No session
 * lookup, no validation, no drizzle, no presenter.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { Hono } from 'hono';
import type pg from 'pg';
import { findInitiatives } from '../src/server/modules/initiatives/index.ts';
import type { TActor } from '../src/server/platform/context.ts';
import type { Db, TDatabase } from '../src/server/platform/db/client.ts';
import * as schema from '../src/server/schema.ts';
import type { TInitiativeListQuery } from '../src/shared/schemas/initiative.ts';

export interface TCapturedQuery {
  text: string;
  params: unknown[];
}

type TRunQuery = (query: TCapturedQuery) => Promise<Record<string, unknown>[]>;

/**
 * Runs `findInitiatives` once through a logging drizzle instance on the same client and returns
 * the statements in the order they were sent: the page, the count, then the relation queries.
 * The demo data does not change during the bench, so replaying the parameters (the ids of the
 * page) is the same work the endpoint does on every request.
 */
export async function captureListQueries({
  database,
  actor,
  query,
}: {
  database: TDatabase;
  actor: TActor;
  query: TInitiativeListQuery;
}): Promise<TCapturedQuery[]> {
  const captured: TCapturedQuery[] = [];
  const logger: Logger = { logQuery: (text, params) => captured.push({ text, params }) };
  const client = driverOf(database);
  const logged =
    client instanceof PGlite
      ? drizzlePglite(client, { schema, logger })
      : drizzleNodePg(client, { schema, logger });
  await findInitiatives(logged as unknown as Db, actor, query);
  return captured;
}

/** The driver behind the drizzle instance: the PGlite client or the pg pool. */
function driverOf(database: TDatabase): PGlite | pg.Pool {
  return (database.db as unknown as { $client: PGlite | pg.Pool }).$client;
}

/** Sends one captured statement with the driver itself. */
function createQueryRunner(database: TDatabase): TRunQuery {
  const client = driverOf(database);
  if (client instanceof PGlite)
    return async ({ text, params }) => (await client.query<Record<string, unknown>>(text, params)).rows;
  return async ({ text, params }) => (await client.query<Record<string, unknown>>(text, params)).rows;
}

/** The bare Hono app: GET /initiatives runs the captured statements as the endpoint does. */
export function createBaselineApp({ database, queries }: { database: TDatabase; queries: TCapturedQuery[] }) {
  const [page, count, ...relations] = queries;
  if (!page || !count) throw new Error('captureListQueries returned fewer than two statements.');
  const runQuery = createQueryRunner(database);
  const app = new Hono();
  app.get('/initiatives', async (c) => {
    // Same shape as findInitiatives: page and count together, then the relations one by one.
    const [items, counted] = await Promise.all([runQuery(page), runQuery(count)]);
    const related: Record<string, unknown>[][] = [];
    for (const statement of relations) related.push(await runQuery(statement));
    return c.json({ items, total: counted[0]?.total, related });
  });
  return app;
}
