/**
 * Initiatives: scoped queries and the writes (create, update, archive), each in one
 * transaction with its audit entry. Routes, the CLI importer and the demo loader all come here.
 */
import { and, asc, desc, eq, exists, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { mergeDateChange, monthBounds, normaliseDates } from '../../../shared/dates.ts';
import { MEDIA_REFLECTIONS } from '../../../shared/enums.ts';
import type {
  TCreateInitiativeRequest,
  TInitiative,
  TInitiativeFields,
  TInitiativeListQuery,
  TUpdateInitiativeRequest,
} from '../../../shared/schemas/initiative.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, notFound, type TFieldError } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { likePattern, staleVersion } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { writeAudit } from '../missions/index.ts';
import { organisations, people } from '../partners/index.ts';
import { focusAreas, plans, programmes, vectors } from '../plans/index.ts';
import { runInitiativeWriteHooks } from './hooks.ts';
import { loadInitiativeRelations } from './initiative-relations.ts';
import { initiativePolicy, isAssignedTo } from './policy.ts';
import { presentInitiative } from './present.ts';
import { initiativeDelegates, initiativePartners, initiatives, initiativeVectors } from './tables.ts';

type TRow = typeof initiatives.$inferSelect;

async function presentRows(db: DbOrTx, rows: TRow[]): Promise<TInitiative[]> {
  const relations = await loadInitiativeRelations(db, rows);
  return rows.map((row) => presentInitiative(row, relations.get(row.id)!));
}

const SORT_COLUMNS = {
  startDate: initiatives.startDate,
  title: initiatives.title,
  type: initiatives.type,
  status: initiatives.status,
  updatedAt: initiatives.updatedAt,
  mediaReflection: sql`array_position(array[${sql.raw(MEDIA_REFLECTIONS.map((m) => `'${m}'`).join(','))}]::text[], ${initiatives.mediaReflection})`,
} as const;

/**
 * Lists initiatives the actor may see, filtered, sorted and paginated in SQL.
 */
export async function findInitiatives(
  db: DbOrTx,
  actor: TActor,
  query: TInitiativeListQuery,
): Promise<{ items: TInitiative[]; total: number; limit: number; offset: number }> {
  const where: SQL[] = [initiativePolicy.scope(actor)];
  if (!query.includeArchived) where.push(isNull(initiatives.archivedAt));
  if (query.planId) where.push(eq(initiatives.planId, query.planId));
  if (query.missionId) where.push(eq(initiatives.missionId, query.missionId));
  if (query.month) {
    const { start, end } = monthBounds(query.month);
    where.push(
      lte(initiatives.startDate, end),
      gte(sql`coalesce(${initiatives.endDate}, ${initiatives.startDate})`, start),
    );
  }
  if (query.focusAreaId) where.push(eq(initiatives.focusAreaId, query.focusAreaId));
  if (query.programmeId) where.push(eq(initiatives.programmeId, query.programmeId));
  if (query.vectorId) {
    where.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(initiativeVectors)
          .where(
            and(
              eq(initiativeVectors.initiativeId, initiatives.id),
              eq(initiativeVectors.vectorId, query.vectorId),
            ),
          ),
      ),
    );
  }
  if (query.type?.length) where.push(inArray(initiatives.type, query.type));
  if (query.status?.length) where.push(inArray(initiatives.status, query.status));
  if (query.mediaReflection?.length) where.push(inArray(initiatives.mediaReflection, query.mediaReflection));
  if (query.q) {
    const pattern = likePattern(query.q);
    where.push(
      or(
        ilike(initiatives.title, pattern),
        ilike(initiatives.summary, pattern),
        sql`array_to_string(${initiatives.cities}, ' ') ilike ${pattern}`,
        exists(
          db
            .select({ one: sql`1` })
            .from(initiativePartners)
            .innerJoin(organisations, eq(organisations.id, initiativePartners.organisationId))
            .where(
              and(eq(initiativePartners.initiativeId, initiatives.id), ilike(organisations.name, pattern)),
            ),
        ),
      )!,
    );
  }
  const condition = and(...where);
  const sortColumn = SORT_COLUMNS[query.sort];
  const direction = query.order === 'desc' ? desc : asc;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(initiatives)
      .where(condition)
      .orderBy(direction(sortColumn), asc(initiatives.title), asc(initiatives.id))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(initiatives).where(condition),
  ]);
  return {
    items: await presentRows(db, rows),
    total: Number(counted?.total ?? 0),
    limit: query.limit,
    offset: query.offset,
  };
}

/** Loads one initiative through the actor's scope; 404 when it does not exist or is not visible. */
async function loadScoped(db: DbOrTx, actor: TActor, id: string): Promise<TRow & { isAssigned: boolean }> {
  const [row] = await db
    .select({ initiative: initiatives, isAssigned: isAssignedTo(actor.userId) })
    .from(initiatives)
    .where(and(eq(initiatives.id, id), initiativePolicy.scope(actor)));
  if (!row) throw notFound('Initiative');
  return { ...row.initiative, isAssigned: Boolean(row.isAssigned) };
}

export async function findInitiative(db: DbOrTx, actor: TActor, id: string): Promise<TInitiative> {
  const row = await loadScoped(db, actor, id);
  const [presented] = await presentRows(db, [row]);
  return presented!;
}

/** Checks that every referenced record belongs to the initiative's plan or mission. */
export async function checkReferences(
  db: DbOrTx,
  target: { missionId: string; planId: string },
  input: Partial<TInitiativeFields>,
): Promise<void> {
  const errors: TFieldError[] = [];
  const missing = async (
    ids: string[],
    table: typeof focusAreas | typeof vectors | typeof programmes,
    field: string,
  ) => {
    if (ids.length === 0) return;
    const found = await db
      .select({ id: table.id })
      .from(table)
      .where(and(inArray(table.id, ids), eq(table.planId, target.planId)));
    const foundIds = new Set(found.map((f) => f.id));
    ids.forEach((value, i) => {
      if (!foundIds.has(value))
        errors.push({
          field: ids.length > 1 || field.endsWith('s') ? `${field}.${i}` : field,
          message: 'does not belong to this plan',
        });
    });
  };
  if (input.focusAreaId) await missing([input.focusAreaId], focusAreas, 'focusAreaId');
  if (input.programmeId) await missing([input.programmeId], programmes, 'programmeId');
  if (input.vectorIds?.length) await missing(input.vectorIds, vectors, 'vectorIds');
  const personIds = [...(input.ownerId ? [input.ownerId] : []), ...(input.delegateIds ?? [])];
  if (personIds.length) {
    const found = new Set(
      (
        await db
          .select({ id: people.id })
          .from(people)
          .where(and(inArray(people.id, personIds), eq(people.missionId, target.missionId)))
      ).map((p) => p.id),
    );
    if (input.ownerId && !found.has(input.ownerId))
      errors.push({ field: 'ownerId', message: 'is not a person of this mission' });
    input.delegateIds?.forEach((d, i) => {
      if (!found.has(d))
        errors.push({ field: `delegateIds.${i}`, message: 'is not a person of this mission' });
    });
  }
  if (input.partners?.length) {
    const orgIds = input.partners.map((p) => p.organisationId);
    const found = new Set(
      (
        await db
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(inArray(organisations.id, orgIds), eq(organisations.missionId, target.missionId)))
      ).map((o) => o.id),
    );
    input.partners.forEach((p, i) => {
      if (!found.has(p.organisationId))
        errors.push({
          field: `partners.${i}.organisationId`,
          message: 'is not an organisation of this mission',
        });
    });
  }
  if (errors.length) throw badRequest('Some references are not valid.', errors);
}

/** The columns of the `initiatives` table that a request can set. */
function toColumns(input: Partial<TInitiativeFields>): Partial<typeof initiatives.$inferInsert> {
  const { vectorIds: _v, delegateIds: _d, partners: _p, ...columns } = input;
  return columns;
}

async function replaceRelations(
  db: DbOrTx,
  initiative: { id: string; missionId: string },
  input: Partial<TInitiativeFields>,
): Promise<void> {
  const { id, missionId } = initiative;
  if (input.vectorIds) {
    await db.delete(initiativeVectors).where(eq(initiativeVectors.initiativeId, id));
    const unique = [...new Set(input.vectorIds)];
    if (unique.length)
      await db
        .insert(initiativeVectors)
        .values(unique.map((vectorId) => ({ missionId, initiativeId: id, vectorId })));
  }
  if (input.delegateIds) {
    await db.delete(initiativeDelegates).where(eq(initiativeDelegates.initiativeId, id));
    const unique = [...new Set(input.delegateIds)];
    if (unique.length)
      await db
        .insert(initiativeDelegates)
        .values(unique.map((personId) => ({ missionId, initiativeId: id, personId })));
  }
  if (input.partners) {
    await db.delete(initiativePartners).where(eq(initiativePartners.initiativeId, id));
    const unique = [...new Map(input.partners.map((p) => [`${p.organisationId}/${p.role}`, p])).values()];
    if (unique.length)
      await db.insert(initiativePartners).values(unique.map((p) => ({ missionId, initiativeId: id, ...p })));
  }
}

/** Resolves the plan an initiative is created in, through the actor's scope. */
async function loadPlanForWrite(db: DbOrTx, actor: TActor, planId: string) {
  const [plan] = await db
    .select({ id: plans.id, missionId: plans.missionId })
    .from(plans)
    .where(and(eq(plans.id, planId), planPolicy.scope(actor, plans.missionId), isNull(plans.archivedAt)));
  if (!plan) throw notFound('Plan');
  return plan;
}

/**
 * Creates an initiative in a plan (in the caller's transaction when given one).
 * @throws 404 unknown plan, 403 not allowed, 400 invalid references.
 */
export async function createInitiative(
  db: Db | DbOrTx,
  actor: TActor,
  input: TCreateInitiativeRequest,
): Promise<TInitiative> {
  return (db as Db).transaction(async (tx) => {
    const plan = await loadPlanForWrite(tx, actor, input.planId);
    authorize(
      initiativePolicy.canCreate(actor, plan.missionId),
      'Your role cannot create initiatives in this mission.',
    );
    await checkReferences(tx, { missionId: plan.missionId, planId: plan.id }, input);
    const datePrecision = input.datePrecision ?? 'day';
    const dates = normaliseDates({
      datePrecision,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    });
    const { planId: _planId, ...fields } = input;
    const [row] = await tx
      .insert(initiatives)
      .values({
        ...toColumns(fields),
        ...dates,
        datePrecision,
        missionId: plan.missionId,
        planId: plan.id,
        key: input.key ?? null,
        title: input.title,
        type: input.type,
      })
      .returning();
    await replaceRelations(tx, row!, fields);
    const [created] = await presentRows(tx, [row!]);
    await runInitiativeWriteHooks(tx, { actor, row: row!, before: null, after: created! });
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'initiative',
      entityId: row!.id,
      action: 'create',
      after: created,
    });
    return created!;
  });
}

/**
 * Updates an initiative if `input.version` is still the stored one.
 * @throws 404, 403, 400 (references), 409 when someone else saved first (nothing is changed).
 */
export async function updateInitiative(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateInitiativeRequest,
): Promise<TInitiative> {
  return db.transaction(async (tx) => {
    const current = await loadScoped(tx, actor, id);
    authorize(
      initiativePolicy.canUpdate(actor, current),
      'You can edit only the initiatives you are assigned to.',
    );
    const { version, ...fields } = input;
    if (
      (fields.ownerId !== undefined || fields.delegateIds !== undefined) &&
      !initiativePolicy.canAssign(actor, current)
    ) {
      const changesOwner = fields.ownerId !== undefined && fields.ownerId !== current.ownerId;
      if (changesOwner || fields.delegateIds !== undefined)
        authorize(false, 'Your role cannot reassign initiatives.');
    }
    if (current.version !== version) throw staleVersion(current.version);
    await checkReferences(tx, current, fields);
    const [before] = await presentRows(tx, [current]);
    let dates: ReturnType<typeof mergeDateChange>;
    try {
      dates = mergeDateChange({ current, change: fields });
    } catch {
      throw badRequest('The dates are not valid.', [
        { field: 'endDate', message: 'must not be before the start date' },
      ]);
    }
    const [row] = await tx
      .update(initiatives)
      .set({
        ...toColumns(fields),
        ...(dates ?? {}),
        version: sql`${initiatives.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(initiatives.id, id), eq(initiatives.version, version)))
      .returning();
    if (!row) throw staleVersion(current.version + 1);
    await replaceRelations(tx, row, fields);
    const [after] = await presentRows(tx, [row]);
    await runInitiativeWriteHooks(tx, { actor, row, before: before ?? null, after: after! });
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'initiative',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return after!;
  });
}

/** Archives (soft-deletes) an initiative; it leaves lists but stays in the audit trail. */
export async function archiveInitiative(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TInitiative> {
  return db.transaction(async (tx) => {
    const current = await loadScoped(tx, actor, id);
    authorize(initiativePolicy.canArchive(actor, current), 'Your role cannot archive initiatives.');
    if (version !== undefined && current.version !== version) throw staleVersion(current.version);
    const [row] = await tx
      .update(initiatives)
      .set({ archivedAt: new Date(), version: sql`${initiatives.version} + 1`, updatedAt: new Date() })
      .where(and(eq(initiatives.id, id), eq(initiatives.version, current.version)))
      .returning();
    if (!row) throw staleVersion(current.version + 1);
    const [after] = await presentRows(tx, [row]);
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'initiative',
      entityId: id,
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: after!.archivedAt },
    });
    return after!;
  });
}
