/** The partners module's public surface: what other modules and the app may use (README.md says what it owns). */
export { organisationRoutes } from './organisations.routes.ts';
export type { IParticipationReader } from './participation.ts';
export { provideParticipationReader } from './participation.ts';
export { personRoutes } from './people.routes.ts';
export { organisations, people } from './tables.ts';
