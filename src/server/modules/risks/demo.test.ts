import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { loadPlanData } from '../../../../test/helpers/demo.ts';
import { initiatives } from '../initiatives/index.ts';
import { loadRiskData, readRiskDataFile } from './demo.ts';
import { DEFAULT_RISK_MATRIX, findRiskLevel } from './rules/risk-matrix.ts';
import { alarmVariables, riskActions, risks } from './tables.ts';

const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;

describe('the TT2050 demo risks', () => {
  it("carries the seed's three areas, the pandemic the highest, with actions and alarm variables", async () => {
    const { planId, missionId } = await loadPlanData(db);
    const rows = await db.select().from(risks).where(eq(risks.planId, planId));
    expect(rows.map((r) => r.area).sort()).toEqual(['implementation', 'internal_stability', 'pandemic']);
    const levelOf = (area: string) => {
      const r = rows.find((row) => row.area === area)!;
      return findRiskLevel({
        matrix: DEFAULT_RISK_MATRIX,
        likelihood: r.inherentLikelihood,
        impact: r.inherentImpact,
      });
    };
    expect(levelOf('pandemic')).toBe('extreme');
    expect(levelOf('internal_stability')).toBe('low');
    expect(levelOf('implementation')).toBe('low');
    expect((await db.select().from(riskActions).where(eq(riskActions.missionId, missionId))).length).toBe(5);
    expect((await db.select().from(alarmVariables).where(eq(alarmVariables.planId, planId))).length).toBe(4);
    const [gala] = await db.select().from(initiatives).where(eq(initiatives.key, 'meli-gamberoni-concert'));
    expect(gala?.fallbackAlternative).toMatch(/stream/i);

    // Loading again writes nothing.
    expect(await loadRiskData(db, { missionId, planId })).toBe(0);
    expect((await db.select().from(risks).where(eq(risks.planId, planId))).length).toBe(3);
    expect(readRiskDataFile().risks).toHaveLength(3);
  });
});
