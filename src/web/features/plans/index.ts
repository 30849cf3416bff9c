/** The plans feature's public surface: what other features may use. */

export type { TPlan } from './api/plans.ts';
export { usePlan } from './api/plans.ts';
export { barOption } from './components/plan-charts.tsx';
