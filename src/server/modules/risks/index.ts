/** The risks module's public surface: what other modules and the app may use (README.md says what it owns). */
import { registerAgendaSources } from '../monitoring/index.ts';
import { riskAgendaSources } from './agenda-sources.ts';

registerAgendaSources(10, riskAgendaSources);

export { loadRiskData } from './demo.ts';
export { riskRoutes } from './risks.routes.ts';
