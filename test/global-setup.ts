/**
 * Prepares one migrated database for the whole run; each test file clones it.
 * - PGlite (default): a migrated data directory dumped to a file, loaded with `loadDataDir`.
 * - PostgreSQL (`SOFTPOWER_TEST_DB=postgres`): a throwaway cluster with a migrated template
 *   database; each test file creates its own database from it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateDatabase, openDatabase } from '../src/server/platform/db/client.ts';
import { hasPostgresBinaries, startPostgresCluster } from './helpers/postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: 'pglite' | 'postgres';
    pgliteTemplate: string;
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const wantsPostgres = process.env.SOFTPOWER_TEST_DB === 'postgres';
  if (wantsPostgres && !hasPostgresBinaries()) {
    console.warn('\n[softpower] PostgreSQL server binaries not found: the PostgreSQL run is skipped.\n');
    project.provide('dbKind', 'pglite');
  }
  if (wantsPostgres && hasPostgresBinaries()) {
    const cluster = await startPostgresCluster();
    const admin = new pg.Client({ connectionString: cluster.url('postgres') });
    await admin.connect();
    await admin.query('create database softpower_template');
    await admin.end();
    const template = await openDatabase({ databaseUrl: cluster.url('softpower_template'), poolSize: 1 });
    await migrateDatabase(template);
    await template.close();
    project.provide('dbKind', 'postgres');
    project.provide('postgresAdminUrl', cluster.url('postgres'));
    project.provide('pgliteTemplate', '');
    return () => cluster.stop();
  }
  const dir = join(process.cwd(), '.tmp');
  mkdirSync(dir, { recursive: true });
  const client = new PGlite();
  const database = await openDatabase({ pglite: client });
  await migrateDatabase(database);
  const dump = await client.dumpDataDir('none');
  const file = join(dir, `test-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  if (!wantsPostgres) project.provide('dbKind', 'pglite');
  project.provide('pgliteTemplate', file);
  project.provide('postgresAdminUrl', '');
}
