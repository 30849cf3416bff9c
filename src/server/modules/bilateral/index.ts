/** The bilateral module's public surface: what other modules and the app may use (README.md says what it owns). */
export { bilateralRoutes } from './bilateral.routes.ts';
export { loadBilateralDemo } from './demo.ts';
