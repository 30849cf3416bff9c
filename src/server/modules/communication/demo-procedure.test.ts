import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { loadPlanData } from '../../../../test/helpers/demo.ts';
import { people } from '../partners/index.ts';
import { communicationSteps, communicationTemplates } from './procedure-tables.ts';

const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;

describe('the demo plan’s communication procedure', () => {
  it('schedules the ten steps (nine for standard initiatives), done for the finished plan, once', async () => {
    const { planId } = await loadPlanData(db);
    const counts = await db
      .select({
        status: communicationSteps.status,
        n: sql<number>`count(*)::int`,
        toConfirm: sql<number>`count(*) filter (where ${communicationSteps.dateToConfirm})::int`,
      })
      .from(communicationSteps)
      .where(eq(communicationSteps.planId, planId))
      .groupBy(communicationSteps.status);
    // 11 major initiatives × 10 steps + 19 standard × 9.
    expect(counts).toEqual([{ status: 'done', n: 281, toConfirm: 281 }]);
    const [template] = await db
      .select({ officer: people.key })
      .from(communicationTemplates)
      .innerJoin(people, eq(people.id, communicationTemplates.communicationOfficerId))
      .where(eq(communicationTemplates.planId, planId));
    expect(template?.officer).toBe('dinara-omarova');
    await loadPlanData(db);
    const [again] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(communicationSteps)
      .where(eq(communicationSteps.planId, planId));
    expect(again?.n).toBe(281);
  });
});
