/**
 * Importing media contacts from CSV or XLSX: rows merged into drafts by e-mail or handle, then created or merged with the mission's profiles, all or nothing.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { MEDIA_ORGANISATION_KIND, type TMediaPersonKind } from '../../../shared/enums.ts';
import type { TMediaContactImportResult } from '../../../shared/schemas/communication.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import type { TImportError } from '../initiatives/index.ts';
import { nameKey, readTableFile } from '../initiatives/index.ts';
import { writeAudit } from '../missions/index.ts';
import { organisations, people } from '../partners/index.ts';
import { loadWritableMission, presentMediaContacts } from './media-contacts.ts';
import {
  contactKeys,
  isMediaPersonKind,
  readMediaContactRows,
  type TMediaChannel,
  type TMediaContactRow,
} from './rules/media-contacts.ts';
import { mediaListMembers, mediaLists, mediaProfiles } from './tables.ts';

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
