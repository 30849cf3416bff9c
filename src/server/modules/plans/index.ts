/** The plans module's public surface: what other modules and the app may use (README.md says what it owns). */
export { planRoutes } from './plans.routes.ts';
export { loadPlan, loadPlanStructure, PLAN_CHANGE_DENIED } from './plans.ts';
export { focusAreas, objectives, planRef, plans, programmes, vectors } from './tables.ts';
export type { IInitiativeCounter, TCountBy } from './usage.ts';
export { provideInitiativeCounter } from './usage.ts';
