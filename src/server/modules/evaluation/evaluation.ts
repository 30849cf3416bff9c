/**
 * The final evaluation of a plan: read it (empty until the first save) and save it, versioned
 * and audited. One row per plan; a first save sends version 0.
 */
import { eq } from 'drizzle-orm';
import { DAC_CRITERIA } from '../../../shared/enums.ts';
import type { TPlanEvaluation, TUpdateEvaluationRequest } from '../../../shared/schemas/evaluation.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso } from '../../platform/http/dates.ts';
import { isUniqueViolation, staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { SYSTEM_USER_ID, users, writeAudit } from '../missions/index.ts';
import type { plans } from '../plans/index.ts';
import { loadPlan } from '../plans/index.ts';
import { EVALUATION_CHANGE_DENIED, EVALUATION_READ_DENIED, evaluationPolicy } from './policy.ts';
import { planEvaluations } from './tables.ts';

type TPlanRow = typeof plans.$inferSelect;
type TEvaluationRow = typeof planEvaluations.$inferSelect;

/** Loads a plan whose evaluation, logframe and report the actor may read. @throws 404, 403 */
export async function loadPlanForEvaluation(db: DbOrTx, actor: TActor, planId: string): Promise<TPlanRow> {
  const plan = await loadPlan(db, actor, planId);
  authorize(evaluationPolicy.canRead(actor, plan), EVALUATION_READ_DENIED);
  return plan;
}

/** The stored evaluation row of a plan, if any (no access check: callers load the plan first). */
export async function selectEvaluationRow(db: DbOrTx, planId: string): Promise<TEvaluationRow | null> {
  const [row] = await db.select().from(planEvaluations).where(eq(planEvaluations.planId, planId));
  return row ?? null;
}

function presentEvaluation(
  planId: string,
  row: TEvaluationRow | null,
  extra: { updatedByName: string | null; canEdit: boolean },
): TPlanEvaluation {
  return {
    planId,
    criteria: Object.fromEntries(
      DAC_CRITERIA.map((c) => [
        c,
        { rating: row?.criteria[c]?.rating ?? null, findings: row?.criteria[c]?.findings ?? null },
      ]),
    ) as TPlanEvaluation['criteria'],
    conclusions: row?.conclusions ?? null,
    lessonsLearned: row?.lessonsLearned ?? null,
    version: row?.version ?? 0,
    updatedAt: iso(row?.updatedAt ?? null),
    updatedByName: extra.updatedByName,
    canEdit: extra.canEdit,
  };
}

async function present(db: DbOrTx, actor: TActor, plan: TPlanRow, row: TEvaluationRow | null) {
  let updatedByName: string | null = null;
  if (row?.updatedBy) {
    const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, row.updatedBy));
    updatedByName = user?.name ?? null;
  }
  return presentEvaluation(plan.id, row, { updatedByName, canEdit: evaluationPolicy.canUpdate(actor, plan) });
}

/** The plan's final evaluation (every criterion present, unrated ones null). @throws 404, 403 */
export async function findEvaluation(db: DbOrTx, actor: TActor, planId: string): Promise<TPlanEvaluation> {
  const plan = await loadPlanForEvaluation(db, actor, planId);
  return present(db, actor, plan, await selectEvaluationRow(db, planId));
}

/**
 * Saves the evaluation: the criteria sent replace theirs, the others stay. `version` is 0 for
 * the first save, else the version read.
 * @throws 404, 403 (not head of mission or administrator), 409 when someone saved first.
 */
export async function updateEvaluation(
  db: Db,
  actor: TActor,
  planId: string,
  input: TUpdateEvaluationRequest,
): Promise<TPlanEvaluation> {
  try {
    return await db.transaction(async (tx) => {
      const plan = await loadPlanForEvaluation(tx, actor, planId);
      authorize(evaluationPolicy.canUpdate(actor, plan), EVALUATION_CHANGE_DENIED);
      const current = await selectEvaluationRow(tx, planId);
      const before = current
        ? presentEvaluation(planId, current, { updatedByName: null, canEdit: true })
        : null;
      const criteria = { ...(current?.criteria ?? {}) };
      for (const [criterion, assessment] of Object.entries(input.criteria ?? {})) {
        if (assessment) criteria[criterion as keyof typeof criteria] = assessment;
      }
      const values = {
        criteria,
        ...(input.conclusions !== undefined ? { conclusions: input.conclusions } : {}),
        ...(input.lessonsLearned !== undefined ? { lessonsLearned: input.lessonsLearned } : {}),
        updatedBy: actor.userId === SYSTEM_USER_ID ? null : actor.userId,
      };
      let row: TEvaluationRow;
      if (!current) {
        if (input.version !== 0) throw staleVersion(0);
        [row] = (await tx
          .insert(planEvaluations)
          .values({ missionId: plan.missionId, planId, ...values })
          .returning()) as [TEvaluationRow];
      } else {
        row = await updateVersioned(tx, planEvaluations, current, input.version, values);
      }
      const after = await present(tx, actor, plan, row);
      await writeAudit(tx, {
        actor,
        missionId: plan.missionId,
        entity: 'plan_evaluation',
        entityId: row.id,
        action: current ? 'update' : 'create',
        before,
        after: { ...after, canEdit: undefined, updatedByName: undefined },
      });
      return after;
    });
  } catch (error) {
    // Two first saves at once: the second meets the unique index and learns that one exists.
    if (isUniqueViolation(error)) throw staleVersion(1);
    throw error;
  }
}
