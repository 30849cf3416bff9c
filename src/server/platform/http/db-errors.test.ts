import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { toInputProblem } from './db-errors.ts';

describe('toInputProblem', () => {
  it('maps real database errors caused by input to 400/409, and leaves others alone', async () => {
    const { db, close } = await createTestDatabase();
    const failure = async (query: ReturnType<typeof sql>) => {
      try {
        await db.execute(query);
      } catch (error) {
        return error;
      }
      throw new Error('expected the query to fail');
    };
    try {
      expect(toInputProblem(await failure(sql`select ${'a\u0000b'}::text`))?.status).toBe(400);
      expect(toInputProblem(await failure(sql`select ${'3000000000'}::int4`))?.status).toBe(400);
      expect(toInputProblem(await failure(sql`select ${'1e13'}::numeric(14,2)`))?.status).toBe(400);
      expect(
        toInputProblem(
          await failure(
            sql`insert into plans (mission_id, title, acronym) values (${'00000000-0000-4000-8000-000000000000'}, 'x', 'x')`,
          ),
        )?.status,
      ).toBe(400);
      expect(toInputProblem(await failure(sql`select * from no_such_table`))).toBeNull();
    } finally {
      await close();
    }
  });
  it('unwraps causes and maps a duplicate to 409', () => {
    expect(toInputProblem(new Error('wrapped', { cause: { code: '23505' } }))?.status).toBe(409);
    expect(toInputProblem(new Error('plain'))).toBeNull();
  });
});
