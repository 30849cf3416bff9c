/** The initiatives module's public surface: what other modules and the app may use (README.md says what it owns). */
import { provideParticipationReader } from '../partners/index.ts';
import { provideInitiativeCounter } from '../plans/index.ts';
import { participationReader } from './partner-participation.ts';
import { initiativeCounter } from './plan-counts.ts';

provideInitiativeCounter(initiativeCounter);
provideParticipationReader(participationReader);

export type { IInitiativeWrite, TInitiativeWriteHook } from './hooks.ts';
export { onInitiativeWritten } from './hooks.ts';
export { registerInitiativeIoCommands } from './initiative-io.cli.ts';
export { initiativeIoRoutes } from './initiative-io.routes.ts';
export type { TImportError } from './initiative-io.ts';
export { findPlanByAcronym, readTableFile } from './initiative-io.ts';
export { initiativeRoutes } from './initiatives.routes.ts';
export { checkReferences, createInitiative, findInitiative, findInitiatives } from './initiatives.ts';
export { initiativePolicy, isAssignedTo } from './policy.ts';
export type { TTableError } from './rules/initiative-table.ts';
export { cleanCell, IMPORT_LIMITS } from './rules/initiative-table.ts';
export { nameKey, splitList } from './rules/table-cells.ts';
export { initiativeDelegates, initiativePartners, initiatives, initiativeVectors } from './tables.ts';
