export { loadResultsData } from './demo.ts';
export { resultsRoutes } from './results.routes.ts';
export { loadResultsSummary } from './results-summary.ts';
