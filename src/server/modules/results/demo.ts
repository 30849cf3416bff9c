/**
 * Loads the demo plan's results (demo/tt2050-results.json): indicators with their values,
 * initiative results and social metrics. Idempotent: a plan that already has indicators is
 * left alone, and so is a plan with another acronym. Every row passes the same rules as the API (the AMEC guard included).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  ZCreateIndicatorRequest,
  ZInitiativeResultFields,
  ZSocialSnapshotRequest,
} from '../../../shared/schemas/results.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { people } from '../partners/index.ts';
import { objectives } from '../plans/index.ts';
import { checkIndicatorRules } from './indicators.ts';
import { indicators, indicatorValues, initiativeResults, socialAccounts, socialSnapshots } from './tables.ts';

export const DEMO_RESULTS_FILE = fileURLToPath(new URL('./demo/tt2050-results.json', import.meta.url));

const ZDemoResults = z.object({
  /** The acronym of the plan these results belong to. */
  plan: z.string(),
  indicators: z.array(
    ZCreateIndicatorRequest.omit({
      planId: true,
      objectiveId: true,
      initiativeId: true,
      responsibleId: true,
    }).extend({
      objectiveLevel: z.union([z.literal(1), z.literal(2)]).optional(),
      initiative: z.string().optional(),
      responsible: z.string().optional(),
      values: z.array(
        z.object({
          periodStart: z.string().optional(),
          periodEnd: z.string(),
          value: z.number().nullable(),
          comment: z.string().optional(),
        }),
      ),
    }),
  ),
  initiativeResults: z.array(ZInitiativeResultFields.partial().extend({ initiative: z.string() })),
  socialAccounts: z.array(
    z.object({
      platform: z.enum(['instagram', 'facebook']),
      handle: z.string(),
      snapshots: z.array(ZSocialSnapshotRequest),
    }),
  ),
});

/**
 * Writes the demo results into the plan, inside the caller's transaction.
 * @param scope.initiativeIds initiative id by its `key` in the demo file
 * @throws when the file breaks a rule or names an unknown initiative, objective or person
 */
export async function loadResultsData(
  tx: DbOrTx,
  scope: { missionId: string; planId: string; acronym: string; initiativeIds: Map<string, string> },
  path = DEMO_RESULTS_FILE,
): Promise<void> {
  const { missionId, planId, initiativeIds } = scope;
  const [existing] = await tx
    .select({ id: indicators.id })
    .from(indicators)
    .where(eq(indicators.planId, planId))
    .limit(1);
  if (existing) return;
  const data = ZDemoResults.parse(JSON.parse(readFileSync(path, 'utf8')));
  if (data.plan.toUpperCase() !== scope.acronym.toUpperCase()) return;
  const need = (map: Map<string | number, string>, key: string | number, what: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`Results data: unknown ${what} "${key}".`);
    return id;
  };
  const objectiveRows = await tx
    .select({ id: objectives.id, level: objectives.level })
    .from(objectives)
    .where(eq(objectives.planId, planId))
    .orderBy(asc(objectives.position));
  const objectiveByLevel = new Map<string | number, string>();
  for (const o of objectiveRows) if (!objectiveByLevel.has(o.level)) objectiveByLevel.set(o.level, o.id);
  const personKeys = data.indicators.map((i) => i.responsible).filter((k): k is string => !!k);
  const personRows = personKeys.length
    ? await tx
        .select({ id: people.id, key: people.key })
        .from(people)
        .where(and(eq(people.missionId, missionId), inArray(people.key, personKeys)))
    : [];
  const personIds = new Map<string | number, string>(personRows.map((p) => [p.key ?? '', p.id]));

  for (const item of data.indicators) {
    const errors = checkIndicatorRules({ ...item, unit: item.unit ?? null });
    if (errors.length)
      throw new Error(`Results data: indicator "${item.name}": ${errors[0]!.field} ${errors[0]!.message}`);
    const [row] = await tx
      .insert(indicators)
      .values({
        missionId,
        planId,
        objectiveId: item.objectiveLevel
          ? need(objectiveByLevel, item.objectiveLevel, 'objective level')
          : null,
        initiativeId: item.initiative ? need(initiativeIds, item.initiative, 'initiative') : null,
        name: item.name,
        description: item.description ?? null,
        kind: item.kind,
        amecStage: item.amecStage,
        measure: item.measure,
        isAscending: item.ascending,
        unit: item.unit ?? null,
        baselineValue: item.baseline.value,
        baselineDate: item.baseline.date,
        targetValue: item.target.value,
        targetDate: item.target.date,
        sourceOfVerification: item.sourceOfVerification ?? null,
        collectionFrequency: item.collectionFrequency ?? null,
        responsibleId: item.responsible ? need(personIds, item.responsible, 'person') : null,
      })
      .returning({ id: indicators.id });
    if (item.values.length)
      await tx.insert(indicatorValues).values(
        item.values.map((v) => ({
          missionId,
          indicatorId: row!.id,
          periodStart: v.periodStart ?? null,
          periodEnd: v.periodEnd,
          value: v.value,
          comment: v.comment ?? null,
        })),
      );
  }
  for (const { initiative, ...figures } of data.initiativeResults)
    await tx
      .insert(initiativeResults)
      .values({ missionId, initiativeId: need(initiativeIds, initiative, 'initiative'), ...figures })
      .onConflictDoNothing();
  for (const account of data.socialAccounts) {
    const [row] = await tx
      .insert(socialAccounts)
      .values({ missionId, platform: account.platform, handle: account.handle })
      .onConflictDoNothing()
      .returning({ id: socialAccounts.id });
    if (!row) continue;
    if (account.snapshots.length)
      await tx
        .insert(socialSnapshots)
        .values(
          account.snapshots.map((s) => ({ ...s, missionId, accountId: row.id, month: `${s.month}-01` })),
        );
  }
}
