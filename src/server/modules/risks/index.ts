import { registerAgendaSources } from '../monitoring/index.ts';
import { riskAgendaSources } from './agenda-sources.ts';

registerAgendaSources(10, riskAgendaSources);

export { loadRiskData } from './demo.ts';
export { riskRoutes } from './risks.routes.ts';
export { risks } from './tables.ts';
export { riskAgendaSources };
