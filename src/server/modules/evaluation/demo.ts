/**
 * Loads the demo's illustrative final evaluation and logframe texts (demo/tt2050-evaluation.json)
 * for a plan, once: a plan that already has an evaluation or a logframe keeps it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  ZExpectedResult,
  ZLogframeLevelFields,
  ZUpdateEvaluationRequest,
} from '../../../shared/schemas/evaluation.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { writeAudit } from '../missions/index.ts';
import { planEvaluations, planLogframes } from './tables.ts';

export const DEMO_EVALUATION_FILE = fileURLToPath(new URL('./demo/tt2050-evaluation.json', import.meta.url));

const ZDemoEvaluationFile = z.object({
  note: z.string(),
  evaluation: ZUpdateEvaluationRequest.omit({ version: true }),
  logframe: z.object({
    levels: z.record(z.enum(['overall_objective', 'specific_objective', 'activities']), ZLogframeLevelFields),
    expectedResults: z.array(ZExpectedResult),
    preconditions: z.string().nullable(),
  }),
});

/**
 * Writes the illustrative evaluation and logframe of the demo plan in the caller's transaction.
 * @returns whether anything was written
 */
export async function loadEvaluationDemo(
  tx: DbOrTx,
  options: { missionId: string; planId: string; path?: string },
): Promise<boolean> {
  const data = ZDemoEvaluationFile.parse(
    JSON.parse(readFileSync(options.path ?? DEMO_EVALUATION_FILE, 'utf8')),
  );
  const scoped = { missionId: options.missionId, planId: options.planId };
  const evaluation = await tx
    .insert(planEvaluations)
    .values({
      ...scoped,
      criteria: data.evaluation.criteria ?? {},
      conclusions: data.evaluation.conclusions ?? null,
      lessonsLearned: data.evaluation.lessonsLearned ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: planEvaluations.id });
  const logframe = await tx
    .insert(planLogframes)
    .values({ ...scoped, ...data.logframe })
    .onConflictDoNothing()
    .returning({ id: planLogframes.id });
  for (const [entity, rows] of [
    ['plan_evaluation', evaluation],
    ['plan_logframe', logframe],
  ] as const) {
    if (rows[0])
      await writeAudit(tx, {
        actor: null,
        missionId: options.missionId,
        entity,
        entityId: rows[0].id,
        action: 'import',
        after: { note: data.note },
      });
  }
  return evaluation.length > 0 || logframe.length > 0;
}
