/** The missions module's public surface: what other modules and the app may use (README.md says what it owns). */
export { auditRoutes } from './audit.routes.ts';
export type { TAuditAction } from './audit.ts';
export { writeAudit } from './audit.ts';
export { actorOf, loadActor, requireActor } from './auth/middleware.ts';
export {
  createSession,
  findActorBySession,
  findMemberships,
  SESSION_COOKIE,
  signInLinkUrl,
} from './auth/sessions.ts';
export { generateToken, hashToken } from './auth/tokens.ts';
export { createAuthRoutes } from './auth.routes.ts';
export { missionRoutes } from './missions.routes.ts';
export { loadVisibleMission } from './missions.ts';
export { networkRoutes } from './network.routes.ts';
export { createSystemActor, SYSTEM_USER_ID } from './system-actor.ts';
export { auditLog, memberships, missionRef, missions, users } from './tables.ts';
export { addUser, countUsers } from './users.ts';
