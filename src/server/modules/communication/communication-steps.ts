import { and, asc, eq, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type {
  TCommunicationStep,
  TCommunicationStepQuery,
  TUpdateStepRequest,
} from '../../../shared/schemas/communication-procedure.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiativePolicy, initiatives, isAssignedTo } from '../initiatives/index.ts';
import { missions, SYSTEM_USER_ID, users, writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { communicationEvidenceFiles, communicationSteps } from './procedure-tables.ts';
import { isStepOverdue } from './rules/communication-schedule.ts';

type TStepRow = typeof communicationSteps.$inferSelect;

// ——— Steps ———

const stepColumns = {
  step: communicationSteps,
  initiative: {
    id: initiatives.id,
    title: initiatives.title,
    startDate: initiatives.startDate,
    endDate: initiatives.endDate,
    datePrecision: initiatives.datePrecision,
    importance: initiatives.importance,
  },
  ownerName: people.fullName,
  doneByName: users.name,
  timeZone: missions.timeZone,
  evidenceFile: {
    name: communicationEvidenceFiles.fileName,
    contentType: communicationEvidenceFiles.contentType,
    size: communicationEvidenceFiles.size,
    uploadedAt: communicationEvidenceFiles.uploadedAt,
  },
};

type TStepSelection = {
  step: TStepRow;
  initiative: TCommunicationStep['initiative'];
  ownerName: string | null;
  doneByName: string | null;
  timeZone: string;
  evidenceFile: { name: string; contentType: string; size: number; uploadedAt: Date } | null;
};

function selectSteps(db: DbOrTx) {
  return db
    .select(stepColumns)
    .from(communicationSteps)
    .innerJoin(initiatives, eq(initiatives.id, communicationSteps.initiativeId))
    .innerJoin(missions, eq(missions.id, communicationSteps.missionId))
    .leftJoin(people, eq(people.id, communicationSteps.ownerId))
    .leftJoin(users, eq(users.id, communicationSteps.doneBy))
    .leftJoin(communicationEvidenceFiles, eq(communicationEvidenceFiles.stepId, communicationSteps.id));
}

export function presentStep(row: TStepSelection, now = new Date()): TCommunicationStep {
  const s = row.step;
  return {
    id: s.id,
    planId: s.planId,
    initiative: row.initiative,
    templateKey: s.templateKey,
    position: s.position,
    title: s.title,
    anchor: s.anchor,
    offsetDays: s.offsetDays,
    ownerRole: s.ownerRole,
    owner: s.ownerId && row.ownerName ? { id: s.ownerId, fullName: row.ownerName } : null,
    dueDate: s.dueDate,
    dueAt: iso(s.dueAt),
    reminderMinutes: s.reminderMinutes,
    remindAt: iso(s.remindAt),
    dateToConfirm: s.dateToConfirm,
    status: s.status,
    skipReason: s.skipReason,
    doneBy: s.doneBy && row.doneByName ? { id: s.doneBy, name: row.doneByName } : null,
    doneAt: iso(s.doneAt),
    evidenceUrl: s.evidenceUrl,
    evidenceFile: row.evidenceFile
      ? { ...row.evidenceFile, uploadedAt: isoRequired(row.evidenceFile.uploadedAt) }
      : null,
    notes: s.notes,
    isOverdue: isStepOverdue(s, now, row.timeZone),
    version: s.version,
    updatedAt: isoRequired(s.updatedAt),
  };
}

/** SQL: the step is open and past its day in its mission's time zone (or past its instant). */
export const overdueCondition = (now: Date = new Date()): SQL =>
  sql`(${communicationSteps.status} = 'todo' and (${communicationSteps.dueAt} < ${now.toISOString()}::timestamptz or (${communicationSteps.dueAt} is null and ${communicationSteps.dueDate} < (${now.toISOString()}::timestamptz at time zone ${missions.timeZone})::date)))`;

/** SQL: the step is owned by a person linked to this user. */
const ownedBy = (userId: string): SQL =>
  sql`${communicationSteps.ownerId} in (select p.id from people p where p.user_id = ${userId})`;

/** Steps the actor may see (those of the initiatives in their scope), by due day. */
export async function findCommunicationSteps(
  db: DbOrTx,
  actor: TActor,
  query: Partial<TCommunicationStepQuery> & { limit: number; offset: number },
): Promise<{ items: TCommunicationStep[]; total: number; limit: number; offset: number }> {
  const where: SQL[] = [initiativePolicy.scope(actor), isNull(initiatives.archivedAt)];
  if (query.planId) where.push(eq(communicationSteps.planId, query.planId));
  if (query.initiativeId) where.push(eq(communicationSteps.initiativeId, query.initiativeId));
  if (query.from) where.push(gte(communicationSteps.dueDate, query.from));
  if (query.to) where.push(lte(communicationSteps.dueDate, query.to));
  if (query.status?.length) where.push(inArray(communicationSteps.status, query.status));
  if (query.mine) where.push(ownedBy(actor.userId));
  const now = new Date();
  if (query.overdue) where.push(overdueCondition(now));
  const condition = and(...where);
  const rows = await selectSteps(db)
    .where(condition)
    .orderBy(asc(communicationSteps.dueDate), asc(initiatives.title), asc(communicationSteps.position))
    .limit(query.limit)
    .offset(query.offset);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(communicationSteps)
    .innerJoin(initiatives, eq(initiatives.id, communicationSteps.initiativeId))
    .innerJoin(missions, eq(missions.id, communicationSteps.missionId))
    .where(condition);
  return {
    items: rows.map((r) => presentStep(r, now)),
    total: Number(counted?.total ?? 0),
    limit: query.limit,
    offset: query.offset,
  };
}

async function loadScopedStep(db: DbOrTx, actor: TActor, id: string) {
  const [row] = await selectSteps(db)
    .where(and(eq(communicationSteps.id, id), initiativePolicy.scope(actor), isNull(initiatives.archivedAt)))
    .limit(1);
  if (!row) throw notFound('Communication step');
  const [assigned] = await db
    .select({ isAssigned: isAssignedTo(actor.userId) })
    .from(initiatives)
    .where(eq(initiatives.id, row.step.initiativeId));
  return { row, isAssigned: Boolean(assigned?.isAssigned) };
}

/**
 * Marks a step done, skipped (with a reason) or open again; sets its owner, evidence, notes.
 * Permissions are the initiative's: writers, and collaborators on the initiatives they are
 * assigned to; only writers change the owner.
 * @throws 404, 403, 400 (skip without a reason, owner not of the mission), 409 stale version.
 */
export async function updateCommunicationStep(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateStepRequest,
): Promise<TCommunicationStep> {
  return db.transaction(async (tx) => {
    const { row, isAssigned } = await loadScopedStep(tx, actor, id);
    const current = row.step;
    authorize(
      initiativePolicy.canUpdate(actor, { missionId: current.missionId, isAssigned }),
      'You can update only the steps of the initiatives you are assigned to.',
    );
    const { version, ...fields } = input;
    if (fields.ownerId !== undefined && fields.ownerId !== current.ownerId) {
      authorize(initiativePolicy.canAssign(actor, current), 'Your role cannot reassign steps.');
      if (fields.ownerId) {
        const [person] = await tx
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.id, fields.ownerId), eq(people.missionId, current.missionId)));
        if (!person)
          throw badRequest('Some references are not valid.', [
            { field: 'ownerId', message: 'is not a person of this mission' },
          ]);
      }
    }
    if (current.version !== version) throw staleVersion(current.version);
    const status = fields.status ?? current.status;
    const skipReason =
      status === 'skipped'
        ? fields.skipReason !== undefined
          ? fields.skipReason
          : current.skipReason
        : null;
    if (status === 'skipped' && !skipReason?.trim())
      throw badRequest('A skipped step needs a reason.', [
        { field: 'skipReason', message: 'is required to skip a step' },
      ]);
    const isStatusChanged = status !== current.status;
    const finishing = isStatusChanged && status !== 'todo';
    const userId = actor.userId === SYSTEM_USER_ID ? null : actor.userId;
    const before = presentStep(row);
    await updateVersioned(tx, communicationSteps, current, version, {
      status,
      skipReason,
      ...(isStatusChanged
        ? finishing
          ? { doneBy: userId, doneAt: new Date() }
          : { doneBy: null, doneAt: null }
        : {}),
      ...(fields.ownerId !== undefined ? { ownerId: fields.ownerId } : {}),
      ...(fields.evidenceUrl !== undefined ? { evidenceUrl: fields.evidenceUrl } : {}),
      ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
    });
    const [updated] = await selectSteps(tx).where(eq(communicationSteps.id, id));
    const after = presentStep(updated!);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'communication_step',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

// ——— Evidence files ———

/** Largest evidence file accepted (press reviews as PDF can be big). */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/**
 * Attaches a file as the step's evidence, replacing the previous one. Same rights as updating
 * the step.
 * @throws 404, 403, 400 (empty or larger than 10 MB).
 */
export async function uploadStepEvidence(
  db: Db,
  actor: TActor,
  id: string,
  file: { name: string; contentType: string; data: Uint8Array },
): Promise<TCommunicationStep> {
  return db.transaction(async (tx) => {
    const { row, isAssigned } = await loadScopedStep(tx, actor, id);
    const current = row.step;
    authorize(
      initiativePolicy.canUpdate(actor, { missionId: current.missionId, isAssigned }),
      'You can update only the steps of the initiatives you are assigned to.',
    );
    if (file.data.byteLength === 0)
      throw badRequest('The file is empty.', [{ field: 'file', message: 'is empty' }]);
    if (file.data.byteLength > MAX_EVIDENCE_BYTES)
      throw badRequest('The file is larger than 10 MB.', [
        { field: 'file', message: 'is larger than 10 MB' },
      ]);
    const values = {
      missionId: current.missionId,
      stepId: id,
      fileName: file.name.replace(/[\\/\r\n"]/g, '_').slice(0, 200) || 'evidence',
      contentType: file.contentType || 'application/octet-stream',
      size: file.data.byteLength,
      data: Buffer.from(file.data),
      uploadedBy: actor.userId === SYSTEM_USER_ID ? null : actor.userId,
      uploadedAt: new Date(),
    };
    await tx
      .insert(communicationEvidenceFiles)
      .values(values)
      .onConflictDoUpdate({
        target: communicationEvidenceFiles.stepId,
        set: {
          fileName: values.fileName,
          contentType: values.contentType,
          size: values.size,
          data: values.data,
          uploadedBy: values.uploadedBy,
          uploadedAt: values.uploadedAt,
        },
      });
    await tx
      .update(communicationSteps)
      .set({ version: sql`${communicationSteps.version} + 1`, updatedAt: new Date() })
      .where(eq(communicationSteps.id, id));
    const [updated] = await selectSteps(tx).where(eq(communicationSteps.id, id));
    const after = presentStep(updated!);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'communication_step',
      entityId: id,
      action: 'update',
      before: { evidenceFile: presentStep(row).evidenceFile },
      after: { evidenceFile: after.evidenceFile },
    });
    return after;
  });
}

/** The step's evidence file, for whoever can see the step. @throws 404 no step or no file. */
export async function findStepEvidence(
  db: DbOrTx,
  actor: TActor,
  id: string,
): Promise<{ fileName: string; contentType: string; data: Buffer }> {
  await loadScopedStep(db, actor, id);
  const [file] = await db
    .select({
      fileName: communicationEvidenceFiles.fileName,
      contentType: communicationEvidenceFiles.contentType,
      data: communicationEvidenceFiles.data,
    })
    .from(communicationEvidenceFiles)
    .where(eq(communicationEvidenceFiles.stepId, id));
  if (!file) throw notFound('Evidence file');
  return file;
}
