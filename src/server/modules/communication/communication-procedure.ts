/**
 * The communication procedure: each plan's template of steps, each initiative's steps scheduled
 * from its dates (in the mission's time zone), and the steps' progress. Scheduling runs inside
 * the initiative's own transaction when it is created or its dates change.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type {
  TCommunicationStep,
  TCommunicationStepQuery,
  TCommunicationTemplate,
  TUpdateStepRequest,
  TUpdateTemplateRequest,
} from '../../../shared/schemas/communication-procedure.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiativePolicy, initiatives, isAssignedTo } from '../initiatives/index.ts';
import { missions, SYSTEM_USER_ID, users, writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { plans } from '../plans/index.ts';
import {
  communicationEvidenceFiles,
  communicationSteps,
  communicationTemplates,
} from './procedure-tables.ts';
import {
  DEFAULT_COMMUNICATION_TEMPLATE,
  defaultStepOwner,
  type ITemplateStep,
  isStepOverdue,
  planSchedule,
} from './rules/communication-schedule.ts';

type TInitiativeRow = typeof initiatives.$inferSelect;
type TStepRow = typeof communicationSteps.$inferSelect;

// ——— Template ———

async function loadTemplateRow(db: DbOrTx, planId: string) {
  const [row] = await db
    .select()
    .from(communicationTemplates)
    .where(eq(communicationTemplates.planId, planId));
  return row ?? null;
}

/** The plan's steps: its own template, or the built-in ten steps. */
export async function templateStepsOf(db: DbOrTx, planId: string): Promise<readonly ITemplateStep[]> {
  return (await loadTemplateRow(db, planId))?.steps ?? DEFAULT_COMMUNICATION_TEMPLATE;
}

async function loadPlan(db: DbOrTx, actor: TActor, planId: string) {
  const [plan] = await db
    .select({ id: plans.id, missionId: plans.missionId, timeZone: missions.timeZone })
    .from(plans)
    .innerJoin(missions, eq(missions.id, plans.missionId))
    .where(and(eq(plans.id, planId), planPolicy.scope(actor, plans.missionId), isNull(plans.archivedAt)));
  if (!plan) throw notFound('Plan');
  return plan;
}

async function presentTemplate(
  db: DbOrTx,
  plan: { id: string; timeZone: string },
): Promise<TCommunicationTemplate> {
  const row = await loadTemplateRow(db, plan.id);
  let officer: { id: string; fullName: string } | null = null;
  if (row?.communicationOfficerId) {
    [officer = null] = await db
      .select({ id: people.id, fullName: people.fullName })
      .from(people)
      .where(eq(people.id, row.communicationOfficerId));
  }
  return {
    planId: plan.id,
    steps: [...(row?.steps ?? DEFAULT_COMMUNICATION_TEMPLATE)],
    communicationOfficer: officer,
    timeZone: plan.timeZone,
    version: row?.version ?? 1,
    isCustomised: row !== null,
  };
}

export async function findCommunicationTemplate(
  db: DbOrTx,
  actor: TActor,
  planId: string,
): Promise<TCommunicationTemplate> {
  return presentTemplate(db, await loadPlan(db, actor, planId));
}

/**
 * Replaces the plan's template (managers only). With `applyToInitiatives`, the open steps of
 * every dated initiative of the plan follow the new template; finished steps stay.
 * @throws 404 plan, 403 role, 400 officer not of the mission, 409 stale version.
 */
export async function updateCommunicationTemplate(
  db: Db,
  actor: TActor,
  planId: string,
  input: TUpdateTemplateRequest,
): Promise<TCommunicationTemplate> {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor, planId);
    authorize(
      planPolicy.canUpdate(actor, plan),
      'Only the head of mission and administrators edit the procedure.',
    );
    const before = await presentTemplate(tx, plan);
    if (before.version !== input.version) throw staleVersion(before.version);
    if (input.communicationOfficerId) {
      const [person] = await tx
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.id, input.communicationOfficerId), eq(people.missionId, plan.missionId)));
      if (!person)
        throw badRequest('Some references are not valid.', [
          { field: 'communicationOfficerId', message: 'is not a person of this mission' },
        ]);
    }
    const steps: ITemplateStep[] = input.steps.map((s, i) => ({
      key: s.key ?? `step-${randomUUID().slice(0, 8)}`,
      position: i + 1,
      title: s.title,
      offsetDays: s.offsetDays,
      anchor: s.anchor,
      ownerRole: s.ownerRole,
      condition: s.condition ?? null,
      reminderMinutes: s.reminderMinutes ?? null,
      dueTime: s.dueTime ?? null,
    }));
    const officerId =
      input.communicationOfficerId === undefined
        ? (before.communicationOfficer?.id ?? null)
        : input.communicationOfficerId;
    const existing = await loadTemplateRow(tx, plan.id);
    if (existing) {
      const [row] = await tx
        .update(communicationTemplates)
        .set({
          steps,
          communicationOfficerId: officerId,
          version: sql`${communicationTemplates.version} + 1`,
          updatedAt: new Date(),
        })
        .where(
          and(eq(communicationTemplates.id, existing.id), eq(communicationTemplates.version, input.version)),
        )
        .returning();
      if (!row) throw staleVersion(existing.version + 1);
    } else {
      await tx.insert(communicationTemplates).values({
        missionId: plan.missionId,
        planId: plan.id,
        steps,
        communicationOfficerId: officerId,
        version: input.version + 1,
      });
    }
    const after = await presentTemplate(tx, plan);
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'communication_template',
      entityId: plan.id,
      action: 'update',
      before,
      after,
    });
    if (input.applyToInitiatives) {
      const dated = await tx
        .select()
        .from(initiatives)
        .where(
          and(
            eq(initiatives.planId, plan.id),
            isNull(initiatives.archivedAt),
            isNotNull(initiatives.startDate),
          ),
        );
      for (const initiative of dated) await scheduleCommunicationSteps(tx, actor, initiative);
    }
    return after;
  });
}

// ——— Scheduling ———

/**
 * Creates, moves or removes an initiative's open steps so that they follow its dates, importance
 * and the plan's template (finished steps never change). Call inside the initiative's write
 * transaction; audited when something changed.
 */
export async function scheduleCommunicationSteps(
  db: DbOrTx,
  actor: TActor | null,
  initiative: TInitiativeRow,
): Promise<{ created: number; moved: number; removed: number }> {
  const none = { created: 0, moved: 0, removed: 0 };
  if (initiative.archivedAt) return none;
  const template = await loadTemplateRow(db, initiative.planId);
  const [mission] = await db
    .select({ timeZone: missions.timeZone })
    .from(missions)
    .where(eq(missions.id, initiative.missionId));
  const existing = await db
    .select()
    .from(communicationSteps)
    .where(eq(communicationSteps.initiativeId, initiative.id));
  const changes = planSchedule({
    template: template?.steps ?? DEFAULT_COMMUNICATION_TEMPLATE,
    initiative,
    existing,
    timeZone: mission?.timeZone ?? 'UTC',
  });
  if (!changes.create.length && !changes.update.length && !changes.remove.length) return none;

  if (changes.create.length) {
    const needsHead = changes.create.some((c) => c.template.ownerRole === 'head_of_mission');
    const [head] = needsHead
      ? await db
          .select({ id: people.id })
          .from(people)
          .where(
            and(
              eq(people.missionId, initiative.missionId),
              eq(people.kind, 'head_of_mission'),
              isNull(people.archivedAt),
            ),
          )
          .orderBy(asc(people.fullName))
          .limit(1)
      : [];
    const owners = {
      initiativeOwnerId: initiative.ownerId,
      headOfMissionId: head?.id ?? null,
      communicationOfficerId: template?.communicationOfficerId ?? null,
    };
    await db.insert(communicationSteps).values(
      changes.create.map((c) => ({
        missionId: initiative.missionId,
        planId: initiative.planId,
        initiativeId: initiative.id,
        templateKey: c.template.key,
        position: c.template.position,
        title: c.template.title,
        anchor: c.template.anchor,
        offsetDays: c.template.offsetDays,
        ownerRole: c.template.ownerRole,
        ownerId: defaultStepOwner(c.template.ownerRole, owners),
        reminderMinutes: c.template.reminderMinutes,
        dueDate: c.dueDate,
        dueAt: c.dueAt,
        remindAt: c.remindAt,
        dateToConfirm: c.dateToConfirm,
      })),
    );
  }
  const templateByKey = new Map((template?.steps ?? DEFAULT_COMMUNICATION_TEMPLATE).map((t) => [t.key, t]));
  for (const u of changes.update) {
    const current = existing.find((s) => s.id === u.id)!;
    const t = templateByKey.get(current.templateKey);
    await db
      .update(communicationSteps)
      .set({
        dueDate: u.dueDate,
        dueAt: u.dueAt,
        remindAt: u.remindAt,
        dateToConfirm: u.dateToConfirm,
        position: u.position,
        title: u.title,
        ...(t ? { anchor: t.anchor, offsetDays: t.offsetDays, reminderMinutes: t.reminderMinutes } : {}),
        version: sql`${communicationSteps.version} + 1`,
        updatedAt: new Date(),
      })
      // Only while still open: a step finished meanwhile stays where it is.
      .where(and(eq(communicationSteps.id, u.id), eq(communicationSteps.status, 'todo')));
  }
  if (changes.remove.length)
    await db
      .delete(communicationSteps)
      .where(and(inArray(communicationSteps.id, changes.remove), eq(communicationSteps.status, 'todo')));
  const counts = {
    created: changes.create.length,
    moved: changes.update.length,
    removed: changes.remove.length,
  };
  await writeAudit(db, {
    actor,
    missionId: initiative.missionId,
    entity: 'communication_schedule',
    entityId: initiative.id,
    action: 'update',
    after: {
      ...counts,
      startDate: initiative.startDate,
      endDate: initiative.endDate,
      datePrecision: initiative.datePrecision,
    },
  });
  return counts;
}

async function loadScopedInitiative(db: DbOrTx, actor: TActor, id: string) {
  const [row] = await db
    .select({ initiative: initiatives, isAssigned: isAssignedTo(actor.userId) })
    .from(initiatives)
    .where(and(eq(initiatives.id, id), initiativePolicy.scope(actor), isNull(initiatives.archivedAt)));
  if (!row) throw notFound('Initiative');
  return { ...row.initiative, isAssigned: Boolean(row.isAssigned) };
}

/**
 * The "schedule" action: brings an existing initiative's steps in line with its dates.
 * @throws 404, 403 (not assigned / viewer), 400 when it has no date.
 */
export async function scheduleInitiative(db: Db, actor: TActor, initiativeId: string) {
  return db.transaction(async (tx) => {
    const initiative = await loadScopedInitiative(tx, actor, initiativeId);
    authorize(
      initiativePolicy.canUpdate(actor, initiative),
      'You can schedule only the initiatives you are assigned to.',
    );
    if (!initiative.startDate)
      throw badRequest('The initiative has no date yet: give it one to schedule its communication.', [
        { field: 'startDate', message: 'is required to schedule the steps' },
      ]);
    const counts = await scheduleCommunicationSteps(tx, actor, initiative);
    const { items } = await findCommunicationSteps(tx, actor, {
      initiativeId,
      limit: 200,
      offset: 0,
    });
    return { ...counts, steps: items };
  });
}

/** Schedules every dated initiative of a plan (the demo loader; nothing to authorize). */
export async function schedulePlanCommunication(
  db: DbOrTx,
  planId: string,
  options: { markFinishedInitiativesDone?: boolean } = {},
): Promise<number> {
  const rows = await db
    .select()
    .from(initiatives)
    .where(
      and(eq(initiatives.planId, planId), isNull(initiatives.archivedAt), isNotNull(initiatives.startDate)),
    );
  let created = 0;
  for (const row of rows) created += (await scheduleCommunicationSteps(db, null, row)).created;
  if (options.markFinishedInitiativesDone) {
    // A plan that already ran: the steps of its finished initiatives were done on their day.
    await db
      .update(communicationSteps)
      .set({
        status: 'done',
        doneAt: sql`(${communicationSteps.dueDate} + time '18:00')::timestamp at time zone 'UTC'`,
      })
      .where(
        and(
          eq(communicationSteps.planId, planId),
          eq(communicationSteps.status, 'todo'),
          inArray(
            communicationSteps.initiativeId,
            db
              .select({ id: initiatives.id })
              .from(initiatives)
              .where(and(eq(initiatives.planId, planId), inArray(initiatives.status, ['done', 'evaluated']))),
          ),
        ),
      );
  }
  return created;
}

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
