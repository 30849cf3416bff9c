/**
 * The plan's portfolio balance (focus areas, vectors, one training per promotion, youth, budget) and its selection settings (score weights, selection rule).
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { TInitiativeStatus } from '../../../shared/enums.ts';
import type {
  TPlanBalance,
  TSelectionSettings,
  TUpdateSelectionSettingsRequest,
} from '../../../shared/schemas/scoring.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { updateVersioned } from '../../platform/records.ts';
import { authorize, fullReadMissionIds } from '../../platform/scope.ts';
import { initiatives, initiativeVectors } from '../initiatives/index.ts';
import { writeAudit } from '../missions/index.ts';
import { focusAreas, loadPlan, PLAN_CHANGE_DENIED, plans, vectors } from '../plans/index.ts';
import { assessPortfolioBalance, type TBalanceItem } from './rules/portfolio-balance.ts';
import {
  aggregateScores,
  applySelectionRule,
  DEFAULT_SELECTION_RULE,
  normaliseWeights,
} from './rules/scoring.ts';
import { loadPlanSettings, loadRoundParts } from './scoring.ts';
import { proposals, proposalVectors, scoringRounds } from './tables.ts';

/** Statuses of an initiative that count as approved in the portfolio. */
const APPROVED_STATUSES: TInitiativeStatus[] = ['approved', 'planned', 'in_preparation', 'done', 'evaluated'];

/**
 * The plan's portfolio balance over its approved initiatives plus the current candidates
 * (proposals in a round whose latest round's results pass the selection rule).
 * @throws 404; 403 for collaborators (they see only their own work).
 */
export async function findPlanBalance(db: DbOrTx, actor: TActor, planId: string): Promise<TPlanBalance> {
  const plan = await loadPlan(db, actor, planId);
  const readers = fullReadMissionIds(actor);
  authorize(
    readers === 'all' || readers.includes(plan.missionId),
    "Collaborators do not see the plan's portfolio balance.",
  );
  const settings = await loadPlanSettings(db, planId);
  const areaRows = await db
    .select({ id: focusAreas.id, key: focusAreas.key, name: focusAreas.name })
    .from(focusAreas)
    .where(eq(focusAreas.planId, planId))
    .orderBy(asc(focusAreas.position), asc(focusAreas.name));
  const vectorRows = await db
    .select({ id: vectors.id, key: vectors.key, name: vectors.name })
    .from(vectors)
    .where(eq(vectors.planId, planId))
    .orderBy(asc(vectors.position), asc(vectors.name));
  const initiativeRows = await db
    .select()
    .from(initiatives)
    .where(
      and(
        eq(initiatives.planId, planId),
        isNull(initiatives.archivedAt),
        inArray(initiatives.status, APPROVED_STATUSES),
      ),
    );
  const initiativeVectorRows = initiativeRows.length
    ? await db
        .select()
        .from(initiativeVectors)
        .where(
          inArray(
            initiativeVectors.initiativeId,
            initiativeRows.map((i) => i.id),
          ),
        )
    : [];
  const items: TBalanceItem[] = initiativeRows.map((i) => ({
    id: i.id,
    title: i.title,
    source: 'initiative',
    type: i.type,
    focusAreaId: i.focusAreaId,
    vectorIds: initiativeVectorRows.filter((v) => v.initiativeId === i.id).map((v) => v.vectorId),
    involvesYouth: i.involvesYouth,
    innovationKind: i.innovationKind,
    cost: i.budget === null ? null : Number(i.budget),
    startDate: i.startDate,
  }));

  // Candidates: proposals still in a round, judged by the latest round that includes them.
  const inRound = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.planId, planId), eq(proposals.status, 'in_round'), isNull(proposals.archivedAt)));
  if (inRound.length) {
    const rounds = await db
      .select({ id: scoringRounds.id })
      .from(scoringRounds)
      .where(eq(scoringRounds.planId, planId))
      .orderBy(desc(scoringRounds.createdAt));
    const parts = await loadRoundParts(
      db,
      rounds.map((r) => r.id),
    );
    const judged = new Set<string>();
    const candidateIds = new Set<string>();
    for (const round of rounds) {
      const proposalIds = parts.proposalRows
        .filter((p) => p.roundId === round.id && !judged.has(p.id))
        .map((p) => p.id);
      for (const aggregate of aggregateScores({
        proposalIds,
        scores: parts.scoreRows.filter((s) => s.score.roundId === round.id).map((s) => s.score),
        weights: settings.weights,
      })) {
        judged.add(aggregate.proposalId);
        if (applySelectionRule({ aggregate, rule: settings.rule }).isCandidate)
          candidateIds.add(aggregate.proposalId);
      }
    }
    const candidates = inRound.filter((p) => candidateIds.has(p.id));
    const candidateVectors = candidates.length
      ? await db
          .select()
          .from(proposalVectors)
          .where(
            inArray(
              proposalVectors.proposalId,
              candidates.map((p) => p.id),
            ),
          )
      : [];
    for (const p of candidates)
      items.push({
        id: p.id,
        title: p.title,
        source: 'candidate',
        type: p.type,
        focusAreaId: p.focusAreaId,
        vectorIds: candidateVectors.filter((v) => v.proposalId === p.id).map((v) => v.vectorId),
        involvesYouth: p.involvesYouth,
        innovationKind: p.innovationKind,
        cost: p.estimatedCost === null ? null : Number(p.estimatedCost),
        startDate: p.startDate,
      });
  }
  const balance = assessPortfolioBalance({
    items,
    focusAreas: areaRows,
    vectors: vectorRows,
    budgetEnvelope: plan.budgetEnvelope === null ? null : Number(plan.budgetEnvelope),
  });
  const { roles, ...rest } = balance;
  return {
    planId,
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      source: i.source,
      type: i.type,
      role: roles[i.id] ?? 'neither',
    })),
    ...rest,
  };
}

function presentSelectionSettings(row: typeof plans.$inferSelect): TSelectionSettings {
  return {
    planId: row.id,
    scoreWeights: normaliseWeights(row.scoreWeights),
    selectionRule: { ...DEFAULT_SELECTION_RULE, ...row.selectionRule },
    hideScoresUntilSubmitted: row.hideScoresUntilSubmitted,
    version: row.version,
  };
}

/** A plan's selection settings (every member who sees the plan). @throws 404 */
export async function findSelectionSettings(
  db: DbOrTx,
  actor: TActor,
  planId: string,
): Promise<TSelectionSettings> {
  return presentSelectionSettings(await loadPlan(db, actor, planId));
}

/**
 * Changes a plan's selection settings (head of mission and administrators); bumps the plan's version.
 * @throws 404, 403, 409 stale version.
 */
export async function updateSelectionSettings(
  db: Db,
  actor: TActor,
  planId: string,
  input: TUpdateSelectionSettingsRequest,
): Promise<TSelectionSettings> {
  return db.transaction(async (tx) => {
    const current = await loadPlan(tx, actor, planId);
    authorize(planPolicy.canUpdate(actor, current), PLAN_CHANGE_DENIED);
    const { version, ...fields } = input;
    const row = await updateVersioned(tx, plans, current, version, fields);
    const before = presentSelectionSettings(current);
    const after = presentSelectionSettings(row);
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'plan',
      entityId: planId,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}
