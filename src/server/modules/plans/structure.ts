/**
 * A plan's structure: objectives, phases, focus areas, vectors and programmes. Only the head of
 * mission and administrators change it (`planPolicy.canUpdate`); every member reads it.
 * Objectives, focus areas and vectors have no version (the last write wins); programmes have one.
 * Structure records are deleted, not archived; one still used by an initiative is kept.
 */
import { and, asc, eq, max, type SQL } from 'drizzle-orm';
import type { TPhaseKind } from '../../../shared/enums.ts';
import type {
  TCreateObjectiveRequest,
  TCreateProgrammeRequest,
  TCreateStructureItemRequest,
  TObjective,
  TPhase,
  TProgramme,
  TStructureItem,
  TUpdateObjectiveRequest,
  TUpdatePhaseRequest,
  TUpdateProgrammeRequest,
  TUpdateStructureItemRequest,
} from '../../../shared/schemas/plan.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, conflict } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { loadScoped, staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { writeAudit } from '../missions/index.ts';
import { loadPlan, loadPlanForChange, PLAN_CHANGE_DENIED } from './plans.ts';
import { presentObjective, presentPhases, presentProgramme, presentStructureItem } from './present.ts';
import { focusAreas, objectives, phases, programmes, vectors } from './tables.ts';
import { countInitiativesBy, countInitiativesUsing } from './usage.ts';

/** Loads a structure record through the plan scope and checks that the actor may change it. */
async function loadForChange<
  T extends typeof objectives | typeof focusAreas | typeof vectors | typeof programmes,
>(tx: DbOrTx, actor: TActor, table: T, id: string, what: string): Promise<T['$inferSelect']> {
  const row = await loadScoped(tx, table, id, planPolicy.scope(actor, table.missionId), what);
  authorize(planPolicy.canUpdate(actor, row), PLAN_CHANGE_DENIED);
  return row;
}

/** Refuses to delete a record that initiatives (not archived) still use. */
function refuseWhileUsed(used: number, what: string) {
  if (used > 0) {
    throw conflict(
      `${used} initiative(s) use this ${what}: move them elsewhere first, or rename the ${what} instead.`,
    );
  }
}

/** A request that changes nothing (the database refuses an empty SET). */
const isEmpty = (input: object) => Object.keys(input).length === 0;

/** The position after the last one among the rows matching `where`. */
async function nextPosition(
  tx: DbOrTx,
  table: typeof objectives | typeof focusAreas,
  where: SQL | undefined,
) {
  const [row] = await tx
    .select({ last: max(table.position) })
    .from(table)
    .where(where);
  return row?.last == null ? 0 : Number(row.last) + 1;
}

// ——— Objectives ———

export async function findObjectives(db: DbOrTx, actor: TActor, planId: string): Promise<TObjective[]> {
  await loadPlan(db, actor, planId);
  const rows = await db
    .select()
    .from(objectives)
    .where(eq(objectives.planId, planId))
    .orderBy(asc(objectives.level), asc(objectives.position), asc(objectives.id));
  return rows.map(presentObjective);
}

/** Adds an objective, at the end of its level unless a position is given. @throws 404, 403 */
export async function createObjective(
  db: Db,
  actor: TActor,
  planId: string,
  input: TCreateObjectiveRequest,
): Promise<TObjective> {
  return db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, actor, planId);
    const position =
      input.position ??
      (await nextPosition(
        tx,
        objectives,
        and(eq(objectives.planId, planId), eq(objectives.level, input.level)),
      ));
    const [row] = await tx
      .insert(objectives)
      .values({ missionId: plan.missionId, planId, level: input.level, text: input.text, position })
      .returning();
    const objective = presentObjective(row!);
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'objective',
      entityId: objective.id,
      action: 'create',
      after: objective,
    });
    return objective;
  });
}

export async function updateObjective(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateObjectiveRequest,
): Promise<TObjective> {
  return db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, objectives, id, 'Objective');
    if (isEmpty(input)) return presentObjective(current);
    const [row] = await tx.update(objectives).set(input).where(eq(objectives.id, id)).returning();
    const after = presentObjective(row!);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'objective',
      entityId: id,
      action: 'update',
      before: presentObjective(current),
      after,
    });
    return after;
  });
}

export async function deleteObjective(db: Db, actor: TActor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, objectives, id, 'Objective');
    await tx.delete(objectives).where(eq(objectives.id, id));
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'objective',
      entityId: id,
      action: 'delete',
      before: presentObjective(current),
    });
  });
}

// ——— Phases ———

/** Sets the dates of one phase of the project cycle (creating its row if the plan has none yet). */
export async function updatePhase(
  db: Db,
  actor: TActor,
  planId: string,
  kind: TPhaseKind,
  input: TUpdatePhaseRequest,
): Promise<TPhase> {
  return db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, actor, planId);
    const existing = await tx
      .select()
      .from(phases)
      .where(and(eq(phases.planId, planId), eq(phases.kind, kind)));
    const [row] = await tx
      .insert(phases)
      .values({ missionId: plan.missionId, planId, kind, startDate: input.startDate, endDate: input.endDate })
      .onConflictDoUpdate({
        target: [phases.planId, phases.kind],
        set: { startDate: input.startDate, endDate: input.endDate },
      })
      .returning();
    const before = presentPhases(existing).find((p) => p.kind === kind);
    const after = presentPhases([row!]).find((p) => p.kind === kind)!;
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'phase',
      entityId: row!.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

// ——— Focus areas and vectors ———

/** Focus areas and vectors are two lists of the same shape. */
const STRUCTURE_LISTS = {
  focusArea: { table: focusAreas, entity: 'focus_area', what: 'focus area', notFound: 'Focus area' },
  vector: { table: vectors, entity: 'vector', what: 'vector', notFound: 'Vector' },
} as const;
export type TStructureList = keyof typeof STRUCTURE_LISTS;

/**
 * The table of a list. Both tables have the same columns; typing them as one keeps each query
 * written once.
 */
const tableOf = (list: TStructureList) => STRUCTURE_LISTS[list].table as typeof focusAreas;

/**
 * A key made from a name, unique in the plan: `Economic diplomacy` → `economic_diplomacy`
 * (then `economic_diplomacy_2`, …). A key the caller chose must be free.
 * @throws 400 (field `key`) when the chosen key is taken.
 */
async function uniqueKey(
  tx: DbOrTx,
  table: typeof focusAreas | typeof programmes,
  planId: string,
  options: { key?: string; name: string; separator: '_' | '-' },
): Promise<string> {
  const taken = new Set(
    (await tx.select({ key: table.key }).from(table).where(eq(table.planId, planId))).map((r) => r.key),
  );
  if (options.key) {
    if (taken.has(options.key))
      throw badRequest('The key is already used.', [
        { field: 'key', message: 'is already used in this plan' },
      ]);
    return options.key;
  }
  const base =
    options.name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, options.separator)
      .replace(/^[-_]+|[-_]+$/g, '')
      .slice(0, 50) || 'item';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}${options.separator}${n}`;
  return key;
}

async function presentItem(
  db: DbOrTx,
  actor: TActor,
  list: TStructureList,
  row: typeof focusAreas.$inferSelect,
) {
  const counts = await countInitiativesBy(db, actor, list, [row.id]);
  return presentStructureItem(row, counts.get(row.id) ?? 0);
}

export async function findStructureItems(
  db: DbOrTx,
  actor: TActor,
  list: TStructureList,
  planId: string,
): Promise<TStructureItem[]> {
  await loadPlan(db, actor, planId);
  const table = tableOf(list);
  const rows = await db
    .select()
    .from(table)
    .where(eq(table.planId, planId))
    .orderBy(asc(table.position), asc(table.name));
  const counts = await countInitiativesBy(
    db,
    actor,
    list,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentStructureItem(r, counts.get(r.id) ?? 0));
}

/** Adds a focus area or a vector at the end of the list. @throws 404, 403, 400 (key taken) */
export async function createStructureItem(
  db: Db,
  actor: TActor,
  list: TStructureList,
  planId: string,
  input: TCreateStructureItemRequest,
): Promise<TStructureItem> {
  return db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, actor, planId);
    const table = tableOf(list);
    const key = await uniqueKey(tx, table, planId, { key: input.key, name: input.name, separator: '_' });
    const position = input.position ?? (await nextPosition(tx, table, eq(table.planId, planId)));
    const [row] = await tx
      .insert(table)
      .values({
        missionId: plan.missionId,
        planId,
        key,
        name: input.name,
        description: input.description ?? null,
        position,
      })
      .returning();
    const item = await presentItem(tx, actor, list, row!);
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: STRUCTURE_LISTS[list].entity,
      entityId: item.id,
      action: 'create',
      after: item,
    });
    return item;
  });
}

export async function updateStructureItem(
  db: Db,
  actor: TActor,
  list: TStructureList,
  id: string,
  input: TUpdateStructureItemRequest,
): Promise<TStructureItem> {
  return db.transaction(async (tx) => {
    const table = tableOf(list);
    const current = await loadForChange(tx, actor, table, id, STRUCTURE_LISTS[list].notFound);
    const before = await presentItem(tx, actor, list, current);
    if (isEmpty(input)) return before;
    const [row] = await tx.update(table).set(input).where(eq(table.id, id)).returning();
    const after = await presentItem(tx, actor, list, row!);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: STRUCTURE_LISTS[list].entity,
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

/** Deletes a focus area or a vector. @throws 404, 403, 409 while initiatives use it */
export async function deleteStructureItem(
  db: Db,
  actor: TActor,
  list: TStructureList,
  id: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const { table, entity, what, notFound } = STRUCTURE_LISTS[list];
    const current = await loadForChange(tx, actor, tableOf(list), id, notFound);
    refuseWhileUsed(await countInitiativesUsing(tx, list === 'vector' ? 'vector' : 'focusArea', id), what);
    await tx.delete(table).where(eq(table.id, id));
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity,
      entityId: id,
      action: 'delete',
      before: presentStructureItem(current, 0),
    });
  });
}

// ——— Programmes ———

async function presentProgrammeRow(db: DbOrTx, actor: TActor, row: typeof programmes.$inferSelect) {
  const counts = await countInitiativesBy(db, actor, 'programme', [row.id]);
  return presentProgramme(row, counts.get(row.id) ?? 0);
}

export async function findProgrammes(db: DbOrTx, actor: TActor, planId: string): Promise<TProgramme[]> {
  await loadPlan(db, actor, planId);
  const rows = await db
    .select()
    .from(programmes)
    .where(eq(programmes.planId, planId))
    .orderBy(asc(programmes.name));
  const counts = await countInitiativesBy(
    db,
    actor,
    'programme',
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentProgramme(r, counts.get(r.id) ?? 0));
}

/** Adds a special programme to a plan. @throws 404, 403, 400 (key taken) */
export async function createProgramme(
  db: Db,
  actor: TActor,
  planId: string,
  input: TCreateProgrammeRequest,
): Promise<TProgramme> {
  return db.transaction(async (tx) => {
    const plan = await loadPlanForChange(tx, actor, planId);
    const key = await uniqueKey(tx, programmes, planId, { key: input.key, name: input.name, separator: '-' });
    const [row] = await tx
      .insert(programmes)
      .values({
        missionId: plan.missionId,
        planId,
        key,
        name: input.name,
        hashtag: input.hashtag ?? null,
        colors: input.colors ?? [],
        description: input.description ?? null,
      })
      .returning();
    const programme = presentProgramme(row!, 0);
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'programme',
      entityId: programme.id,
      action: 'create',
      after: programme,
    });
    return programme;
  });
}

/** @throws 404, 403, 409 when someone else saved first */
export async function updateProgramme(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateProgrammeRequest,
): Promise<TProgramme> {
  return db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, programmes, id, 'Programme');
    const { version, ...fields } = input;
    const before = await presentProgrammeRow(tx, actor, current);
    const row = await updateVersioned(tx, programmes, current, version, fields);
    const after = await presentProgrammeRow(tx, actor, row);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'programme',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

/** @throws 404, 403, 409 when the version is stale or initiatives use the programme */
export async function deleteProgramme(db: Db, actor: TActor, id: string, version?: number): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await loadForChange(tx, actor, programmes, id, 'Programme');
    if (version !== undefined && version !== current.version) throw staleVersion(current.version);
    refuseWhileUsed(await countInitiativesUsing(tx, 'programme', id), 'programme');
    await tx.delete(programmes).where(and(eq(programmes.id, id), eq(programmes.version, current.version)));
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'programme',
      entityId: id,
      action: 'delete',
      before: presentProgramme(current, 0),
    });
  });
}
