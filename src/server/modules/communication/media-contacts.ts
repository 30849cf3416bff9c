/**
 * Media contacts: journalists, bloggers and influencers (people) and outlets (organisations of
 * kind `media_outlet`), each with a media profile (channels, audience, topics); their lists; and
 * the CSV/XLSX import that merges duplicates by e-mail or handle.
 *
 * A contact's id is its media profile's id. Reads follow `contactPolicy` (external
 * collaborators see none); writes need a writer role in the mission.
 */
import { and, asc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { MEDIA_ORGANISATION_KIND, type TMediaPersonKind } from '../../../shared/enums.ts';
import type {
  TCreateMediaContactRequest,
  TCreateMediaListRequest,
  TMediaContact,
  TMediaContactImportResult,
  TMediaContactListQuery,
  TMediaList,
  TUpdateMediaContactRequest,
  TUpdateMediaListRequest,
} from '../../../shared/schemas/communication.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, conflict, notFound } from '../../platform/http/problem.ts';
import { archiveVersioned, isUniqueViolation, likePattern, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import type { TImportError } from '../initiatives/index.ts';
import { nameKey, readTableFile } from '../initiatives/index.ts';
import { loadVisibleMission, writeAudit } from '../missions/index.ts';
import { organisations, people } from '../partners/index.ts';
import { mediaContactPolicy } from './policy.ts';
import {
  contactKeys,
  isMediaPersonKind,
  readMediaContactRows,
  type TMediaChannel,
  type TMediaContactRow,
} from './rules/media-contacts.ts';
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
async function loadWritableMission(db: DbOrTx, actor: TActor, missionId: string): Promise<string> {
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

// ——— Import ———

/** A contact being built from the existing records and the file's rows. */
interface TDraft {
  profileId: string | null;
  personId: string | null;
  organisationId: string | null;
  kind: 'person' | 'outlet';
  name: string;
  personKind: TMediaPersonKind | null;
  email: string | null;
  outletName: string | null;
  outletId: string | null;
  languages: string[];
  channels: TMediaChannel[];
  audienceSize: number | null;
  topics: string[];
  notes: string | null;
  lists: Set<string>;
  isChanged: boolean;
  /** First row of the file that made or touched it. */
  row: number | null;
}

const union = (a: string[], b: string[]) => {
  const seen = new Set(a.map((x) => x.toLowerCase()));
  return [...a, ...b.filter((x) => !seen.has(x.toLowerCase()) && seen.add(x.toLowerCase()))];
};

function mergeRow(draft: TDraft, row: TMediaContactRow): void {
  const keysBefore = new Set(contactKeys(draft));
  draft.email ??= row.email;
  draft.languages = union(draft.languages, row.languages);
  draft.channels = [
    ...draft.channels,
    ...row.channels.filter((c) =>
      contactKeys({ email: null, channels: [c] }).every((k) => !keysBefore.has(k)),
    ),
  ];
  if (row.audienceSize !== null) draft.audienceSize = row.audienceSize;
  draft.topics = union(draft.topics, row.topics);
  if (row.notes && !draft.notes?.includes(row.notes))
    draft.notes = draft.notes ? `${draft.notes}\n${row.notes}` : row.notes;
  if (!draft.outletId && !draft.outletName) draft.outletName = row.outlet;
  if (row.list) draft.lists.add(row.list);
  draft.isChanged = true;
}

/**
 * Imports media contacts from a CSV or XLSX file (columns: name, kind, email, outlet, languages,
 * channels, audience, topics, list, notes). All or nothing: every row is validated first; with any
 * error nothing is written and the errors are returned by row and column. A row whose e-mail or
 * any handle matches an existing contact (or an earlier row) is merged into it: missing facts are
 * filled, languages, channels and topics are added, the audience is updated. Outlets are matched
 * by name. Unknown outlets and lists are created.
 * @throws 404 mission, 403 role, 400/413 for a file that cannot be read.
 */
export async function importMediaContacts(
  db: Db,
  actor: TActor,
  options: { missionId: string; file: { name: string; data: Uint8Array }; isDryRun?: boolean },
): Promise<TMediaContactImportResult & { errors: TImportError[] }> {
  const table = await readTableFile(options.file);
  const read = readMediaContactRows(table.rows, table.rowNumbers);
  const empty = {
    rows: read.contacts.length,
    created: 0,
    merged: 0,
    createdOutlets: [],
    createdLists: [],
    isDryRun: !!options.isDryRun,
  };
  const rowErrors = read.errors.map((e) => ({ ...e, field: `row ${e.row}, column ${e.column}` }));
  return db.transaction(async (tx) => {
    const missionId = await loadWritableMission(tx, actor, options.missionId);
    if (rowErrors.length) return { ...empty, errors: rowErrors };

    // The mission's contacts, indexed by every key.
    const profiles = await tx.select().from(mediaProfiles).where(eq(mediaProfiles.missionId, missionId));
    const presented = await presentMediaContacts(tx, profiles);
    const drafts: TDraft[] = presented.map((c) => ({
      profileId: c.id,
      personId: c.personId,
      organisationId: c.organisationId,
      kind: c.kind,
      name: c.name,
      personKind: (c.personKind as TMediaPersonKind | null) ?? null,
      email: c.email,
      outletName: null,
      outletId: c.outlet?.id ?? null,
      languages: c.languages,
      channels: c.channels,
      audienceSize: c.audienceSize,
      topics: c.topics,
      notes: c.notes,
      lists: new Set(),
      isChanged: false,
      row: null,
    }));
    const byKey = new Map<string, TDraft>();
    const index = (draft: TDraft) => {
      for (const key of contactKeys(draft)) if (!byKey.has(key)) byKey.set(key, draft);
      if (draft.kind === 'outlet') byKey.set(`outlet:${nameKey(draft.name)}`, draft);
    };
    drafts.forEach(index);
    const outletOrgs = await tx
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.missionId, missionId), eq(organisations.kind, MEDIA_ORGANISATION_KIND)));

    const errors: TImportError[] = [];
    let created = 0;
    let merged = 0;
    for (const row of read.contacts) {
      const keys = [...contactKeys(row), ...(row.kind === 'outlet' ? [`outlet:${nameKey(row.name)}`] : [])];
      const matches = [...new Set(keys.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : [])))];
      if (matches.length > 1) {
        errors.push({
          row: row.row,
          column: row.email ? 'email' : 'channels',
          field: `row ${row.row}, column ${row.email ? 'email' : 'channels'}`,
          message: `matches two different contacts (${matches.map((m) => m.name).join(' and ')}): split or correct the row`,
        });
        continue;
      }
      const [match] = matches;
      if (match) {
        if ((match.kind === 'outlet') !== (row.kind === 'outlet')) {
          errors.push({
            row: row.row,
            column: 'kind',
            field: `row ${row.row}, column kind`,
            message: `"${row.name}" matches ${match.name}, who is ${match.kind === 'outlet' ? 'an outlet' : 'a person'}`,
          });
          continue;
        }
        mergeRow(match, row);
        merged++;
        index(match);
        continue;
      }
      const draft: TDraft = {
        profileId: null,
        personId: null,
        organisationId: null,
        kind: isMediaPersonKind(row.kind) ? 'person' : 'outlet',
        name: row.name,
        personKind: isMediaPersonKind(row.kind) ? row.kind : null,
        email: row.email,
        outletName: isMediaPersonKind(row.kind) ? row.outlet : null,
        outletId: null,
        languages: row.languages,
        channels: row.channels,
        audienceSize: row.audienceSize,
        topics: row.topics,
        notes: row.notes,
        lists: new Set(row.list ? [row.list] : []),
        isChanged: true,
        row: row.row,
      };
      drafts.push(draft);
      index(draft);
      created++;
    }
    if (errors.length) return { ...empty, errors };

    // Outlets named by people: an outlet of the mission, one of the file's, or a new one.
    const outletByName = new Map(outletOrgs.map((o) => [nameKey(o.name), o.id as string | null]));
    for (const d of drafts) if (d.kind === 'outlet') outletByName.set(nameKey(d.name), d.organisationId);
    const createdOutlets = [
      ...new Map(
        drafts
          .filter((d) => d.outletName && !outletByName.has(nameKey(d.outletName)))
          .map((d) => [nameKey(d.outletName!), d.outletName!]),
      ).values(),
    ];
    const listRows = await tx
      .select({ id: mediaLists.id, name: mediaLists.name })
      .from(mediaLists)
      .where(and(eq(mediaLists.missionId, missionId), isNull(mediaLists.archivedAt)));
    const listByName = new Map(listRows.map((l) => [nameKey(l.name), l.id]));
    const createdLists = [
      ...new Map(
        drafts
          .flatMap((d) => [...d.lists])
          .filter((l) => !listByName.has(nameKey(l)))
          .map((l) => [nameKey(l), l]),
      ).values(),
    ];
    const result = { ...empty, created, merged, createdOutlets, createdLists, errors: [] };
    if (options.isDryRun) return result;

    for (const name of createdOutlets) {
      const [org] = await tx
        .insert(organisations)
        .values({ missionId, name, kind: MEDIA_ORGANISATION_KIND })
        .returning({ id: organisations.id });
      outletByName.set(nameKey(name), org!.id);
    }
    // Outlets created by rows of the file come first, so that their journalists can point to them.
    const ordered = [
      ...drafts.filter((d) => d.kind === 'outlet'),
      ...drafts.filter((d) => d.kind === 'person'),
    ];
    for (const d of ordered) {
      if (!d.isChanged) continue;
      if (!d.outletId && d.outletName) d.outletId = outletByName.get(nameKey(d.outletName)) ?? null;
      const profile = {
        outletId: d.outletId,
        languages: d.kind === 'outlet' ? d.languages : [],
        channels: d.channels,
        audienceSize: d.audienceSize,
        topics: d.topics,
        notes: d.notes,
      };
      if (d.profileId) {
        await tx
          .update(mediaProfiles)
          .set({
            ...profile,
            archivedAt: null,
            version: sql`${mediaProfiles.version} + 1`,
            updatedAt: new Date(),
          })
          .where(eq(mediaProfiles.id, d.profileId));
        if (d.personId)
          await tx
            .update(people)
            .set({
              email: d.email,
              languages: d.languages,
              version: sql`${people.version} + 1`,
              updatedAt: new Date(),
            })
            .where(eq(people.id, d.personId));
      } else {
        if (d.kind === 'person') {
          const [person] = await tx
            .insert(people)
            .values({
              missionId,
              fullName: d.name,
              kind: d.personKind ?? 'journalist',
              email: d.email,
              languages: d.languages,
            })
            .returning({ id: people.id });
          d.personId = person!.id;
        } else {
          const [org] = await tx
            .insert(organisations)
            .values({ missionId, name: d.name, kind: MEDIA_ORGANISATION_KIND })
            .returning({ id: organisations.id });
          d.organisationId = org!.id;
          outletByName.set(nameKey(d.name), org!.id);
        }
        const [row] = await tx
          .insert(mediaProfiles)
          .values({ missionId, personId: d.personId, organisationId: d.organisationId, ...profile })
          .returning({ id: mediaProfiles.id });
        d.profileId = row!.id;
      }
      await writeAudit(tx, {
        actor,
        missionId,
        entity: 'media_contact',
        entityId: d.profileId!,
        action: 'import',
        after: {
          name: d.name,
          email: d.email,
          channels: d.channels,
          audienceSize: d.audienceSize,
          row: d.row,
        },
      });
    }
    for (const name of createdLists) {
      const [list] = await tx.insert(mediaLists).values({ missionId, name }).returning({ id: mediaLists.id });
      listByName.set(nameKey(name), list!.id);
      await writeAudit(tx, {
        actor,
        missionId,
        entity: 'media_list',
        entityId: list!.id,
        action: 'import',
        after: { name },
      });
    }
    const memberships = drafts.flatMap((d) =>
      [...d.lists].map((l) => ({ missionId, listId: listByName.get(nameKey(l))!, profileId: d.profileId! })),
    );
    if (memberships.length) await tx.insert(mediaListMembers).values(memberships).onConflictDoNothing();
    return result;
  });
}
