/**
 * Writes at a staff meeting: an initiative's check-in (carried forward to later meetings that
 * kept the old status), and the minutes' decisions and action items.
 */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type {
  TActionItem,
  TCheckInRequest,
  TCreateActionItemRequest,
  TCreateDecisionRequest,
  TMeetingCheckIn,
  TMeetingDecision,
  TUpdateActionItemRequest,
} from '../../../shared/schemas/monitoring.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, type TFieldError } from '../../platform/http/problem.ts';
import { loadScoped, updateVersioned } from '../../platform/records.ts';
import { initiatives } from '../initiatives/index.ts';
import { writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { loadCheckIns, loadMinutes, loadWritableMeeting, type TMeetingRow } from './meetings.ts';
import { meetingPolicy } from './policy.ts';
import { meetingActionItems, meetingDecisions, meetingStatuses, staffMeetings } from './tables.ts';

/** Field errors for an initiative outside the meeting's plan or a person outside its mission. */
async function checkMinutesReferences(
  db: DbOrTx,
  meeting: TMeetingRow,
  refs: { initiativeId?: string | null; ownerId?: string | null },
): Promise<void> {
  const errors: TFieldError[] = [];
  if (refs.initiativeId) {
    const [found] = await db
      .select({ id: initiatives.id })
      .from(initiatives)
      .where(and(eq(initiatives.id, refs.initiativeId), eq(initiatives.planId, meeting.planId)));
    if (!found) errors.push({ field: 'initiativeId', message: "is not an initiative of the meeting's plan" });
  }
  if (refs.ownerId) {
    const [found] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, refs.ownerId), eq(people.missionId, meeting.missionId)));
    if (!found) errors.push({ field: 'ownerId', message: 'is not a person of this mission' });
  }
  if (errors.length) throw badRequest('Some references are not valid.', errors);
}

/**
 * Records an initiative's status at a meeting. Later meetings that carried the old status
 * unchanged get the new one too (until one where somebody recorded a status).
 * @throws 404, 403, 400 initiative not in the meeting's plan.
 */
export async function recordCheckIn(
  db: Db,
  actor: TActor,
  meetingId: string,
  initiativeId: string,
  input: TCheckInRequest,
): Promise<TMeetingCheckIn> {
  return db.transaction(async (tx) => {
    const meeting = await loadWritableMeeting(tx, actor, meetingId);
    await checkMinutesReferences(tx, meeting, { initiativeId });
    const values = {
      status: input.status,
      note: input.note ?? null,
      updatedBy: actor.userId,
      updatedAt: new Date(),
    };
    const [before] = await tx
      .select()
      .from(meetingStatuses)
      .where(and(eq(meetingStatuses.meetingId, meeting.id), eq(meetingStatuses.initiativeId, initiativeId)));
    await tx
      .insert(meetingStatuses)
      .values({
        missionId: meeting.missionId,
        meetingId: meeting.id,
        initiativeId,
        isCarried: false,
        ...values,
      })
      .onConflictDoUpdate({
        target: [meetingStatuses.meetingId, meetingStatuses.initiativeId],
        set: { ...values, isCarried: false },
      });
    const later = await tx
      .select({ id: staffMeetings.id })
      .from(staffMeetings)
      .where(
        and(
          eq(staffMeetings.planId, meeting.planId),
          gt(staffMeetings.meetingDate, meeting.meetingDate),
          isNull(staffMeetings.archivedAt),
        ),
      )
      .orderBy(asc(staffMeetings.meetingDate));
    for (const next of later) {
      const updated = await tx
        .update(meetingStatuses)
        .set({ status: input.status, note: input.note ?? null, updatedAt: new Date() })
        .where(
          and(
            eq(meetingStatuses.meetingId, next.id),
            eq(meetingStatuses.initiativeId, initiativeId),
            eq(meetingStatuses.isCarried, true),
          ),
        )
        .returning({ id: meetingStatuses.initiativeId });
      if (updated.length === 0) break;
    }
    await writeAudit(tx, {
      actor,
      missionId: meeting.missionId,
      entity: 'meeting_status',
      entityId: `${meeting.id}/${initiativeId}`,
      action: before ? 'update' : 'create',
      before: before ? { status: before.status, note: before.note, isCarried: before.isCarried } : undefined,
      after: { status: input.status, note: input.note ?? null },
    });
    const checkIns = await loadCheckIns(tx, meeting);
    return checkIns.find((c) => c.initiativeId === initiativeId)!;
  });
}

/** Adds a decision to the minutes. @throws 404, 403, 400 */
export async function addMeetingDecision(
  db: Db,
  actor: TActor,
  meetingId: string,
  input: TCreateDecisionRequest,
): Promise<TMeetingDecision> {
  return db.transaction(async (tx) => {
    const meeting = await loadWritableMeeting(tx, actor, meetingId);
    await checkMinutesReferences(tx, meeting, { initiativeId: input.initiativeId });
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${meetingDecisions.position}), -1)::int + 1` })
      .from(meetingDecisions)
      .where(eq(meetingDecisions.meetingId, meeting.id))) as [{ next: number }];
    const [row] = await tx
      .insert(meetingDecisions)
      .values({
        missionId: meeting.missionId,
        meetingId: meeting.id,
        text: input.text,
        initiativeId: input.initiativeId ?? null,
        position: Number(next),
      })
      .returning();
    const { decisions } = await loadMinutes(tx, meeting.id);
    const created = decisions.find((d) => d.id === row!.id)!;
    await writeAudit(tx, {
      actor,
      missionId: meeting.missionId,
      entity: 'meeting_decision',
      entityId: row!.id,
      action: 'create',
      after: created,
    });
    return created;
  });
}

/** Adds an action item to the minutes. @throws 404, 403, 400 */
export async function addActionItem(
  db: Db,
  actor: TActor,
  meetingId: string,
  input: TCreateActionItemRequest,
): Promise<TActionItem> {
  return db.transaction(async (tx) => {
    const meeting = await loadWritableMeeting(tx, actor, meetingId);
    await checkMinutesReferences(tx, meeting, input);
    const [row] = await tx
      .insert(meetingActionItems)
      .values({
        missionId: meeting.missionId,
        meetingId: meeting.id,
        text: input.text,
        ownerId: input.ownerId ?? null,
        dueDate: input.dueDate ?? null,
        initiativeId: input.initiativeId ?? null,
        isDone: input.isDone ?? false,
        doneAt: input.isDone ? new Date() : null,
      })
      .returning();
    const created = (await loadMinutes(tx, meeting.id)).actionItems.find((i) => i.id === row!.id)!;
    await writeAudit(tx, {
      actor,
      missionId: meeting.missionId,
      entity: 'action_item',
      entityId: row!.id,
      action: 'create',
      after: created,
    });
    return created;
  });
}

/** Edits an action item or marks it done. @throws 404, 403, 400, 409 */
export async function updateActionItem(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateActionItemRequest,
): Promise<TActionItem> {
  return db.transaction(async (tx) => {
    const current = await loadScoped(
      tx,
      meetingActionItems,
      id,
      meetingPolicy.scope(actor, meetingActionItems.missionId),
      'Action item',
    );
    const meeting = await loadWritableMeeting(tx, actor, current.meetingId);
    const { version, ...fields } = input;
    await checkMinutesReferences(tx, meeting, fields);
    const doneAt =
      fields.isDone === undefined ? {} : { doneAt: fields.isDone ? (current.doneAt ?? new Date()) : null };
    const row = await updateVersioned(tx, meetingActionItems, current, version, { ...fields, ...doneAt });
    const after = (await loadMinutes(tx, meeting.id)).actionItems.find((i) => i.id === row.id)!;
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'action_item',
      entityId: id,
      action: 'update',
      before: {
        text: current.text,
        ownerId: current.ownerId,
        dueDate: current.dueDate,
        isDone: current.isDone,
      },
      after,
    });
    return after;
  });
}
