export { bilateralRoutes } from './bilateral.routes.ts';
export { loadBilateralDemo } from './demo.ts';
