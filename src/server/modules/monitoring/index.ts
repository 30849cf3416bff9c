/** The monitoring module's public surface: what other modules and the app may use (README.md says what it owns). */
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

export { registerAgendaSources } from './agenda/registry.ts';
export type { IAgendaContext, IAgendaItem, IAgendaSource } from './agenda/types.ts';
export { loadMonitoringDemo } from './demo.ts';
export { listPlanLessons } from './lessons.ts';

export { monitoringRoutes } from './monitoring.routes.ts';
