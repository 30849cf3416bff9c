/**
 * The database schema (Drizzle, pg-core): one schema for PGlite and PostgreSQL; migrations are
 * generated from it with `npm run db:generate` into ./migrations. Each module keeps its tables
 * in its own file under ./schema/ and is listed here.
 *
 * Conventions:
 * - Every row of mission data carries `mission_id`, so that every query can be scoped to the
 *   caller's missions without a join (see `server/policies/scope.ts`).
 * - Editable records carry `version` (optimistic concurrency) and `archived_at` (soft delete).
 * - Enumerations are text columns checked against the lists in `shared/enums.ts`; the API
 *   validates them with zod before they reach the database.
 */

export * from './schema/bilateral.ts';
export * from './schema/communication.ts';
export * from './schema/communication-procedure.ts';
export * from './schema/core.ts';
export * from './schema/evaluation.ts';
export * from './schema/monitoring.ts';
export * from './schema/press.ts';
export * from './schema/results.ts';
export * from './schema/risks.ts';
