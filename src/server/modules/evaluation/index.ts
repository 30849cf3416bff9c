/** The evaluation module's public surface: what other modules and the app may use (README.md says what it owns). */
export { loadEvaluationDemo } from './demo.ts';
export { evaluationRoutes } from './evaluation.routes.ts';

export { registerReportCommand } from './report.cli.ts';
