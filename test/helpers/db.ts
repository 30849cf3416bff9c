import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type TDatabase } from '../../src/server/platform/db/client.ts';

let templateBlob: Blob | null = null;

/**
 * A fresh, migrated database of its own for a test file: an in-memory PGlite cloned from the
 * run's template, or a new PostgreSQL database created from the template database.
 */
export async function createTestDatabase(): Promise<TDatabase> {
  if (inject('dbKind') === 'postgres') {
    const name = `t_${randomUUID().replaceAll('-', '')}`;
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    await admin.query(`create database ${name} template softpower_template`);
    await admin.end();
    const url = inject('postgresAdminUrl').replace(/\/postgres$/, `/${name}`);
    return openDatabase({ databaseUrl: url, poolSize: 5 });
  }
  templateBlob ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
  const client = new PGlite({ loadDataDir: templateBlob });
  return openDatabase({ pglite: client });
}
