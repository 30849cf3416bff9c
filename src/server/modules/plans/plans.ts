/**
 * Plans: scoped reads (with counts and the embedded structure) and the writes (create with the
 * default structure, update, archive), each in one transaction with its audit entry. The
 * structure's own commands are in `plan-structure.ts`.
 */
import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { DEFAULT_FOCUS_AREAS, DEFAULT_VECTORS, PHASE_KINDS } from '../../../shared/enums.ts';
import type {
  TCreatePlanRequest,
  TPlan,
  TPlanListQuery,
  TPlanSummary,
  TUpdatePlanRequest,
} from '../../../shared/schemas/plan.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { archiveVersioned, isUniqueViolation, loadScoped, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { loadVisibleMission, missions, writeAudit } from '../missions/index.ts';
import {
  presentObjective,
  presentPhases,
  presentPlan,
  presentPlanSummary,
  presentProgramme,
  presentStructureItem,
  type TPlanStructure,
} from './present.ts';
import { focusAreas, objectives, phases, plans, programmes, vectors } from './tables.ts';
import { countInitiativesBy } from './usage.ts';

type TPlanRow = typeof plans.$inferSelect;

/** English names of the default structure; each mission renames them as it likes. */
const DEFAULT_NAMES: Record<(typeof DEFAULT_FOCUS_AREAS)[number] | (typeof DEFAULT_VECTORS)[number], string> =
  {
    political_institutional: 'Political and institutional',
    economic_commercial: 'Economic and commercial',
    cultural: 'Cultural',
    cooperation: 'Cooperation',
    innovation: 'Innovation',
    education: 'Education',
  };

export const PLAN_CHANGE_DENIED = 'Only the head of mission and administrators change plans.';

/** Loads a plan the actor can read (archived ones included). @throws 404 */
export async function loadPlan(db: DbOrTx, actor: TActor, id: string): Promise<TPlanRow> {
  return loadScoped(db, plans, id, planPolicy.scope(actor, plans.missionId), 'Plan');
}

/** Loads a plan whose structure the actor may change. @throws 404, 403 */
export async function loadPlanForChange(db: DbOrTx, actor: TActor, id: string): Promise<TPlanRow> {
  const plan = await loadPlan(db, actor, id);
  authorize(planPolicy.canUpdate(actor, plan), PLAN_CHANGE_DENIED);
  return plan;
}

/** The structure of a plan, each list in its display order, with the counts the actor may see. */
export async function loadPlanStructure(db: DbOrTx, actor: TActor, planId: string): Promise<TPlanStructure> {
  // Sequential on purpose: inside a transaction all queries share one connection.
  const objectiveRows = await db
    .select()
    .from(objectives)
    .where(eq(objectives.planId, planId))
    .orderBy(asc(objectives.level), asc(objectives.position), asc(objectives.id));
  const phaseRows = await db.select().from(phases).where(eq(phases.planId, planId));
  const areaRows = await db
    .select()
    .from(focusAreas)
    .where(eq(focusAreas.planId, planId))
    .orderBy(asc(focusAreas.position), asc(focusAreas.name));
  const vectorRows = await db
    .select()
    .from(vectors)
    .where(eq(vectors.planId, planId))
    .orderBy(asc(vectors.position), asc(vectors.name));
  const programmeRows = await db
    .select()
    .from(programmes)
    .where(eq(programmes.planId, planId))
    .orderBy(asc(programmes.name));
  const areaCounts = await countInitiativesBy(
    db,
    actor,
    'focusArea',
    areaRows.map((r) => r.id),
  );
  const vectorCounts = await countInitiativesBy(
    db,
    actor,
    'vector',
    vectorRows.map((r) => r.id),
  );
  const programmeCounts = await countInitiativesBy(
    db,
    actor,
    'programme',
    programmeRows.map((r) => r.id),
  );
  return {
    objectives: objectiveRows.map(presentObjective),
    phases: presentPhases(phaseRows),
    focusAreas: areaRows.map((r) => presentStructureItem(r, areaCounts.get(r.id) ?? 0)),
    vectors: vectorRows.map((r) => presentStructureItem(r, vectorCounts.get(r.id) ?? 0)),
    programmes: programmeRows.map((r) => presentProgramme(r, programmeCounts.get(r.id) ?? 0)),
  };
}

async function presentSummaries(db: DbOrTx, actor: TActor, rows: TPlanRow[]): Promise<TPlanSummary[]> {
  if (rows.length === 0) return [];
  const missionIds = [...new Set(rows.map((r) => r.missionId))];
  const names = await db
    .select({ id: missions.id, name: missions.name })
    .from(missions)
    .where(inArray(missions.id, missionIds));
  const nameOf = new Map(names.map((m) => [m.id, m.name]));
  const counts = await countInitiativesBy(
    db,
    actor,
    'plan',
    rows.map((r) => r.id),
  );
  return rows.map((row) =>
    presentPlanSummary(row, {
      missionName: nameOf.get(row.missionId) ?? '',
      initiativeCount: counts.get(row.id) ?? 0,
    }),
  );
}

async function presentFullPlan(db: DbOrTx, actor: TActor, row: TPlanRow): Promise<TPlan> {
  const [summary] = await presentSummaries(db, actor, [row]);
  return presentPlan(summary!, await loadPlanStructure(db, actor, row.id));
}

/** Plans the actor can see (every member, collaborators included; headquarters sees all), newest first. */
export async function findPlans(db: DbOrTx, actor: TActor, query: TPlanListQuery): Promise<TPlanSummary[]> {
  const where: SQL[] = [planPolicy.scope(actor, plans.missionId)];
  if (query.missionId) where.push(eq(plans.missionId, query.missionId));
  if (!query.includeArchived) where.push(isNull(plans.archivedAt));
  const rows = await db
    .select()
    .from(plans)
    .where(and(...where))
    .orderBy(desc(sql`coalesce(${plans.periodStart}, '0001-01-01')`), asc(plans.title), asc(plans.id));
  return presentSummaries(db, actor, rows);
}

export async function findPlan(db: DbOrTx, actor: TActor, id: string): Promise<TPlan> {
  return presentFullPlan(db, actor, await loadPlan(db, actor, id));
}

const acronymTaken = () =>
  badRequest('The acronym is already used.', [
    { field: 'acronym', message: 'is already used by another plan of this mission' },
  ]);

/** Acronyms are unique per mission, whatever their case, archived plans included. */
async function checkAcronymFree(tx: DbOrTx, missionId: string, acronym: string, exceptPlanId?: string) {
  const [taken] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(
        eq(plans.missionId, missionId),
        sql`upper(${plans.acronym}) = upper(${acronym})`,
        exceptPlanId ? ne(plans.id, exceptPlanId) : undefined,
      ),
    );
  if (taken) throw acronymTaken();
}

/** Runs a plan write, turning a race on the acronym's unique index into the same 400 as the check. */
async function guardAcronym<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw acronymTaken();
    throw error;
  }
}

/** Writes the default structure of a new plan: three focus areas, three vectors, six undated phases. */
async function createDefaultStructure(tx: DbOrTx, plan: { id: string; missionId: string }) {
  const scoped = { missionId: plan.missionId, planId: plan.id };
  await tx
    .insert(focusAreas)
    .values(
      DEFAULT_FOCUS_AREAS.map((key, position) => ({ ...scoped, key, name: DEFAULT_NAMES[key], position })),
    );
  await tx
    .insert(vectors)
    .values(DEFAULT_VECTORS.map((key, position) => ({ ...scoped, key, name: DEFAULT_NAMES[key], position })));
  await tx.insert(phases).values(PHASE_KINDS.map((kind) => ({ ...scoped, kind })));
}

/**
 * Creates a plan with its default structure and, when given, its objectives.
 * @throws 404 unknown mission, 403 not head of mission or administrator, 400 acronym taken.
 */
export async function createPlan(db: Db, actor: TActor, input: TCreatePlanRequest): Promise<TPlan> {
  return guardAcronym(() =>
    db.transaction(async (tx) => {
      const mission = await loadVisibleMission(tx, actor, input.missionId);
      authorize(
        planPolicy.canCreate(actor, mission.id),
        'Only the head of mission and administrators create plans.',
      );
      await checkAcronymFree(tx, mission.id, input.acronym);
      const { missionId, objectives: initialObjectives, ...fields } = input;
      const [row] = await tx
        .insert(plans)
        .values({ ...fields, missionId })
        .returning();
      await createDefaultStructure(tx, row!);
      if (initialObjectives?.length) {
        const positions = { 1: 0, 2: 0 };
        await tx.insert(objectives).values(
          initialObjectives.map((o) => ({
            missionId,
            planId: row!.id,
            level: o.level,
            text: o.text,
            position: positions[o.level]++,
          })),
        );
      }
      const plan = await presentFullPlan(tx, actor, row!);
      await writeAudit(tx, {
        actor,
        missionId,
        entity: 'plan',
        entityId: plan.id,
        action: 'create',
        after: plan,
      });
      return plan;
    }),
  );
}

/**
 * Updates a plan's own fields if `input.version` is still the stored one.
 * @throws 404, 403, 400 (acronym taken, period out of order), 409 when someone else saved first.
 */
export async function updatePlan(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdatePlanRequest,
): Promise<TPlan> {
  return guardAcronym(() =>
    db.transaction(async (tx) => {
      const current = await loadPlanForChange(tx, actor, id);
      const { version, ...fields } = input;
      if (fields.acronym !== undefined) await checkAcronymFree(tx, current.missionId, fields.acronym, id);
      const periodStart = fields.periodStart !== undefined ? fields.periodStart : current.periodStart;
      const periodEnd = fields.periodEnd !== undefined ? fields.periodEnd : current.periodEnd;
      if (periodStart && periodEnd && periodEnd < periodStart) {
        throw badRequest('The period is not valid.', [
          { field: 'periodEnd', message: 'must not be before the start of the period' },
        ]);
      }
      const [before] = await presentSummaries(tx, actor, [current]);
      const row = await updateVersioned(tx, plans, current, version, fields);
      const plan = await presentFullPlan(tx, actor, row);
      const { objectives: _o, phases: _p, focusAreas: _f, vectors: _v, programmes: _g, ...after } = plan;
      await writeAudit(tx, {
        actor,
        missionId: row.missionId,
        entity: 'plan',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return plan;
    }),
  );
}

/** Archives (soft-deletes) a plan: it leaves the lists, its initiatives stay. @throws 404, 403, 409 */
export async function archivePlan(db: Db, actor: TActor, id: string, version?: number): Promise<TPlan> {
  return db.transaction(async (tx) => {
    const current = await loadPlan(tx, actor, id);
    authorize(
      planPolicy.canArchive(actor, current),
      'Only the head of mission and administrators archive plans.',
    );
    const row = await archiveVersioned(tx, plans, current, version);
    const plan = await presentFullPlan(tx, actor, row);
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'plan',
      entityId: id,
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: plan.archivedAt },
    });
    return plan;
  });
}
