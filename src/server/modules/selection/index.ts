export { loadSelectionData } from './demo.ts';
export { proposalRoutes } from './proposals.routes.ts';
export { buildRoundResultsWorkbook } from './round-results-xlsx.ts';
export type { TScoreWeights, TSelectionRule } from './rules/scoring.ts';
export { aggregateScores, applySelectionRule } from './rules/scoring.ts';
export { scoringRoutes } from './scoring-rounds.routes.ts';
export { proposals, scores, scoringRounds } from './tables.ts';
