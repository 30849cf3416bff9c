/**
 * A plan's communication strategy (one versioned document per plan), its logos, its
 * media-engagement sessions, and `loadVisualIdentity` for the exports that carry the plan's
 * identity (press releases, reports).
 */
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { LOGO_MAX_BYTES, type TLogoMimeType } from '../../../shared/enums.ts';
import type {
  TCommsStrategy,
  TCreateMediaSessionRequest,
  TMediaSession,
  TUpdateMediaSessionRequest,
  TUpdateStrategyRequest,
} from '../../../shared/schemas/communication.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, HttpProblem, notFound } from '../../platform/http/problem.ts';
import { contactPolicy, planPolicy } from '../../platform/mission-data-policy.ts';
import { archiveVersioned, staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize, hasRole, WRITER_ROLES } from '../../platform/scope.ts';
import { checkImage } from '../../platform/uploads/image.ts';
import { sniffImage } from '../../platform/uploads/image-sniff.ts';
import { writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { plans, programmes } from '../plans/index.ts';
import { strategyPolicy } from './policy.ts';
import { commsLogos, commsStrategies, mediaSessions } from './tables.ts';

type TPlanRef = { id: string; missionId: string; title: string; acronym: string };

/** The plan through the actor's scope (404 when it does not exist, is archived or is not visible). */
export async function loadVisiblePlan(db: DbOrTx, actor: TActor, planId: string): Promise<TPlanRef> {
  const [plan] = await db
    .select({ id: plans.id, missionId: plans.missionId, title: plans.title, acronym: plans.acronym })
    .from(plans)
    .where(and(eq(plans.id, planId), planPolicy.scope(actor, plans.missionId), isNull(plans.archivedAt)));
  if (!plan) throw notFound('Plan');
  return plan;
}

/** Checks that every id is a person of the mission (not archived). @throws 400 naming `field` */
async function checkPeople(db: DbOrTx, missionId: string, ids: string[], field: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const found = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, unique), eq(people.missionId, missionId), isNull(people.archivedAt)));
  const known = new Set(found.map((r) => r.id));
  const errors = ids.flatMap((id, index) =>
    known.has(id)
      ? []
      : [
          {
            field: ids.length === 1 && field === 'testimonialId' ? field : `${field}.${index}`,
            message: 'is not a person of this mission',
          },
        ],
  );
  if (errors.length) throw badRequest('Some people are not of this mission.', errors);
}

async function presentStrategy(
  db: DbOrTx,
  actor: TActor,
  plan: TPlanRef,
  row: typeof commsStrategies.$inferSelect | undefined,
): Promise<TCommsStrategy> {
  const [testimonial] = row?.testimonialId
    ? await db
        .select({ id: people.id, fullName: people.fullName, kind: people.kind })
        .from(people)
        .where(eq(people.id, row.testimonialId))
    : [];
  const logos = await db
    .select({
      programmeId: commsLogos.programmeId,
      fileName: commsLogos.fileName,
      mimeType: commsLogos.mimeType,
      byteSize: commsLogos.byteSize,
      uploadedAt: commsLogos.uploadedAt,
    })
    .from(commsLogos)
    .where(eq(commsLogos.planId, plan.id));
  const programmeRows = await db
    .select({
      id: programmes.id,
      key: programmes.key,
      name: programmes.name,
      colors: programmes.colors,
      version: programmes.version,
    })
    .from(programmes)
    .where(eq(programmes.planId, plan.id))
    .orderBy(asc(programmes.name));
  return {
    planId: plan.id,
    missionId: plan.missionId,
    objectives: row?.objectives ?? [],
    targetSegments: row?.targetSegments ?? [],
    channels: row?.channels ?? [],
    primaryColour: row?.primaryColour ?? null,
    secondaryColour: row?.secondaryColour ?? null,
    testimonial: testimonial ?? null,
    testimonialNote: row?.testimonialNote ?? null,
    logos: logos.map((l) => ({ ...l, uploadedAt: isoRequired(l.uploadedAt) })),
    programmes: programmeRows,
    version: row?.version ?? 0,
    updatedAt: row ? iso(row.updatedAt) : null,
    canEdit: strategyPolicy.canUpdate(actor, plan),
  };
}

async function loadStrategyRow(db: DbOrTx, planId: string) {
  const [row] = await db.select().from(commsStrategies).where(eq(commsStrategies.planId, planId));
  return row;
}

/** The plan's communication strategy; an empty one (version 0) until someone saves it. @throws 404 */
export async function findStrategy(db: DbOrTx, actor: TActor, planId: string): Promise<TCommsStrategy> {
  const plan = await loadVisiblePlan(db, actor, planId);
  return presentStrategy(db, actor, plan, await loadStrategyRow(db, plan.id));
}

/**
 * Saves the strategy (the fields sent; `version` 0 creates it).
 * @throws 404 plan, 403 role, 400 testimonial not of the mission, 409 stale version.
 */
export async function updateStrategy(
  db: Db,
  actor: TActor,
  planId: string,
  input: TUpdateStrategyRequest,
): Promise<TCommsStrategy> {
  return db.transaction(async (tx) => {
    const plan = await loadVisiblePlan(tx, actor, planId);
    authorize(strategyPolicy.canUpdate(actor, plan), 'Your role cannot edit the communication strategy.');
    if (input.testimonialId) await checkPeople(tx, plan.missionId, [input.testimonialId], 'testimonialId');
    const { version, ...fields } = input;
    const current = await loadStrategyRow(tx, plan.id);
    let saved: typeof commsStrategies.$inferSelect;
    if (!current) {
      if (version !== 0) throw staleVersion(0);
      [saved] = (await tx
        .insert(commsStrategies)
        .values({ ...fields, missionId: plan.missionId, planId: plan.id })
        .returning()) as [typeof commsStrategies.$inferSelect];
    } else {
      saved = await updateVersioned(tx, commsStrategies, current, version, fields);
    }
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'comms_strategy',
      entityId: saved.id,
      action: current ? 'update' : 'create',
      before: current ?? null,
      after: saved,
    });
    return presentStrategy(tx, actor, plan, saved);
  });
}

// ——— Logos ———

async function checkProgramme(db: DbOrTx, planId: string, programmeId: string | undefined): Promise<void> {
  if (!programmeId) return;
  const [row] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.id, programmeId), eq(programmes.planId, planId)));
  if (!row)
    throw badRequest('Unknown programme.', [
      { field: 'programmeId', message: 'is not a programme of this plan' },
    ]);
}

const logoWhere = (planId: string, programmeId: string | undefined): SQL =>
  and(
    eq(commsLogos.planId, planId),
    programmeId ? eq(commsLogos.programmeId, programmeId) : isNull(commsLogos.programmeId),
  )!;

/**
 * Stores the plan's logo (or a programme's), replacing the previous one. The file must be a PNG
 * or JPEG (recognised by its bytes) of at most 1 MB that decodes completely.
 * @throws 400 not an image, a damaged or truncated one, too many pixels; 413 too large, 403 role, 404 plan.
 */
export async function uploadLogo(
  db: Db,
  actor: TActor,
  options: { planId: string; programmeId?: string; file: { name: string; data: Uint8Array } },
): Promise<TCommsStrategy> {
  const { file } = options;
  if (file.data.byteLength > LOGO_MAX_BYTES)
    throw new HttpProblem(413, 'Payload too large', 'The logo is larger than 1 MB.', {
      errors: [{ field: 'file', message: 'is larger than 1 MB: export it smaller' }],
    });
  const image = sniffImage(file.data);
  if (!image)
    throw badRequest('The logo is not a PNG or JPEG image.', [
      { field: 'file', message: 'must be a PNG or JPEG image' },
    ]);
  // The signature is not enough: a truncated PNG would break every report that draws it.
  await checkImage(file.data, { field: 'file', name: file.name });
  return db.transaction(async (tx) => {
    const plan = await loadVisiblePlan(tx, actor, options.planId);
    authorize(strategyPolicy.canUpdate(actor, plan), 'Your role cannot change the visual identity.');
    await checkProgramme(tx, plan.id, options.programmeId);
    const before = await tx
      .select({ id: commsLogos.id, fileName: commsLogos.fileName, byteSize: commsLogos.byteSize })
      .from(commsLogos)
      .where(logoWhere(plan.id, options.programmeId));
    await tx.delete(commsLogos).where(logoWhere(plan.id, options.programmeId));
    const fileName = file.name.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200) || 'logo';
    const [row] = await tx
      .insert(commsLogos)
      .values({
        missionId: plan.missionId,
        planId: plan.id,
        programmeId: options.programmeId ?? null,
        fileName,
        mimeType: image.mimeType,
        byteSize: file.data.byteLength,
        data: file.data,
        uploadedBy: actor.userId,
      })
      .returning({ id: commsLogos.id });
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'comms_logo',
      entityId: row!.id,
      action: before.length ? 'update' : 'create',
      before: before[0] ?? null,
      after: {
        programmeId: options.programmeId ?? null,
        fileName,
        mimeType: image.mimeType,
        byteSize: file.data.byteLength,
      },
    });
    return presentStrategy(tx, actor, plan, await loadStrategyRow(tx, plan.id));
  });
}

/** The logo file of the plan (or of a programme). @throws 404 */
export async function findLogo(
  db: DbOrTx,
  actor: TActor,
  options: { planId: string; programmeId?: string },
): Promise<{ data: Uint8Array; mimeType: string; fileName: string }> {
  const plan = await loadVisiblePlan(db, actor, options.planId);
  const [row] = await db
    .select({ data: commsLogos.data, mimeType: commsLogos.mimeType, fileName: commsLogos.fileName })
    .from(commsLogos)
    .where(logoWhere(plan.id, options.programmeId));
  if (!row) throw notFound('Logo');
  return row;
}

/** Removes the plan's (or a programme's) logo. @throws 404 when there is none, 403 role. */
export async function deleteLogo(
  db: Db,
  actor: TActor,
  options: { planId: string; programmeId?: string },
): Promise<TCommsStrategy> {
  return db.transaction(async (tx) => {
    const plan = await loadVisiblePlan(tx, actor, options.planId);
    authorize(strategyPolicy.canUpdate(actor, plan), 'Your role cannot change the visual identity.');
    const [row] = await tx
      .delete(commsLogos)
      .where(logoWhere(plan.id, options.programmeId))
      .returning({ id: commsLogos.id, fileName: commsLogos.fileName });
    if (!row) throw notFound('Logo');
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'comms_logo',
      entityId: row.id,
      action: 'delete',
      before: { programmeId: options.programmeId ?? null, fileName: row.fileName },
    });
    return presentStrategy(tx, actor, plan, await loadStrategyRow(tx, plan.id));
  });
}

export interface TVisualIdentity {
  planTitle: string;
  /** The plan's logo, if one was uploaded. */
  logo: { data: Uint8Array; mimeType: TLogoMimeType } | null;
  primaryColour: string | null;
  secondaryColour: string | null;
  /** Each programme's colours (first = main) and logo, by programme id. */
  programmeColours: Record<string, string[]>;
  programmeLogos: Record<string, { data: Uint8Array; mimeType: TLogoMimeType }>;
}

/**
 * The plan's visual identity for exports (press releases, reports). No authorization here: call
 * it after the caller's access to the plan was checked.
 * @example const identity = await loadVisualIdentity(db, planId); if (identity.logo) addImage(identity.logo.data);
 * @throws 404 when the plan does not exist.
 */
export async function loadVisualIdentity(db: DbOrTx, planId: string): Promise<TVisualIdentity> {
  const [plan] = await db.select({ title: plans.title }).from(plans).where(eq(plans.id, planId));
  if (!plan) throw notFound('Plan');
  const strategy = await loadStrategyRow(db, planId);
  const logos = await db
    .select({ programmeId: commsLogos.programmeId, data: commsLogos.data, mimeType: commsLogos.mimeType })
    .from(commsLogos)
    .where(eq(commsLogos.planId, planId));
  const programmeRows = await db
    .select({ id: programmes.id, colors: programmes.colors })
    .from(programmes)
    .where(eq(programmes.planId, planId));
  const planLogo = logos.find((l) => l.programmeId === null);
  return {
    planTitle: plan.title,
    logo: planLogo ? { data: planLogo.data, mimeType: planLogo.mimeType as TLogoMimeType } : null,
    primaryColour: strategy?.primaryColour ?? null,
    secondaryColour: strategy?.secondaryColour ?? null,
    programmeColours: Object.fromEntries(programmeRows.map((p) => [p.id, p.colors])),
    programmeLogos: Object.fromEntries(
      logos
        .filter((l) => l.programmeId !== null)
        .map((l) => [l.programmeId!, { data: l.data, mimeType: l.mimeType as TLogoMimeType }]),
    ),
  };
}

// ——— Media-engagement sessions ———

type TSessionRow = typeof mediaSessions.$inferSelect;

/**
 * Who came follows the contacts policy: the attendees are read through `contactPolicy`'s scope,
 * so an external collaborator (who sees no contacts) gets an empty list, and the free-text
 * other attendees (names too) are withheld from them.
 */
async function presentSessions(db: DbOrTx, actor: TActor, rows: TSessionRow[]): Promise<TMediaSession[]> {
  const ids = [...new Set(rows.flatMap((r) => r.attendeeIds))];
  const attendees = ids.length
    ? await db
        .select({ id: people.id, fullName: people.fullName, kind: people.kind })
        .from(people)
        .where(and(inArray(people.id, ids), contactPolicy.scope(actor, people.missionId)))
    : [];
  const byId = new Map(attendees.map((a) => [a.id, a]));
  return rows.map((r) => ({
    id: r.id,
    missionId: r.missionId,
    planId: r.planId,
    heldOn: r.heldOn,
    title: r.title,
    attendees: r.attendeeIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    otherAttendees: contactPolicy.canRead(actor, r.missionId) ? r.otherAttendees : null,
    suggestions: r.suggestions,
    version: r.version,
    createdAt: isoRequired(r.createdAt),
    updatedAt: isoRequired(r.updatedAt),
    archivedAt: iso(r.archivedAt),
  }));
}

/** The plan's media-engagement sessions, oldest first. @throws 404 plan */
export async function findMediaSessions(db: DbOrTx, actor: TActor, planId: string): Promise<TMediaSession[]> {
  const plan = await loadVisiblePlan(db, actor, planId);
  const rows = await db
    .select()
    .from(mediaSessions)
    .where(and(eq(mediaSessions.planId, plan.id), isNull(mediaSessions.archivedAt)))
    .orderBy(asc(mediaSessions.heldOn), asc(mediaSessions.createdAt));
  return presentSessions(db, actor, rows);
}

/** Records a media-engagement session. @throws 404 plan, 403 role, 400 attendees not of the mission */
export async function createMediaSession(
  db: Db,
  actor: TActor,
  planId: string,
  input: TCreateMediaSessionRequest,
): Promise<TMediaSession> {
  return db.transaction(async (tx) => {
    const plan = await loadVisiblePlan(tx, actor, planId);
    authorize(strategyPolicy.canUpdate(actor, plan), 'Your role cannot record media sessions.');
    await checkPeople(tx, plan.missionId, input.attendeeIds ?? [], 'attendeeIds');
    const [row] = await tx
      .insert(mediaSessions)
      .values({
        missionId: plan.missionId,
        planId: plan.id,
        heldOn: input.heldOn,
        title: input.title,
        attendeeIds: [...new Set(input.attendeeIds ?? [])],
        otherAttendees: input.otherAttendees ?? null,
        suggestions: input.suggestions ?? null,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'media_session',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
    return (await presentSessions(tx, actor, [row!]))[0]!;
  });
}

async function loadSession(db: DbOrTx, actor: TActor, id: string): Promise<TSessionRow> {
  const [row] = await db
    .select()
    .from(mediaSessions)
    .where(and(eq(mediaSessions.id, id), planPolicy.scope(actor, mediaSessions.missionId)));
  if (!row) throw notFound('Media session');
  return row;
}

/** Edits a session. @throws 404, 403, 400, 409 stale version */
export async function updateMediaSession(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateMediaSessionRequest,
): Promise<TMediaSession> {
  return db.transaction(async (tx) => {
    const current = await loadSession(tx, actor, id);
    authorize(hasRole(actor, current.missionId, WRITER_ROLES), 'Your role cannot edit media sessions.');
    if (input.attendeeIds) await checkPeople(tx, current.missionId, input.attendeeIds, 'attendeeIds');
    const { version, ...fields } = input;
    const saved = await updateVersioned(tx, mediaSessions, current, version, {
      ...fields,
      ...(fields.attendeeIds ? { attendeeIds: [...new Set(fields.attendeeIds)] } : {}),
    });
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'media_session',
      entityId: id,
      action: 'update',
      before: current,
      after: saved,
    });
    return (await presentSessions(tx, actor, [saved]))[0]!;
  });
}

/** Archives a session. @throws 404, 403, 409 */
export async function archiveMediaSession(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TMediaSession> {
  return db.transaction(async (tx) => {
    const current = await loadSession(tx, actor, id);
    authorize(hasRole(actor, current.missionId, WRITER_ROLES), 'Your role cannot archive media sessions.');
    const saved = await archiveVersioned(tx, mediaSessions, current, version);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'media_session',
      entityId: id,
      action: 'archive',
      before: current,
      after: saved,
    });
    return (await presentSessions(tx, actor, [saved]))[0]!;
  });
}
