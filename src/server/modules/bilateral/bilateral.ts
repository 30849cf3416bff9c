/**
 * Bilateral knowledge base (DESIGN.md §11): visits, agreements and economic figures, entered by
 * hand or created from a clipping, listed by date for a timeline. Writes are versioned and audited.
 */
import { and, asc, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type {
  TBilateralFact,
  TBilateralFactFromClippingRequest,
  TBilateralFactList,
  TBilateralFactListQuery,
  TCreateBilateralFactRequest,
  TUpdateBilateralFactRequest,
} from '../../../shared/schemas/bilateral.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/http/problem.ts';
import { contactPolicy } from '../../platform/mission-data-policy.ts';
import { archiveVersioned, loadScoped, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { loadVisibleMission, writeAudit } from '../missions/index.ts';
import { mediaItems } from '../press/index.ts';
import { bilateralPolicy } from './policy.ts';
import { bilateralFacts } from './tables.ts';

type TFactRow = typeof bilateralFacts.$inferSelect;
type TSource = { title: string | null; outlet: string | null } | null;

function present(row: TFactRow, source: TSource): TBilateralFact {
  return {
    id: row.id,
    missionId: row.missionId,
    kind: row.kind,
    title: row.title,
    date: row.date,
    datePrecision: row.datePrecision,
    summary: row.summary,
    parties: row.parties,
    people: row.people,
    level: row.level,
    direction: row.direction,
    place: row.place,
    sectors: row.sectors,
    value: row.value === null ? null : Number(row.value),
    currency: row.currency,
    unit: row.unit,
    sourceMediaItemId: row.sourceMediaItemId,
    sourceUrl: row.sourceUrl,
    sourceTitle: source?.title ?? null,
    sourceOutlet: source?.outlet ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt ? row.archivedAt.toISOString() : null,
  };
}

/** The rule that spans fields: an economic figure needs its value. @throws 400 */
function checkFact(fact: { kind: string; value?: number | null }): void {
  if (fact.kind === 'economic_figure' && (fact.value === null || fact.value === undefined)) {
    throw badRequest('An economic figure needs its value.', [
      { field: 'value', message: 'is required for an economic figure' },
    ]);
  }
}

async function loadSource(db: DbOrTx, actor: TActor, id: string | null): Promise<TSource> {
  if (!id) return null;
  const [row] = await db
    .select({ title: mediaItems.title, outlet: mediaItems.outlet })
    .from(mediaItems)
    .where(and(eq(mediaItems.id, id), contactPolicy.scope(actor, mediaItems.missionId)));
  return row ?? null;
}

/** A linked clipping must exist, be readable and belong to the fact's mission. @throws 400 */
async function checkSourceItem(db: DbOrTx, actor: TActor, missionId: string, id: string | null | undefined) {
  if (!id) return;
  const [row] = await db
    .select({ missionId: mediaItems.missionId })
    .from(mediaItems)
    .where(and(eq(mediaItems.id, id), contactPolicy.scope(actor, mediaItems.missionId)));
  if (!row || row.missionId !== missionId) {
    throw badRequest('The source clipping was not found in this mission.', [
      { field: 'sourceMediaItemId', message: 'is not a clipping of this mission' },
    ]);
  }
}

const loadFact = (db: DbOrTx, actor: TActor, id: string) =>
  loadScoped(
    db,
    bilateralFacts,
    id,
    bilateralPolicy.scope(actor, bilateralFacts.missionId),
    'Bilateral fact',
  );

/** Facts the actor may read, oldest first (a timeline), filtered by kind and date range. */
export async function findBilateralFacts(
  db: DbOrTx,
  actor: TActor,
  query: TBilateralFactListQuery,
): Promise<TBilateralFactList> {
  const where: SQL[] = [bilateralPolicy.scope(actor, bilateralFacts.missionId)];
  if (!query.includeArchived) where.push(isNull(bilateralFacts.archivedAt));
  if (query.missionId) where.push(eq(bilateralFacts.missionId, query.missionId));
  if (query.kind?.length) where.push(inArray(bilateralFacts.kind, query.kind));
  if (query.from) where.push(gte(bilateralFacts.date, query.from));
  if (query.to) where.push(lte(bilateralFacts.date, query.to));
  const rows = await db
    .select({ fact: bilateralFacts, title: mediaItems.title, outlet: mediaItems.outlet })
    .from(bilateralFacts)
    .leftJoin(mediaItems, eq(mediaItems.id, bilateralFacts.sourceMediaItemId))
    .where(and(...where))
    .orderBy(asc(bilateralFacts.date), asc(bilateralFacts.title), asc(bilateralFacts.id))
    .limit(1000);
  return {
    items: rows.map((r) =>
      present(r.fact, r.fact.sourceMediaItemId ? { title: r.title, outlet: r.outlet } : null),
    ),
  };
}

/** @throws 404 */
export async function findBilateralFact(db: DbOrTx, actor: TActor, id: string): Promise<TBilateralFact> {
  const row = await loadFact(db, actor, id);
  return present(row, await loadSource(db, actor, row.sourceMediaItemId));
}

/** @throws 404 unknown mission, 403 role cannot write, 400 bad fields. */
export async function createBilateralFact(
  db: Db,
  actor: TActor,
  input: TCreateBilateralFactRequest,
): Promise<TBilateralFact> {
  return db.transaction(async (tx) => {
    const mission = await loadVisibleMission(tx, actor, input.missionId);
    authorize(
      bilateralPolicy.canWrite(actor, mission.id),
      'Your role cannot add bilateral facts to this mission.',
    );
    checkFact(input);
    await checkSourceItem(tx, actor, mission.id, input.sourceMediaItemId);
    const [row] = await tx.insert(bilateralFacts).values(input).returning();
    const after = present(row!, await loadSource(tx, actor, row!.sourceMediaItemId));
    await writeAudit(tx, {
      actor,
      missionId: mission.id,
      entity: 'bilateral_fact',
      entityId: row!.id,
      action: 'create',
      after,
    });
    return after;
  });
}

/** @throws 404, 403, 400, 409 when someone else saved first. */
export async function updateBilateralFact(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateBilateralFactRequest,
): Promise<TBilateralFact> {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const current = await loadFact(tx, actor, id);
    authorize(
      bilateralPolicy.canWrite(actor, current.missionId),
      'Your role cannot edit this bilateral fact.',
    );
    checkFact({
      kind: fields.kind ?? current.kind,
      value: fields.value === undefined ? current.value : fields.value,
    });
    await checkSourceItem(tx, actor, current.missionId, fields.sourceMediaItemId);
    const row = await updateVersioned(tx, bilateralFacts, current, version, fields);
    const after = present(row, await loadSource(tx, actor, row.sourceMediaItemId));
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'bilateral_fact',
      entityId: id,
      action: 'update',
      before: present(current, null),
      after,
    });
    return after;
  });
}

/** @throws 404, 403, 409 when `version` is stale. */
export async function archiveBilateralFact(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TBilateralFact> {
  return db.transaction(async (tx) => {
    const current = await loadFact(tx, actor, id);
    authorize(
      bilateralPolicy.canWrite(actor, current.missionId),
      'Your role cannot archive this bilateral fact.',
    );
    const row = await archiveVersioned(tx, bilateralFacts, current, version);
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'bilateral_fact',
      entityId: id,
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: row.archivedAt },
    });
    return present(row, await loadSource(tx, actor, row.sourceMediaItemId));
  });
}

/**
 * Creates a fact pre-filled from a clipping: its title, publication date and link; for an
 * economic figure (or an agreement's value) the value and currency of `figures[figureIndex]`.
 * @throws 404 clipping, 403, 400 (figure index out of range, economic figure without a figure).
 */
export async function createBilateralFactFromClipping(
  db: Db,
  actor: TActor,
  mediaItemId: string,
  input: TBilateralFactFromClippingRequest,
): Promise<TBilateralFact> {
  const item = await loadScoped(
    db,
    mediaItems,
    mediaItemId,
    contactPolicy.scope(actor, mediaItems.missionId),
    'Clipping',
  );
  let value: number | null = null;
  let currency: string | null = null;
  let unit: string | null = null;
  if (input.figureIndex !== undefined) {
    const figure = item.figures[input.figureIndex];
    if (!figure) {
      throw badRequest('The clipping has no figure at this index.', [
        { field: 'figureIndex', message: `must be below ${item.figures.length}` },
      ]);
    }
    value = figure.value;
    currency = figure.currency ?? null;
    unit = figure.unit ?? null;
  }
  const date = (item.publishedAt ?? item.createdAt).toISOString().slice(0, 10);
  return createBilateralFact(db, actor, {
    missionId: item.missionId,
    kind: input.kind,
    title: input.title ?? item.title ?? 'Untitled clipping',
    date,
    summary: input.summary ?? null,
    value,
    currency,
    unit,
    sourceMediaItemId: item.id,
    sourceUrl: item.canonicalUrl ?? item.url ?? null,
  });
}
