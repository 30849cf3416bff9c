/** The selection module's public surface: what other modules and the app may use (README.md says what it owns). */
export { loadSelectionData } from './demo.ts';
export { proposalRoutes } from './proposals.routes.ts';
export { buildRoundResultsWorkbook } from './round-results-xlsx.ts';

export { aggregateScores, applySelectionRule } from './rules/scoring.ts';
export { scoringRoutes } from './scoring-rounds.routes.ts';
export { proposals, scoringRounds } from './tables.ts';
