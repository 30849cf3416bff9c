/**
 * Loads the communication part of the TT2050 demo (demo/tt2050-communication.json): the strategy,
 * the media-engagement sessions, media contacts with a list, and a press release draft. It runs
 * in the demo's transaction and does nothing when the plan already has a strategy.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { PARTNER_ROLES } from '../../../shared/enums.ts';
import {
  ZCommsChannelEntry,
  ZHexColour,
  ZMediaChannelEntry,
  ZPressReleaseLanguage,
} from '../../../shared/schemas/communication.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { initiativePartners, initiatives } from '../initiatives/index.ts';
import { missions, writeAudit } from '../missions/index.ts';
import { organisations, people } from '../partners/index.ts';
import { plans } from '../plans/index.ts';
import { draftPressRelease } from './rules/press-release.ts';
import {
  commsStrategies,
  mediaListMembers,
  mediaLists,
  mediaProfiles,
  mediaSessions,
  pressReleases,
} from './tables.ts';

export const COMMUNICATION_DEMO_FILE = fileURLToPath(
  new URL('./demo/tt2050-communication.json', import.meta.url),
);

const ZContact = z.object({
  key: z.string(),
  kind: z.enum(['journalist', 'blogger', 'influencer', 'outlet']),
  /** An outlet that is an organisation of the plan data file, by key. */
  organisation: z.string().optional(),
  name: z.string().optional(),
  email: z.string().nullish(),
  /** A journalist's outlet: the key of an outlet contact. */
  outlet: z.string().optional(),
  languages: z.array(z.string()),
  channels: z.array(ZMediaChannelEntry),
  audienceSize: z.number().int().nullable(),
  topics: z.array(z.string()),
});

export const ZCommunicationDataFile = z.object({
  note: z.string(),
  strategy: z.object({
    objectives: z.array(z.string()),
    targetSegments: z.array(z.string()),
    channels: z.array(ZCommsChannelEntry),
    primaryColour: ZHexColour,
    secondaryColour: ZHexColour,
    testimonial: z.string().nullable(),
    testimonialNote: z.string().nullable(),
  }),
  sessions: z.array(
    z.object({
      heldOn: z.string(),
      title: z.string(),
      attendees: z.array(z.string()),
      otherAttendees: z.string().nullable(),
      suggestions: z.string().nullable(),
    }),
  ),
  contacts: z.array(ZContact),
  lists: z.array(
    z.object({ name: z.string(), description: z.string().nullable(), members: z.array(z.string()) }),
  ),
  pressReleases: z.array(z.object({ initiative: z.string(), language: ZPressReleaseLanguage })),
});
export type TCommunicationDataFile = z.infer<typeof ZCommunicationDataFile>;

export function readCommunicationDataFile(path = COMMUNICATION_DEMO_FILE): TCommunicationDataFile {
  return ZCommunicationDataFile.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * Writes the communication demo data for a plan, in the caller's transaction; keys refer to the
 * plan data file's people, organisations and initiatives.
 * @returns whether anything was written.
 * @throws when a key does not resolve (a broken data file).
 */
export async function loadCommunicationData(
  tx: DbOrTx,
  options: { missionId: string; planId: string; data?: TCommunicationDataFile },
): Promise<boolean> {
  const { missionId, planId } = options;
  const [existing] = await tx
    .select({ id: commsStrategies.id })
    .from(commsStrategies)
    .where(eq(commsStrategies.planId, planId));
  if (existing) return false;
  const data = options.data ?? readCommunicationDataFile();
  const personByKey = async (key: string) => {
    const [row] = await tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.missionId, missionId), eq(people.key, key)));
    if (!row) throw new Error(`Communication data: unknown person "${key}".`);
    return row.id;
  };

  const { testimonial, ...strategy } = data.strategy;
  const [saved] = await tx
    .insert(commsStrategies)
    .values({
      ...strategy,
      missionId,
      planId,
      testimonialId: testimonial ? await personByKey(testimonial) : null,
    })
    .returning({ id: commsStrategies.id });

  // Contacts: outlets first, so that journalists can point to them.
  const profileIds = new Map<string, string>();
  const personIds = new Map<string, string>();
  const outletOrgIds = new Map<string, string>();
  const ordered = [...data.contacts].sort(
    (a, b) => Number(b.kind === 'outlet') - Number(a.kind === 'outlet'),
  );
  for (const c of ordered) {
    let personId: string | null = null;
    let organisationId: string | null = null;
    if (c.kind === 'outlet') {
      const [org] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.missionId, missionId), eq(organisations.key, c.organisation ?? c.key)));
      if (!org) throw new Error(`Communication data: unknown organisation "${c.organisation ?? c.key}".`);
      organisationId = org.id;
      outletOrgIds.set(c.key, org.id);
    } else {
      const [person] = await tx
        .insert(people)
        .values({
          missionId,
          key: c.key,
          fullName: c.name ?? c.key,
          kind: c.kind,
          email: c.email ?? null,
          languages: c.languages,
        })
        .onConflictDoUpdate({
          target: [people.missionId, people.key],
          set: { fullName: sql`excluded.full_name` },
        })
        .returning({ id: people.id });
      personId = person!.id;
      personIds.set(c.key, personId);
    }
    const [profile] = await tx
      .insert(mediaProfiles)
      .values({
        missionId,
        personId,
        organisationId,
        outletId: c.outlet ? (outletOrgIds.get(c.outlet) ?? null) : null,
        languages: c.kind === 'outlet' ? c.languages : [],
        channels: c.channels,
        audienceSize: c.audienceSize,
        topics: c.topics,
      })
      .onConflictDoNothing()
      .returning({ id: mediaProfiles.id });
    if (profile) profileIds.set(c.key, profile.id);
  }

  for (const s of data.sessions) {
    const attendeeIds: string[] = [];
    for (const k of s.attendees) attendeeIds.push(personIds.get(k) ?? (await personByKey(k)));
    await tx.insert(mediaSessions).values({
      missionId,
      planId,
      heldOn: s.heldOn,
      title: s.title,
      attendeeIds,
      otherAttendees: s.otherAttendees,
      suggestions: s.suggestions,
    });
  }

  for (const l of data.lists) {
    const [list] = await tx
      .insert(mediaLists)
      .values({ missionId, name: l.name, description: l.description })
      .onConflictDoNothing()
      .returning({ id: mediaLists.id });
    const members = l.members.flatMap((k) => (profileIds.has(k) ? [profileIds.get(k)!] : []));
    if (list && members.length)
      await tx
        .insert(mediaListMembers)
        .values(members.map((profileId) => ({ missionId, listId: list.id, profileId })));
  }

  const [context] = await tx
    .select({ planTitle: plans.title, missionName: missions.name })
    .from(plans)
    .innerJoin(missions, eq(missions.id, plans.missionId))
    .where(eq(plans.id, planId));
  for (const r of data.pressReleases) {
    const [initiative] = await tx
      .select()
      .from(initiatives)
      .where(and(eq(initiatives.planId, planId), eq(initiatives.key, r.initiative)));
    if (!initiative) throw new Error(`Communication data: unknown initiative "${r.initiative}".`);
    const partnerRows = await tx
      .select({ name: organisations.name })
      .from(initiativePartners)
      .innerJoin(organisations, eq(organisations.id, initiativePartners.organisationId))
      .where(inArray(initiativePartners.initiativeId, [initiative.id]))
      .orderBy(
        sql`array_position(array[${sql.raw(PARTNER_ROLES.map((p) => `'${p}'`).join(','))}]::text[], ${initiativePartners.role})`,
        asc(organisations.name),
      );
    const draft = draftPressRelease(r.language, {
      planTitle: context!.planTitle,
      missionName: context!.missionName,
      initiative,
      partners: [...new Set(partnerRows.map((p) => p.name))],
    });
    await tx.insert(pressReleases).values({
      missionId,
      planId,
      initiativeId: initiative.id,
      language: r.language,
      ...draft,
    });
  }

  await writeAudit(tx, {
    actor: null,
    missionId,
    entity: 'comms_strategy',
    entityId: saved!.id,
    action: 'import',
    after: {
      note: data.note,
      contacts: data.contacts.length,
      sessions: data.sessions.length,
      pressReleases: data.pressReleases.length,
    },
  });
  return true;
}
