import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { buildMission, buildPlan } from '../../../../test/helpers/factories.ts';
import { auditLog, createSystemActor } from '../missions/index.ts';
import { importInitiatives } from './initiative-import.ts';
import { findPlanByAcronym, type TImportProgress } from './initiative-io.ts';
import { initiatives } from './tables.ts';

const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;

describe('importInitiatives', () => {
  it('reports progress by phase and audits the system actor with no user', async () => {
    const mission = await buildMission(db);
    const plan = await buildPlan(db, { missionId: mission.id, periodEnd: '2022-12-31' });
    const actor = await createSystemActor(db);
    const rows = Array.from({ length: 250 }, (_, i) => `Initiative ${i},Ottobre,concert,k${i}`);
    const events: TImportProgress[] = [];
    const result = await importInitiatives(db, actor, {
      planId: plan.id,
      file: { name: 'many.csv', data: Buffer.from(`initiative,date,type,key\n${rows.join('\n')}\n`) },
      onProgress: (p) => events.push(p),
    });
    expect(result).toMatchObject({ rows: 250, created: 250, errors: [] });
    const validating = events.filter((e) => e.phase === 'validating');
    const writing = events.filter((e) => e.phase === 'writing');
    expect(validating.map((e) => e.done)).toEqual([0, 100, 200, 250]);
    expect(writing[0]).toEqual({ phase: 'writing', done: 0, total: 250 });
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: 250, total: 250 });
    expect(events.findIndex((e) => e.phase === 'writing')).toBeGreaterThan(
      events.findLastIndex((e) => e.phase === 'validating'),
    );
    const [row] = await db
      .select()
      .from(initiatives)
      .where(and(eq(initiatives.planId, plan.id), eq(initiatives.key, 'k7')));
    expect(row).toMatchObject({ startDate: '2022-10-01', endDate: '2022-10-31', datePrecision: 'month' });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(entry).toMatchObject({ action: 'create', userId: null });
  });
});

describe('findPlanByAcronym', () => {
  it('finds by acronym in any case and lists the plans when it cannot choose', async () => {
    const a = await buildMission(db, { slug: 'aaa-embassy' });
    const b = await buildMission(db, { slug: 'bbb-embassy' });
    await buildPlan(db, { missionId: a.id, acronym: 'SAME' });
    const other = await buildPlan(db, { missionId: b.id, acronym: 'SAME' });
    await expect(findPlanByAcronym(db, { acronym: 'same' })).rejects.toThrow(
      'Several missions have a plan same: add --mission (SAME (aaa-embassy), SAME (bbb-embassy)).',
    );
    expect(await findPlanByAcronym(db, { acronym: 'same', missionSlug: 'bbb-embassy' })).toMatchObject({
      id: other.id,
    });
    await expect(findPlanByAcronym(db, {})).rejects.toThrow(
      /^There are several plans: choose one with --plan/,
    );
    await expect(findPlanByAcronym(db, { acronym: 'NONE' })).rejects.toThrow(
      /^No plan NONE\. The plans are: /,
    );
  });
});
