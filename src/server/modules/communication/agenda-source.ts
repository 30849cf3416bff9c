/**
 * The weekly meeting's agenda source for the communication procedure: the steps still open
 * whose day is before the meeting's (in the mission's time zone), oldest first.
 */
import { and, asc, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { initiatives } from '../initiatives/index.ts';
import type { IAgendaItem, IAgendaSource } from '../monitoring/index.ts';
import { people } from '../partners/index.ts';
import { communicationSteps } from './procedure-tables.ts';

/** Days late from which an overdue step is shown as `danger` rather than `warning`. */
const DANGER_AFTER_DAYS = 7;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const communicationAgendaSource: IAgendaSource = {
  key: 'communication.overdue',
  label: 'Overdue communication steps',
  async collect(db: DbOrTx, context): Promise<IAgendaItem[]> {
    const rows = await db
      .select({
        step: communicationSteps,
        initiativeTitle: initiatives.title,
        ownerName: people.fullName,
      })
      .from(communicationSteps)
      .innerJoin(initiatives, eq(initiatives.id, communicationSteps.initiativeId))
      .leftJoin(people, eq(people.id, communicationSteps.ownerId))
      .where(
        and(
          eq(communicationSteps.missionId, context.missionId),
          eq(communicationSteps.planId, context.planId),
          eq(communicationSteps.status, 'todo'),
          lt(communicationSteps.dueDate, context.meetingDate),
          isNull(initiatives.archivedAt),
        ),
      )
      .orderBy(asc(communicationSteps.dueDate), asc(initiatives.title), asc(communicationSteps.position));
    return rows.map(({ step, initiativeTitle, ownerName }): IAgendaItem => {
      const late = daysBetween(step.dueDate, context.meetingDate);
      return {
        source: 'communication.overdue',
        title: `${initiativeTitle}: ${step.position}. ${step.title}`,
        detail: [
          ownerName ? `Owner: ${ownerName}` : 'No owner',
          `${late} day${late === 1 ? '' : 's'} late`,
          step.dateToConfirm ? 'date to confirm' : null,
        ]
          .filter(Boolean)
          .join(' · '),
        detailMessages: [
          ownerName
            ? { key: 'agenda.detail.owner', params: { name: ownerName } }
            : { key: 'agenda.detail.noOwner', params: {} },
          { key: 'agenda.detail.daysLate', params: { count: late } },
          ...(step.dateToConfirm ? [{ key: 'agenda.detail.dateToConfirm', params: {} }] : []),
        ],
        dueDate: step.dueDate,
        initiativeId: step.initiativeId,
        severity: late > DANGER_AFTER_DAYS ? 'danger' : 'warning',
      };
    });
  },
};
