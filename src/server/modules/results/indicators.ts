/**
 * Indicators and their actual values: scoped queries and the writes, each in one transaction
 * with its audit entry. Progress and status come from `domain/indicators.ts`.
 */
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type {
  TCreateIndicatorRequest,
  TIndicator,
  TIndicatorDetail,
  TIndicatorFields,
  TIndicatorValueRequest,
  TUpdateIndicatorRequest,
} from '../../../shared/schemas/results.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, type TFieldError } from '../../platform/http/problem.ts';
import { archiveVersioned, loadScoped, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiatives } from '../initiatives/index.ts';
import { users, writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { objectives, plans } from '../plans/index.ts';
import { RESULTS_WRITE_DENIED, resultsPolicy } from './policy.ts';
import { presentIndicator, presentIndicatorValue } from './present.ts';
import { checkAmecStage, isTargetInDirection } from './rules/indicators.ts';
import { indicators, indicatorValues } from './tables.ts';

type TRow = typeof indicators.$inferSelect;

const today = () => new Date().toISOString().slice(0, 10);

/** Loads a plan whose results the actor reads (collaborators: 404). */
export async function loadResultsPlan(db: DbOrTx, actor: TActor, planId: string) {
  return loadScoped(db, plans, planId, resultsPolicy.scope(actor, plans.missionId), 'Plan');
}

/** Presents indicators with their latest value, progress and status, in a fixed number of queries. */
export async function presentIndicators(db: DbOrTx, rows: TRow[], asOf = today()): Promise<TIndicator[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const distinct = (list: (string | null)[]) => [...new Set(list.filter((v): v is string => !!v))];
  const values = await db
    .select({ value: indicatorValues, userName: users.name })
    .from(indicatorValues)
    .leftJoin(users, eq(users.id, indicatorValues.enteredBy))
    .where(inArray(indicatorValues.indicatorId, ids))
    .orderBy(desc(indicatorValues.periodEnd), desc(indicatorValues.createdAt));
  const latest = new Map<string, (typeof values)[number]>();
  for (const v of values) if (!latest.has(v.value.indicatorId)) latest.set(v.value.indicatorId, v);
  const personIds = distinct(rows.map((r) => r.responsibleId));
  const persons = personIds.length
    ? await db
        .select({ id: people.id, name: people.fullName })
        .from(people)
        .where(inArray(people.id, personIds))
    : [];
  const objectiveIds = distinct(rows.map((r) => r.objectiveId));
  const objectiveRows = objectiveIds.length
    ? await db
        .select({ id: objectives.id, text: objectives.text })
        .from(objectives)
        .where(inArray(objectives.id, objectiveIds))
    : [];
  const initiativeIds = distinct(rows.map((r) => r.initiativeId));
  const initiativeRows = initiativeIds.length
    ? await db
        .select({ id: initiatives.id, title: initiatives.title })
        .from(initiatives)
        .where(inArray(initiatives.id, initiativeIds))
    : [];
  const personById = new Map(persons.map((p) => [p.id, p]));
  const labels = new Map<string, string>([
    ...objectiveRows.map((o) => [o.id, o.text] as const),
    ...initiativeRows.map((i) => [i.id, i.title] as const),
  ]);
  return rows.map((row) => {
    const last = latest.get(row.id);
    return presentIndicator(row, {
      responsible: row.responsibleId ? (personById.get(row.responsibleId) ?? null) : null,
      levelLabel: labels.get(row.objectiveId ?? row.initiativeId ?? '') ?? null,
      latest: last ? presentIndicatorValue(last.value, last.userName) : null,
      asOf,
    });
  });
}

/** Loads one indicator through the actor's scope (archived ones included). @throws 404 */
export async function loadIndicator(db: DbOrTx, actor: TActor, id: string): Promise<TRow> {
  return loadScoped(db, indicators, id, resultsPolicy.scope(actor, indicators.missionId), 'Indicator');
}

/**
 * The indicators of a plan (its own, its objectives' and its initiatives'), plan level first.
 * @throws 404 when the plan is not visible (collaborators do not read the plan's monitoring).
 */
export async function findPlanIndicators(
  db: DbOrTx,
  actor: TActor,
  planId: string,
  options: { includeArchived?: boolean } = {},
): Promise<TIndicator[]> {
  await loadResultsPlan(db, actor, planId);
  const where: SQL[] = [eq(indicators.planId, planId), resultsPolicy.scope(actor, indicators.missionId)];
  if (!options.includeArchived) where.push(isNull(indicators.archivedAt));
  const rows = await db
    .select()
    .from(indicators)
    .where(and(...where))
    .orderBy(asc(indicators.createdAt), asc(indicators.name), asc(indicators.id));
  const presented = await presentIndicators(db, rows);
  const rank = { plan: 0, objective: 1, initiative: 2 } as const;
  return presented.sort((a, b) => rank[a.level] - rank[b.level]);
}

/** One indicator with all its values, newest period first. @throws 404 */
export async function findIndicator(db: DbOrTx, actor: TActor, id: string): Promise<TIndicatorDetail> {
  const row = await loadIndicator(db, actor, id);
  const [presented] = await presentIndicators(db, [row]);
  const values = await db
    .select({ value: indicatorValues, userName: users.name })
    .from(indicatorValues)
    .leftJoin(users, eq(users.id, indicatorValues.enteredBy))
    .where(eq(indicatorValues.indicatorId, id))
    .orderBy(desc(indicatorValues.periodEnd), desc(indicatorValues.createdAt));
  return { ...presented!, values: values.map((v) => presentIndicatorValue(v.value, v.userName)) };
}

type TChecked = Pick<TIndicatorFields, 'name' | 'unit' | 'amecStage' | 'ascending' | 'baseline' | 'target'>;

/**
 * The rules a form cannot express alone: dates in order, the target in the indicator's
 * direction, and the AMEC guard (exposure is an output, never an outcome or impact).
 */
export function checkIndicatorRules(fields: TChecked): TFieldError[] {
  const errors: TFieldError[] = [];
  const { baseline, target } = fields;
  if (baseline.date && target.date && target.date < baseline.date)
    errors.push({ field: 'target.date', message: `must not be before the baseline date (${baseline.date})` });
  const frame = { baselineValue: baseline.value, targetValue: target.value, isAscending: fields.ascending };
  if (!isTargetInDirection(frame))
    errors.push({
      field: 'target.value',
      message: fields.ascending
        ? 'must be above the baseline for an ascending indicator (or set ascending to false)'
        : 'must be below the baseline for a descending indicator (or set ascending to true)',
    });
  const amec = checkAmecStage({ name: fields.name, unit: fields.unit, amecStage: fields.amecStage });
  if (amec) errors.push({ field: 'amecStage', message: amec });
  return errors;
}

/** Checks that the objective, initiative and responsible person belong to the plan and mission. */
async function checkIndicatorReferences(
  db: DbOrTx,
  scope: { missionId: string; planId: string },
  input: { objectiveId?: string | null; initiativeId?: string | null; responsibleId?: string | null },
): Promise<TFieldError[]> {
  const errors: TFieldError[] = [];
  if (input.objectiveId && input.initiativeId)
    errors.push({ field: 'initiativeId', message: 'set either an objective or an initiative, not both' });
  if (input.objectiveId) {
    const [row] = await db
      .select({ id: objectives.id })
      .from(objectives)
      .where(and(eq(objectives.id, input.objectiveId), eq(objectives.planId, scope.planId)));
    if (!row) errors.push({ field: 'objectiveId', message: 'is not an objective of this plan' });
  }
  if (input.initiativeId) {
    const [row] = await db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.id, input.initiativeId), eq(initiatives.planId, scope.planId)));
    if (!row) errors.push({ field: 'initiativeId', message: 'is not an initiative of this plan' });
  }
  if (input.responsibleId) {
    const [row] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, input.responsibleId), eq(people.missionId, scope.missionId)));
    if (!row) errors.push({ field: 'responsibleId', message: 'is not a person of this mission' });
  }
  return errors;
}

const toColumns = (input: Partial<TIndicatorFields>) => ({
  ...(input.name !== undefined ? { name: input.name } : {}),
  ...(input.description !== undefined ? { description: input.description } : {}),
  ...(input.kind !== undefined ? { kind: input.kind } : {}),
  ...(input.amecStage !== undefined ? { amecStage: input.amecStage } : {}),
  ...(input.measure !== undefined ? { measure: input.measure } : {}),
  ...(input.ascending !== undefined ? { isAscending: input.ascending } : {}),
  ...(input.unit !== undefined ? { unit: input.unit } : {}),
  ...(input.baseline !== undefined
    ? { baselineValue: input.baseline.value, baselineDate: input.baseline.date }
    : {}),
  ...(input.target !== undefined ? { targetValue: input.target.value, targetDate: input.target.date } : {}),
  ...(input.sourceOfVerification !== undefined ? { sourceOfVerification: input.sourceOfVerification } : {}),
  ...(input.collectionFrequency !== undefined ? { collectionFrequency: input.collectionFrequency } : {}),
  ...(input.responsibleId !== undefined ? { responsibleId: input.responsibleId } : {}),
});

const fieldsOf = (row: TRow): TChecked => ({
  name: row.name,
  unit: row.unit,
  amecStage: row.amecStage,
  ascending: row.isAscending,
  baseline: { value: row.baselineValue, date: row.baselineDate },
  target: { value: row.targetValue, date: row.targetDate },
});

/**
 * Creates an indicator on the plan, one of its objectives or one of its initiatives.
 * @throws 404 (plan not visible), 403 (not a writer), 400 (rules, references)
 */
export async function createIndicator(
  db: Db,
  actor: TActor,
  input: TCreateIndicatorRequest,
): Promise<TIndicator> {
  return db.transaction(async (tx) => {
    const plan = await loadResultsPlan(tx, actor, input.planId);
    authorize(resultsPolicy.canWrite(actor, plan), RESULTS_WRITE_DENIED);
    const errors = [
      ...checkIndicatorRules({ ...input, unit: input.unit ?? null }),
      ...(await checkIndicatorReferences(tx, { missionId: plan.missionId, planId: plan.id }, input)),
    ];
    if (errors.length) throw badRequest('The indicator cannot be saved as it is.', errors);
    const [row] = await tx
      .insert(indicators)
      .values({
        missionId: plan.missionId,
        planId: plan.id,
        objectiveId: input.objectiveId ?? null,
        initiativeId: input.initiativeId ?? null,
        name: input.name,
        kind: input.kind,
        amecStage: input.amecStage,
        ...toColumns({ ...input, collectionFrequency: input.collectionFrequency ?? null }),
      })
      .returning();
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'indicator',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
    const [presented] = await presentIndicators(tx, [row!]);
    return presented!;
  });
}

/** Updates an indicator (version-checked). @throws 404, 403, 400, 409 */
export async function updateIndicator(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateIndicatorRequest,
): Promise<TIndicator> {
  return db.transaction(async (tx) => {
    const current = await loadIndicator(tx, actor, id);
    authorize(resultsPolicy.canWrite(actor, current), RESULTS_WRITE_DENIED);
    const { version, ...changes } = input;
    const merged = { ...fieldsOf(current), ...changes } as TChecked;
    const errors = [
      ...checkIndicatorRules(merged),
      ...(await checkIndicatorReferences(tx, current, { responsibleId: changes.responsibleId })),
    ];
    if (errors.length) throw badRequest('The indicator cannot be saved as it is.', errors);
    const row = await updateVersioned(tx, indicators, current, version, toColumns(changes));
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'indicator',
      entityId: id,
      action: 'update',
      before: current,
      after: row,
    });
    const [presented] = await presentIndicators(tx, [row]);
    return presented!;
  });
}

/** Archives an indicator; its values stay. @throws 404, 403, 409 */
export async function archiveIndicator(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TIndicator> {
  return db.transaction(async (tx) => {
    const current = await loadIndicator(tx, actor, id);
    authorize(resultsPolicy.canWrite(actor, current), RESULTS_WRITE_DENIED);
    const row = await archiveVersioned(tx, indicators, current, version);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'indicator',
      entityId: id,
      action: 'archive',
      before: current,
    });
    const [presented] = await presentIndicators(tx, [row]);
    return presented!;
  });
}

/**
 * Records an actual value of an indicator for a period (or a date), with its evidence and who
 * entered it. @throws 404, 403, 400 (no value for a measured indicator, period out of order)
 */
export async function addIndicatorValue(
  db: Db,
  actor: TActor,
  id: string,
  input: TIndicatorValueRequest,
): Promise<TIndicatorDetail> {
  await db.transaction(async (tx) => {
    const indicator = await loadIndicator(tx, actor, id);
    authorize(resultsPolicy.canWrite(actor, indicator), RESULTS_WRITE_DENIED);
    const errors: TFieldError[] = [];
    const value = input.value ?? null;
    const comment = input.comment ?? null;
    if (indicator.measure !== 'qualitative' && value === null)
      errors.push({ field: 'value', message: 'is required: a number in the indicator’s unit' });
    if (indicator.measure === 'qualitative' && value === null && !comment)
      errors.push({
        field: 'comment',
        message: 'is required for a qualitative indicator: write the finding',
      });
    if (input.periodStart && input.periodStart > input.periodEnd)
      errors.push({
        field: 'periodEnd',
        message: `must not be before the period's start (${input.periodStart})`,
      });
    if (indicator.archivedAt) errors.push({ field: 'indicatorId', message: 'is archived: restore it first' });
    if (errors.length) throw badRequest('The value cannot be recorded as it is.', errors);
    const [row] = await tx
      .insert(indicatorValues)
      .values({
        missionId: indicator.missionId,
        indicatorId: id,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd,
        value,
        comment,
        evidenceUrl: input.evidenceUrl ?? null,
        enteredBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      missionId: indicator.missionId,
      entity: 'indicator_value',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
  });
  return findIndicator(db, actor, id);
}
