/**
 * Alerts and corrective tasks: lists for a plan or an initiative, resolving an alert, updating a task.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type {
  TAlert,
  TAlertListQuery,
  TResolveAlertRequest,
  TTask,
  TTaskListQuery,
  TUpdateTaskRequest,
} from '../../../shared/schemas/risk.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { isoRequired } from '../../platform/http/dates.ts';
import { badRequest, conflict, notFound } from '../../platform/http/problem.ts';
import { updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiativePolicy, initiatives } from '../initiatives/index.ts';
import { writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { checkPeople, missionToday, presentAlerts, type TTaskRow } from './alarms.ts';
import { riskPolicy } from './policy.ts';
import { alarmVariableInitiatives, alarmVariables, alerts, tasks } from './tables.ts';

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
