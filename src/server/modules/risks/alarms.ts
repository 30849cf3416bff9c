/**
 * Alarm variables, their observations, the alerts they raise and the corrective-action tasks.
 *
 * An observation (by hand, posted to the API or imported from CSV) that moves a variable into
 * amber or red from a better band raises an alert and creates a task for the variable's
 * escalation owner, in the same transaction. The alert stays open, and the exposed initiatives
 * show their fallback alternative, until someone resolves it with a note.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { isIsoDate } from '../../../shared/dates.ts';
import type { TAlarmLevel } from '../../../shared/enums.ts';
import type {
  TAlarmVariable,
  TAlert,
  TAlertListQuery,
  TCreateAlarmVariableRequest,
  TObservation,
  TObservationRequest,
  TObservationResult,
  TResolveAlertRequest,
  TTask,
  TTaskListQuery,
  TUpdateAlarmVariableRequest,
  TUpdateTaskRequest,
} from '../../../shared/schemas/risk.ts';
import { ZObservationRequest } from '../../../shared/schemas/risk.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import {
  badRequest,
  conflict,
  HttpProblem,
  notFound,
  type TFieldError,
} from '../../platform/http/problem.ts';
import { archiveVersioned, staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { importErrorsProblem } from '../../platform/uploads/import-errors.ts';
import { initiativePolicy, initiatives, readTableFile } from '../initiatives/index.ts';
import { missions, users, writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { riskPolicy } from './policy.ts';
import {
  addDays,
  checkAlarmBounds,
  computeAlarmStatus,
  findAlarmLevel,
  isWorsening,
  latestObservation,
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

type TVariableRow = typeof alarmVariables.$inferSelect;
type TAlertRow = typeof alerts.$inferSelect;
type TTaskRow = typeof tasks.$inferSelect;

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

const boundsOf = (v: TVariableRow): TAlarmBounds => ({
  direction: v.direction,
  amberBound: v.amberBound,
  redBound: v.redBound,
});

function presentObservation(
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

async function presentVariable(db: DbOrTx, row: TVariableRow): Promise<TAlarmVariable> {
  const [presented] = await presentAlarmVariables(db, [row], await missionToday(db, row.missionId));
  return presented!;
}

/** Loads one alarm variable through the caller's scope. @throws 404 */
async function loadVariable(db: DbOrTx, actor: TActor, id: string): Promise<TVariableRow> {
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

/** The band of a variable's latest observation, or null before the first. */
async function currentLevel(db: DbOrTx, variable: TVariableRow): Promise<TAlarmLevel | null> {
  const [latest] = await db
    .select({ value: alarmObservations.value })
    .from(alarmObservations)
    .where(eq(alarmObservations.alarmVariableId, variable.id))
    .orderBy(
      desc(alarmObservations.observedOn),
      desc(alarmObservations.createdAt),
      desc(alarmObservations.id),
    )
    .limit(1);
  return latest ? findAlarmLevel({ ...boundsOf(variable), value: latest.value }) : null;
}

/**
 * Writes observations and, when they made the variable worse (into amber or red), raises an
 * alert and creates the corrective-action task for the escalation owner. Runs in the caller's
 * transaction.
 */
async function writeObservations(
  tx: DbOrTx,
  actor: TActor,
  variable: TVariableRow,
  inputs: TObservationRequest[],
  action: 'create' | 'import',
): Promise<{ observationIds: string[]; alertId: string | null }> {
  const before = await currentLevel(tx, variable);
  const inserted = await tx
    .insert(alarmObservations)
    .values(
      inputs.map((o) => ({
        missionId: variable.missionId,
        alarmVariableId: variable.id,
        observedOn: o.observedOn,
        value: o.value,
        source: o.source ?? null,
        note: o.note ?? null,
        recordedBy: actor.userId,
      })),
    )
    .returning();
  await writeAudit(tx, {
    actor,
    missionId: variable.missionId,
    entity: 'alarm_variable',
    entityId: variable.id,
    action,
    after: { observations: inputs },
  });
  const after = await currentLevel(tx, variable);
  if (!isWorsening({ before, after })) return { observationIds: inserted.map((o) => o.id), alertId: null };

  // The observation that set the new band: the latest one written.
  const trigger =
    latestObservation(inserted.map((o, i) => ({ ...o, recordedAt: i }))) ?? inserted[inserted.length - 1]!;
  const level = after as 'amber' | 'red';
  const [alert] = await tx
    .insert(alerts)
    .values({
      missionId: variable.missionId,
      planId: variable.planId,
      alarmVariableId: variable.id,
      observationId: trigger.id,
      level,
    })
    .returning();
  const [risk] = await tx
    .select({ title: risks.title, initiativeId: risks.initiativeId })
    .from(risks)
    .where(eq(risks.id, variable.riskId));
  const exposed = await tx
    .select({ initiativeId: alarmVariableInitiatives.initiativeId })
    .from(alarmVariableInitiatives)
    .where(eq(alarmVariableInitiatives.alarmVariableId, variable.id));
  const today = await missionToday(tx, variable.missionId);
  const unit = variable.unit ? ` ${variable.unit}` : '';
  const [task] = await tx
    .insert(tasks)
    .values({
      missionId: variable.missionId,
      planId: variable.planId,
      title:
        `Corrective action: ${variable.metric} is ${level} (${trigger.value}${unit} on ${trigger.observedOn}) — ${risk?.title ?? ''}`.slice(
          0,
          300,
        ),
      ownerId: variable.escalationOwnerId,
      dueDate: addDays(today, CORRECTIVE_TASK_DAYS),
      alertId: alert!.id,
      initiativeId: risk?.initiativeId ?? (exposed.length === 1 ? exposed[0]!.initiativeId : null),
    })
    .returning();
  await writeAudit(tx, {
    actor,
    missionId: variable.missionId,
    entity: 'alert',
    entityId: alert!.id,
    action: 'create',
    after: { level, observationId: trigger.id, taskId: task!.id },
  });
  return { observationIds: inserted.map((o) => o.id), alertId: alert!.id };
}

async function observationResult(
  db: DbOrTx,
  variable: TVariableRow,
  written: { observationIds: string[]; alertId: string | null },
): Promise<TObservationResult> {
  const presented = await presentVariable(db, variable);
  const rows = await db
    .select({ observation: alarmObservations, userName: users.name })
    .from(alarmObservations)
    .leftJoin(users, eq(users.id, alarmObservations.recordedBy))
    .where(inArray(alarmObservations.id, written.observationIds))
    .orderBy(asc(alarmObservations.observedOn));
  const alertRows = written.alertId
    ? await db.select().from(alerts).where(eq(alerts.id, written.alertId))
    : [];
  const [alert] = await presentAlerts(db, alertRows);
  return {
    observations: rows.map((r) =>
      presentObservation(
        r.observation,
        variable,
        r.observation.recordedBy ? { id: r.observation.recordedBy, name: r.userName ?? '' } : null,
      ),
    ),
    variable: presented,
    alert: alert ?? null,
  };
}

async function loadVariableForWrite(tx: DbOrTx, actor: TActor, id: string): Promise<TVariableRow> {
  const variable = await loadVariable(tx, actor, id);
  authorize(riskPolicy.canWrite(actor, variable), 'Your role cannot record observations.');
  if (variable.archivedAt)
    throw conflict('This alarm variable is archived: restore it before recording observations.');
  return variable;
}

/**
 * Records one observation; raises an alert and a corrective task when it worsens the status.
 * @throws 404, 403, 400 (a date is required).
 */
export async function recordObservation(
  db: Db,
  actor: TActor,
  variableId: string,
  input: TObservationRequest,
): Promise<TObservationResult> {
  const { variable, written } = await db.transaction(async (tx) => {
    const variable = await loadVariableForWrite(tx, actor, variableId);
    return { variable, written: await writeObservations(tx, actor, variable, [input], 'create') };
  });
  return observationResult(db, variable, written);
}

const CSV_COLUMNS = ['observedOn', 'value', 'source', 'note'] as const;
const CSV_ALIASES: Record<string, (typeof CSV_COLUMNS)[number]> = {
  observedon: 'observedOn',
  observed_on: 'observedOn',
  date: 'observedOn',
  value: 'value',
  source: 'source',
  note: 'note',
};

/**
 * Imports observations from CSV text with a header row (`observedOn,value,source,note`; `date`
 * is accepted for `observedOn`). All or nothing: any bad cell is reported as
 * `row N, column X` and nothing is stored.
 * @throws 400 with one error per bad cell.
 */
export async function importObservations(
  db: Db,
  actor: TActor,
  variableId: string,
  csv: string,
): Promise<TObservationResult> {
  const { rows, rowNumbers } = await readTableFile(
    { name: 'observations.csv', data: new TextEncoder().encode(csv) },
    { field: 'csv' },
  ).catch((error: unknown) => {
    // The row and size limits, and the CSV's own faults, are already named for `csv`.
    if (error instanceof HttpProblem) throw error;
    throw badRequest('The CSV could not be read.', [{ field: 'csv', message: 'is not valid CSV text' }]);
  });
  const [header, ...body] = rows;
  const columns = (header ?? []).map((h) => CSV_ALIASES[h.trim().toLowerCase()] ?? null);
  const missing = (['observedOn', 'value'] as const).filter((c) => !columns.includes(c));
  if (missing.length)
    throw badRequest('The CSV needs a header row.', [
      {
        field: 'csv',
        message: `needs the columns observedOn and value in its first row (missing: ${missing.join(', ')})`,
      },
    ]);
  const errors: TFieldError[] = [];
  const inputs: TObservationRequest[] = [];
  body.forEach((cells, index) => {
    const rowNumber = rowNumbers[index + 1] ?? index + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (name: (typeof CSV_COLUMNS)[number]) => {
      const at = columns.indexOf(name);
      return at < 0 ? '' : (cells[at] ?? '').trim();
    };
    const fail = (column: string, message: string) =>
      errors.push({ field: `row ${rowNumber}, column ${column}`, message });
    const errorsBefore = errors.length;
    const observedOn = cell('observedOn');
    const rawValue = cell('value').replace(',', '.');
    const value = Number(rawValue);
    if (!observedOn) fail('observedOn', 'is required');
    else if (!isIsoDate(observedOn)) fail('observedOn', 'must be a date in the form YYYY-MM-DD');
    if (!rawValue) fail('value', 'is required');
    else if (!Number.isFinite(value)) fail('value', 'must be a number');
    const row = { observedOn, value, source: cell('source') || null, note: cell('note') || null };
    // The same limits as an observation posted by hand (range, text, dates).
    const parsed = ZObservationRequest.safeParse(row);
    if (parsed.success) inputs.push(parsed.data);
    else if (errors.length === errorsBefore)
      for (const issue of parsed.error.issues) fail(issue.path.map(String).join('.'), issue.message);
  });
  if (errors.length) throw importErrorsProblem(errors, { what: 'The CSV' });
  if (inputs.length === 0)
    throw badRequest('The CSV has no observations.', [{ field: 'csv', message: 'has no data rows' }]);
  const { variable, written } = await db.transaction(async (tx) => {
    const variable = await loadVariableForWrite(tx, actor, variableId);
    return { variable, written: await writeObservations(tx, actor, variable, inputs, 'import') };
  });
  return observationResult(db, variable, written);
}

// ——— Alerts ———

/** Alerts of a plan, open first, newest first. */
export async function findAlerts(
  db: DbOrTx,
  actor: TActor,
  query: TAlertListQuery,
): Promise<{ items: TAlert[] }> {
  const where: SQL[] = [riskPolicy.scope(actor, alerts.missionId)];
  if (query.planId) where.push(eq(alerts.planId, query.planId));
  if (query.status) where.push(eq(alerts.status, query.status));
  const rows = await db
    .select()
    .from(alerts)
    .where(and(...where))
    .orderBy(desc(alerts.status), desc(alerts.raisedAt))
    .limit(500);
  return { items: await presentAlerts(db, rows) };
}

/**
 * Open alerts whose variable exposes this initiative: what its page warns about. Readable by
 * whoever reads the initiative (collaborators assigned to it included). @throws 404
 */
export async function findInitiativeAlerts(
  db: DbOrTx,
  actor: TActor,
  initiativeId: string,
): Promise<{ items: TAlert[] }> {
  const [initiative] = await db
    .select({ id: initiatives.id })
    .from(initiatives)
    .where(and(eq(initiatives.id, initiativeId), initiativePolicy.scope(actor)));
  if (!initiative) throw notFound('Initiative');
  const rows = await db
    .select({ alert: alerts })
    .from(alerts)
    .innerJoin(alarmVariableInitiatives, eq(alarmVariableInitiatives.alarmVariableId, alerts.alarmVariableId))
    .innerJoin(alarmVariables, eq(alarmVariables.id, alerts.alarmVariableId))
    .where(
      and(
        eq(alarmVariableInitiatives.initiativeId, initiativeId),
        eq(alerts.status, 'open'),
        isNull(alarmVariables.archivedAt),
      ),
    )
    .orderBy(desc(alerts.raisedAt));
  return {
    items: await presentAlerts(
      db,
      rows.map((r) => r.alert),
    ),
  };
}

/**
 * Resolves an open alert with a note (the note is mandatory); its initiatives stop warning.
 * @throws 404, 403, 409 already resolved or stale version.
 */
export async function resolveAlert(
  db: Db,
  actor: TActor,
  id: string,
  input: TResolveAlertRequest,
): Promise<TAlert> {
  const row = await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(alerts)
      .where(and(eq(alerts.id, id), riskPolicy.scope(actor, alerts.missionId)));
    if (!current) throw notFound('Alert');
    authorize(riskPolicy.canWrite(actor, current), 'Your role cannot resolve alerts.');
    if (current.status === 'resolved') throw conflict('This alert was already resolved.');
    const resolved = await updateVersioned(tx, alerts, current, input.version ?? current.version, {
      status: 'resolved',
      resolvedAt: new Date(),
      resolvedBy: actor.userId,
      resolutionNote: input.note,
    });
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'alert',
      entityId: id,
      action: 'update',
      before: { status: 'open' },
      after: { status: 'resolved', note: input.note },
    });
    return resolved;
  });
  const [presented] = await presentAlerts(db, [row]);
  return presented!;
}

// ——— Tasks ———

async function presentTasks(db: DbOrTx, rows: TTaskRow[], today: string): Promise<TTask[]> {
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((v): v is string => !!v))];
  const initiativeIds = [...new Set(rows.map((r) => r.initiativeId).filter((v): v is string => !!v))];
  const owners = ownerIds.length
    ? await db
        .select({ id: people.id, fullName: people.fullName })
        .from(people)
        .where(inArray(people.id, ownerIds))
    : [];
  const initiativeRows = initiativeIds.length
    ? await db
        .select({ id: initiatives.id, title: initiatives.title })
        .from(initiatives)
        .where(inArray(initiatives.id, initiativeIds))
    : [];
  return rows.map((row) => ({
    id: row.id,
    missionId: row.missionId,
    planId: row.planId,
    title: row.title,
    owner: owners.find((o) => o.id === row.ownerId) ?? null,
    dueDate: row.dueDate,
    status: row.status,
    alertId: row.alertId,
    initiative: initiativeRows.find((i) => i.id === row.initiativeId) ?? null,
    isOverdue: row.status === 'open' && !!row.dueDate && row.dueDate < today,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
  }));
}

/** Tasks of a plan: open first, then by due date. */
export async function findTasks(
  db: DbOrTx,
  actor: TActor,
  query: TTaskListQuery,
): Promise<{ items: TTask[] }> {
  const where: SQL[] = [riskPolicy.scope(actor, tasks.missionId)];
  if (query.planId) where.push(eq(tasks.planId, query.planId));
  if (query.status) where.push(eq(tasks.status, query.status));
  if (query.fromAlerts) where.push(isNotNull(tasks.alertId));
  const rows = await db
    .select()
    .from(tasks)
    .where(and(...where))
    .orderBy(desc(tasks.status), asc(tasks.dueDate), desc(tasks.createdAt))
    .limit(500);
  return { items: await presentTasks(db, rows, await missionToday(db, rows[0]?.missionId)) };
}

/** Updates a task (mark it done, reassign, move its date). @throws 404, 403, 400, 409 */
export async function updateTask(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateTaskRequest,
): Promise<TTask> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, id), riskPolicy.scope(actor, tasks.missionId)));
    if (!current) throw notFound('Task');
    authorize(riskPolicy.canWrite(actor, current), 'Your role cannot change tasks.');
    const { version, ...fields } = input;
    const errors = await checkPeople(tx, current.missionId, [['ownerId', fields.ownerId]]);
    if (errors.length) throw badRequest('Some fields are not valid.', errors);
    const row = await updateVersioned(tx, tasks, current, version, fields);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'task',
      entityId: id,
      action: 'update',
      before: current,
      after: fields,
    });
    const [presented] = await presentTasks(tx, [row], await missionToday(tx, row.missionId));
    return presented!;
  });
}
