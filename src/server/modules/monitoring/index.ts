import { onInitiativeWritten } from '../initiatives/index.ts';
import { recordAssignmentChanges } from './assignments.ts';

/** Every create or update of an initiative records who was assigned or unassigned. */
onInitiativeWritten('monitoring.assignments', 20, (tx, write) =>
  recordAssignmentChanges(tx, {
    actor: write.actor,
    missionId: write.row.missionId,
    initiativeId: write.row.id,
    before: write.before,
    after: write.after,
  }),
);

export { agendaSources, registerAgendaSources } from './agenda/registry.ts';
export type { IAgendaContext, IAgendaItem, IAgendaSource } from './agenda/types.ts';
export { loadMonitoringDemo } from './demo.ts';
export { listPlanLessons } from './lessons.ts';
export { wordAgendaMessage } from './meeting-minutes-pdf.ts';
export { monitoringRoutes } from './monitoring.routes.ts';
