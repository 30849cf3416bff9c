/**
 * Import and export of a plan's initiatives as CSV or XLSX (the seed's Annex 1 table plus
 * SoftPower's columns, see `domain/initiative-table.ts`). The API and the CLI both come here.
 *
 * Import is all or nothing: every row is validated first and every error is reported; only
 * a file without errors is written, in one transaction, with an audit entry per record. Rows
 * whose `key` (or id) exists in the plan update that initiative; rows that change nothing are
 * left alone (no new version, no audit entry), so re-importing an export is a no-op.
 *
 * The writes are batched rather than calling `createInitiative` once per row: a 5,000-row file
 * would otherwise take ~15 queries per row. References are resolved here against the plan and
 * the mission, which is what `createInitiative`'s own checks would verify.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  IMPORTANCES,
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  MEDIA_REFLECTIONS,
} from '../../../shared/enums.ts';
import type { TInitiative } from '../../../shared/schemas/initiative.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { conflict, HttpProblem, notFound, type TFieldError } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { neutraliseCell } from '../../platform/reports/inert-cells.ts';
import { authorize } from '../../platform/scope.ts';
import { UPLOAD_LIMITS } from '../../platform/uploads/limits.ts';
import { parseWorkbook } from '../../platform/uploads/parse-in-worker.ts';
import { fileRefused, tooManyRows } from '../../platform/uploads/problems.ts';
import type { TAuditAction } from '../missions/index.ts';
import { auditLog, missions, SYSTEM_USER_ID } from '../missions/index.ts';
import { organisations } from '../partners/index.ts';
import { focusAreas, plans, programmes, vectors } from '../plans/index.ts';
import { loadInitiativeRelations } from './initiatives.ts';
import { initiativePolicy } from './policy.ts';
import { presentInitiative } from './present.ts';
import {
  cleanCell,
  decodeText,
  formatInitiativeRow,
  IMPORT_LIMITS,
  INITIATIVE_COLUMNS,
  nameKey,
  parseCsv,
  readInitiativeRows,
  type TImportRow,
  type TInitiativeColumn,
  type TTableError,
  toCsv,
} from './rules/initiative-table.ts';
import { initiativePartners, initiatives, initiativeVectors } from './tables.ts';

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type TImportFormat = (typeof IMPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<TImportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The role a partner gets when an import links it to an initiative for the first time. */
export const IMPORTED_PARTNER_ROLE = 'co_organiser' as const;

/** A validation error of one cell: `field` is "row 3, column type" for clients that show only fields. */
export interface TImportError extends TFieldError {
  row: number;
  column: string;
}

export interface TImportProgress {
  phase: 'validating' | 'writing';
  done: number;
  total: number;
}

export interface TImportOptions {
  planId: string;
  file: { name: string; data: Uint8Array };
  /** Validate and count, write nothing. */
  isDryRun?: boolean;
  /** The year of dates written without one (default: from the plan's period). */
  year?: number;
  onProgress?: (progress: TImportProgress) => void;
}

export interface TImportResult {
  /** Data rows read (empty rows not counted). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Organisations created for partner names the mission did not know (kind "other"). */
  createdOrganisations: string[];
  warnings: string[];
  /** When not empty, nothing was written. */
  errors: TImportError[];
  isDryRun: boolean;
}

const CHUNK = 500;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const fileProblem = (message: string, status: 400 | 413 = 400) =>
  new HttpProblem(status, status === 413 ? 'Payload too large' : 'Invalid request', `The file ${message}.`, {
    errors: [{ field: 'file', message }],
  });

/** The format of a file from its name. @throws 400 naming `file` for anything but .csv/.xlsx. */
export function formatOfFile(name: string): TImportFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'xlsx') return extension;
  if (extension === 'xls')
    throw fileProblem(`"${name}" is an old Excel .xls workbook: save it as .xlsx or .csv`);
  throw fileProblem(`"${name}" must be a .csv or .xlsx file`);
}

/**
 * Reads a CSV or XLSX file into rows of cells with their spreadsheet row numbers. A workbook is
 * checked from its zip directory first and parsed in a worker with bounded memory and time
 * (`uploads/parse-in-worker.ts`); CSV text has a byte limit. Either has at most
 * `UPLOAD_LIMITS.maxRows` data rows.
 * @throws 400 naming `file` when it is not what its name says, is a suspicious archive or has too
 *   many rows; 413 when it is too large (or too complex) to read; 429 when the server is busy.
 */
export async function readTableFile(
  file: { name: string; data: Uint8Array },
  options: { field?: string; preferredSheet?: string } = {},
): Promise<{ rows: string[][]; rowNumbers: number[] }> {
  const field = options.field ?? 'file';
  const format = formatOfFile(file.name);
  const maxBytes =
    format === 'csv' ? Math.min(IMPORT_LIMITS.maxBytes, UPLOAD_LIMITS.maxCsvBytes) : IMPORT_LIMITS.maxBytes;
  if (file.data.byteLength > maxBytes)
    throw fileRefused(field, `is larger than ${maxBytes / 1024 / 1024} MB: split it`, 413);
  const isZip = file.data[0] === 0x50 && file.data[1] === 0x4b;
  if (format === 'csv') {
    if (isZip) throw fileRefused(field, `"${file.name}" is an Excel workbook: give it the .xlsx extension`);
    if (file.data.includes(0)) throw fileRefused(field, `"${file.name}" is not a CSV text file`);
    let table: { rows: string[][]; rowNumbers: number[] };
    try {
      table = parseCsv(decodeText(file.data));
    } catch (error) {
      throw fileRefused(field, (error as Error).message);
    }
    const dataRows = table.rows.length - 1;
    if (dataRows > UPLOAD_LIMITS.maxRows) throw tooManyRows(field, dataRows);
    return table;
  }
  if (!isZip) throw fileRefused(field, `"${file.name}" is not a valid .xlsx workbook`);
  return parseWorkbook(file.data, {
    field,
    name: file.name,
    preferredSheet: options.preferredSheet ?? 'Initiatives',
  });
}

/** The plan, through the actor's scope (404 when it does not exist, is archived or is not visible). */
async function loadPlan(db: DbOrTx, actor: TActor, planId: string) {
  const [plan] = await db
    .select({
      id: plans.id,
      missionId: plans.missionId,
      acronym: plans.acronym,
      periodEnd: plans.periodEnd,
    })
    .from(plans)
    .where(and(eq(plans.id, planId), planPolicy.scope(actor, plans.missionId), isNull(plans.archivedAt)));
  if (!plan) throw notFound('Plan');
  return plan;
}

/**
 * Finds a plan by acronym (case-insensitive) and mission slug, for the command line. Without an
 * acronym, the only plan there is.
 * @throws Error listing the plans when there is none or more than one.
 */
export async function findPlanByAcronym(
  db: DbOrTx,
  options: { acronym?: string; missionSlug?: string },
): Promise<{ id: string; acronym: string; missionSlug: string }> {
  const all = await db
    .select({ id: plans.id, acronym: plans.acronym, missionSlug: missions.slug })
    .from(plans)
    .innerJoin(missions, eq(missions.id, plans.missionId))
    .where(isNull(plans.archivedAt))
    .orderBy(asc(missions.slug), asc(plans.acronym));
  const list = (items: typeof all) => items.map((p) => `${p.acronym} (${p.missionSlug})`).join(', ');
  const matching = all.filter(
    (p) =>
      (!options.acronym || p.acronym.toUpperCase() === options.acronym.toUpperCase()) &&
      (!options.missionSlug || p.missionSlug === options.missionSlug),
  );
  if (matching.length === 1) return matching[0]!;
  if (all.length === 0) throw new Error('There are no plans yet: load one with `softpower demo`.');
  if (matching.length === 0) {
    const wanted = [
      options.acronym && `plan ${options.acronym}`,
      options.missionSlug && `mission ${options.missionSlug}`,
    ]
      .filter(Boolean)
      .join(' in ');
    throw new Error(`No ${wanted}. The plans are: ${list(all)}.`);
  }
  throw new Error(
    options.acronym
      ? `Several missions have a plan ${options.acronym}: add --mission (${list(matching)}).`
      : `There are several plans: choose one with --plan ACRONYM (${list(matching)}).`,
  );
}

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

// ---------------------------------------------------------------------------------------------
// Export

export interface TExportFile {
  filename: string;
  contentType: string;
  data: Uint8Array;
  /** Initiatives in the file. */
  rows: number;
}

/**
 * A plan's initiatives (those the actor can see, not archived) as a CSV or XLSX file in the
 * import's format.
 * @throws 404 when the plan is not visible to the actor.
 */
export async function exportInitiatives(
  db: DbOrTx,
  actor: TActor,
  options: { planId: string; format: TImportFormat },
): Promise<TExportFile> {
  const plan = await loadPlan(db, actor, options.planId);
  const rows = await db
    .select()
    .from(initiatives)
    .where(
      and(eq(initiatives.planId, plan.id), isNull(initiatives.archivedAt), initiativePolicy.scope(actor)),
    )
    .orderBy(sql`${initiatives.startDate} asc nulls last`, asc(initiatives.title), asc(initiatives.id));
  const cells: string[][] = [];
  for (const part of chunks(rows)) {
    const relations = await loadInitiativeRelations(db, part);
    for (const row of part) cells.push(formatInitiativeRow(presentInitiative(row, relations.get(row.id)!)));
  }
  const filename = `${plan.acronym.replace(/[^A-Za-z0-9_-]+/g, '-')}-initiatives.${options.format}`;
  const contentType = CONTENT_TYPES[options.format];
  if (options.format === 'csv')
    return {
      filename,
      contentType,
      data: Buffer.from(toCsv([[...INITIATIVE_COLUMNS], ...cells]), 'utf8'),
      rows: cells.length,
    };
  const structure = {
    focusAreas: await db
      .select({ key: focusAreas.key })
      .from(focusAreas)
      .where(eq(focusAreas.planId, plan.id))
      .orderBy(focusAreas.position),
    vectors: await db
      .select({ key: vectors.key })
      .from(vectors)
      .where(eq(vectors.planId, plan.id))
      .orderBy(vectors.position),
    programmes: await db
      .select({ key: programmes.key })
      .from(programmes)
      .where(eq(programmes.planId, plan.id))
      .orderBy(programmes.key),
  };
  const data = await toWorkbook(cells, {
    type: [...INITIATIVE_TYPES],
    'media reflection': [...MEDIA_REFLECTIONS],
    status: [...INITIATIVE_STATUSES],
    importance: [...IMPORTANCES],
    'focus area': structure.focusAreas.map((f) => f.key),
    vectors: structure.vectors.map((v) => v.key),
    programme: structure.programmes.map((p) => p.key),
  });
  return { filename, contentType, data, rows: cells.length };
}

const MAX_WIDTH: Partial<Record<TInitiativeColumn, number>> = {
  initiative: 60,
  'actors involved': 60,
  summary: 80,
  key: 38,
};

/**
 * The "Initiatives" sheet (bold frozen header, autofilter, widths from the content, text cells)
 * and a "Lists" sheet of the allowed values, offered as drop-downs that warn but do not block
 * (the importer also reads labels such as "Elevato").
 */
async function toWorkbook(
  cells: string[][],
  lists: Partial<Record<TInitiativeColumn, string[]>>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SoftPower';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Initiatives', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = INITIATIVE_COLUMNS.map((column, i) => {
    const longest = Math.max(column.length, ...cells.map((r) => r[i]?.length ?? 0));
    // Text format: Excel keeps "2022-05" as typed instead of turning it into a date.
    return {
      header: column,
      key: column,
      width: Math.min(longest + 2, MAX_WIDTH[column] ?? 30),
      style: { numFmt: '@' },
    };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(cells.map((r) => r.map(neutraliseCell)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: INITIATIVE_COLUMNS.length } };

  const listSheet = workbook.addWorksheet('Lists');
  const listColumns = Object.entries(lists) as [TInitiativeColumn, string[]][];
  listSheet.columns = listColumns.map(([column]) => ({ header: column, key: column, width: 24 }));
  listSheet.getRow(1).font = { bold: true };
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  listColumns.forEach(([column, values], i) => {
    const letter = listSheet.getColumn(i + 1).letter;
    values.forEach((value, r) => {
      listSheet.getCell(r + 2, i + 1).value = value;
    });
    if (!values.length || column === 'vectors') return;
    const target = sheet.getColumn(INITIATIVE_COLUMNS.indexOf(column) + 1).letter;
    validations.add(`${target}2:${target}${IMPORT_LIMITS.maxRows + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`Lists!$${letter}$2:$${letter}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: `Unknown ${column}`,
      error: `Use a value from the Lists sheet.`,
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
