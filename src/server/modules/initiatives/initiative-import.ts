/**
 * Importing an initiative table into a plan: rows matched to existing initiatives by key or title, changes computed, then written all or nothing in chunks, with progress and one audit entry per change.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TInitiative } from '../../../shared/schemas/initiative.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { conflict } from '../../platform/http/problem.ts';
import { authorize } from '../../platform/scope.ts';
import { UPLOAD_LIMITS } from '../../platform/uploads/limits.ts';
import { tooManyRows } from '../../platform/uploads/problems.ts';
import type { TAuditAction } from '../missions/index.ts';
import { auditLog, SYSTEM_USER_ID } from '../missions/index.ts';
import { organisations } from '../partners/index.ts';
import { focusAreas, programmes, vectors } from '../plans/index.ts';
import {
  chunks,
  IMPORTED_PARTNER_ROLE,
  loadPlan,
  readTableFile,
  type TImportError,
  type TImportOptions,
  type TImportProgress,
  type TImportResult,
} from './initiative-io.ts';
import { loadInitiativeRelations } from './initiative-relations.ts';
import { initiativePolicy } from './policy.ts';
import { presentInitiative } from './present.ts';
import {
  cleanCell,
  readInitiativeRows,
  type TImportRow,
  type TTableError,
} from './rules/initiative-table.ts';
import { nameKey } from './rules/table-cells.ts';
import { initiativePartners, initiatives, initiativeVectors } from './tables.ts';

async function presentByIds(db: DbOrTx, ids: string[]): Promise<Map<string, TInitiative>> {
  const presented = new Map<string, TInitiative>();
  for (const part of chunks(ids)) {
    if (!part.length) continue;
    const rows = await db.select().from(initiatives).where(inArray(initiatives.id, part));
    const relations = await loadInitiativeRelations(db, rows);
    for (const row of rows) presented.set(row.id, presentInitiative(row, relations.get(row.id)!));
  }
  return presented;
}

const sameSet = (a: string[], b: string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
};

/** The columns a row changes on an existing initiative; empty when it changes nothing. */
function changesOf(row: TImportRow, current: TInitiative): Partial<typeof initiatives.$inferInsert> {
  const f = row.fields;
  const set: Partial<typeof initiatives.$inferInsert> = {};
  if (f.title !== current.title) set.title = f.title;
  if (f.type !== current.type) set.type = f.type;
  if (f.dates === null && current.startDate !== null) Object.assign(set, { startDate: null, endDate: null });
  if (
    f.dates &&
    (f.dates.datePrecision !== current.datePrecision ||
      f.dates.startDate !== current.startDate ||
      f.dates.endDate !== current.endDate)
  )
    Object.assign(set, f.dates);
  if (f.mediaReflection !== undefined && f.mediaReflection !== current.mediaReflection)
    set.mediaReflection = f.mediaReflection;
  if (f.status !== undefined && f.status !== current.status) set.status = f.status;
  if (f.importance !== undefined && f.importance !== current.importance) set.importance = f.importance;
  if (f.summary !== undefined && f.summary !== current.summary) set.summary = f.summary;
  if (f.focusAreaId !== undefined && f.focusAreaId !== (current.focusArea?.id ?? null))
    set.focusAreaId = f.focusAreaId;
  if (f.programmeId !== undefined && f.programmeId !== (current.programme?.id ?? null))
    set.programmeId = f.programmeId;
  if (f.cities !== undefined && f.cities.join('\n') !== current.cities.join('\n')) set.cities = f.cities;
  return set;
}

const vectorsChange = (row: TImportRow, current: TInitiative | null) =>
  row.fields.vectorIds !== undefined &&
  (current === null ||
    !sameSet(
      row.fields.vectorIds,
      current.vectors.map((v) => v.id),
    ));

const partnersChange = (row: TImportRow, current: TInitiative | null) =>
  row.fields.actors !== undefined &&
  (current === null ||
    row.fields.actors.some((a) => a.organisationId === null) ||
    !sameSet(
      row.fields.actors.map((a) => a.organisationId!),
      current.partners.map((p) => p.organisationId),
    ));

interface TPlanned {
  row: TImportRow;
  current: TInitiative | null;
  set: Partial<typeof initiatives.$inferInsert>;
  isVectorsChanged: boolean;
  isPartnersChanged: boolean;
}

/**
 * Imports a CSV or XLSX file into a plan: validates every row, then (unless `isDryRun` or any
 * error) creates and updates the initiatives, and creates unknown partner organisations, in one
 * transaction with audit entries.
 * @returns the counts; `errors` lists every invalid cell, and then nothing was written.
 * @throws 404 plan not visible, 403 role cannot create initiatives, 400/413 on the file itself,
 *   409 when an initiative changed while the import was being written (nothing is written).
 * @example const result = await importInitiatives(db, actor, { planId, file: { name: 'a.csv', data } });
 */
export async function importInitiatives(
  db: Db,
  actor: TActor,
  options: TImportOptions,
): Promise<TImportResult> {
  const plan = await loadPlan(db, actor, options.planId);
  authorize(
    initiativePolicy.canCreate(actor, plan.missionId),
    'Your role cannot import initiatives in this mission.',
  );
  const table = await readTableFile(options.file);
  const dataRows = table.rows.slice(1).filter((r) => r.some((c) => cleanCell(c).trim())).length;
  if (dataRows > UPLOAD_LIMITS.maxRows) throw tooManyRows('file', dataRows);

  const inPlan = <T extends typeof focusAreas | typeof vectors | typeof programmes>(t: T) =>
    db
      .select({ id: t.id, key: t.key, name: t.name })
      .from(t as typeof focusAreas)
      .where(eq(t.planId, plan.id));
  const context = {
    focusAreas: await inPlan(focusAreas),
    vectors: await inPlan(vectors),
    programmes: await inPlan(programmes),
    organisations: await db
      .select({ id: organisations.id, key: organisations.key, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.missionId, plan.missionId), isNull(organisations.archivedAt)))
      .orderBy(asc(organisations.createdAt), asc(organisations.name)),
    initiatives: (
      await db
        .select({ id: initiatives.id, key: initiatives.key, archivedAt: initiatives.archivedAt })
        .from(initiatives)
        .where(eq(initiatives.planId, plan.id))
    ).map((i) => ({ id: i.id, key: i.key, isArchived: i.archivedAt !== null })),
    years: { year: options.year, periodEnd: plan.periodEnd, fallbackYear: new Date().getUTCFullYear() },
  };
  const progress = options.onProgress;
  const read = readInitiativeRows(table.rows, context, {
    rowNumbers: table.rowNumbers,
    onRow: (done, total) => {
      if (progress && (done % 100 === 0 || done === total)) progress({ phase: 'validating', done, total });
    },
  });
  const result: TImportResult = {
    rows: dataRows,
    created: 0,
    updated: 0,
    unchanged: 0,
    createdOrganisations: read.newOrganisations,
    warnings: read.warnings,
    errors: read.errors.map(toImportError),
    isDryRun: options.isDryRun ?? false,
  };
  if (result.errors.length) return { ...result, createdOrganisations: [] };

  const currents = await presentByIds(
    db,
    read.rows.flatMap((r) => (r.initiativeId ? [r.initiativeId] : [])),
  );
  const planned: TPlanned[] = read.rows.map((row) => {
    const current = row.initiativeId ? currents.get(row.initiativeId)! : null;
    return {
      row,
      current,
      set: current ? changesOf(row, current) : {},
      isVectorsChanged: vectorsChange(row, current),
      isPartnersChanged: partnersChange(row, current),
    };
  });
  const changed = planned.filter(
    (p) => !p.current || Object.keys(p.set).length > 0 || p.isVectorsChanged || p.isPartnersChanged,
  );
  result.created = changed.filter((p) => !p.current).length;
  result.updated = changed.length - result.created;
  result.unchanged = planned.length - changed.length;
  if (result.isDryRun || changed.length === 0) return result;

  await db
    .transaction(async (tx) => {
      await writeImport(tx, actor, {
        plan,
        planned: changed,
        newOrganisations: read.newOrganisations,
        progress,
      });
      await insertAudit(tx, actor, plan.missionId, [
        {
          entity: 'plan',
          entityId: plan.id,
          action: 'import',
          after: {
            file: options.file.name,
            created: result.created,
            updated: result.updated,
            createdOrganisations: result.createdOrganisations,
          },
        },
      ]);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw conflict(
          'Someone else added an initiative with one of these keys meanwhile: nothing was imported. Try again.',
        );
      throw error;
    });
  return result;
}

function toImportError(e: TTableError): TImportError {
  return { field: `row ${e.row}, column ${e.column}`, message: e.message, row: e.row, column: e.column };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

type TAuditEntry = {
  entity: string;
  entityId: string;
  action: TAuditAction;
  before?: unknown;
  after?: unknown;
};

/** The audit entries of a batch, in one insert per chunk (same rows as `writeAudit`). */
async function insertAudit(tx: DbOrTx, actor: TActor, missionId: string, entries: TAuditEntry[]) {
  const userId = actor.userId === SYSTEM_USER_ID ? null : actor.userId;
  for (const part of chunks(entries, 200)) {
    await tx.insert(auditLog).values(
      part.map((e) => ({
        userId,
        missionId,
        entity: e.entity,
        entityId: e.entityId,
        action: e.action,
        before: e.before ?? null,
        after: e.after ?? null,
      })),
    );
  }
}

async function writeImport(
  tx: DbOrTx,
  actor: TActor,
  input: {
    plan: { id: string; missionId: string };
    planned: TPlanned[];
    newOrganisations: string[];
    progress?: (p: TImportProgress) => void;
  },
): Promise<void> {
  const { plan, planned, progress } = input;
  const missionId = plan.missionId;
  const total = planned.length;
  let done = 0;
  const step = (n: number) => {
    done += n;
    progress?.({ phase: 'writing', done, total });
  };
  progress?.({ phase: 'writing', done: 0, total });

  // Organisations first: rows link to them.
  const orgIds = new Map<string, string>();
  if (input.newOrganisations.length) {
    const today = new Date().toISOString().slice(0, 10);
    for (const part of chunks(input.newOrganisations)) {
      const created = await tx
        .insert(organisations)
        .values(
          part.map((name) => ({
            missionId,
            name,
            kind: 'other' as const,
            notes: `Created by an initiatives import on ${today}; check its kind and country.`,
          })),
        )
        .returning({ id: organisations.id, name: organisations.name, kind: organisations.kind });
      for (const o of created) orgIds.set(nameKey(o.name), o.id);
      await insertAudit(
        tx,
        actor,
        missionId,
        created.map((o) => ({ entity: 'organisation', entityId: o.id, action: 'create', after: o })),
      );
    }
  }
  const orgOf = (a: { organisationId: string | null; name: string }) =>
    a.organisationId ?? orgIds.get(nameKey(a.name))!;

  // New initiatives, with ids chosen here so that relations can be written in the same batch.
  const creates = planned.filter((p) => !p.current).map((p) => ({ ...p, id: randomUUID() }));
  for (const part of chunks(creates)) {
    await tx.insert(initiatives).values(
      part.map(({ id, row: { key, fields: f } }) => ({
        id,
        missionId,
        planId: plan.id,
        key,
        title: f.title,
        type: f.type,
        ...(f.status ? { status: f.status } : {}),
        ...(f.importance ? { importance: f.importance } : {}),
        ...(f.dates ?? {}),
        summary: f.summary ?? null,
        mediaReflection: f.mediaReflection ?? null,
        focusAreaId: f.focusAreaId ?? null,
        programmeId: f.programmeId ?? null,
        cities: f.cities ?? [],
      })),
    );
    step(part.length);
  }

  // Updates, each only if nobody saved since it was read.
  const updates = planned.filter((p) => p.current);
  for (const p of updates) {
    const current = p.current!;
    const [row] = await tx
      .update(initiatives)
      .set({ ...p.set, version: sql`${initiatives.version} + 1`, updatedAt: new Date() })
      .where(and(eq(initiatives.id, current.id), eq(initiatives.version, current.version)))
      .returning({ id: initiatives.id });
    if (!row)
      throw conflict(
        `"${current.title}" was changed by someone else during the import: nothing was imported. Try again.`,
      );
    done += 1;
    if (done % 100 === 0) progress?.({ phase: 'writing', done, total });
  }

  // Relations of new initiatives and of updated ones whose vectors or partners changed.
  const withVectors = [...creates, ...updates].filter((p) => p.isVectorsChanged);
  const withPartners = [...creates, ...updates].filter((p) => p.isPartnersChanged);
  const idOf = (p: TPlanned & { id?: string }) => p.id ?? p.current!.id;
  const updatedIds = (list: TPlanned[]) => list.filter((p) => p.current).map((p) => p.current!.id);
  for (const ids of chunks(updatedIds(withVectors)))
    await tx.delete(initiativeVectors).where(inArray(initiativeVectors.initiativeId, ids));
  for (const part of chunks(
    withVectors.flatMap((p) =>
      [...new Set(p.row.fields.vectorIds)].map((vectorId) => ({
        missionId,
        initiativeId: idOf(p),
        vectorId,
      })),
    ),
  ))
    await tx.insert(initiativeVectors).values(part);
  for (const ids of chunks(updatedIds(withPartners)))
    await tx.delete(initiativePartners).where(inArray(initiativePartners.initiativeId, ids));
  const partnerRows = withPartners.flatMap((p) => {
    const wanted = new Set(p.row.fields.actors!.map(orgOf));
    // Links that stay keep their roles; new ones get the import's default role.
    const kept = (p.current?.partners ?? []).filter((l) => wanted.has(l.organisationId));
    const keptIds = new Set(kept.map((l) => l.organisationId));
    return [
      ...kept.map((l) => ({ organisationId: l.organisationId, role: l.role })),
      ...[...wanted]
        .filter((id) => !keptIds.has(id))
        .map((organisationId) => ({ organisationId, role: IMPORTED_PARTNER_ROLE })),
    ].map((l) => ({ missionId, initiativeId: idOf(p), ...l }));
  });
  for (const part of chunks(partnerRows)) await tx.insert(initiativePartners).values(part);

  const after = await presentByIds(tx, [...creates.map((c) => c.id), ...updates.map((u) => u.current!.id)]);
  await insertAudit(tx, actor, missionId, [
    ...creates.map((c) => ({
      entity: 'initiative',
      entityId: c.id,
      action: 'create' as const,
      after: after.get(c.id),
    })),
    ...updates.map((u) => ({
      entity: 'initiative',
      entityId: u.current!.id,
      action: 'update' as const,
      before: u.current,
      after: after.get(u.current!.id),
    })),
  ]);
  progress?.({ phase: 'writing', done: total, total });
}
