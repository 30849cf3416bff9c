/**
 * The monitoring module's agenda sources: initiatives starting within 14 days, overdue action
 * items of past meetings, initiatives without an owner, and decisions pending (proposals
 * awaiting a decision, scoring rounds past their deadline). Each reads one plan, never writes.
 */
import { and, asc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { ACTIVE_INITIATIVE_STATUSES } from '../../../../shared/enums.ts';
import { initiatives } from '../../initiatives/index.ts';
import { people } from '../../partners/index.ts';
import { proposals, scoringRounds } from '../../selection/index.ts';
import { meetingActionItems, staffMeetings } from '../tables.ts';
import type { IAgendaItem, IAgendaSource } from './types.ts';

/** How far ahead the agenda looks for initiatives about to start. */
export const STARTING_WINDOW_DAYS = 14;

const activeIn = (planId: string) =>
  and(
    eq(initiatives.planId, planId),
    isNull(initiatives.archivedAt),
    inArray(initiatives.status, [...ACTIVE_INITIATIVE_STATUSES]),
  );

export const initiativesStartingSource: IAgendaSource = {
  key: 'initiatives.starting',
  label: `Starting in the next ${STARTING_WINDOW_DAYS} days`,
  async collect(db, context) {
    const rows = await db
      .select({
        id: initiatives.id,
        title: initiatives.title,
        startDate: initiatives.startDate,
        ownerName: people.fullName,
      })
      .from(initiatives)
      .leftJoin(people, eq(people.id, initiatives.ownerId))
      .where(
        and(
          activeIn(context.planId),
          gte(initiatives.startDate, context.meetingDate),
          lte(initiatives.startDate, sql`(${context.meetingDate}::date + ${STARTING_WINDOW_DAYS}::int)`),
        ),
      )
      .orderBy(asc(initiatives.startDate));
    return rows.map(
      (r): IAgendaItem => ({
        source: 'initiatives.starting',
        title: r.title,
        detail: r.ownerName ? `Owner: ${r.ownerName}` : 'No owner yet',
        detailMessages: [
          r.ownerName
            ? { key: 'agenda.detail.owner', params: { name: r.ownerName } }
            : { key: 'agenda.detail.noOwnerYet', params: {} },
        ],
        dueDate: r.startDate,
        initiativeId: r.id,
        severity: r.ownerName ? 'info' : 'warning',
      }),
    );
  },
};

export const overdueActionItemsSource: IAgendaSource = {
  key: 'meetings.overdue_actions',
  label: 'Overdue action items',
  async collect(db, context) {
    const rows = await db
      .select({
        id: meetingActionItems.id,
        text: meetingActionItems.text,
        dueDate: meetingActionItems.dueDate,
        initiativeId: meetingActionItems.initiativeId,
        ownerName: people.fullName,
        agreedOn: staffMeetings.meetingDate,
      })
      .from(meetingActionItems)
      .innerJoin(staffMeetings, eq(staffMeetings.id, meetingActionItems.meetingId))
      .leftJoin(people, eq(people.id, meetingActionItems.ownerId))
      .where(
        and(
          eq(staffMeetings.planId, context.planId),
          isNull(staffMeetings.archivedAt),
          eq(meetingActionItems.isDone, false),
          lt(meetingActionItems.dueDate, context.meetingDate),
        ),
      );
    return rows.map(
      (r): IAgendaItem => ({
        source: 'meetings.overdue_actions',
        title: r.text,
        detail: `${r.ownerName ?? 'No owner'} · agreed on ${r.agreedOn}`,
        detailMessages: [
          r.ownerName
            ? { key: 'agenda.detail.owner', params: { name: r.ownerName } }
            : { key: 'agenda.detail.noOwner', params: {} },
          { key: 'agenda.detail.agreedOn', params: { date: r.agreedOn } },
        ],
        dueDate: r.dueDate,
        initiativeId: r.initiativeId,
        severity: 'danger',
      }),
    );
  },
};

export const unownedInitiativesSource: IAgendaSource = {
  key: 'initiatives.unowned',
  label: 'Initiatives without an owner',
  async collect(db, context) {
    const rows = await db
      .select({ id: initiatives.id, title: initiatives.title, startDate: initiatives.startDate })
      .from(initiatives)
      .where(and(activeIn(context.planId), isNull(initiatives.ownerId)));
    return rows.map((r) => ({
      source: 'initiatives.unowned',
      title: r.title,
      detail: 'Choose an owner: see the suggestions on the initiative',
      detailMessages: [{ key: 'agenda.detail.chooseOwner', params: {} }],
      dueDate: r.startDate,
      initiativeId: r.id,
      severity: 'warning',
    }));
  },
};

export const pendingDecisionsSource: IAgendaSource = {
  key: 'decisions.pending',
  label: 'Decisions pending',
  async collect(db, context) {
    const waiting = await db
      .select({ id: proposals.id, title: proposals.title, status: proposals.status })
      .from(proposals)
      .where(
        and(
          eq(proposals.planId, context.planId),
          isNull(proposals.archivedAt),
          inArray(proposals.status, ['submitted', 'in_round']),
        ),
      );
    const lateRounds = await db
      .select({ id: scoringRounds.id, name: scoringRounds.name, deadline: scoringRounds.deadline })
      .from(scoringRounds)
      .where(
        and(
          eq(scoringRounds.planId, context.planId),
          eq(scoringRounds.status, 'open'),
          lt(scoringRounds.deadline, context.meetingDate),
        ),
      );
    return [
      ...lateRounds.map((r) => ({
        source: 'decisions.pending',
        title: `Scoring round “${r.name}” is past its deadline`,
        message: { key: 'agenda.roundPastDeadline', params: { name: r.name } },
        detail: 'Close the round and decide on its proposals',
        detailMessages: [{ key: 'agenda.detail.closeRound', params: {} }],
        dueDate: r.deadline,
        severity: 'danger' as const,
      })),
      ...waiting.map((p) => ({
        source: 'decisions.pending',
        title: `Proposal “${p.title}” awaits a decision`,
        message: { key: 'agenda.proposalAwaitsDecision', params: { title: p.title } },
        detail: p.status === 'in_round' ? 'Being scored' : 'Submitted, not yet in a scoring round',
        detailMessages: [
          {
            key: p.status === 'in_round' ? 'agenda.detail.beingScored' : 'agenda.detail.submitted',
            params: {},
          },
        ],
        severity: 'info' as const,
      })),
    ];
  },
};
