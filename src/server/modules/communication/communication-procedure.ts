/**
 * The communication procedure: each plan's template of steps, each initiative's steps scheduled
 * from its dates (in the mission's time zone), and the steps' progress. Scheduling runs inside
 * the initiative's own transaction when it is created or its dates change.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type {
  TCommunicationTemplate,
  TUpdateTemplateRequest,
} from '../../../shared/schemas/communication-procedure.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { staleVersion } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiativePolicy, initiatives, isAssignedTo } from '../initiatives/index.ts';
import { missions, writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { plans } from '../plans/index.ts';
import { findCommunicationSteps } from './communication-steps.ts';
import { communicationSteps, communicationTemplates } from './procedure-tables.ts';
import {
  DEFAULT_COMMUNICATION_TEMPLATE,
  defaultStepOwner,
  type ITemplateStep,
  planSchedule,
} from './rules/communication-schedule.ts';

type TInitiativeRow = typeof initiatives.$inferSelect;

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
