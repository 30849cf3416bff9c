/**
 * What each initiative achieved (the event sheet's "results"): attendance, participants
 * trained, scholarships, online views, audience reached, qualitative outcomes. The media
 * reflection rating and the links to photos and videos stay on the initiative itself.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { TInitiativeResults, TUpdateInitiativeResultsRequest } from '../../../shared/schemas/results.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { isoRequired } from '../../platform/http/dates.ts';
import { notFound } from '../../platform/http/problem.ts';
import { staleVersion, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiativePolicy, initiatives, isAssignedTo } from '../initiatives/index.ts';
import { writeAudit } from '../missions/index.ts';
import { initiativeResults } from './tables.ts';

type TInitiativeRow = typeof initiatives.$inferSelect;
type TResultRow = typeof initiativeResults.$inferSelect;

export function presentInitiativeResults(
  initiative: TInitiativeRow,
  row: TResultRow | null,
): TInitiativeResults {
  return {
    initiativeId: initiative.id,
    key: initiative.key,
    title: initiative.title,
    type: initiative.type,
    status: initiative.status,
    startDate: initiative.startDate,
    mediaReflection: initiative.mediaReflection,
    mediaLinks: initiative.mediaLinks,
    attendance: row?.attendance ?? null,
    participantsTrained: row?.participantsTrained ?? null,
    scholarships: row?.scholarships ?? null,
    onlineViews: row?.onlineViews ?? null,
    audienceReached: row?.audienceReached ?? null,
    qualitativeOutcomes: row?.qualitativeOutcomes ?? null,
    version: row?.version ?? null,
    updatedAt: row ? isoRequired(row.updatedAt) : null,
  };
}

async function loadInitiative(db: DbOrTx, actor: TActor, id: string) {
  const [row] = await db
    .select({ initiative: initiatives, isAssigned: isAssignedTo(actor.userId) })
    .from(initiatives)
    .where(and(eq(initiatives.id, id), initiativePolicy.scope(actor)));
  if (!row) throw notFound('Initiative');
  return { ...row.initiative, isAssigned: Boolean(row.isAssigned) };
}

/** The results of one initiative the actor can see (empty figures until recorded). @throws 404 */
export async function findInitiativeResults(db: DbOrTx, actor: TActor, initiativeId: string) {
  const initiative = await loadInitiative(db, actor, initiativeId);
  const [row] = await db
    .select()
    .from(initiativeResults)
    .where(eq(initiativeResults.initiativeId, initiativeId));
  return presentInitiativeResults(initiative, row ?? null);
}

/**
 * The results of every (not archived) initiative of a plan, in date order. The caller has
 * already checked that the actor reads the plan's results.
 */
export async function listPlanInitiativeResults(db: DbOrTx, planId: string): Promise<TInitiativeResults[]> {
  const rows = await db
    .select()
    .from(initiatives)
    .where(and(eq(initiatives.planId, planId), isNull(initiatives.archivedAt)))
    .orderBy(asc(initiatives.startDate), asc(initiatives.title));
  if (rows.length === 0) return [];
  const results = await db
    .select()
    .from(initiativeResults)
    .where(
      inArray(
        initiativeResults.initiativeId,
        rows.map((r) => r.id),
      ),
    );
  const byInitiative = new Map(results.map((r) => [r.initiativeId, r]));
  return rows.map((row) => presentInitiativeResults(row, byInitiative.get(row.id) ?? null));
}

/**
 * Records (or corrects) an initiative's results. Whoever may edit the initiative may: writers,
 * and a collaborator assigned to it. `version` is null for the first save.
 * @throws 404, 403, 409 (someone saved first; nothing changed)
 */
export async function saveInitiativeResults(
  db: Db,
  actor: TActor,
  initiativeId: string,
  input: TUpdateInitiativeResultsRequest,
): Promise<TInitiativeResults> {
  return db.transaction(async (tx) => {
    const initiative = await loadInitiative(tx, actor, initiativeId);
    authorize(
      initiativePolicy.canUpdate(actor, initiative),
      'Only the mission’s writers and the collaborators assigned to this initiative record its results.',
    );
    const { version, ...fields } = input;
    const [current] = await tx
      .select()
      .from(initiativeResults)
      .where(eq(initiativeResults.initiativeId, initiativeId));
    let row: TResultRow;
    if (!current) {
      if (version !== null) throw staleVersion(0);
      [row] = (await tx
        .insert(initiativeResults)
        .values({ missionId: initiative.missionId, initiativeId, ...fields })
        .returning()) as [TResultRow];
    } else {
      if (version === null) throw staleVersion(current.version);
      row = await updateVersioned(tx, initiativeResults, current, version, fields);
    }
    await writeAudit(tx, {
      actor,
      missionId: initiative.missionId,
      entity: 'initiative_results',
      entityId: initiativeId,
      action: current ? 'update' : 'create',
      before: current ?? null,
      after: row,
    });
    return presentInitiativeResults(initiative, row);
  });
}
