/**
 * Scoring rounds: open, close, score, results, and the plan's portfolio balance. Each write is
 * one transaction with its audit entry; the arithmetic is in `domain/scoring.ts` and
 * `domain/portfolio-balance.ts`.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type {
  TOpenRoundRequest,
  TRound,
  TRoundListQuery,
  TRoundResults,
  TRoundSummary,
  TScore,
  TScoreRequest,
} from '../../../shared/schemas/scoring.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, conflict, notFound, type TFieldError } from '../../platform/http/problem.ts';
import { staleVersion } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { memberships, users, writeAudit } from '../missions/index.ts';
import { loadPlan, plans } from '../plans/index.ts';
import { presentScore } from './present-scoring.ts';
import { proposalPolicy } from './proposal-policy.ts';
import { presentProposals } from './proposals.ts';
import { buildRoundResultsWorkbook } from './round-results-xlsx.ts';
import {
  aggregateScores,
  applySelectionRule,
  DEFAULT_SELECTION_RULE,
  normaliseWeights,
} from './rules/scoring.ts';
import { isEvaluatorOf, scoringPolicy } from './scoring-policy.ts';
import { proposals, roundEvaluators, roundProposals, scores, scoringRounds } from './tables.ts';

type TRoundRow = typeof scoringRounds.$inferSelect;
type TPerson = { id: string; name: string };

export const ROUND_DENIED = 'Only the head of mission and administrators open and close scoring rounds.';

/** Loads a round through the actor's scope, with whether the actor is one of its evaluators. @throws 404 */
async function loadRound(
  db: DbOrTx,
  actor: TActor,
  id: string,
): Promise<TRoundRow & { isEvaluator: boolean }> {
  const [row] = await db
    .select({ round: scoringRounds, isEvaluator: isEvaluatorOf(actor.userId) })
    .from(scoringRounds)
    .where(and(eq(scoringRounds.id, id), scoringPolicy.scope(actor)));
  if (!row) throw notFound('Scoring round');
  return { ...row.round, isEvaluator: Boolean(row.isEvaluator) };
}

/** A round's proposals, evaluators and scores (sequential: one connection in a transaction). */
export async function loadRoundParts(db: DbOrTx, roundIds: string[]) {
  if (roundIds.length === 0) return { proposalRows: [], evaluatorRows: [], scoreRows: [] };
  const proposalRows = await db
    .select({
      roundId: roundProposals.roundId,
      id: proposals.id,
      title: proposals.title,
      status: proposals.status,
    })
    .from(roundProposals)
    .innerJoin(proposals, eq(proposals.id, roundProposals.proposalId))
    .where(inArray(roundProposals.roundId, roundIds))
    .orderBy(asc(proposals.title), asc(proposals.id));
  const evaluatorRows = await db
    .select({ roundId: roundEvaluators.roundId, id: users.id, name: users.name })
    .from(roundEvaluators)
    .innerJoin(users, eq(users.id, roundEvaluators.userId))
    .where(inArray(roundEvaluators.roundId, roundIds))
    .orderBy(asc(users.name), asc(users.id));
  const scoreRows = await db
    .select({ score: scores, name: users.name })
    .from(scores)
    .innerJoin(users, eq(users.id, scores.evaluatorId))
    .where(inArray(scores.roundId, roundIds))
    .orderBy(asc(users.name), asc(scores.evaluatorId));
  return { proposalRows, evaluatorRows, scoreRows };
}

type TRoundParts = Awaited<ReturnType<typeof loadRoundParts>>;

function missingOf(roundId: string, parts: TRoundParts) {
  const proposalIds = parts.proposalRows.filter((p) => p.roundId === roundId).map((p) => p.id);
  const scored = new Set(
    parts.scoreRows
      .filter((s) => s.score.roundId === roundId)
      .map((s) => `${s.score.evaluatorId}/${s.score.proposalId}`),
  );
  return parts.evaluatorRows
    .filter((e) => e.roundId === roundId)
    .map((e) => ({
      evaluator: { id: e.id, name: e.name },
      proposalIds: proposalIds.filter((p) => !scored.has(`${e.id}/${p}`)),
    }));
}

function presentRoundSummary(row: TRoundRow, parts: TRoundParts, openedBy: TPerson | null): TRoundSummary {
  const missing = missingOf(row.id, parts);
  return {
    id: row.id,
    missionId: row.missionId,
    planId: row.planId,
    name: row.name,
    deadline: row.deadline,
    status: row.status,
    openedBy,
    closedAt: iso(row.closedAt),
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    proposalCount: parts.proposalRows.filter((p) => p.roundId === row.id).length,
    evaluatorCount: missing.length,
    missingCount: missing.reduce((a, m) => a + m.proposalIds.length, 0),
  };
}

async function openerNames(db: DbOrTx, rows: TRoundRow[]): Promise<Map<string, TPerson>> {
  const ids = [...new Set(rows.map((r) => r.openedBy).filter((v): v is string => !!v))];
  if (ids.length === 0) return new Map();
  const found = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u]));
}

/** Rounds the actor can see (full readers, and the evaluators of each round), newest first. */
export async function findRounds(
  db: DbOrTx,
  actor: TActor,
  query: TRoundListQuery,
): Promise<TRoundSummary[]> {
  const rows = await db
    .select()
    .from(scoringRounds)
    .where(and(scoringPolicy.scope(actor), query.planId ? eq(scoringRounds.planId, query.planId) : undefined))
    .orderBy(desc(scoringRounds.createdAt), asc(scoringRounds.id));
  const parts = await loadRoundParts(
    db,
    rows.map((r) => r.id),
  );
  const openers = await openerNames(db, rows);
  return rows.map((r) =>
    presentRoundSummary(r, parts, r.openedBy ? (openers.get(r.openedBy) ?? null) : null),
  );
}

/** One round: proposals, evaluators, who has not scored yet, and the caller's own scores. @throws 404 */
export async function findRound(db: DbOrTx, actor: TActor, id: string): Promise<TRound> {
  const row = await loadRound(db, actor, id);
  const parts = await loadRoundParts(db, [id]);
  const openers = await openerNames(db, [row]);
  const missing = missingOf(id, parts);
  const proposalCount = parts.proposalRows.length;
  return {
    ...presentRoundSummary(row, parts, row.openedBy ? (openers.get(row.openedBy) ?? null) : null),
    proposals: parts.proposalRows.map((p) => ({ id: p.id, title: p.title, status: p.status })),
    evaluators: missing.map((m) => ({
      ...m.evaluator,
      scoredCount: proposalCount - m.proposalIds.length,
      hasScoredAll: m.proposalIds.length === 0,
    })),
    missing: missing.filter((m) => m.proposalIds.length > 0),
    isEvaluator: row.isEvaluator,
    myScores: parts.scoreRows
      .filter((s) => s.score.evaluatorId === actor.userId)
      .map((s) => presentScore(s.score, { id: s.score.evaluatorId, name: s.name })),
  };
}

/**
 * Opens a round on submitted (or parked) proposals of a plan, with evaluators who are members of
 * the plan's mission. The proposals move to `in_round`: their authors can no longer edit them.
 * @throws 404 plan, 403 not head of mission/admin, 400 proposals or evaluators not valid.
 */
export async function openRound(db: Db, actor: TActor, input: TOpenRoundRequest): Promise<TRound> {
  const id = await db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor, input.planId);
    if (plan.archivedAt) throw notFound('Plan');
    authorize(scoringPolicy.canOpen(actor, plan.missionId), ROUND_DENIED);
    const errors: TFieldError[] = [];
    const proposalIds = [...new Set(input.proposalIds)];
    const found = await tx
      .select({ id: proposals.id, status: proposals.status })
      .from(proposals)
      .where(
        and(
          inArray(proposals.id, proposalIds),
          eq(proposals.planId, plan.id),
          isNull(proposals.archivedAt),
          proposalPolicy.scope(actor),
        ),
      );
    const statusOf = new Map(found.map((p) => [p.id, p.status]));
    proposalIds.forEach((pid, i) => {
      const status = statusOf.get(pid);
      if (!status) errors.push({ field: `proposalIds.${i}`, message: 'is not a proposal of this plan' });
      else if (status !== 'submitted' && status !== 'parked')
        errors.push({
          field: `proposalIds.${i}`,
          message: `is ${status}: only submitted or parked proposals enter a round`,
        });
    });
    const evaluatorIds = [...new Set(input.evaluatorIds)];
    const members = new Set(
      (
        await tx
          .select({ id: memberships.userId })
          .from(memberships)
          .where(and(eq(memberships.missionId, plan.missionId), inArray(memberships.userId, evaluatorIds)))
      ).map((m) => m.id),
    );
    evaluatorIds.forEach((uid, i) => {
      if (!members.has(uid))
        errors.push({ field: `evaluatorIds.${i}`, message: 'is not a member of this mission' });
    });
    if (errors.length) throw badRequest('Some proposals or evaluators are not valid.', errors);
    const [round] = await tx
      .insert(scoringRounds)
      .values({
        missionId: plan.missionId,
        planId: plan.id,
        name: input.name,
        deadline: input.deadline,
        openedBy: actor.userId,
      })
      .returning();
    const scoped = { missionId: plan.missionId, roundId: round!.id };
    await tx.insert(roundProposals).values(proposalIds.map((proposalId) => ({ ...scoped, proposalId })));
    await tx.insert(roundEvaluators).values(evaluatorIds.map((userId) => ({ ...scoped, userId })));
    await tx
      .update(proposals)
      .set({ status: 'in_round', version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(inArray(proposals.id, proposalIds));
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'scoring_round',
      entityId: round!.id,
      action: 'create',
      after: { ...input, proposalIds, evaluatorIds },
    });
    return round!.id;
  });
  return findRound(db, actor, id);
}

/** Closes a round: it accepts no more scores. @throws 404, 403, 409 (stale version or already closed) */
export async function closeRound(db: Db, actor: TActor, id: string, version: number): Promise<TRound> {
  await db.transaction(async (tx) => {
    const current = await loadRound(tx, actor, id);
    authorize(scoringPolicy.canClose(actor, current), ROUND_DENIED);
    if (current.status === 'closed') throw conflict('This round is already closed.');
    if (current.version !== version) throw staleVersion(current.version);
    const [row] = await tx
      .update(scoringRounds)
      .set({
        status: 'closed',
        closedAt: new Date(),
        version: sql`${scoringRounds.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(scoringRounds.id, id), eq(scoringRounds.version, version)))
      .returning();
    if (!row) throw staleVersion(current.version + 1);
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'scoring_round',
      entityId: id,
      action: 'update',
      before: { status: 'open' },
      after: { status: 'closed', closedAt: iso(row.closedAt) },
    });
  });
  return findRound(db, actor, id);
}

/**
 * Records (or replaces) the caller's scores of one proposal in an open round.
 * @throws 404 round or proposal not in it, 403 not a named evaluator, 409 round closed.
 */
export async function submitScore(
  db: Db,
  actor: TActor,
  roundId: string,
  proposalId: string,
  input: TScoreRequest,
): Promise<TScore> {
  return db.transaction(async (tx) => {
    const round = await loadRound(tx, actor, roundId);
    authorize(scoringPolicy.canScore(actor, round), 'Only the evaluators named in this round can score.');
    if (round.status === 'closed') throw conflict('This round is closed: it accepts no more scores.');
    const [inRound] = await tx
      .select({ id: roundProposals.proposalId })
      .from(roundProposals)
      .where(and(eq(roundProposals.roundId, roundId), eq(roundProposals.proposalId, proposalId)));
    if (!inRound) throw notFound('Proposal in this round');
    const [before] = await tx
      .select()
      .from(scores)
      .where(
        and(
          eq(scores.roundId, roundId),
          eq(scores.proposalId, proposalId),
          eq(scores.evaluatorId, actor.userId),
        ),
      );
    const values = { ...input, submittedAt: new Date() };
    const [row] = await tx
      .insert(scores)
      .values({ missionId: round.missionId, roundId, proposalId, evaluatorId: actor.userId, ...values })
      .onConflictDoUpdate({ target: [scores.roundId, scores.proposalId, scores.evaluatorId], set: values })
      .returning();
    const evaluator = { id: actor.userId, name: actor.name };
    const after = presentScore(row!, evaluator);
    await writeAudit(tx, {
      actor,
      missionId: round.missionId,
      entity: 'score',
      entityId: row!.id,
      action: before ? 'update' : 'create',
      before: before ? presentScore(before, evaluator) : undefined,
      after,
    });
    return after;
  });
}

export async function loadPlanSettings(db: DbOrTx, planId: string) {
  const [plan] = await db
    .select({
      scoreWeights: plans.scoreWeights,
      selectionRule: plans.selectionRule,
      hideScoresUntilSubmitted: plans.hideScoresUntilSubmitted,
    })
    .from(plans)
    .where(eq(plans.id, planId));
  if (!plan) throw notFound('Plan');
  return {
    ...plan,
    weights: normaliseWeights(plan.scoreWeights),
    rule: { ...DEFAULT_SELECTION_RULE, ...plan.selectionRule },
  };
}

/**
 * The round's results: per proposal and criterion mean, standard deviation and count, the
 * weighted overall score, the ranking, the disagreement flags, the candidates and the decisions.
 * @throws 404; 403 while the round is open, the plan hides scores until submitted, and the
 * caller is an evaluator who has not scored every proposal of the round (refused rather than
 * redacted: the caller's own scores are on GET /scoring-rounds/{id}).
 */
export async function findRoundResults(db: DbOrTx, actor: TActor, id: string): Promise<TRoundResults> {
  const round = await loadRound(db, actor, id);
  const settings = await loadPlanSettings(db, round.planId);
  const parts = await loadRoundParts(db, [id]);
  const missing = missingOf(id, parts);
  const mine = missing.find((m) => m.evaluator.id === actor.userId);
  authorize(
    scoringPolicy.canSeeResults(actor, {
      status: round.status,
      isEvaluator: round.isEvaluator,
      hasScoredAll: !!mine && mine.proposalIds.length === 0,
      hideScoresUntilSubmitted: settings.hideScoresUntilSubmitted,
    }),
    `Score all ${parts.proposalRows.length} proposals of this round first: until then the others' scores stay hidden (plan setting).`,
  );
  const aggregates = aggregateScores({
    proposalIds: parts.proposalRows.map((p) => p.id),
    scores: parts.scoreRows.map((s) => s.score),
    weights: settings.weights,
  });
  const proposalRows = await db
    .select()
    .from(proposals)
    .where(
      inArray(
        proposals.id,
        parts.proposalRows.map((p) => p.id),
      ),
    );
  const presented = new Map((await presentProposals(db, proposalRows)).map((p) => [p.id, p]));
  return {
    round: { id: round.id, name: round.name, status: round.status },
    weights: settings.weights,
    rule: settings.rule,
    items: aggregates.map((aggregate) => {
      const proposal = presented.get(aggregate.proposalId)!;
      const selection = applySelectionRule({ aggregate, rule: settings.rule });
      return {
        proposal: { id: proposal.id, title: proposal.title, status: proposal.status },
        criteria: aggregate.criteria,
        overall: aggregate.overall,
        rank: aggregate.rank,
        scoreCount: aggregate.scoreCount,
        hasDisagreement: aggregate.hasDisagreement,
        disagreementCriteria: aggregate.disagreementCriteria,
        isCandidate: selection.isCandidate,
        reasons: selection.reasons,
        reasonDetails: selection.details,
        scores: parts.scoreRows
          .filter((s) => s.score.proposalId === aggregate.proposalId)
          .map((s) => presentScore(s.score, { id: s.score.evaluatorId, name: s.name })),
        decision: proposal.decision,
      };
    }),
    missing: missing.filter((m) => m.proposalIds.length > 0),
  };
}

/**
 * The round's results as an XLSX file, under the same rules as {@link findRoundResults}.
 * @throws 404, 403
 */
export async function exportRoundResults(
  db: DbOrTx,
  actor: TActor,
  id: string,
): Promise<{ data: Uint8Array; filename: string; contentType: string }> {
  const results = await findRoundResults(db, actor, id);
  const round = await findRound(db, actor, id);
  const data = await buildRoundResultsWorkbook({ results, evaluators: round.evaluators });
  const slug =
    round.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'round';
  return {
    data,
    filename: `${slug}-results.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}
