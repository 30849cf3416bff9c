import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import { aggregateScores, applySelectionRule } from '../modules/selection/index.ts';
import {
  decisions,
  initiativePartners,
  initiatives,
  organisations,
  phases,
  plans,
  proposals,
  scores,
  scoringRounds,
} from '../schema.ts';
import { loadPlanData, readPlanDataFile } from './load-demo.ts';

const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;

describe('the TT2050 demo plan', () => {
  const data = readPlanDataFile();

  it('transcribes Annex 1: 30 initiatives, three of them in May 2022', () => {
    expect(data.plan.acronym).toBe('TT2050');
    expect(data.initiatives).toHaveLength(30);
    const may = data.initiatives.filter((i) => i.startDate! <= '2022-05-31' && i.endDate! >= '2022-05-01');
    expect(may.map((i) => i.key).every((k) => k.includes('marzadori'))).toBe(true);
    expect(may).toHaveLength(3);
    expect(data.plan.phases.map((p) => p.kind)).toEqual([
      'programming',
      'identification',
      'formulation',
      'financing',
      'implementation',
      'evaluation',
    ]);
    expect(
      data.organisations
        .filter((o) => o.isNewActor)
        .map((o) => o.newActorStatus)
        .sort(),
    ).toEqual(['constituted', 'in_constitution', 'operating']);
  });

  it('loads once; loading again changes nothing', async () => {
    const first = await loadPlanData(db, data);
    expect(first.isCreated).toBe(true);
    const count = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(initiatives)
          .where(eq(initiatives.planId, first.planId))
      )[0]!.n;
    expect(await count()).toBe(30);
    const second = await loadPlanData(db, data);
    expect(second).toMatchObject({ isCreated: false, planId: first.planId });
    expect(await count()).toBe(30);
    const orgs = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(organisations)
      .where(eq(organisations.missionId, first.missionId));
    expect(orgs[0]!.n).toBe(data.organisations.length);
  });

  it('links the embassy as organiser of every initiative and keeps the six phases', async () => {
    const [plan] = await db.select({ id: phases.planId }).from(phases).limit(1);
    const rows = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(initiativePartners)
      .innerJoin(organisations, eq(organisations.id, initiativePartners.organisationId))
      .where(and(eq(organisations.key, 'embassy-it-astana'), eq(initiativePartners.role, 'organiser')));
    expect(rows[0]!.n).toBe(30);
    expect(await db.select().from(phases).where(eq(phases.planId, plan!.id))).toHaveLength(6);
  });

  it('adds a closed round with illustrative scores, approvals linked to Annex 1, and open proposals', async () => {
    expect(data.selection?.note).toMatch(/^ILLUSTRATIVE/);
    const [plan] = await db.select({ id: plans.id }).from(plans).where(eq(plans.acronym, 'TT2050'));
    const [round] = await db.select().from(scoringRounds).where(eq(scoringRounds.planId, plan!.id));
    expect(round).toMatchObject({ status: 'closed' });
    expect(round!.name).toContain('illustrative');
    const scoreRows = await db.select().from(scores).where(eq(scores.roundId, round!.id));
    expect(scoreRows).toHaveLength(15);
    const proposalRows = await db.select().from(proposals).where(eq(proposals.planId, plan!.id));
    expect(proposalRows.filter((p) => p.status === 'submitted')).toHaveLength(2);
    const approved = await db
      .select({ title: initiatives.title, status: initiatives.status })
      .from(decisions)
      .innerJoin(initiatives, eq(initiatives.id, decisions.initiativeId))
      .where(eq(decisions.outcome, 'approved'));
    expect(approved).toHaveLength(3);
    // The illustrative scores agree with the illustrative decisions: the approved are candidates.
    const ids = [...new Set(scoreRows.map((s) => s.proposalId))];
    const candidates = aggregateScores({ proposalIds: ids, scores: scoreRows })
      .filter((aggregate) => applySelectionRule({ aggregate }).isCandidate)
      .map((a) => proposalRows.find((p) => p.id === a.proposalId)!.status);
    expect(candidates).toEqual(['approved', 'approved', 'approved']);
  });
});
