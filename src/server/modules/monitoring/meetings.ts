/**
 * Weekly staff meetings (DESIGN §7): a status per active initiative (carried forward when
 * unchanged), the agenda composed from the registered sources, and the minutes (decisions and
 * action items). Every write runs in one transaction with its audit entry. Check-ins and the
 * minutes' writes are in meeting-minutes.ts.
 */
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { ACTIVE_INITIATIVE_STATUSES } from '../../../shared/enums.ts';
import type {
  TActionItem,
  TAgenda,
  TCreateMeetingRequest,
  TMeeting,
  TMeetingCheckIn,
  TMeetingDetail,
  TUpdateMeetingRequest,
} from '../../../shared/schemas/monitoring.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { conflict, notFound } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { isUniqueViolation, loadScoped, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiatives } from '../initiatives/index.ts';
import { missions, writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { plans } from '../plans/index.ts';
import { composeAgenda } from './agenda/registry.ts';
import { meetingPolicy } from './policy.ts';
import { presentActionItem, presentMeeting, presentMeetingDecision } from './present.ts';
import { carryForwardStatuses } from './rules/check-ins.ts';
import { meetingActionItems, meetingDecisions, meetingStatuses, staffMeetings } from './tables.ts';

export type TMeetingRow = typeof staffMeetings.$inferSelect;
export const CANNOT_WRITE = 'Your role cannot change staff meetings in this mission.';

/** The meetings of a plan the actor may read, newest first. */
export async function findMeetings(db: DbOrTx, actor: TActor, planId: string): Promise<TMeeting[]> {
  const rows = await db
    .select()
    .from(staffMeetings)
    .where(
      and(
        eq(staffMeetings.planId, planId),
        isNull(staffMeetings.archivedAt),
        meetingPolicy.scope(actor, staffMeetings.missionId),
      ),
    )
    .orderBy(desc(staffMeetings.meetingDate));
  return rows.map(presentMeeting);
}

async function loadMeeting(db: DbOrTx, actor: TActor, id: string): Promise<TMeetingRow> {
  const row = await loadScoped(
    db,
    staffMeetings,
    id,
    meetingPolicy.scope(actor, staffMeetings.missionId),
    'Meeting',
  );
  if (row.archivedAt) throw notFound('Meeting');
  return row;
}

export async function loadWritableMeeting(db: DbOrTx, actor: TActor, id: string): Promise<TMeetingRow> {
  const meeting = await loadMeeting(db, actor, id);
  authorize(meetingPolicy.canWrite(actor, meeting), CANNOT_WRITE);
  return meeting;
}

/** The latest meeting of the plan before the given date, if any. */
async function previousMeeting(db: DbOrTx, meeting: { planId: string; meetingDate: string }) {
  const [row] = await db
    .select({ id: staffMeetings.id, meetingDate: staffMeetings.meetingDate })
    .from(staffMeetings)
    .where(
      and(
        eq(staffMeetings.planId, meeting.planId),
        lt(staffMeetings.meetingDate, meeting.meetingDate),
        isNull(staffMeetings.archivedAt),
      ),
    )
    .orderBy(desc(staffMeetings.meetingDate))
    .limit(1);
  return row ?? null;
}

const activeInPlan = (planId: string) =>
  and(
    eq(initiatives.planId, planId),
    isNull(initiatives.archivedAt),
    inArray(initiatives.status, [...ACTIVE_INITIATIVE_STATUSES]),
  );

/**
 * Creates a meeting of a plan on a date; the statuses of the previous meeting that nobody needs
 * to change are carried into it (see `carryForwardStatuses`).
 * @throws 404 unknown plan, 403 role cannot write, 409 a meeting on that date exists.
 */
export async function createMeeting(db: Db, actor: TActor, input: TCreateMeetingRequest): Promise<TMeeting> {
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: plans.id, missionId: plans.missionId })
      .from(plans)
      .where(
        and(eq(plans.id, input.planId), planPolicy.scope(actor, plans.missionId), isNull(plans.archivedAt)),
      );
    if (!plan) throw notFound('Plan');
    authorize(meetingPolicy.canWrite(actor, plan), CANNOT_WRITE);
    const [existing] = await tx
      .select({ id: staffMeetings.id, archivedAt: staffMeetings.archivedAt })
      .from(staffMeetings)
      .where(and(eq(staffMeetings.planId, plan.id), eq(staffMeetings.meetingDate, input.meetingDate)));
    if (existing && !existing.archivedAt)
      throw conflict('The plan already has a meeting on this date.', { meetingId: existing.id });
    // An archived meeting on the same day gives way to the new one.
    if (existing) await tx.delete(staffMeetings).where(eq(staffMeetings.id, existing.id));
    let row: TMeetingRow;
    try {
      [row] = (await tx
        .insert(staffMeetings)
        .values({
          missionId: plan.missionId,
          planId: plan.id,
          meetingDate: input.meetingDate,
          title: input.title ?? null,
          attendees: input.attendees ?? null,
        })
        .returning()) as [TMeetingRow];
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('The plan already has a meeting on this date.');
      throw error;
    }
    const previous = await previousMeeting(tx, row);
    if (previous) {
      const active = await tx.select({ id: initiatives.id }).from(initiatives).where(activeInPlan(plan.id));
      const before = await tx
        .select({
          initiativeId: meetingStatuses.initiativeId,
          status: meetingStatuses.status,
          note: meetingStatuses.note,
        })
        .from(meetingStatuses)
        .where(eq(meetingStatuses.meetingId, previous.id));
      const carried = carryForwardStatuses({
        activeInitiativeIds: active.map((a) => a.id),
        previous: before,
        recorded: [],
      }).filter((c) => c.source === 'carried');
      if (carried.length)
        await tx.insert(meetingStatuses).values(
          carried.map((c) => ({
            missionId: plan.missionId,
            meetingId: row.id,
            initiativeId: c.initiativeId,
            status: c.status!,
            note: c.note,
            isCarried: true,
          })),
        );
    }
    const created = presentMeeting(row);
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'meeting',
      entityId: row.id,
      action: 'create',
      after: created,
    });
    return created;
  });
}

/** @throws 404, 403, 409 when someone saved first. */
export async function updateMeeting(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateMeetingRequest,
): Promise<TMeeting> {
  return db.transaction(async (tx) => {
    const current = await loadWritableMeeting(tx, actor, id);
    const { version, ...fields } = input;
    const row = await updateVersioned(tx, staffMeetings, current, version, fields);
    const after = presentMeeting(row);
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'meeting',
      entityId: id,
      action: 'update',
      before: presentMeeting(current),
      after,
    });
    return after;
  });
}

/** @throws 404, 403, 409 when `version` is given and stale. */
export async function archiveMeeting(db: Db, actor: TActor, id: string, version?: number): Promise<TMeeting> {
  return db.transaction(async (tx) => {
    const current = await loadWritableMeeting(tx, actor, id);
    const row = await updateVersioned(tx, staffMeetings, current, version ?? current.version, {
      archivedAt: new Date(),
    });
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'meeting',
      entityId: id,
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: row.archivedAt },
    });
    return presentMeeting(row);
  });
}

export async function loadCheckIns(db: DbOrTx, meeting: TMeetingRow): Promise<TMeetingCheckIn[]> {
  const stored = await db
    .select({
      initiativeId: meetingStatuses.initiativeId,
      status: meetingStatuses.status,
      note: meetingStatuses.note,
      isCarried: meetingStatuses.isCarried,
    })
    .from(meetingStatuses)
    .where(eq(meetingStatuses.meetingId, meeting.id));
  const storedIds = stored.map((s) => s.initiativeId);
  const rows = await db
    .select({
      id: initiatives.id,
      title: initiatives.title,
      startDate: initiatives.startDate,
      ownerId: people.id,
      ownerName: people.fullName,
    })
    .from(initiatives)
    .leftJoin(people, eq(people.id, initiatives.ownerId))
    .where(
      or(activeInPlan(meeting.planId), storedIds.length ? inArray(initiatives.id, storedIds) : sql`false`),
    )
    .orderBy(asc(initiatives.startDate), asc(initiatives.title));
  const byId = new Map(rows.map((r) => [r.id, r]));
  // Stored carried rows are the carry-forward made when the meeting was created; an initiative
  // closed since then keeps the statuses stored for this meeting.
  const statuses = carryForwardStatuses({
    activeInitiativeIds: rows.map((r) => r.id),
    previous: stored.filter((s) => s.isCarried),
    recorded: stored.filter((s) => !s.isCarried),
  });
  return statuses
    .filter((s) => byId.has(s.initiativeId))
    .map((s) => {
      const r = byId.get(s.initiativeId)!;
      return {
        ...s,
        title: r.title,
        startDate: r.startDate,
        owner: r.ownerId ? { id: r.ownerId, fullName: r.ownerName ?? '' } : null,
      };
    })
    .sort(
      (a, b) =>
        (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.title.localeCompare(b.title),
    );
}

export async function loadMinutes(db: DbOrTx, meetingId: string) {
  const decisionRows = await db
    .select({ decision: meetingDecisions, title: initiatives.title })
    .from(meetingDecisions)
    .leftJoin(initiatives, eq(initiatives.id, meetingDecisions.initiativeId))
    .where(eq(meetingDecisions.meetingId, meetingId))
    .orderBy(asc(meetingDecisions.position), asc(meetingDecisions.createdAt));
  const itemRows = await db
    .select({ item: meetingActionItems, ownerName: people.fullName, title: initiatives.title })
    .from(meetingActionItems)
    .leftJoin(people, eq(people.id, meetingActionItems.ownerId))
    .leftJoin(initiatives, eq(initiatives.id, meetingActionItems.initiativeId))
    .where(eq(meetingActionItems.meetingId, meetingId))
    .orderBy(asc(meetingActionItems.createdAt));
  return {
    decisions: decisionRows.map((r) =>
      presentMeetingDecision(
        r.decision,
        r.decision.initiativeId ? { id: r.decision.initiativeId, title: r.title ?? '' } : null,
      ),
    ),
    actionItems: itemRows.map((r) => presentItem(r.item, r.ownerName, r.title)),
  };
}

function presentItem(
  item: typeof meetingActionItems.$inferSelect,
  ownerName: string | null,
  title: string | null,
): TActionItem {
  return presentActionItem(item, {
    owner: item.ownerId ? { id: item.ownerId, fullName: ownerName ?? '' } : null,
    initiative: item.initiativeId ? { id: item.initiativeId, title: title ?? '' } : null,
  });
}

/** A meeting with its statuses and minutes. @throws 404 */
export async function findMeeting(db: DbOrTx, actor: TActor, id: string): Promise<TMeetingDetail> {
  const meeting = await loadMeeting(db, actor, id);
  const [plan] = await db
    .select({ id: plans.id, acronym: plans.acronym, title: plans.title })
    .from(plans)
    .where(eq(plans.id, meeting.planId));
  return {
    ...presentMeeting(meeting),
    plan: plan!,
    previousMeeting: await previousMeeting(db, meeting),
    checkIns: await loadCheckIns(db, meeting),
    ...(await loadMinutes(db, meeting.id)),
  };
}

/** The agenda of a meeting, composed for its date from every registered source. @throws 404 */
export async function findMeetingAgenda(db: DbOrTx, actor: TActor, id: string): Promise<TAgenda> {
  const meeting = await loadMeeting(db, actor, id);
  const [mission] = await db
    .select({ timeZone: missions.timeZone })
    .from(missions)
    .where(eq(missions.id, meeting.missionId));
  const sections = await composeAgenda(db, {
    missionId: meeting.missionId,
    planId: meeting.planId,
    meetingDate: meeting.meetingDate,
    timeZone: mission?.timeZone ?? 'UTC',
  });
  return {
    meetingId: meeting.id,
    meetingDate: meeting.meetingDate,
    sections: sections.map((s) => ({
      key: s.key,
      label: s.label,
      items: s.items.map((i) => ({
        source: i.source,
        title: i.title,
        ...(i.message ? { message: i.message } : {}),
        detail: i.detail ?? null,
        ...(i.detailMessages ? { detailMessages: i.detailMessages } : {}),
        dueDate: i.dueDate ?? null,
        initiativeId: i.initiativeId ?? null,
        severity: i.severity,
      })),
    })),
  };
}
