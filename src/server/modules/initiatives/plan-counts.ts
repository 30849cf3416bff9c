/**
 * The initiatives' counts that the plans module shows and checks (per plan, focus area, vector,
 * programme), provided to it from `index.ts`.
 */
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IInitiativeCounter, TCountBy } from '../plans/index.ts';
import { initiativePolicy } from './policy.ts';
import { initiatives, initiativeVectors } from './tables.ts';

const COUNT_COLUMNS = {
  plan: initiatives.planId,
  focusArea: initiatives.focusAreaId,
  programme: initiatives.programmeId,
} as const;

async function countWhere(db: DbOrTx, by: TCountBy, ids: string[], scope: SQL | undefined) {
  const live = and(isNull(initiatives.archivedAt), scope);
  const n = sql<number>`count(*)::int`;
  if (by === 'vector') {
    const rows = await db
      .select({ id: initiativeVectors.vectorId, n })
      .from(initiativeVectors)
      .innerJoin(initiatives, eq(initiatives.id, initiativeVectors.initiativeId))
      .where(and(inArray(initiativeVectors.vectorId, ids), live))
      .groupBy(initiativeVectors.vectorId);
    return new Map(rows.map((r) => [r.id, Number(r.n)]));
  }
  const column = COUNT_COLUMNS[by];
  const rows = await db
    .select({ id: column, n })
    .from(initiatives)
    .where(and(inArray(column, ids), live))
    .groupBy(column);
  return new Map(rows.map((r) => [r.id as string, Number(r.n)]));
}

export const initiativeCounter: IInitiativeCounter = {
  visible: (db: DbOrTx, actor: TActor, by: TCountBy, ids: string[]) =>
    countWhere(db, by, ids, initiativePolicy.scope(actor)),
  using: async (db: DbOrTx, by: TCountBy, id: string) =>
    (await countWhere(db, by, [id], undefined)).get(id) ?? 0,
};
