/**
 * Opens the database: embedded PGlite in `dataDir` by default, a PostgreSQL server when
 * `databaseUrl` is set. Both speak the same SQL and share one schema and one set of migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/**
 * The relational query API (`db.query.*`) is not used: queries name their tables, which each
 * module imports from its own `tables.ts`. The client therefore knows no module's tables.
 */
export type TSchema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, TSchema>;
export type Tx = PgTransaction<PgQueryResultHKT, TSchema, ExtractTablesWithRelations<TSchema>>;
/** Either the database or a transaction on it: commands accept both. */
export type DbOrTx = Db | Tx;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface TDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human-readable location, for the console (never includes a password). */
  location: string;
  close: () => Promise<void>;
}

export interface TOpenDatabaseOptions {
  /** Folder of the embedded database; ignored when `databaseUrl` is set. */
  dataDir?: string;
  /** PostgreSQL connection string; when set, the embedded database is not used. */
  databaseUrl?: string;
  /** An existing PGlite instance (tests clone a migrated template into memory). */
  pglite?: PGlite;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
}

/**
 * @throws Error with a readable message when the database cannot be reached or opened.
 * @example const { db, close } = await openDatabase({ dataDir: './data' });
 */
export async function openDatabase(options: TOpenDatabaseOptions): Promise<TDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 20 });
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => {});
      throw new Error(`Cannot connect to PostgreSQL (DATABASE_URL): ${(error as Error).message}`);
    }
    const url = new URL(options.databaseUrl);
    return {
      db: drizzleNodePg(pool) as unknown as Db,
      kind: 'postgres',
      location: `postgres://${url.host}${url.pathname}`,
      close: () => pool.end(),
    };
  }
  let client = options.pglite;
  let location = 'memory';
  if (!client) {
    const dataDir = resolve(options.dataDir ?? './data');
    const pgDir = resolve(dataDir, 'pgdata');
    // PGlite creates only the last folder of its path.
    mkdirSync(dirname(pgDir), { recursive: true });
    client = new PGlite(pgDir);
    location = pgDir;
  }
  await client.waitReady;
  const owned = client;
  return {
    db: drizzlePglite(owned) as unknown as Db,
    kind: 'pglite',
    location,
    close: () => owned.close(),
  };
}

/** Applies pending migrations (idempotent). */
export async function migrateDatabase(database: TDatabase): Promise<void> {
  if (database.kind === 'postgres') {
    await migrateNodePg(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}
