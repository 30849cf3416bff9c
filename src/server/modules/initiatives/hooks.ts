/**
 * What other modules do when an initiative is created or changed, in the same transaction:
 * communication (re)schedules its steps, monitoring records who was assigned. Initiatives knows
 * nothing of them; each registers its hook from its own `index.ts`.
 */
import type { TInitiative } from '../../../shared/schemas/initiative.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { initiatives } from './tables.ts';

export interface IInitiativeWrite {
  actor: TActor | null;
  /** The stored row after the write. */
  row: typeof initiatives.$inferSelect;
  /** The initiative as presented before the write; null when it was just created. */
  before: TInitiative | null;
  after: TInitiative;
}

export type TInitiativeWriteHook = (db: DbOrTx, write: IInitiativeWrite) => Promise<void>;

const hooks: { key: string; rank: number; run: TInitiativeWriteHook }[] = [];

/**
 * Runs `run` after every create or update of an initiative, inside its transaction; hooks run
 * by rank. Registering a key again replaces its hook.
 * @example onInitiativeWritten('monitoring.assignments', 20, (tx, write) => recordAssignments(tx, write))
 */
export function onInitiativeWritten(key: string, rank: number, run: TInitiativeWriteHook): void {
  const existing = hooks.findIndex((hook) => hook.key === key);
  if (existing >= 0) hooks.splice(existing, 1);
  hooks.push({ key, rank, run });
  hooks.sort((a, b) => a.rank - b.rank);
}

/** Runs every registered hook, one after the other (a transaction has one connection). */
export async function runInitiativeWriteHooks(db: DbOrTx, write: IInitiativeWrite): Promise<void> {
  for (const hook of hooks) await hook.run(db, write);
}
