/**
 * Alarm variables, their observations, the alerts they raise and the corrective-action tasks.
 *
 * An observation (by hand, posted to the API or imported from CSV) that moves a variable into
 * amber or red from a better band raises an alert and creates a task for the variable's
 * escalation owner, in the same transaction. The alert stays open, and the exposed initiatives
 * show their fallback alternative, until someone resolves it with a note.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type {
  TAlarmVariable,
  TAlert,
  TCreateAlarmVariableRequest,
  TObservation,
  TUpdateAlarmVariableRequest,
} from '../../../shared/schemas/risk.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, notFound, type TFieldError } from '../../platform/http/problem.ts';
import { archiveVersioned, staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiatives } from '../initiatives/index.ts';
import { missions, users, writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { riskPolicy } from './policy.ts';
import {
  checkAlarmBounds,
  computeAlarmStatus,
  findAlarmLevel,
  type TAlarmBounds,
} from './rules/alarm-status.ts';
import {
  alarmObservations,
  alarmVariableInitiatives,
  alarmVariables,
  alerts,
  risks,
  tasks,
} from './tables.ts';

export type TVariableRow = typeof alarmVariables.$inferSelect;
type TAlertRow = typeof alerts.$inferSelect;
export type TTaskRow = typeof tasks.$inferSelect;

/** Days a corrective-action task is given by default. */
export const CORRECTIVE_TASK_DAYS = 7;

/** Today's date (YYYY-MM-DD) in an IANA time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Today in the mission's time zone (UTC when none is given). */
export async function missionToday(db: DbOrTx, missionId: string | undefined): Promise<string> {
  if (!missionId) return todayIn('UTC');
  const [mission] = await db
    .select({ timeZone: missions.timeZone })
    .from(missions)
    .where(eq(missions.id, missionId));
  return todayIn(mission?.timeZone ?? 'UTC');
}

/** Field errors for person ids that are not people of the mission. */
export async function checkPeople(
  db: DbOrTx,
  missionId: string,
  refs: [string, string | null | undefined][],
): Promise<TFieldError[]> {
  const ids = [...new Set(refs.map(([, id]) => id).filter((v): v is string => !!v))];
  if (ids.length === 0) return [];
  const found = new Set(
    (
      await db
        .select({ id: people.id })
        .from(people)
        .where(and(inArray(people.id, ids), eq(people.missionId, missionId), isNull(people.archivedAt)))
    ).map((p) => p.id),
  );
  return refs
    .filter(([, id]) => id && !found.has(id))
    .map(([field]) => ({ field, message: 'is not a person of this mission' }));
}

export const boundsOf = (v: TVariableRow): TAlarmBounds => ({
  direction: v.direction,
  amberBound: v.amberBound,
  redBound: v.redBound,
});

export function presentObservation(
  row: typeof alarmObservations.$inferSelect,
  variable: TVariableRow,
  recordedBy: { id: string; name: string } | null,
): TObservation {
  return {
    id: row.id,
    alarmVariableId: row.alarmVariableId,
    observedOn: row.observedOn,
    value: row.value,
    level: findAlarmLevel({ ...boundsOf(variable), value: row.value }),
    source: row.source,
    note: row.note,
    recordedBy,
    createdAt: isoRequired(row.createdAt),
  };
}

/** The exposed initiatives of some variables, by variable id. */
async function loadExposed(db: DbOrTx, variableIds: string[]) {
  const byVariable = new Map<string, TAlarmVariable['exposedInitiatives']>();
  if (variableIds.length === 0) return byVariable;
  const rows = await db
    .select({
      alarmVariableId: alarmVariableInitiatives.alarmVariableId,
      id: initiatives.id,
      title: initiatives.title,
      fallbackAlternative: initiatives.fallbackAlternative,
    })
    .from(alarmVariableInitiatives)
    .innerJoin(initiatives, eq(initiatives.id, alarmVariableInitiatives.initiativeId))
    .where(inArray(alarmVariableInitiatives.alarmVariableId, variableIds))
    .orderBy(asc(initiatives.startDate), asc(initiatives.title));
  for (const { alarmVariableId, ...initiative } of rows) {
    const list = byVariable.get(alarmVariableId) ?? [];
    list.push(initiative);
    byVariable.set(alarmVariableId, list);
  }
  return byVariable;
}

/** Presents alerts with their variable, risk, observation, exposed initiatives and task. */
export async function presentAlerts(db: DbOrTx, rows: TAlertRow[]): Promise<TAlert[]> {
  if (rows.length === 0) return [];
  const variableIds = [...new Set(rows.map((r) => r.alarmVariableId))];
  const variableRows = await db
    .select({ variable: alarmVariables, riskTitle: risks.title })
    .from(alarmVariables)
    .innerJoin(risks, eq(risks.id, alarmVariables.riskId))
    .where(inArray(alarmVariables.id, variableIds));
  const observationIds = rows.map((r) => r.observationId).filter((v): v is string => !!v);
  const observationRows = observationIds.length
    ? await db
        .select({
          id: alarmObservations.id,
          observedOn: alarmObservations.observedOn,
          value: alarmObservations.value,
        })
        .from(alarmObservations)
        .where(inArray(alarmObservations.id, observationIds))
    : [];
  const taskRows = await db
    .select({ id: tasks.id, title: tasks.title, status: tasks.status, alertId: tasks.alertId })
    .from(tasks)
    .where(
      inArray(
        tasks.alertId,
        rows.map((r) => r.id),
      ),
    );
  const exposed = await loadExposed(db, variableIds);
  const variables = new Map(variableRows.map((v) => [v.variable.id, v]));
  const observations = new Map(observationRows.map((o) => [o.id, o]));
  return rows.map((row) => {
    const { variable, riskTitle } = variables.get(row.alarmVariableId)!;
    const observation = row.observationId ? observations.get(row.observationId) : undefined;
    const task = taskRows.find((t) => t.alertId === row.id);
    return {
      id: row.id,
      missionId: row.missionId,
      planId: row.planId,
      alarmVariableId: row.alarmVariableId,
      metric: variable.metric,
      unit: variable.unit,
      risk: { id: variable.riskId, title: riskTitle },
      level: row.level,
      status: row.status,
      observation: observation ? { observedOn: observation.observedOn, value: observation.value } : null,
      raisedAt: isoRequired(row.raisedAt),
      resolvedAt: iso(row.resolvedAt),
      resolutionNote: row.resolutionNote,
      exposedInitiatives: exposed.get(row.alarmVariableId) ?? [],
      task: task ? { id: task.id, title: task.title, status: task.status } : null,
      version: row.version,
    };
  });
}

/**
 * Presents alarm variables with their status on `asOf`, latest observations and open alerts.
 * `observationLimit` caps the observations returned per variable (newest first).
 */
export async function presentAlarmVariables(
  db: DbOrTx,
  rows: TVariableRow[],
  asOf: string,
  options: { observationLimit?: number } = {},
): Promise<TAlarmVariable[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const limit = options.observationLimit ?? 50;
  const observationRows = await db
    .select({ observation: alarmObservations, userName: users.name })
    .from(alarmObservations)
    .leftJoin(users, eq(users.id, alarmObservations.recordedBy))
    .where(inArray(alarmObservations.alarmVariableId, ids))
    .orderBy(desc(alarmObservations.observedOn), desc(alarmObservations.createdAt));
  const ownerIds = [...new Set(rows.map((r) => r.escalationOwnerId).filter((v): v is string => !!v))];
  const ownerRows = ownerIds.length
    ? await db
        .select({ id: people.id, fullName: people.fullName })
        .from(people)
        .where(inArray(people.id, ownerIds))
    : [];
  const alertRows = await db
    .select()
    .from(alerts)
    .where(and(inArray(alerts.alarmVariableId, ids), eq(alerts.status, 'open')))
    .orderBy(desc(alerts.raisedAt));
  const presentedAlerts = await presentAlerts(db, alertRows);
  const exposed = await loadExposed(db, ids);
  return rows.map((row) => {
    const own = observationRows.filter((o) => o.observation.alarmVariableId === row.id);
    // Rows come newest first (by date, then by recording time): the first is the latest.
    const latest = own[0]?.observation ?? null;
    const computed = computeAlarmStatus({
      ...boundsOf(row),
      frequencyDays: row.frequencyDays,
      latest: latest ? { observedOn: latest.observedOn, value: latest.value } : null,
      asOf,
    });
    const owner = ownerRows.find((p) => p.id === row.escalationOwnerId) ?? null;
    return {
      id: row.id,
      missionId: row.missionId,
      planId: row.planId,
      riskId: row.riskId,
      metric: row.metric,
      unit: row.unit,
      direction: row.direction,
      amberBound: row.amberBound,
      redBound: row.redBound,
      frequencyDays: row.frequencyDays,
      escalationOwner: owner,
      exposedInitiatives: exposed.get(row.id) ?? [],
      status: computed.status,
      level: computed.level,
      latest: latest ? { observedOn: latest.observedOn, value: latest.value } : null,
      nextDueOn: computed.nextDueOn,
      observations: own
        .slice(0, limit)
        .map((o) =>
          presentObservation(
            o.observation,
            row,
            o.observation.recordedBy ? { id: o.observation.recordedBy, name: o.userName ?? '' } : null,
          ),
        ),
      openAlerts: presentedAlerts.filter((a) => a.alarmVariableId === row.id),
      version: row.version,
      createdAt: isoRequired(row.createdAt),
      updatedAt: isoRequired(row.updatedAt),
      archivedAt: iso(row.archivedAt),
    };
  });
}

export async function presentVariable(db: DbOrTx, row: TVariableRow): Promise<TAlarmVariable> {
  const [presented] = await presentAlarmVariables(db, [row], await missionToday(db, row.missionId));
  return presented!;
}

/** Loads one alarm variable through the caller's scope. @throws 404 */
export async function loadVariable(db: DbOrTx, actor: TActor, id: string): Promise<TVariableRow> {
  const [row] = await db
    .select()
    .from(alarmVariables)
    .where(and(eq(alarmVariables.id, id), riskPolicy.scope(actor, alarmVariables.missionId)));
  if (!row) throw notFound('Alarm variable');
  return row;
}

export async function findAlarmVariable(db: DbOrTx, actor: TActor, id: string): Promise<TAlarmVariable> {
  return presentVariable(db, await loadVariable(db, actor, id));
}

/** Checks bounds, the escalation owner and the exposed initiatives. @throws 400 naming each field */
async function checkVariable(
  db: DbOrTx,
  target: { missionId: string; planId: string },
  merged: TAlarmBounds,
  input: Partial<TCreateAlarmVariableRequest>,
): Promise<void> {
  const errors: TFieldError[] = [];
  const boundsError = checkAlarmBounds(merged);
  if (boundsError) errors.push({ field: 'redBound', message: boundsError });
  errors.push(...(await checkPeople(db, target.missionId, [['escalationOwnerId', input.escalationOwnerId]])));
  if (input.exposedInitiativeIds?.length) {
    const found = new Set(
      (
        await db
          .select({ id: initiatives.id })
          .from(initiatives)
          .where(
            and(inArray(initiatives.id, input.exposedInitiativeIds), eq(initiatives.planId, target.planId)),
          )
      ).map((i) => i.id),
    );
    input.exposedInitiativeIds.forEach((id, i) => {
      if (!found.has(id))
        errors.push({ field: `exposedInitiativeIds.${i}`, message: 'is not an initiative of this plan' });
    });
  }
  if (errors.length) throw badRequest('Some fields are not valid.', errors);
}

async function replaceExposed(db: DbOrTx, variable: { id: string; missionId: string }, ids: string[]) {
  await db.delete(alarmVariableInitiatives).where(eq(alarmVariableInitiatives.alarmVariableId, variable.id));
  const unique = [...new Set(ids)];
  if (unique.length)
    await db.insert(alarmVariableInitiatives).values(
      unique.map((initiativeId) => ({
        missionId: variable.missionId,
        alarmVariableId: variable.id,
        initiativeId,
      })),
    );
}

/**
 * Adds an alarm variable to a risk.
 * @throws 404 risk, 403, 400 (bounds in the wrong order name `redBound`).
 */
export async function createAlarmVariable(
  db: Db,
  actor: TActor,
  riskId: string,
  input: TCreateAlarmVariableRequest,
): Promise<TAlarmVariable> {
  const row = await db.transaction(async (tx) => {
    const [risk] = await tx
      .select()
      .from(risks)
      .where(and(eq(risks.id, riskId), riskPolicy.scope(actor, risks.missionId)));
    if (!risk) throw notFound('Risk');
    authorize(riskPolicy.canWrite(actor, risk), 'Your role cannot change the risk register.');
    await checkVariable(tx, risk, input, input);
    const [created] = await tx
      .insert(alarmVariables)
      .values({
        missionId: risk.missionId,
        planId: risk.planId,
        riskId: risk.id,
        metric: input.metric,
        unit: input.unit ?? null,
        direction: input.direction,
        amberBound: input.amberBound,
        redBound: input.redBound,
        frequencyDays: input.frequency,
        escalationOwnerId: input.escalationOwnerId ?? null,
      })
      .returning();
    if (input.exposedInitiativeIds) await replaceExposed(tx, created!, input.exposedInitiativeIds);
    await writeAudit(tx, {
      actor,
      missionId: risk.missionId,
      entity: 'alarm_variable',
      entityId: created!.id,
      action: 'create',
      after: input,
    });
    return created!;
  });
  return presentVariable(db, row);
}

/** Updates an alarm variable. @throws 404, 403, 400, 409 stale version */
export async function updateAlarmVariable(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateAlarmVariableRequest,
): Promise<TAlarmVariable> {
  const row = await db.transaction(async (tx) => {
    const current = await loadVariable(tx, actor, id);
    authorize(riskPolicy.canWrite(actor, current), 'Your role cannot change the risk register.');
    const { version, exposedInitiativeIds, frequency, ...fields } = input;
    if (current.version !== version) throw staleVersion(current.version);
    await checkVariable(tx, current, { ...boundsOf(current), ...fields }, input);
    const updated = await updateVersioned(tx, alarmVariables, current, version, {
      ...fields,
      ...(frequency !== undefined ? { frequencyDays: frequency } : {}),
    });
    if (exposedInitiativeIds) await replaceExposed(tx, updated, exposedInitiativeIds);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'alarm_variable',
      entityId: id,
      action: 'update',
      before: current,
      after: input,
    });
    return updated;
  });
  return presentVariable(db, row);
}

/** Archives an alarm variable. @throws 404, 403, 409 */
export async function archiveAlarmVariable(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TAlarmVariable> {
  const row = await db.transaction(async (tx) => {
    const current = await loadVariable(tx, actor, id);
    authorize(riskPolicy.canWrite(actor, current), 'Your role cannot change the risk register.');
    const archived = await archiveVersioned(tx, alarmVariables, current, version);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'alarm_variable',
      entityId: id,
      action: 'archive',
    });
    return archived;
  });
  return presentVariable(db, row);
}
