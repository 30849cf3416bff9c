/**
 * The risk register: the plan's risk settings (areas and 5×5 matrix), and risks with their
 * actions. Every write runs in one transaction with its audit entry; levels are read from the
 * plan's matrix when a risk is presented, so editing the matrix re-levels every risk at once.
 */
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { ALARM_STATUSES, DEFAULT_RISK_AREAS, type TAlarmStatus } from '../../../shared/enums.ts';
import type {
  TCreateRiskRequest,
  TRisk,
  TRiskDetail,
  TRiskFields,
  TRiskListQuery,
  TRiskSettings,
  TUpdateRiskRequest,
  TUpdateRiskSettingsRequest,
} from '../../../shared/schemas/risk.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, notFound, type TFieldError } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { archiveVersioned, staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiatives } from '../initiatives/index.ts';
import { writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { plans } from '../plans/index.ts';
import { checkPeople, missionToday, presentAlarmVariables } from './alarms.ts';
import { riskPolicy } from './policy.ts';
import { DEFAULT_RISK_MATRIX, findRiskLevel, scoreRisk, type TRiskMatrix } from './rules/risk-matrix.ts';
import { alarmVariables, riskActions, riskSettings, risks } from './tables.ts';

type TRiskRow = typeof risks.$inferSelect;

/** Names of the default areas (the seed's three). */
const DEFAULT_AREA_NAMES: Record<(typeof DEFAULT_RISK_AREAS)[number], string> = {
  internal_stability: 'Internal stability',
  pandemic: 'Pandemic',
  implementation: 'Implementation',
};

export const DEFAULT_RISK_SETTINGS = {
  areas: DEFAULT_RISK_AREAS.map((key) => ({ key, name: DEFAULT_AREA_NAMES[key] })),
  matrix: DEFAULT_RISK_MATRIX,
};

/** A plan's areas and matrix, the defaults when it has not edited them (version 0). */
export async function loadRiskSettings(db: DbOrTx, planId: string): Promise<TRiskSettings> {
  const [row] = await db.select().from(riskSettings).where(eq(riskSettings.planId, planId));
  if (!row) return { planId, ...DEFAULT_RISK_SETTINGS, version: 0 };
  return { planId, areas: row.areas, matrix: row.matrix, version: row.version };
}

/** The plan, through the caller's scope for plans (writes are then authorized by role). @throws 404 */
async function loadPlan(db: DbOrTx, actor: TActor, planId: string) {
  const [plan] = await db
    .select({ id: plans.id, missionId: plans.missionId })
    .from(plans)
    .where(and(eq(plans.id, planId), planPolicy.scope(actor, plans.missionId), isNull(plans.archivedAt)));
  if (!plan) throw notFound('Plan');
  return plan;
}

export async function findRiskSettings(db: DbOrTx, actor: TActor, planId: string): Promise<TRiskSettings> {
  const plan = await loadPlan(db, actor, planId);
  return loadRiskSettings(db, plan.id);
}

/**
 * Replaces the plan's areas and/or matrix (head of mission and administrators).
 * @throws 403, 404, 409 stale version, 400 when an area still used by a risk is removed.
 */
export async function updateRiskSettings(
  db: Db,
  actor: TActor,
  planId: string,
  input: TUpdateRiskSettingsRequest,
): Promise<TRiskSettings> {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    authorize(
      riskPolicy.canEditSettings(actor, plan),
      "Only the head of mission can change the plan's risk matrix.",
    );
    const before = await loadRiskSettings(tx, plan.id);
    if (before.version !== input.version) throw staleVersion(before.version);
    const areas = input.areas ?? before.areas;
    const matrix = (input.matrix ?? before.matrix) as TRiskMatrix;
    if (input.areas) {
      const used = await tx
        .selectDistinct({ area: risks.area })
        .from(risks)
        .where(and(eq(risks.planId, plan.id), isNull(risks.archivedAt)));
      const kept = new Set(areas.map((a) => a.key));
      const removed = used.filter((u) => !kept.has(u.area)).map((u) => u.area);
      if (removed.length)
        throw badRequest('Some areas still have risks.', [
          { field: 'areas', message: `still used by risks: ${removed.join(', ')}` },
        ]);
    }
    if (before.version === 0) {
      await tx.insert(riskSettings).values({ planId: plan.id, missionId: plan.missionId, areas, matrix });
    } else {
      const updated = await tx
        .update(riskSettings)
        .set({ areas, matrix, version: sql`${riskSettings.version} + 1`, updatedAt: new Date() })
        .where(and(eq(riskSettings.planId, plan.id), eq(riskSettings.version, input.version)))
        .returning({ planId: riskSettings.planId });
      if (!updated.length) throw staleVersion(before.version + 1);
    }
    const after = await loadRiskSettings(tx, plan.id);
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'risk_settings',
      entityId: plan.id,
      action: before.version === 0 ? 'create' : 'update',
      before,
      after,
    });
    return after;
  });
}

// ——— Risks ———

type TRiskRelations = {
  initiative: { id: string; title: string } | null;
  owner: { id: string; fullName: string } | null;
  actions: TRisk['actions'];
  alarmStatus: TAlarmStatus;
};

/** The worst of some alarm statuses: red, amber, stale, green, no_data. */
function worstStatus(statuses: TAlarmStatus[]): TAlarmStatus {
  const order: TAlarmStatus[] = ['red', 'amber', 'stale', 'green', 'no_data'];
  for (const status of order) if (statuses.includes(status)) return status;
  return ALARM_STATUSES[4];
}

/** Exactly the fields of a risk that leave the server. */
function presentRisk(row: TRiskRow, settings: TRiskSettings, rel: TRiskRelations): TRisk {
  const matrix = settings.matrix as TRiskMatrix;
  const inherent = { likelihood: row.inherentLikelihood, impact: row.inherentImpact };
  const residual = { likelihood: row.residualLikelihood, impact: row.residualImpact };
  return {
    id: row.id,
    missionId: row.missionId,
    planId: row.planId,
    initiative: rel.initiative,
    area: row.area,
    areaName: settings.areas.find((a) => a.key === row.area)?.name ?? row.area,
    title: row.title,
    cause: row.cause,
    event: row.event,
    consequence: row.consequence,
    inherentLikelihood: row.inherentLikelihood,
    inherentImpact: row.inherentImpact,
    inherentLevel: findRiskLevel({ matrix, ...inherent }),
    inherentScore: scoreRisk(inherent),
    residualLikelihood: row.residualLikelihood,
    residualImpact: row.residualImpact,
    residualLevel: findRiskLevel({ matrix, ...residual }),
    residualScore: scoreRisk(residual),
    response: row.response,
    owner: rel.owner,
    reviewDate: row.reviewDate,
    actions: rel.actions,
    alarmStatus: rel.alarmStatus,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}

/** Presents risks (of any plans) with their relations, in a fixed number of queries. */
async function presentRisks(db: DbOrTx, rows: TRiskRow[], asOf: string): Promise<TRisk[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const settingsByPlan = new Map<string, TRiskSettings>();
  for (const planId of new Set(rows.map((r) => r.planId)))
    settingsByPlan.set(planId, await loadRiskSettings(db, planId));
  const initiativeIds = [...new Set(rows.map((r) => r.initiativeId).filter((v): v is string => !!v))];
  const initiativeRows = initiativeIds.length
    ? await db
        .select({ id: initiatives.id, title: initiatives.title })
        .from(initiatives)
        .where(inArray(initiatives.id, initiativeIds))
    : [];
  const actionRows = await db
    .select()
    .from(riskActions)
    .where(inArray(riskActions.riskId, ids))
    .orderBy(asc(riskActions.position));
  const personIds = [
    ...new Set(
      [...rows.map((r) => r.ownerId), ...actionRows.map((a) => a.ownerId)].filter((v): v is string => !!v),
    ),
  ];
  const personRows = personIds.length
    ? await db
        .select({ id: people.id, fullName: people.fullName })
        .from(people)
        .where(inArray(people.id, personIds))
    : [];
  const variableRows = await db
    .select()
    .from(alarmVariables)
    .where(and(inArray(alarmVariables.riskId, ids), isNull(alarmVariables.archivedAt)));
  const variables = await presentAlarmVariables(db, variableRows, asOf, { observationLimit: 1 });
  const personById = new Map(personRows.map((p) => [p.id, p]));
  const initiativeById = new Map(initiativeRows.map((i) => [i.id, i]));
  return rows.map((row) =>
    presentRisk(row, settingsByPlan.get(row.planId)!, {
      initiative: row.initiativeId ? (initiativeById.get(row.initiativeId) ?? null) : null,
      owner: row.ownerId ? (personById.get(row.ownerId) ?? null) : null,
      actions: actionRows
        .filter((a) => a.riskId === row.id)
        .map((a) => ({
          id: a.id,
          description: a.description,
          owner: a.ownerId ? (personById.get(a.ownerId) ?? null) : null,
          dueDate: a.dueDate,
          isDone: a.doneAt !== null,
        })),
      alarmStatus: worstStatus(variables.filter((v) => v.riskId === row.id).map((v) => v.status)),
    }),
  );
}

/** Loads one risk through the caller's scope. @throws 404 */
export async function loadRisk(db: DbOrTx, actor: TActor, id: string): Promise<TRiskRow> {
  const [row] = await db
    .select()
    .from(risks)
    .where(and(eq(risks.id, id), riskPolicy.scope(actor, risks.missionId)));
  if (!row) throw notFound('Risk');
  return row;
}

/** Risks of a plan (or of one initiative), most severe residual first. */
export async function findRisks(
  db: DbOrTx,
  actor: TActor,
  query: TRiskListQuery,
): Promise<{ items: TRisk[] }> {
  const where: SQL[] = [riskPolicy.scope(actor, risks.missionId)];
  if (!query.includeArchived) where.push(isNull(risks.archivedAt));
  if (query.planId) where.push(eq(risks.planId, query.planId));
  if (query.initiativeId) where.push(eq(risks.initiativeId, query.initiativeId));
  const rows = await db
    .select()
    .from(risks)
    .where(and(...where))
    .orderBy(asc(risks.createdAt), asc(risks.id))
    .limit(1000);
  const asOf = await missionToday(db, rows[0]?.missionId);
  const items = await presentRisks(db, rows, asOf);
  items.sort((a, b) => b.residualScore - a.residualScore || b.inherentScore - a.inherentScore);
  return { items };
}

/** One risk with its alarm variables, their observations and open alerts. @throws 404 */
export async function findRisk(db: DbOrTx, actor: TActor, id: string): Promise<TRiskDetail> {
  const row = await loadRisk(db, actor, id);
  const asOf = await missionToday(db, row.missionId);
  const [risk] = await presentRisks(db, [row], asOf);
  const variableRows = await db
    .select()
    .from(alarmVariables)
    .where(and(eq(alarmVariables.riskId, id), isNull(alarmVariables.archivedAt)))
    .orderBy(asc(alarmVariables.createdAt));
  return { ...risk!, alarmVariables: await presentAlarmVariables(db, variableRows, asOf) };
}

/**
 * Checks that the area is one of the plan's, and that the initiative and people belong to the
 * plan and the mission. @throws 400 naming each bad field.
 */
async function checkRiskReferences(
  db: DbOrTx,
  target: { missionId: string; planId: string },
  input: Partial<TRiskFields>,
): Promise<void> {
  const errors: TFieldError[] = [];
  if (input.area !== undefined) {
    const settings = await loadRiskSettings(db, target.planId);
    if (!settings.areas.some((a) => a.key === input.area))
      errors.push({
        field: 'area',
        message: `must be one of the plan's areas: ${settings.areas.map((a) => a.key).join(', ')}`,
      });
  }
  if (input.initiativeId) {
    const [found] = await db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.id, input.initiativeId), eq(initiatives.planId, target.planId)));
    if (!found) errors.push({ field: 'initiativeId', message: 'is not an initiative of this plan' });
  }
  errors.push(
    ...(await checkPeople(db, target.missionId, [
      ['ownerId', input.ownerId],
      ...(input.actions ?? []).map(
        (a, i) => [`actions.${i}.ownerId`, a.ownerId] as [string, string | null | undefined],
      ),
    ])),
  );
  if (errors.length) throw badRequest('Some fields are not valid.', errors);
}

async function replaceActions(
  db: DbOrTx,
  risk: { id: string; missionId: string },
  actions: TRiskFields['actions'],
  today: string,
): Promise<void> {
  await db.delete(riskActions).where(eq(riskActions.riskId, risk.id));
  if (actions.length)
    await db.insert(riskActions).values(
      actions.map((a, position) => ({
        missionId: risk.missionId,
        riskId: risk.id,
        description: a.description,
        ownerId: a.ownerId ?? null,
        dueDate: a.dueDate ?? null,
        doneAt: a.isDone ? today : null,
        position,
      })),
    );
}

function toColumns(input: Partial<TRiskFields>): Partial<typeof risks.$inferInsert> {
  const { actions: _a, ...columns } = input;
  return columns;
}

/**
 * Records a risk on a plan (or on one of its initiatives).
 * @throws 404 plan, 403 viewers/collaborators/other missions, 400 bad fields.
 */
export async function createRisk(db: Db, actor: TActor, input: TCreateRiskRequest): Promise<TRiskDetail> {
  const id = await db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor, input.planId);
    authorize(riskPolicy.canWrite(actor, plan), 'Your role cannot change the risk register.');
    await checkRiskReferences(tx, { missionId: plan.missionId, planId: plan.id }, input);
    const { planId: _p, ...fields } = input;
    const [row] = await tx
      .insert(risks)
      .values({
        ...toColumns(fields),
        area: input.area,
        title: input.title,
        inherentLikelihood: input.inherentLikelihood,
        inherentImpact: input.inherentImpact,
        residualLikelihood: input.residualLikelihood ?? input.inherentLikelihood,
        residualImpact: input.residualImpact ?? input.inherentImpact,
        missionId: plan.missionId,
        planId: plan.id,
      })
      .returning();
    if (input.actions) await replaceActions(tx, row!, input.actions, await missionToday(tx, plan.missionId));
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'risk',
      entityId: row!.id,
      action: 'create',
      after: input,
    });
    return row!.id;
  });
  return findRisk(db, actor, id);
}

/**
 * Updates a risk; `actions`, when sent, replace the list.
 * @throws 404, 403, 400, 409 stale version.
 */
export async function updateRisk(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateRiskRequest,
): Promise<TRiskDetail> {
  await db.transaction(async (tx) => {
    const current = await loadRisk(tx, actor, id);
    authorize(riskPolicy.canWrite(actor, current), 'Your role cannot change the risk register.');
    const { version, ...fields } = input;
    if (current.version !== version) throw staleVersion(current.version);
    await checkRiskReferences(tx, current, fields);
    const row = await updateVersioned(tx, risks, current, version, toColumns(fields));
    if (fields.actions) await replaceActions(tx, row, fields.actions, await missionToday(tx, row.missionId));
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'risk',
      entityId: id,
      action: 'update',
      before: current,
      after: fields,
    });
  });
  return findRisk(db, actor, id);
}

/** Archives a risk (its alarm variables stop counting). @throws 404, 403, 409 */
export async function archiveRisk(db: Db, actor: TActor, id: string, version?: number): Promise<TRiskDetail> {
  await db.transaction(async (tx) => {
    const current = await loadRisk(tx, actor, id);
    authorize(riskPolicy.canWrite(actor, current), 'Your role cannot change the risk register.');
    await archiveVersioned(tx, risks, current, version);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'risk',
      entityId: id,
      action: 'archive',
    });
  });
  return findRisk(db, actor, id);
}
