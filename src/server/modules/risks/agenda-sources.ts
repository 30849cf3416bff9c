/**
 * What the risk register brings to the weekly meeting's agenda (see `agenda/types.ts`): open
 * alerts (amber and red alarms), risk actions past their due date, every open corrective task
 * (however far its due date) and other open tasks past theirs.
 * Each source reads only the plan's rows and never writes.
 */
import { and, asc, desc, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { initiatives } from '../initiatives/index.ts';
import type { IAgendaContext, IAgendaItem, IAgendaSource } from '../monitoring/index.ts';
import { people } from '../partners/index.ts';
import { alarmVariables, alerts, riskActions, risks, tasks } from './tables.ts';

/** Amber and red alarms: every open alert of the plan, red first. */
export const alarmAgendaSource: IAgendaSource = {
  key: 'risks.alarms',
  label: 'Alarms in amber or red',
  async collect(db: DbOrTx, context: IAgendaContext): Promise<IAgendaItem[]> {
    const rows = await db
      .select({
        level: alerts.level,
        raisedAt: alerts.raisedAt,
        metric: alarmVariables.metric,
        riskTitle: risks.title,
        initiativeId: risks.initiativeId,
      })
      .from(alerts)
      .innerJoin(alarmVariables, eq(alarmVariables.id, alerts.alarmVariableId))
      .innerJoin(risks, eq(risks.id, alarmVariables.riskId))
      .where(
        and(
          eq(alerts.missionId, context.missionId),
          eq(alerts.planId, context.planId),
          eq(alerts.status, 'open'),
          isNull(alarmVariables.archivedAt),
        ),
      )
      .orderBy(desc(alerts.level), asc(alerts.raisedAt));
    // 'red' > 'amber' alphabetically, so descending puts red first.
    return rows.map((r) => ({
      source: 'risks.alarms',
      title: `${r.metric} is ${r.level}`,
      message: { key: `agenda.alarm.${r.level}`, params: { metric: r.metric } },
      detail: r.riskTitle,
      dueDate: null,
      initiativeId: r.initiativeId,
      severity: r.level === 'red' ? 'danger' : 'warning',
    }));
  },
};

/** Risk actions not done whose due date is before the meeting. */
export const overdueRiskActionsAgendaSource: IAgendaSource = {
  key: 'risks.overdueActions',
  label: 'Overdue risk actions',
  async collect(db: DbOrTx, context: IAgendaContext): Promise<IAgendaItem[]> {
    const rows = await db
      .select({
        description: riskActions.description,
        dueDate: riskActions.dueDate,
        riskTitle: risks.title,
        initiativeId: risks.initiativeId,
        ownerName: people.fullName,
      })
      .from(riskActions)
      .innerJoin(risks, eq(risks.id, riskActions.riskId))
      .leftJoin(people, eq(people.id, riskActions.ownerId))
      .where(
        and(
          eq(riskActions.missionId, context.missionId),
          eq(risks.planId, context.planId),
          isNull(risks.archivedAt),
          isNull(riskActions.doneAt),
          lt(riskActions.dueDate, context.meetingDate),
        ),
      )
      .orderBy(asc(riskActions.dueDate));
    return rows.map((r) => ({
      source: 'risks.overdueActions',
      title: r.description,
      detail: [r.riskTitle, r.ownerName].filter(Boolean).join(' · '),
      dueDate: r.dueDate,
      initiativeId: r.initiativeId,
      severity: 'warning',
    }));
  },
};

/**
 * Open tasks to discuss: every corrective task raised by an alert (the meeting after an alarm
 * turns red must see it, even before it is due) and any other task past its due date.
 */
export const openTasksAgendaSource: IAgendaSource = {
  key: 'risks.openTasks',
  label: 'Corrective and overdue tasks',
  async collect(db: DbOrTx, context: IAgendaContext): Promise<IAgendaItem[]> {
    const rows = await db
      .select({
        title: tasks.title,
        dueDate: tasks.dueDate,
        initiativeId: tasks.initiativeId,
        alertId: tasks.alertId,
        ownerName: people.fullName,
        initiativeTitle: initiatives.title,
      })
      .from(tasks)
      .leftJoin(people, eq(people.id, tasks.ownerId))
      .leftJoin(initiatives, eq(initiatives.id, tasks.initiativeId))
      .where(
        and(
          eq(tasks.missionId, context.missionId),
          eq(tasks.planId, context.planId),
          eq(tasks.status, 'open'),
          or(isNotNull(tasks.alertId), lt(tasks.dueDate, context.meetingDate)),
        ),
      )
      .orderBy(asc(tasks.dueDate));
    return rows.map((r) => ({
      source: 'risks.openTasks',
      title: r.title,
      detail: [r.ownerName, r.initiativeTitle].filter(Boolean).join(' · ') || null,
      dueDate: r.dueDate,
      initiativeId: r.initiativeId,
      severity: r.alertId ? 'danger' : 'warning',
    }));
  },
};

/** The risk register's agenda sources, in the order their sections appear. */
export const riskAgendaSources: IAgendaSource[] = [
  alarmAgendaSource,
  overdueRiskActionsAgendaSource,
  openTasksAgendaSource,
];
