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

export * from './modules/bilateral/tables.ts';
export * from './modules/communication/procedure-tables.ts';
export * from './modules/communication/tables.ts';
export * from './modules/evaluation/tables.ts';
export * from './modules/initiatives/tables.ts';
export * from './modules/missions/tables.ts';
export * from './modules/monitoring/tables.ts';
export * from './modules/partners/tables.ts';
export * from './modules/plans/tables.ts';
export * from './modules/press/tables.ts';
export * from './modules/results/tables.ts';
export * from './modules/risks/tables.ts';
export * from './modules/selection/tables.ts';
