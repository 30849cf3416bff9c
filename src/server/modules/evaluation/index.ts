export { loadEvaluationDemo } from './demo.ts';
export { evaluationRoutes } from './evaluation.routes.ts';
export type { IPlanReportData } from './report/types.ts';
export { registerReportCommand } from './report.cli.ts';
