/**
 * Press releases of an initiative, one per language: drafted from the initiative's fields,
 * edited while a draft, approved by the head of mission, marked sent; each write versioned and
 * audited; exported as DOCX with the plan's identity.
 */
import { and, asc, desc, eq, exists, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { PARTNER_ROLES, type TPressReleaseStatus } from '../../../shared/enums.ts';
import type {
  TCreatePressReleaseRequest,
  TPressRelease,
  TPressReleaseListQuery,
  TPressReleaseStatusRequest,
  TUpdatePressReleaseRequest,
} from '../../../shared/schemas/communication.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, conflict, notFound } from '../../platform/http/problem.ts';
import { archiveVersioned, selectPage, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiativePartners, initiativePolicy, initiatives } from '../initiatives/index.ts';
import { missions, users, writeAudit } from '../missions/index.ts';
import { organisations } from '../partners/index.ts';
import { plans } from '../plans/index.ts';
import { loadVisualIdentity } from './comms-strategy.ts';
import { pressReleasePolicy } from './policy.ts';
import { renderPressReleaseDocx } from './press-release-docx.ts';
import {
  canTransitionPressRelease,
  draftPressRelease,
  PRESS_RELEASE_TRANSITIONS,
} from './rules/press-release.ts';
import { pressReleases } from './tables.ts';

type TRow = typeof pressReleases.$inferSelect;

/** A release is visible to whoever sees its initiative. */
const visibleInitiative = (actor: TActor): SQL =>
  exists(
    sql`(select 1 from ${initiatives} where ${initiatives.id} = ${pressReleases.initiativeId} and ${initiativePolicy.scope(actor)})`,
  );

async function present(db: DbOrTx, actor: TActor, rows: TRow[]): Promise<TPressRelease[]> {
  if (!rows.length) return [];
  const initiativeRows = await db
    .select({ id: initiatives.id, title: initiatives.title })
    .from(initiatives)
    .where(inArray(initiatives.id, [...new Set(rows.map((r) => r.initiativeId))]));
  const approverIds = [...new Set(rows.flatMap((r) => (r.approvedBy ? [r.approvedBy] : [])))];
  const approvers = approverIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, approverIds))
    : [];
  const titles = new Map(initiativeRows.map((i) => [i.id, i]));
  const names = new Map(approvers.map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id,
    missionId: r.missionId,
    planId: r.planId,
    initiative: titles.get(r.initiativeId) ?? { id: r.initiativeId, title: '' },
    language: r.language,
    title: r.title,
    body: r.body,
    status: r.status,
    approvedBy: r.approvedBy ? (names.get(r.approvedBy) ?? null) : null,
    approvedAt: iso(r.approvedAt),
    sentAt: iso(r.sentAt),
    nextStatuses: r.archivedAt
      ? []
      : PRESS_RELEASE_TRANSITIONS[r.status].filter((to) => pressReleasePolicy.canMoveTo(actor, r, to)),
    canEdit: !r.archivedAt && r.status === 'draft' && pressReleasePolicy.canUpdate(actor, r),
    version: r.version,
    createdAt: isoRequired(r.createdAt),
    updatedAt: isoRequired(r.updatedAt),
    archivedAt: iso(r.archivedAt),
  }));
}

/** Press releases the actor may see, newest first; by plan or initiative. */
export async function findPressReleases(
  db: DbOrTx,
  actor: TActor,
  query: TPressReleaseListQuery,
): Promise<{ items: TPressRelease[]; total: number; limit: number; offset: number }> {
  const where: SQL[] = [visibleInitiative(actor)];
  if (!query.includeArchived) where.push(isNull(pressReleases.archivedAt));
  if (query.planId) where.push(eq(pressReleases.planId, query.planId));
  if (query.initiativeId) where.push(eq(pressReleases.initiativeId, query.initiativeId));
  const { rows, total } = await selectPage(db, pressReleases, {
    where: and(...where),
    orderBy: [desc(pressReleases.updatedAt), asc(pressReleases.id)],
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await present(db, actor, rows), total, limit: query.limit, offset: query.offset };
}

async function loadRelease(db: DbOrTx, actor: TActor, id: string): Promise<TRow> {
  const [row] = await db
    .select()
    .from(pressReleases)
    .where(and(eq(pressReleases.id, id), visibleInitiative(actor)));
  if (!row) throw notFound('Press release');
  return row;
}

/** One press release. @throws 404 */
export async function findPressRelease(db: DbOrTx, actor: TActor, id: string): Promise<TPressRelease> {
  return (await present(db, actor, [await loadRelease(db, actor, id)]))[0]!;
}

/**
 * Starts a press release for an initiative in a language, filled from the initiative (title,
 * date written in that language, venues and cities, partners organiser first, key message).
 * @throws 404 initiative, 403 role, 409 when one exists in that language.
 */
export async function createPressRelease(
  db: Db,
  actor: TActor,
  input: TCreatePressReleaseRequest,
): Promise<TPressRelease> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ initiative: initiatives, planTitle: plans.title, missionName: missions.name })
      .from(initiatives)
      .innerJoin(plans, eq(plans.id, initiatives.planId))
      .innerJoin(missions, eq(missions.id, initiatives.missionId))
      .where(and(eq(initiatives.id, input.initiativeId), initiativePolicy.scope(actor)));
    if (!found) throw notFound('Initiative');
    const { initiative } = found;
    authorize(
      pressReleasePolicy.canCreate(actor, initiative.missionId),
      'Your role cannot write press releases in this mission.',
    );
    const [existing] = await tx
      .select({ id: pressReleases.id })
      .from(pressReleases)
      .where(
        and(
          eq(pressReleases.initiativeId, initiative.id),
          eq(pressReleases.language, input.language),
          isNull(pressReleases.archivedAt),
        ),
      );
    if (existing)
      throw conflict('This initiative already has a press release in this language: open it instead.', {
        pressReleaseId: existing.id,
      });
    const partnerRows = await tx
      .select({ name: organisations.name, role: initiativePartners.role })
      .from(initiativePartners)
      .innerJoin(organisations, eq(organisations.id, initiativePartners.organisationId))
      .where(eq(initiativePartners.initiativeId, initiative.id))
      .orderBy(
        sql`array_position(array[${sql.raw(PARTNER_ROLES.map((r) => `'${r}'`).join(','))}]::text[], ${initiativePartners.role})`,
        asc(organisations.name),
      );
    const draft = draftPressRelease(input.language, {
      planTitle: found.planTitle,
      missionName: found.missionName,
      initiative,
      partners: [...new Set(partnerRows.map((p) => p.name))],
    });
    const [row] = await tx
      .insert(pressReleases)
      .values({
        missionId: initiative.missionId,
        planId: initiative.planId,
        initiativeId: initiative.id,
        language: input.language,
        title: draft.title,
        body: draft.body,
        createdBy: actor.userId,
      })
      .returning();
    await writeAudit(tx, {
      actor,
      missionId: initiative.missionId,
      entity: 'press_release',
      entityId: row!.id,
      action: 'create',
      after: row,
    });
    return (await present(tx, actor, [row!]))[0]!;
  });
}

/** Edits a draft's title or body. @throws 404, 403, 409 not a draft or stale version */
export async function updatePressRelease(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdatePressReleaseRequest,
): Promise<TPressRelease> {
  return db.transaction(async (tx) => {
    const current = await loadRelease(tx, actor, id);
    authorize(pressReleasePolicy.canUpdate(actor, current), 'Your role cannot edit press releases.');
    if (current.status !== 'draft')
      throw conflict(
        current.status === 'sent'
          ? 'This press release was sent: it can no longer be edited.'
          : 'This press release is approved: return it to draft to edit it.',
      );
    const { version, ...fields } = input;
    const saved = await updateVersioned(tx, pressReleases, current, version, fields);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'press_release',
      entityId: id,
      action: 'update',
      before: current,
      after: saved,
    });
    return (await present(tx, actor, [saved]))[0]!;
  });
}

/**
 * Moves a release: draft → approved (head of mission, administrators), approved → draft (the same,
 * to rework it), approved → sent (writer roles). Anything else is refused.
 * @throws 400 naming `status` for a move that is not allowed, 403 role, 404, 409 stale version.
 */
export async function changePressReleaseStatus(
  db: Db,
  actor: TActor,
  id: string,
  input: TPressReleaseStatusRequest,
): Promise<TPressRelease> {
  return db.transaction(async (tx) => {
    const current = await loadRelease(tx, actor, id);
    authorize(pressReleasePolicy.canUpdate(actor, current), 'Your role cannot change press releases.');
    if (current.archivedAt) throw conflict('This press release is archived.');
    const to: TPressReleaseStatus = input.status;
    if (!canTransitionPressRelease(current.status, to)) {
      const allowed = PRESS_RELEASE_TRANSITIONS[current.status];
      throw badRequest(`A ${current.status} press release cannot become ${to}.`, [
        {
          field: 'status',
          message: allowed.length
            ? `cannot go from ${current.status} to ${to}: allowed ${allowed.join(', ')}`
            : `cannot change: the press release is ${current.status}`,
        },
      ]);
    }
    authorize(
      pressReleasePolicy.canMoveTo(actor, current, to),
      to === 'sent'
        ? 'Your role cannot send press releases.'
        : 'Only the head of mission or an administrator approves press releases.',
    );
    const now = new Date();
    const saved = await updateVersioned(tx, pressReleases, current, input.version, {
      status: to,
      ...(to === 'approved' ? { approvedBy: actor.userId, approvedAt: now } : {}),
      ...(to === 'draft' ? { approvedBy: null, approvedAt: null } : {}),
      ...(to === 'sent' ? { sentAt: now } : {}),
    });
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'press_release',
      entityId: id,
      action: 'update',
      before: { status: current.status, version: current.version },
      after: { status: saved.status, version: saved.version },
    });
    return (await present(tx, actor, [saved]))[0]!;
  });
}

/** Archives a release (its language can then be drafted again). @throws 404, 403, 409 */
export async function archivePressRelease(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TPressRelease> {
  return db.transaction(async (tx) => {
    const current = await loadRelease(tx, actor, id);
    authorize(pressReleasePolicy.canArchive(actor, current), 'Your role cannot archive press releases.');
    const saved = await archiveVersioned(tx, pressReleases, current, version);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'press_release',
      entityId: id,
      action: 'archive',
      before: { status: current.status },
    });
    return (await present(tx, actor, [saved]))[0]!;
  });
}

/**
 * The release as a DOCX file with the plan's logo, colours and title.
 * @throws 404
 */
export async function exportPressReleaseDocx(
  db: DbOrTx,
  actor: TActor,
  id: string,
): Promise<{ data: Uint8Array; filename: string; contentType: string }> {
  const row = await loadRelease(db, actor, id);
  const identity = await loadVisualIdentity(db, row.planId);
  const [mission] = await db
    .select({ name: missions.name })
    .from(missions)
    .where(eq(missions.id, row.missionId));
  const data = await renderPressReleaseDocx({
    identity,
    missionName: mission?.name ?? '',
    release: {
      title: row.title,
      body: row.body,
      language: row.language,
      date: row.sentAt ?? row.approvedAt ?? row.updatedAt,
    },
  });
  const slug =
    row.title
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 60) || 'press-release';
  return {
    data,
    filename: `${slug}-${row.language}.docx`,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}
