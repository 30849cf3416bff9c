/**
 * Loads the risk part of the TT2050 demo (`demo/tt2050-risks.json`): the seed's three risks
 * with their analysis, actions and alarm variables, and the fallback alternatives of the
 * initiatives they expose. Idempotent: a plan that already has risks is left alone. Keys are
 * resolved in the database (initiatives by plan, people by mission).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  ALARM_DIRECTIONS,
  DEFAULT_RISK_AREAS,
  IMPACTS,
  LIKELIHOODS,
  RISK_RESPONSES,
} from '../../../shared/enums.ts';
import { ZIsoDate } from '../../../shared/schemas/common.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { initiatives } from '../initiatives/index.ts';
import { writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { alarmObservations, alarmVariableInitiatives, alarmVariables, riskActions, risks } from './tables.ts';

export const DEMO_RISKS_FILE = fileURLToPath(new URL('./demo/tt2050-risks.json', import.meta.url));

const ZRiskDataFile = z.object({
  note: z.string().optional(),
  fallbackAlternatives: z.record(z.string(), z.string()),
  risks: z.array(
    z.object({
      key: z.string(),
      area: z.enum(DEFAULT_RISK_AREAS),
      title: z.string(),
      cause: z.string(),
      event: z.string(),
      consequence: z.string(),
      inherentLikelihood: z.enum(LIKELIHOODS),
      inherentImpact: z.enum(IMPACTS),
      residualLikelihood: z.enum(LIKELIHOODS),
      residualImpact: z.enum(IMPACTS),
      response: z.enum(RISK_RESPONSES),
      owner: z.string(),
      reviewDate: ZIsoDate,
      actions: z.array(
        z.object({ description: z.string(), owner: z.string(), dueDate: ZIsoDate, isDone: z.boolean() }),
      ),
      alarmVariables: z.array(
        z.object({
          metric: z.string(),
          unit: z.string(),
          direction: z.enum(ALARM_DIRECTIONS),
          amberBound: z.number(),
          redBound: z.number(),
          frequencyDays: z.number().int().min(1),
          escalationOwner: z.string(),
          exposedInitiatives: z.array(z.string()),
          observations: z.array(z.object({ observedOn: ZIsoDate, value: z.number(), source: z.string() })),
        }),
      ),
    }),
  ),
});
export type TRiskDataFile = z.infer<typeof ZRiskDataFile>;

export function readRiskDataFile(path = DEMO_RISKS_FILE): TRiskDataFile {
  return ZRiskDataFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * Writes the demo's risks into a plan, in the caller's transaction.
 * @returns how many risks were created (0 when the plan already had some).
 * @throws when a key does not resolve (a broken data file).
 */
export async function loadRiskData(
  tx: DbOrTx,
  options: { missionId: string; planId: string; data?: TRiskDataFile },
): Promise<number> {
  const { missionId, planId } = options;
  const [existing] = await tx.select({ id: risks.id }).from(risks).where(eq(risks.planId, planId)).limit(1);
  if (existing) return 0;
  const data = options.data ?? readRiskDataFile();
  const initiativeRows = await tx
    .select({ id: initiatives.id, key: initiatives.key })
    .from(initiatives)
    .where(eq(initiatives.planId, planId));
  const personRows = await tx
    .select({ id: people.id, key: people.key })
    .from(people)
    .where(eq(people.missionId, missionId));
  const initiativeIds = new Map(initiativeRows.map((r) => [r.key, r.id]));
  const personIds = new Map(personRows.map((r) => [r.key, r.id]));
  const need = (map: Map<string | null, string>, key: string, what: string) => {
    const value = map.get(key);
    if (!value) throw new Error(`Risk data: unknown ${what} "${key}".`);
    return value;
  };
  for (const [key, fallback] of Object.entries(data.fallbackAlternatives))
    await tx
      .update(initiatives)
      .set({ fallbackAlternative: fallback })
      .where(and(eq(initiatives.id, need(initiativeIds, key, 'initiative')), eq(initiatives.planId, planId)));
  for (const r of data.risks) {
    const { key: _k, owner, actions, alarmVariables: variables, ...fields } = r;
    const [risk] = await tx
      .insert(risks)
      .values({ ...fields, missionId, planId, ownerId: need(personIds, owner, 'person') })
      .returning({ id: risks.id });
    if (actions.length)
      await tx.insert(riskActions).values(
        actions.map((a, position) => ({
          missionId,
          riskId: risk!.id,
          description: a.description,
          ownerId: need(personIds, a.owner, 'person'),
          dueDate: a.dueDate,
          doneAt: a.isDone ? a.dueDate : null,
          position,
        })),
      );
    for (const v of variables) {
      const { escalationOwner, exposedInitiatives, observations, ...variableFields } = v;
      const [variable] = await tx
        .insert(alarmVariables)
        .values({
          ...variableFields,
          missionId,
          planId,
          riskId: risk!.id,
          escalationOwnerId: need(personIds, escalationOwner, 'person'),
        })
        .returning({ id: alarmVariables.id });
      if (exposedInitiatives.length)
        await tx.insert(alarmVariableInitiatives).values(
          exposedInitiatives.map((k) => ({
            missionId,
            alarmVariableId: variable!.id,
            initiativeId: need(initiativeIds, k, 'initiative'),
          })),
        );
      if (observations.length)
        await tx
          .insert(alarmObservations)
          .values(observations.map((o) => ({ ...o, missionId, alarmVariableId: variable!.id })));
    }
  }
  await writeAudit(tx, {
    actor: null,
    missionId,
    entity: 'plan',
    entityId: planId,
    action: 'import',
    after: { risks: data.risks.length, note: data.note ?? null },
  });
  return data.risks.length;
}
