/**
 * Loads a plan data file (the TT2050 demo) into the database. Loading is idempotent: when the
 * mission already has a plan with that acronym, nothing is written.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, sql } from 'drizzle-orm';
import { normaliseDates } from '../../shared/dates.ts';
import { type TPlanDataFile, ZPlanDataFile } from '../../shared/schemas/demo.ts';
import { loadBilateralDemo } from '../modules/bilateral/index.ts';
import { loadCommunicationData, loadCommunicationDemo } from '../modules/communication/index.ts';
import { loadEvaluationDemo } from '../modules/evaluation/index.ts';
import { writeAudit } from '../modules/missions/index.ts';
import { loadMonitoringDemo } from '../modules/monitoring/index.ts';
import { loadPressDemo } from '../modules/press/index.ts';
import { loadResultsData } from '../modules/results/index.ts';
import { loadRiskData } from '../modules/risks/index.ts';
import { loadSelectionData } from '../modules/selection/index.ts';
import type { Db } from '../platform/db/client.ts';
import {
  focusAreas,
  initiativeDelegates,
  initiativePartners,
  initiatives,
  initiativeVectors,
  missions,
  objectives,
  organisations,
  people,
  phases,
  plans,
  programmes,
  vectors,
} from '../schema.ts';

export const DEMO_FILE = fileURLToPath(new URL('../../../demo/tt2050.json', import.meta.url));

export function readPlanDataFile(path = DEMO_FILE): TPlanDataFile {
  return ZPlanDataFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

export interface TLoadResult {
  missionId: string;
  planId: string;
  isCreated: boolean;
  counts: { initiatives: number; organisations: number; people: number };
}

/** Writes the data file in one transaction; returns the ids, and whether anything was created. */
export async function loadPlanData(db: Db, data: TPlanDataFile = readPlanDataFile()): Promise<TLoadResult> {
  return db.transaction(async (tx) => {
    let [mission] = await tx.select().from(missions).where(eq(missions.slug, data.mission.slug));
    if (!mission) {
      [mission] = await tx
        .insert(missions)
        .values({ ...data.mission, hostCountry: data.mission.hostCountry ?? null })
        .returning();
      await writeAudit(tx, {
        actor: null,
        missionId: mission!.id,
        entity: 'mission',
        entityId: mission!.id,
        action: 'import',
        after: data.mission,
      });
    }
    const missionId = mission!.id;
    const [existing] = await tx
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.missionId, missionId), sql`upper(${plans.acronym}) = upper(${data.plan.acronym})`));
    const counts = {
      initiatives: data.initiatives.length,
      organisations: data.organisations.length,
      people: data.people.length,
    };
    if (existing) return { missionId, planId: existing.id, isCreated: false, counts };

    const { objectives: planObjectives, phases: planPhases, ...planFields } = data.plan;
    const [plan] = await tx
      .insert(plans)
      .values({ ...planFields, missionId })
      .returning();
    const planId = plan!.id;
    const scoped = { missionId, planId };
    if (planObjectives.length)
      await tx
        .insert(objectives)
        .values(planObjectives.map((o, position) => ({ ...scoped, ...o, position })));
    if (planPhases.length) await tx.insert(phases).values(planPhases.map((p) => ({ ...scoped, ...p })));
    const structure = async (
      table: typeof focusAreas | typeof vectors,
      items: TPlanDataFile['focusAreas'],
    ) => {
      const values = items.map((i, position) => ({
        ...scoped,
        key: i.key,
        name: i.name,
        description: i.description ?? null,
        position,
      }));
      const rows = await (table === focusAreas
        ? tx.insert(focusAreas).values(values).returning({ id: focusAreas.id, key: focusAreas.key })
        : tx.insert(vectors).values(values).returning({ id: vectors.id, key: vectors.key }));
      return new Map(rows.map((r) => [r.key, r.id]));
    };
    const focusIds = await structure(focusAreas, data.focusAreas);
    const vectorIds = await structure(vectors, data.vectors);
    const programmeIds = new Map(
      data.programmes.length
        ? (
            await tx
              .insert(programmes)
              .values(
                data.programmes.map((p) => ({
                  ...scoped,
                  ...p,
                  hashtag: p.hashtag ?? null,
                  description: p.description ?? null,
                })),
              )
              .returning({ id: programmes.id, key: programmes.key })
          ).map((r) => [r.key, r.id])
        : [],
    );

    // Organisations and people are the mission's: reuse those already there (same key).
    const orgIds = new Map<string, string>();
    for (const o of data.organisations) {
      const [row] = await tx
        .insert(organisations)
        .values({ ...o, missionId, newActorStatus: o.newActorStatus ?? null })
        .onConflictDoUpdate({
          target: [organisations.missionId, organisations.key],
          set: { name: sql`excluded.name` },
        })
        .returning({ id: organisations.id });
      orgIds.set(o.key, row!.id);
    }
    const personIds = new Map<string, string>();
    for (const p of data.people) {
      const [row] = await tx
        .insert(people)
        .values({ ...p, missionId })
        .onConflictDoUpdate({
          target: [people.missionId, people.key],
          set: { fullName: sql`excluded.full_name` },
        })
        .returning({ id: people.id });
      personIds.set(p.key, row!.id);
    }

    const need = (map: Map<string, string>, key: string, what: string) => {
      const value = map.get(key);
      if (!value) throw new Error(`Plan data: unknown ${what} "${key}".`);
      return value;
    };
    const initiativeIds = new Map<string, string>();
    for (const i of data.initiatives) {
      const dates = normaliseDates(i);
      const [row] = await tx
        .insert(initiatives)
        .values({
          ...scoped,
          key: i.key,
          title: i.title,
          summary: i.summary ?? null,
          type: i.type,
          status: i.status,
          datePrecision: i.datePrecision,
          ...dates,
          cities: i.cities,
          venues: i.venues,
          focusAreaId: i.focusArea ? need(focusIds, i.focusArea, 'focus area') : null,
          programmeId: i.programme ? need(programmeIds, i.programme, 'programme') : null,
          innovationKind: i.innovationKind,
          involvesYouth: i.involvesYouth,
          objectives: i.objectives ?? null,
          keyMessages: i.keyMessages ?? null,
          targetAudiences: i.targetAudiences ?? null,
          results: i.results ?? null,
          mediaReflection: i.mediaReflection,
          importance: i.importance,
          ownerId: i.owner ? need(personIds, i.owner, 'person') : null,
        })
        .returning({ id: initiatives.id });
      const initiativeId = row!.id;
      initiativeIds.set(i.key, initiativeId);
      if (i.vectors.length)
        await tx
          .insert(initiativeVectors)
          .values(
            i.vectors.map((v) => ({ missionId, initiativeId, vectorId: need(vectorIds, v, 'vector') })),
          );
      if (i.partners.length)
        await tx
          .insert(initiativePartners)
          .values(
            i.partners.map((p) => ({
              missionId,
              initiativeId,
              organisationId: need(orgIds, p.organisation, 'organisation'),
              role: p.role,
            })),
          )
          .onConflictDoNothing();
      if (i.delegates.length)
        await tx
          .insert(initiativeDelegates)
          .values(
            i.delegates.map((d) => ({ missionId, initiativeId, personId: need(personIds, d, 'person') })),
          )
          .onConflictDoNothing();
    }
    await writeAudit(tx, {
      actor: null,
      missionId,
      entity: 'plan',
      entityId: planId,
      action: 'import',
      after: { acronym: data.plan.acronym, ...counts },
    });
    if (data.selection)
      await loadSelectionData(tx, {
        missionId,
        planId,
        selection: data.selection,
        focusIds,
        vectorIds,
        initiativeIds,
      });
    if (data.plan.acronym === 'TT2050') await loadEvaluationDemo(tx, { missionId, planId });
    await loadResultsData(tx, { missionId, planId, acronym: data.plan.acronym, initiativeIds });
    await loadMonitoringDemo(tx, { missionId, planId, acronym: data.plan.acronym });
    await loadRiskData(tx, { missionId, planId });
    await loadCommunicationDemo(tx, scoped);
    await loadCommunicationData(tx, { missionId, planId });
    await loadPressDemo(tx, { missionId });
    await loadBilateralDemo(tx, { missionId });
    return { missionId, planId, isCreated: true, counts };
  });
}
