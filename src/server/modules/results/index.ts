/** The results module's public surface: what other modules and the app may use (README.md says what it owns). */
export { loadResultsData } from './demo.ts';
export { resultsRoutes } from './results.routes.ts';
export { loadResultsSummary } from './results-summary.ts';
