/**
 * How many initiatives use a plan or a part of its structure. Plans does not read initiatives
 * itself: the initiatives module provides the counter from its `index.ts`.
 */
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';

export type TCountBy = 'plan' | 'focusArea' | 'vector' | 'programme';

export interface IInitiativeCounter {
  /** Initiatives the actor can see, archived ones left out, per id. */
  visible(db: DbOrTx, actor: TActor, by: TCountBy, ids: string[]): Promise<Map<string, number>>;
  /** Initiatives that are not archived and use the record, whoever may see them. */
  using(db: DbOrTx, by: TCountBy, id: string): Promise<number>;
}

let counter: IInitiativeCounter | null = null;

export function provideInitiativeCounter(provided: IInitiativeCounter): void {
  counter = provided;
}

function requireCounter(): IInitiativeCounter {
  // Without it, a structure item in use could be deleted: refuse rather than count zero.
  if (!counter) throw new Error('No initiative counter: load the initiatives module (src/server/routes.ts).');
  return counter;
}

/**
 * Counts the initiatives the actor can see (archived ones left out) per plan, focus area, vector
 * or programme.
 * @example const counts = await countInitiativesBy(db, actor, 'plan', [plan.id]); counts.get(plan.id) // 12
 */
export async function countInitiativesBy(
  db: DbOrTx,
  actor: TActor,
  by: TCountBy,
  ids: string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  return requireCounter().visible(db, actor, by, ids);
}

/** How many initiatives (not archived) use the record: a record in use is not deleted. */
export function countInitiativesUsing(db: DbOrTx, by: TCountBy, id: string): Promise<number> {
  return requireCounter().using(db, by, id);
}
