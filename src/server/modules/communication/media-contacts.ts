/**
 * Media contacts: journalists, bloggers and influencers (people) and outlets (organisations of
 * kind `media_outlet`), each with a media profile (channels, audience, topics); their lists; and
 * the CSV/XLSX import that merges duplicates by e-mail or handle.
 *
 * A contact's id is its media profile's id. Reads follow `contactPolicy` (external
 * collaborators see none); writes need a writer role in the mission.
 */
import { and, asc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { MEDIA_ORGANISATION_KIND } from '../../../shared/enums.ts';
import type {
  TCreateMediaContactRequest,
  TMediaContact,
  TMediaContactListQuery,
  TUpdateMediaContactRequest,
} from '../../../shared/schemas/communication.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, conflict, notFound } from '../../platform/http/problem.ts';
import { archiveVersioned, isUniqueViolation, likePattern, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { loadVisibleMission, writeAudit } from '../missions/index.ts';
import { organisations, people } from '../partners/index.ts';
import { mediaContactPolicy } from './policy.ts';
import { mediaListMembers, mediaLists, mediaProfiles } from './tables.ts';

type TProfileRow = typeof mediaProfiles.$inferSelect;

/** Loads what a list of profiles needs to be presented, in a fixed number of queries. */
export async function presentMediaContacts(db: DbOrTx, rows: TProfileRow[]): Promise<TMediaContact[]> {
  if (!rows.length) return [];
  const personIds = rows.flatMap((r) => (r.personId ? [r.personId] : []));
  const orgIds = [
    ...new Set(rows.flatMap((r) => [r.organisationId, r.outletId].filter((v): v is string => !!v))),
  ];
  const personRows = personIds.length
    ? await db.select().from(people).where(inArray(people.id, personIds))
    : [];
  const orgRows = orgIds.length
    ? await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(inArray(organisations.id, orgIds))
    : [];
  const memberRows = await db
    .select({ profileId: mediaListMembers.profileId, listId: mediaListMembers.listId })
    .from(mediaListMembers)
    .innerJoin(mediaLists, eq(mediaLists.id, mediaListMembers.listId))
    .where(
      and(
        inArray(
          mediaListMembers.profileId,
          rows.map((r) => r.id),
        ),
        isNull(mediaLists.archivedAt),
      ),
    );
  const personById = new Map(personRows.map((p) => [p.id, p]));
  const orgById = new Map(orgRows.map((o) => [o.id, o]));
  return rows.map((r) => {
    const person = r.personId ? personById.get(r.personId) : undefined;
    const organisation = r.organisationId ? orgById.get(r.organisationId) : undefined;
    const outlet = r.outletId ? orgById.get(r.outletId) : undefined;
    return {
      id: r.id,
      missionId: r.missionId,
      kind: person ? ('person' as const) : ('outlet' as const),
      personId: r.personId,
      organisationId: r.organisationId,
      name: person?.fullName ?? organisation?.name ?? '',
      personKind: person?.kind ?? null,
      email: person?.email ?? null,
      outlet: outlet ? { id: outlet.id, name: outlet.name } : null,
      languages: person ? person.languages : r.languages,
      channels: r.channels,
      audienceSize: r.audienceSize,
      topics: r.topics,
      notes: r.notes,
      listIds: memberRows.filter((m) => m.profileId === r.id).map((m) => m.listId),
      version: r.version,
      createdAt: isoRequired(r.createdAt),
      updatedAt: isoRequired(r.updatedAt),
      archivedAt: iso(r.archivedAt),
    };
  });
}

/** The mission, visible to the actor, where the actor may write contacts. @throws 404, 403 */
export async function loadWritableMission(db: DbOrTx, actor: TActor, missionId: string): Promise<string> {
  const mission = await loadVisibleMission(db, actor, missionId);
  authorize(mediaContactPolicy.canCreate(actor, mission.id), 'Your role cannot change media contacts.');
  return mission.id;
}

/** Media contacts the actor may see, by name; filtered by mission, list or words. */
export async function findMediaContacts(
  db: DbOrTx,
  actor: TActor,
  query: TMediaContactListQuery,
): Promise<{ items: TMediaContact[]; total: number; limit: number; offset: number }> {
  const where: SQL[] = [mediaContactPolicy.scope(actor, mediaProfiles.missionId)];
  if (!query.includeArchived) where.push(isNull(mediaProfiles.archivedAt));
  if (query.missionId) where.push(eq(mediaProfiles.missionId, query.missionId));
  if (query.listId)
    where.push(
      sql`exists (select 1 from ${mediaListMembers} where ${mediaListMembers.listId} = ${query.listId} and ${mediaListMembers.profileId} = ${mediaProfiles.id})`,
    );
  if (query.q) {
    const pattern = likePattern(query.q);
    where.push(
      or(
        ilike(people.fullName, pattern),
        ilike(people.email, pattern),
        ilike(organisations.name, pattern),
        sql`${mediaProfiles.channels}::text ilike ${pattern}`,
        sql`array_to_string(${mediaProfiles.topics}, ' ') ilike ${pattern}`,
      )!,
    );
  }
  const name = sql`lower(coalesce(${people.fullName}, ${organisations.name}))`;
  const base = () =>
    db
      .select({ profile: mediaProfiles })
      .from(mediaProfiles)
      .leftJoin(people, eq(people.id, mediaProfiles.personId))
      .leftJoin(organisations, eq(organisations.id, mediaProfiles.organisationId))
      .where(and(...where));
  const rows = await base().orderBy(name, asc(mediaProfiles.id)).limit(query.limit).offset(query.offset);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(mediaProfiles)
    .leftJoin(people, eq(people.id, mediaProfiles.personId))
    .leftJoin(organisations, eq(organisations.id, mediaProfiles.organisationId))
    .where(and(...where));
  return {
    items: await presentMediaContacts(
      db,
      rows.map((r) => r.profile),
    ),
    total: Number(counted?.total ?? 0),
    limit: query.limit,
    offset: query.offset,
  };
}

async function loadProfile(db: DbOrTx, actor: TActor, id: string): Promise<TProfileRow> {
  const [row] = await db
    .select()
    .from(mediaProfiles)
    .where(and(eq(mediaProfiles.id, id), mediaContactPolicy.scope(actor, mediaProfiles.missionId)));
  if (!row) throw notFound('Media contact');
  return row;
}

/** One media contact. @throws 404 */
export async function findMediaContact(db: DbOrTx, actor: TActor, id: string): Promise<TMediaContact> {
  return (await presentMediaContacts(db, [await loadProfile(db, actor, id)]))[0]!;
}

/** Checks that `outletId` is a media outlet of the mission. @throws 400 naming `outletId` */
async function checkOutlet(
  db: DbOrTx,
  missionId: string,
  outletId: string | null | undefined,
): Promise<void> {
  if (!outletId) return;
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, outletId),
        eq(organisations.missionId, missionId),
        eq(organisations.kind, MEDIA_ORGANISATION_KIND),
      ),
    );
  if (!row)
    throw badRequest('Unknown outlet.', [
      { field: 'outletId', message: 'is not a media outlet of this mission' },
    ]);
}

const duplicateProfile = () =>
  conflict('This person or organisation is already a media contact: edit that contact instead.');

/**
 * Creates a media contact: a new (or existing) person of a media kind, or a new (or existing)
 * organisation of kind media_outlet, with its media profile.
 * @throws 404 mission, 403 role, 400 references, 409 already a media contact.
 */
export async function createMediaContact(
  db: Db,
  actor: TActor,
  input: TCreateMediaContactRequest,
): Promise<TMediaContact> {
  return db.transaction(async (tx) => {
    const missionId = await loadWritableMission(tx, actor, input.missionId);
    await checkOutlet(tx, missionId, input.outletId);
    let personId: string | null = null;
    let organisationId: string | null = null;
    if (input.kind === 'person') {
      if (input.personId) {
        const [person] = await tx
          .select({ id: people.id })
          .from(people)
          .where(and(eq(people.id, input.personId), eq(people.missionId, missionId)));
        if (!person)
          throw badRequest('Unknown person.', [
            { field: 'personId', message: 'is not a person of this mission' },
          ]);
        personId = person.id;
      } else {
        const [person] = await tx
          .insert(people)
          .values({
            missionId,
            fullName: input.name,
            kind: input.personKind ?? 'journalist',
            email: input.email ?? null,
            languages: input.languages ?? [],
          })
          .returning({ id: people.id });
        personId = person!.id;
      }
    } else {
      if (input.organisationId) {
        const [org] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(
            and(
              eq(organisations.id, input.organisationId),
              eq(organisations.missionId, missionId),
              eq(organisations.kind, MEDIA_ORGANISATION_KIND),
            ),
          );
        if (!org)
          throw badRequest('Unknown outlet.', [
            { field: 'organisationId', message: 'is not a media outlet of this mission' },
          ]);
        organisationId = org.id;
      } else {
        const [org] = await tx
          .insert(organisations)
          .values({ missionId, name: input.name, kind: MEDIA_ORGANISATION_KIND })
          .returning({ id: organisations.id });
        organisationId = org!.id;
      }
    }
    let row: TProfileRow;
    try {
      [row] = (await tx
        .insert(mediaProfiles)
        .values({
          missionId,
          personId,
          organisationId,
          outletId: input.kind === 'person' ? (input.outletId ?? null) : null,
          languages: input.kind === 'outlet' ? (input.languages ?? []) : [],
          channels: input.channels ?? [],
          audienceSize: input.audienceSize ?? null,
          topics: input.topics ?? [],
          notes: input.notes ?? null,
        })
        .returning()) as [TProfileRow];
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateProfile();
      throw error;
    }
    const [presented] = await presentMediaContacts(tx, [row]);
    await writeAudit(tx, {
      actor,
      missionId,
      entity: 'media_contact',
      entityId: row.id,
      action: 'create',
      after: presented,
    });
    return presented!;
  });
}

/**
 * Edits a media contact: its profile and the person's (or outlet's) name, kind, e-mail and languages.
 * @throws 404, 403, 400, 409 stale version.
 */
export async function updateMediaContact(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateMediaContactRequest,
): Promise<TMediaContact> {
  return db.transaction(async (tx) => {
    const current = await loadProfile(tx, actor, id);
    authorize(mediaContactPolicy.canUpdate(actor, current), 'Your role cannot change media contacts.');
    if (current.organisationId && input.outletId)
      throw badRequest('An outlet does not belong to another outlet.', [
        { field: 'outletId', message: 'only people belong to an outlet' },
      ]);
    await checkOutlet(tx, current.missionId, input.outletId);
    const [before] = await presentMediaContacts(tx, [current]);
    const { version, name, personKind, email, languages, ...profile } = input;
    const saved = await updateVersioned(tx, mediaProfiles, current, version, {
      ...profile,
      ...(current.organisationId && languages ? { languages } : {}),
    });
    if (current.personId) {
      const personFields = {
        ...(name !== undefined ? { fullName: name } : {}),
        ...(personKind !== undefined ? { kind: personKind } : {}),
        ...(email !== undefined ? { email } : {}),
        ...(languages !== undefined ? { languages } : {}),
      };
      if (Object.keys(personFields).length)
        await tx
          .update(people)
          .set({ ...personFields, version: sql`${people.version} + 1`, updatedAt: new Date() })
          .where(eq(people.id, current.personId));
    } else if (current.organisationId && name !== undefined) {
      await tx
        .update(organisations)
        .set({ name, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
        .where(eq(organisations.id, current.organisationId));
    }
    const [after] = await presentMediaContacts(tx, [saved]);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'media_contact',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return after!;
  });
}

/** Archives a media contact (the person or outlet stays). @throws 404, 403, 409 */
export async function archiveMediaContact(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TMediaContact> {
  return db.transaction(async (tx) => {
    const current = await loadProfile(tx, actor, id);
    authorize(mediaContactPolicy.canArchive(actor, current), 'Your role cannot change media contacts.');
    const saved = await archiveVersioned(tx, mediaProfiles, current, version);
    const [after] = await presentMediaContacts(tx, [saved]);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'media_contact',
      entityId: id,
      action: 'archive',
      after,
    });
    return after!;
  });
}
