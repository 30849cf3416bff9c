import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import { buildInitiative, buildMission, buildPlan, buildUser } from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';
import { plans } from '../plans/index.ts';
import { scores } from './tables.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let alice: Awaited<ReturnType<typeof buildUser>>;
let bruno: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let outsiderPlan: Awaited<ReturnType<typeof buildPlan>>;

beforeAll(async () => {
  mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id, budgetEnvelope: 20000 });
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  alice = await buildUser(db, { missionId: mission.id, role: 'officer' });
  // An external collaborator can be named an evaluator.
  bruno = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
  outsiderPlan = await buildPlan(db, { missionId: other.id });
});

async function submit(body: Record<string, unknown> = {}, cookie = officer.cookie, planId = plan.id) {
  const res = await call('POST', '/api/proposals', {
    cookie,
    body: { planId, title: `Proposal ${crypto.randomUUID().slice(0, 6)}`, type: 'concert', ...body },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; title: string };
}

async function openRound(proposalIds: string[], evaluatorIds = [alice.id, bruno.id]) {
  const res = await call('POST', '/api/scoring-rounds', {
    cookie: head.cookie,
    body: { planId: plan.id, name: 'Spring round', deadline: '2022-01-31', proposalIds, evaluatorIds },
  });
  expect(res.status).toBe(201);
  return res.json();
}

const score = (cookie: string, roundId: string, proposalId: string, values: Record<string, unknown>) =>
  call('PUT', `/api/scoring-rounds/${roundId}/scores/${proposalId}`, { cookie, body: values });

const values = (relevance: number, effectiveness: number, feasibility: number) => ({
  relevance,
  effectiveness,
  feasibility,
});

describe('POST /api/scoring-rounds', () => {
  it('refuses a caller without a session (401)', async () => {
    expect((await call('POST', '/api/scoring-rounds', { body: {} })).status).toBe(401);
  });

  it('lets only the head of mission or an admin open a round (403)', async () => {
    const p = await submit();
    const res = await call('POST', '/api/scoring-rounds', {
      cookie: officer.cookie,
      body: { planId: plan.id, name: 'Mine', proposalIds: [p.id], evaluatorIds: [alice.id] },
    });
    expect(res.status).toBe(403);
  });

  it('refuses a plan of another mission (404)', async () => {
    const p = await submit();
    const res = await call('POST', '/api/scoring-rounds', {
      cookie: outsider.cookie,
      body: { planId: plan.id, name: 'Theirs', proposalIds: [p.id], evaluatorIds: [outsider.id] },
    });
    expect(res.status).toBe(404);
  });

  it('names evaluators who are not members and proposals that cannot enter (400)', async () => {
    const p = await submit();
    const draft = await submit({ status: 'draft' }, head.cookie);
    const foreign = await submit({}, outsider.cookie, outsiderPlan.id);
    const res = await call('POST', '/api/scoring-rounds', {
      cookie: head.cookie,
      body: {
        planId: plan.id,
        name: 'Bad',
        proposalIds: [p.id, draft.id, foreign.id],
        evaluatorIds: [alice.id, outsider.id],
      },
    });
    expect(res.status).toBe(400);
    const errors = (await res.json()).errors;
    expect(errors.map((e: { field: string }) => e.field)).toEqual([
      'proposalIds.1',
      'proposalIds.2',
      'evaluatorIds.1',
    ]);
    expect(errors[0].message).toContain('draft');
    const empty = await call('POST', '/api/scoring-rounds', {
      cookie: head.cookie,
      body: { planId: plan.id, name: 'Empty', proposalIds: [], evaluatorIds: [] },
    });
    expect(empty.status).toBe(400);
  });
});

describe('a round from scoring to results', () => {
  let round: { id: string; version: number };
  let strong: { id: string };
  let split: { id: string };

  beforeAll(async () => {
    strong = await submit({
      title: 'Strong',
      type: 'fashion_show',
      estimatedCost: 15000,
      involvesYouth: true,
    });
    split = await submit({ title: 'Split' });
    round = await openRound([strong.id, split.id]);
  });

  it('shows who has not scored yet', async () => {
    const res = await call('GET', `/api/scoring-rounds/${round.id}`, { cookie: head.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('open');
    expect(body.proposals.map((p: { status: string }) => p.status)).toEqual(['in_round', 'in_round']);
    expect(body.missingCount).toBe(4);
    expect(body.missing.map((m: { evaluator: { id: string } }) => m.evaluator.id).sort()).toEqual(
      [alice.id, bruno.id].sort(),
    );
  });

  it('lets only named evaluators score (403), and hides rounds from other collaborators (404)', async () => {
    expect((await score(officer.cookie, round.id, strong.id, values(5, 5, 5))).status).toBe(403);
    expect((await score(collaborator.cookie, round.id, strong.id, values(5, 5, 5))).status).toBe(404);
    expect(
      (await call('GET', `/api/scoring-rounds/${round.id}`, { cookie: collaborator.cookie })).status,
    ).toBe(404);
    expect((await score(outsider.cookie, round.id, strong.id, values(5, 5, 5))).status).toBe(404);
  });

  it('refuses scores outside 1–5, naming the field (400)', async () => {
    const zero = await score(alice.cookie, round.id, strong.id, values(0, 3, 3));
    expect(zero.status).toBe(400);
    expect((await zero.json()).errors).toEqual([
      { field: 'relevance', message: 'must be a whole number from 1 to 5' },
    ]);
    const six = await score(alice.cookie, round.id, strong.id, values(3, 3, 6));
    expect(six.status).toBe(400);
    expect((await six.json()).errors.map((e: { field: string }) => e.field)).toEqual(['feasibility']);
  });

  it('updates the first score when an evaluator scores twice', async () => {
    expect((await score(alice.cookie, round.id, strong.id, values(3, 3, 3))).status).toBe(200);
    const again = await score(alice.cookie, round.id, strong.id, {
      ...values(5, 4, 4),
      relevanceComment: 'Exactly what the partners asked for',
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({
      relevance: 5,
      relevanceComment: 'Exactly what the partners asked for',
    });
    const rows = await db
      .select()
      .from(scores)
      .where(and(eq(scores.roundId, round.id), eq(scores.proposalId, strong.id)));
    expect(rows).toHaveLength(1);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'score'), eq(auditLog.entityId, rows[0]!.id)));
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it("hides the others' scores from an evaluator who has not scored everything (403)", async () => {
    const res = await call('GET', `/api/scoring-rounds/${round.id}/results`, { cookie: alice.cookie });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toContain('Score all 2 proposals');
    // A reader who is not an evaluator is not anchored.
    expect(
      (await call('GET', `/api/scoring-rounds/${round.id}/results`, { cookie: officer.cookie })).status,
    ).toBe(200);
  });

  it('aggregates, ranks, flags disagreement and marks candidates', async () => {
    expect((await score(alice.cookie, round.id, split.id, values(1, 3, 3))).status).toBe(200);
    expect((await score(bruno.cookie, round.id, strong.id, values(4, 4, 5))).status).toBe(200);
    expect((await score(bruno.cookie, round.id, split.id, values(5, 3, 3))).status).toBe(200);
    const res = await call('GET', `/api/scoring-rounds/${round.id}/results`, { cookie: alice.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.weights).toEqual({ relevance: 1, effectiveness: 1, feasibility: 1 });
    expect(body.missing).toEqual([]);
    const [first, second] = body.items;
    expect(first).toMatchObject({
      proposal: { id: strong.id },
      rank: 1,
      criteria: { relevance: { mean: 4.5, stdDev: 0.5, count: 2 } },
      isCandidate: true,
      hasDisagreement: false,
    });
    expect(first.overall).toBeCloseTo((4.5 + 4 + 4.5) / 3);
    expect(first.scores).toHaveLength(2);
    expect(second).toMatchObject({
      proposal: { id: split.id },
      rank: 2,
      criteria: { relevance: { mean: 3, stdDev: 2, count: 2 } },
      disagreementCriteria: ['relevance'],
      hasDisagreement: true,
      isCandidate: false,
      reasons: ['overall 3.00 is below 3.5'],
      reasonDetails: [
        { code: 'overall_below', params: { value: 3, min: 3.5 }, text: 'overall 3.00 is below 3.5' },
      ],
    });
    expect(first.reasonDetails).toEqual([]);
  });

  it('weights with the plan settings', async () => {
    await db
      .update(plans)
      .set({ scoreWeights: { relevance: 2, effectiveness: 1, feasibility: 1 } })
      .where(eq(plans.id, plan.id));
    const body = await (
      await call('GET', `/api/scoring-rounds/${round.id}/results`, { cookie: head.cookie })
    ).json();
    expect(body.items[0].overall).toBeCloseTo((2 * 4.5 + 4 + 4.5) / 4);
    await db
      .update(plans)
      .set({ scoreWeights: { relevance: 1, effectiveness: 1, feasibility: 1 } })
      .where(eq(plans.id, plan.id));
  });

  it('counts the candidates in the plan balance with the approved initiatives', async () => {
    await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Approved workshop',
      type: 'workshop',
      status: 'approved',
      budget: 8000,
    });
    await buildInitiative(db, {
      missionId: mission.id,
      planId: plan.id,
      title: 'Only proposed',
      status: 'proposed',
    });
    expect((await call('GET', `/api/plans/${plan.id}/balance`)).status).toBe(401);
    expect((await call('GET', `/api/plans/${plan.id}/balance`, { cookie: collaborator.cookie })).status).toBe(
      403,
    );
    expect((await call('GET', `/api/plans/${plan.id}/balance`, { cookie: outsider.cookie })).status).toBe(
      404,
    );
    const res = await call('GET', `/api/plans/${plan.id}/balance`, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(
      body.items
        .map((i: { title: string; source: string; role: string }) => [i.title, i.source, i.role])
        .sort(),
    ).toEqual([
      ['Approved workshop', 'initiative', 'training'],
      ['Strong', 'candidate', 'promotion'],
    ]);
    expect(body.pairing.pairs).toHaveLength(1);
    expect(body.cost).toMatchObject({ total: 23000, envelope: 20000, isOverBudget: true });
    expect(body.warnings.map((w: { code: string }) => w.code)).toContain('over_budget');
  });

  it('closes with versions: only the head of mission (403), stale version (409), then no more scores (409)', async () => {
    const byOfficer = await call('POST', `/api/scoring-rounds/${round.id}/close`, {
      cookie: officer.cookie,
      body: { version: round.version },
    });
    expect(byOfficer.status).toBe(403);
    const stale = await call('POST', `/api/scoring-rounds/${round.id}/close`, {
      cookie: head.cookie,
      body: { version: round.version + 5 },
    });
    expect(stale.status).toBe(409);
    const closed = await call('POST', `/api/scoring-rounds/${round.id}/close`, {
      cookie: head.cookie,
      body: { version: round.version },
    });
    expect(closed.status).toBe(200);
    expect((await closed.json()).status).toBe('closed');
    const late = await score(alice.cookie, round.id, strong.id, values(1, 1, 1));
    expect(late.status).toBe(409);
    expect((await late.json()).detail).toContain('closed');
    const list = await (
      await call('GET', `/api/scoring-rounds?planId=${plan.id}`, { cookie: bruno.cookie })
    ).json();
    expect(list.items.map((r: { id: string }) => r.id)).toContain(round.id);
  });

  it('records the decision on the results and links it to the round', async () => {
    const res = await call('POST', `/api/proposals/${strong.id}/decisions`, {
      cookie: head.cookie,
      body: { outcome: 'approved', reason: 'Best ranked, feasible with partners' },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).decision.roundId).toBe(round.id);
    const body = await (
      await call('GET', `/api/scoring-rounds/${round.id}/results`, { cookie: head.cookie })
    ).json();
    expect(body.items[0].decision).toMatchObject({ outcome: 'approved' });
  });

  it('exports the results as XLSX: a column per criterion per evaluator, then the statistics and the decision', async () => {
    expect((await call('GET', `/api/scoring-rounds/${round.id}/results.xlsx`)).status).toBe(401);
    const res = await call('GET', `/api/scoring-rounds/${round.id}/results.xlsx`, { cookie: head.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('spring-round-results.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      Buffer.from(await res.arrayBuffer()) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const sheet = workbook.getWorksheet('Results')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toHaveLength(2 + 2 * 3 + 3 * 3 + 5);
    expect(header.slice(-5)).toEqual(['overall', 'disagreement', 'candidate', 'decision', 'reason']);
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(first[0]).toBe(1);
    expect(first[1]).toBe('Strong');
    expect(first.slice(-3)).toEqual(['yes', 'approved', 'Best ranked, feasible with partners']);
    expect(sheet.rowCount).toBe(3);
  });
});

describe('/api/plans/{id}/selection-settings', () => {
  it('reads the defaults, refuses officers (403), bad values (400) and stale versions (409)', async () => {
    const own = await buildPlan(db, { missionId: mission.id });
    const url = `/api/plans/${own.id}/selection-settings`;
    const read = await call('GET', url, { cookie: officer.cookie });
    expect(await read.json()).toEqual({
      planId: own.id,
      scoreWeights: { relevance: 1, effectiveness: 1, feasibility: 1 },
      selectionRule: { minCriterionMean: 3, minOverall: 3.5 },
      hideScoresUntilSubmitted: true,
      version: 1,
    });
    expect((await call('GET', url, { cookie: outsider.cookie })).status).toBe(404);
    expect((await call('PUT', url, { cookie: officer.cookie, body: { version: 1 } })).status).toBe(403);
    const bad = await call('PUT', url, {
      cookie: head.cookie,
      body: {
        version: 1,
        scoreWeights: { relevance: 0, effectiveness: 0, feasibility: 0 },
        selectionRule: { minCriterionMean: 6, minOverall: 3 },
      },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'scoreWeights',
      'selectionRule.minCriterionMean',
    ]);
    const ok = await call('PUT', url, {
      cookie: head.cookie,
      body: { version: 1, selectionRule: { minCriterionMean: 2.5, minOverall: 3 } },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      selectionRule: { minCriterionMean: 2.5, minOverall: 3 },
      version: 2,
    });
    expect((await call('PUT', url, { cookie: head.cookie, body: { version: 1 } })).status).toBe(409);
  });

  it('lets an evaluator see the results at once when the plan does not hide them', async () => {
    const p = await submit();
    const round = await openRound([p.id], [alice.id]);
    expect(
      (await call('GET', `/api/scoring-rounds/${round.id}/results`, { cookie: alice.cookie })).status,
    ).toBe(403);
    const url = `/api/plans/${plan.id}/selection-settings`;
    const { version } = await (await call('GET', url, { cookie: head.cookie })).json();
    const off = await call('PUT', url, {
      cookie: head.cookie,
      body: { version, hideScoresUntilSubmitted: false },
    });
    expect(off.status).toBe(200);
    expect(
      (await call('GET', `/api/scoring-rounds/${round.id}/results`, { cookie: alice.cookie })).status,
    ).toBe(200);
    await db.update(plans).set({ hideScoresUntilSubmitted: true }).where(eq(plans.id, plan.id));
  });
});
