/** The communication module's public surface: what other modules and the app may use (README.md says what it owns). */
import { onInitiativeWritten } from '../initiatives/index.ts';
import { registerAgendaSources } from '../monitoring/index.ts';
import { communicationAgendaSource } from './agenda-source.ts';
import { scheduleCommunicationSteps } from './communication-procedure.ts';

registerAgendaSources(20, [communicationAgendaSource]);
/** A new or re-dated initiative gets its communication steps (re)scheduled. */
onInitiativeWritten('communication.steps', 10, async (tx, write) => {
  await scheduleCommunicationSteps(tx, write.actor, write.row);
});

export type { TVisualIdentity } from './comms-strategy.ts';
export { loadVisualIdentity } from './comms-strategy.ts';
export { communicationRoutes } from './communication.routes.ts';
export { registerCommunicationCalendarCommand } from './communication-calendar.cli.ts';
export { loadCommunicationDemo } from './demo-procedure.ts';
export { loadCommunicationData } from './demo-strategy.ts';
export { renderPressReleaseDocx } from './press-release-docx.ts';
export { communicationProcedureRoutes } from './procedure.routes.ts';
export { commsLogos } from './tables.ts';
