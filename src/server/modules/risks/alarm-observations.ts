/**
 * Observations of alarm variables: one by hand or many from a CSV/XLSX file; each may raise or clear an alert and its corrective task.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { isIsoDate } from '../../../shared/dates.ts';
import type { TAlarmLevel } from '../../../shared/enums.ts';
import type { TObservationRequest, TObservationResult } from '../../../shared/schemas/risk.ts';
import { ZObservationRequest } from '../../../shared/schemas/risk.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, conflict, HttpProblem, type TFieldError } from '../../platform/http/problem.ts';
import { authorize } from '../../platform/scope.ts';
import { importErrorsProblem } from '../../platform/uploads/import-errors.ts';
import { readTableFile } from '../initiatives/index.ts';
import { users, writeAudit } from '../missions/index.ts';
import {
  boundsOf,
  CORRECTIVE_TASK_DAYS,
  loadVariable,
  missionToday,
  presentAlerts,
  presentObservation,
  presentVariable,
  type TVariableRow,
} from './alarms.ts';
import { riskPolicy } from './policy.ts';
import { addDays, findAlarmLevel, isWorsening, latestObservation } from './rules/alarm-status.ts';
import { alarmObservations, alarmVariableInitiatives, alerts, risks, tasks } from './tables.ts';

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
