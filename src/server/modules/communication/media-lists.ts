/**
 * Media lists: named groups of the mission's media contacts (create, rename, change members, archive).
 */
import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  TCreateMediaListRequest,
  TMediaList,
  TUpdateMediaListRequest,
} from '../../../shared/schemas/communication.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { archiveVersioned, isUniqueViolation, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { writeAudit } from '../missions/index.ts';
import { loadWritableMission } from './media-contacts.ts';
import { mediaContactPolicy } from './policy.ts';
import { mediaListMembers, mediaLists, mediaProfiles } from './tables.ts';

// ——— Lists ———

type TListRow = typeof mediaLists.$inferSelect;

async function presentLists(db: DbOrTx, rows: TListRow[]): Promise<TMediaList[]> {
  if (!rows.length) return [];
  const members = await db
    .select({ listId: mediaListMembers.listId, profileId: mediaListMembers.profileId })
    .from(mediaListMembers)
    .innerJoin(mediaProfiles, eq(mediaProfiles.id, mediaListMembers.profileId))
    .where(
      and(
        inArray(
          mediaListMembers.listId,
          rows.map((r) => r.id),
        ),
        isNull(mediaProfiles.archivedAt),
      ),
    );
  return rows.map((r) => ({
    id: r.id,
    missionId: r.missionId,
    name: r.name,
    description: r.description,
    contactIds: members.filter((m) => m.listId === r.id).map((m) => m.profileId),
    version: r.version,
    createdAt: isoRequired(r.createdAt),
    updatedAt: isoRequired(r.updatedAt),
    archivedAt: iso(r.archivedAt),
  }));
}

/** The lists the actor may see, by name. */
export async function findMediaLists(
  db: DbOrTx,
  actor: TActor,
  query: { missionId?: string },
): Promise<TMediaList[]> {
  const where: SQL[] = [mediaContactPolicy.scope(actor, mediaLists.missionId), isNull(mediaLists.archivedAt)];
  if (query.missionId) where.push(eq(mediaLists.missionId, query.missionId));
  const rows = await db
    .select()
    .from(mediaLists)
    .where(and(...where))
    .orderBy(sql`lower(${mediaLists.name})`);
  return presentLists(db, rows);
}

/** Checks the contacts belong to the mission. @throws 400 naming `contactIds.N` */
async function checkContacts(db: DbOrTx, missionId: string, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const found = await db
    .select({ id: mediaProfiles.id })
    .from(mediaProfiles)
    .where(and(inArray(mediaProfiles.id, unique), eq(mediaProfiles.missionId, missionId)));
  const known = new Set(found.map((r) => r.id));
  const errors = ids.flatMap((id, index) =>
    known.has(id)
      ? []
      : [{ field: `contactIds.${index}`, message: 'is not a media contact of this mission' }],
  );
  if (errors.length) throw badRequest('Some contacts are not of this mission.', errors);
  return unique;
}

async function replaceMembers(db: DbOrTx, list: { id: string; missionId: string }, profileIds: string[]) {
  await db.delete(mediaListMembers).where(eq(mediaListMembers.listId, list.id));
  if (profileIds.length)
    await db
      .insert(mediaListMembers)
      .values(profileIds.map((profileId) => ({ missionId: list.missionId, listId: list.id, profileId })));
}

const duplicateList = () =>
  badRequest('A list with this name exists.', [
    { field: 'name', message: 'is already the name of a list in this mission' },
  ]);

/** Creates a list, optionally with its members. @throws 404, 403, 400 */
export async function createMediaList(
  db: Db,
  actor: TActor,
  input: TCreateMediaListRequest,
): Promise<TMediaList> {
  return db.transaction(async (tx) => {
    const missionId = await loadWritableMission(tx, actor, input.missionId);
    const members = await checkContacts(tx, missionId, input.contactIds ?? []);
    const [existing] = await tx
      .select({ id: mediaLists.id })
      .from(mediaLists)
      .where(and(eq(mediaLists.missionId, missionId), sql`lower(${mediaLists.name}) = lower(${input.name})`));
    if (existing) throw duplicateList();
    const [row] = await tx
      .insert(mediaLists)
      .values({ missionId, name: input.name, description: input.description ?? null })
      .returning();
    await replaceMembers(tx, row!, members);
    const [presented] = await presentLists(tx, [row!]);
    await writeAudit(tx, {
      actor,
      missionId,
      entity: 'media_list',
      entityId: row!.id,
      action: 'create',
      after: presented,
    });
    return presented!;
  });
}

async function loadList(db: DbOrTx, actor: TActor, id: string): Promise<TListRow> {
  const [row] = await db
    .select()
    .from(mediaLists)
    .where(and(eq(mediaLists.id, id), mediaContactPolicy.scope(actor, mediaLists.missionId)));
  if (!row) throw notFound('Media list');
  return row;
}

/** Renames a list or replaces its members. @throws 404, 403, 400, 409 */
export async function updateMediaList(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateMediaListRequest,
): Promise<TMediaList> {
  return db.transaction(async (tx) => {
    const current = await loadList(tx, actor, id);
    authorize(mediaContactPolicy.canUpdate(actor, current), 'Your role cannot change media lists.');
    const members = input.contactIds ? await checkContacts(tx, current.missionId, input.contactIds) : null;
    const [before] = await presentLists(tx, [current]);
    const { version, contactIds: _ids, ...fields } = input;
    let saved: TListRow;
    try {
      saved = await updateVersioned(tx, mediaLists, current, version, fields);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateList();
      throw error;
    }
    if (members) await replaceMembers(tx, current, members);
    const [after] = await presentLists(tx, [saved]);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'media_list',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return after!;
  });
}

/** Archives a list. @throws 404, 403, 409 */
export async function archiveMediaList(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TMediaList> {
  return db.transaction(async (tx) => {
    const current = await loadList(tx, actor, id);
    authorize(mediaContactPolicy.canArchive(actor, current), 'Your role cannot change media lists.');
    // The name is freed for a new list: archived lists keep theirs with a suffix.
    const saved = await archiveVersioned(tx, mediaLists, current, version);
    await tx
      .update(mediaLists)
      .set({ name: `${current.name} (archived ${saved.id.slice(0, 8)})` })
      .where(eq(mediaLists.id, id));
    const [after] = await presentLists(tx, [saved]);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'media_list',
      entityId: id,
      action: 'archive',
      after,
    });
    return after!;
  });
}
