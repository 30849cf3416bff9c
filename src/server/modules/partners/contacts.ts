/**
 * The writes shared by a mission's contact records, organisations and people: create, update
 * (with `version`) and archive, each in one transaction with its audit entry. Reads stay in each
 * resource's file, since their filters and details differ.
 */
import type { PgInsertValue, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { contactPolicy } from '../../platform/mission-data-policy.ts';
import { archiveVersioned, loadScoped, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { loadVisibleMission, writeAudit } from '../missions/index.ts';
import type { organisations, people } from './tables.ts';

type TContactTable = typeof organisations | typeof people;

/**
 * Binds the contact writes to one table.
 * @example const records = contactRecords({ table: people, entity: 'person', label: 'Person', present: presentPerson });
 */
export function contactRecords<T extends TContactTable, TOut>(config: {
  table: T;
  /** The audit log's entity name, e.g. `organisation`. */
  entity: string;
  /** For messages: `Organisation`. */
  label: string;
  /** What is recorded in the audit log and returned. */
  present: (row: T['$inferSelect']) => TOut;
}) {
  const { table, entity, label, present } = config;
  const noun = label.toLowerCase();

  /** Loads a record in a mission whose contacts the actor reads. @throws 404 */
  const load = (db: DbOrTx, actor: TActor, id: string): Promise<T['$inferSelect']> =>
    loadScoped(db, table, id, contactPolicy.scope(actor, table.missionId), label);

  return {
    load,

    /** @throws 404 unknown mission, 403 role cannot write contacts. */
    create: (db: Db, actor: TActor, values: PgInsertValue<T> & { missionId: string }): Promise<TOut> =>
      db.transaction(async (tx) => {
        const mission = await loadVisibleMission(tx, actor, values.missionId);
        authorize(
          contactPolicy.canCreate(actor, mission.id),
          `Your role cannot add a ${noun} to this mission.`,
        );
        const [row] = (await tx.insert(table).values(values).returning()) as T['$inferSelect'][];
        const after = present(row!);
        await writeAudit(tx, {
          actor,
          missionId: mission.id,
          entity,
          entityId: row!.id,
          action: 'create',
          after,
        });
        return after;
      }),

    /**
     * `prepare` turns the request into the columns to write, knowing the stored record (it may
     * throw a 400 for a rule that spans fields).
     * @throws 404, 403, 400, 409 when someone else saved first.
     */
    update: (
      db: Db,
      actor: TActor,
      id: string,
      version: number,
      prepare: (current: T['$inferSelect']) => PgUpdateSetSource<T>,
    ): Promise<TOut> =>
      db.transaction(async (tx) => {
        const current = await load(tx, actor, id);
        authorize(contactPolicy.canUpdate(actor, current), `Your role cannot edit this ${noun}.`);
        const row = await updateVersioned(tx, table, current, version, prepare(current));
        const after = present(row);
        await writeAudit(tx, {
          actor,
          missionId: row.missionId,
          entity,
          entityId: id,
          action: 'update',
          before: present(current),
          after,
        });
        return after;
      }),

    /** Archives (soft-deletes) the record. @throws 404, 403, 409 when `version` is stale. */
    archive: (db: Db, actor: TActor, id: string, version?: number): Promise<TOut> =>
      db.transaction(async (tx) => {
        const current = await load(tx, actor, id);
        authorize(contactPolicy.canArchive(actor, current), `Your role cannot archive this ${noun}.`);
        const row = await archiveVersioned(tx, table, current, version);
        const after = present(row);
        await writeAudit(tx, {
          actor,
          missionId: row.missionId,
          entity,
          entityId: id,
          action: 'archive',
          before: { archivedAt: null },
          after: { archivedAt: row.archivedAt },
        });
        return after;
      }),
  };
}
