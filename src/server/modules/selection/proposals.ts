/**
 * Proposals: scoped queries and the writes (create, update, archive, decide), each in one
 * transaction with its audit entry. An approval creates the initiative through
 * `createInitiative`, inside the same transaction.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { mergeDateChange, normaliseDates } from '../../../shared/dates.ts';
import { PARTNER_ROLES, type TDecisionOutcome } from '../../../shared/enums.ts';
import type {
  TCreateProposalRequest,
  TDecision,
  TDecisionRequest,
  TProposal,
  TProposalDetail,
  TProposalFields,
  TProposalListQuery,
  TUpdateProposalRequest,
} from '../../../shared/schemas/proposal.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, conflict, notFound } from '../../platform/http/problem.ts';
import { planPolicy } from '../../platform/mission-data-policy.ts';
import { selectPage, staleVersion } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { checkReferences, createInitiative, initiatives } from '../initiatives/index.ts';
import { users, writeAudit } from '../missions/index.ts';
import { organisations } from '../partners/index.ts';
import { focusAreas, plans, programmes, vectors } from '../plans/index.ts';
import { presentDecision, presentProposal, type TProposalRelations } from './present-proposal.ts';
import { proposalPolicy } from './proposal-policy.ts';
import {
  decisions,
  proposalPartners,
  proposals,
  proposalVectors,
  roundProposals,
  scoringRounds,
} from './tables.ts';

type TRow = typeof proposals.$inferSelect;

/** Editable by the author only while nobody has started judging it. */
const EDITABLE_STATUSES: readonly TRow['status'][] = ['draft', 'submitted'];
export const PROPOSAL_LOCKED =
  'A scoring round has opened on this proposal: it can no longer be edited. Ask the head of mission to park it if it needs rework.';

/** The latest decision of each proposal, and who took it. */
async function loadDecisions(db: DbOrTx, proposalIds: string[]): Promise<TDecision[]> {
  if (proposalIds.length === 0) return [];
  const rows = await db
    .select({ decision: decisions, userName: users.name })
    .from(decisions)
    .leftJoin(users, eq(users.id, decisions.decidedBy))
    .where(inArray(decisions.proposalId, proposalIds))
    .orderBy(desc(decisions.decidedAt));
  return rows.map((r) =>
    presentDecision(
      r.decision,
      r.decision.decidedBy ? { id: r.decision.decidedBy, name: r.userName ?? '' } : null,
    ),
  );
}

/** Loads the relations of many proposals in a fixed number of queries (sequential: one connection in a transaction). */
async function loadRelations(db: DbOrTx, rows: TRow[]): Promise<Map<string, TProposalRelations>> {
  const result = new Map<string, TProposalRelations>();
  if (rows.length === 0) return result;
  const ids = rows.map((r) => r.id);
  const distinct = (list: (string | null)[]) => [...new Set(list.filter((v): v is string => !!v))];
  const authorIds = distinct(rows.map((r) => r.authorId));
  const focusIds = distinct(rows.map((r) => r.focusAreaId));
  const programmeIds = distinct(rows.map((r) => r.programmeId));
  const authorRows = authorIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, authorIds))
    : [];
  const focusRows = focusIds.length
    ? await db
        .select({ id: focusAreas.id, key: focusAreas.key, name: focusAreas.name })
        .from(focusAreas)
        .where(inArray(focusAreas.id, focusIds))
    : [];
  const programmeRows = programmeIds.length
    ? await db
        .select({ id: programmes.id, key: programmes.key, name: programmes.name })
        .from(programmes)
        .where(inArray(programmes.id, programmeIds))
    : [];
  const vectorRows = await db
    .select({ proposalId: proposalVectors.proposalId, id: vectors.id, key: vectors.key, name: vectors.name })
    .from(proposalVectors)
    .innerJoin(vectors, eq(vectors.id, proposalVectors.vectorId))
    .where(inArray(proposalVectors.proposalId, ids))
    .orderBy(asc(vectors.position));
  const partnerRows = await db
    .select({
      proposalId: proposalPartners.proposalId,
      organisationId: organisations.id,
      name: organisations.name,
      role: proposalPartners.role,
      country: organisations.country,
    })
    .from(proposalPartners)
    .innerJoin(organisations, eq(organisations.id, proposalPartners.organisationId))
    .where(inArray(proposalPartners.proposalId, ids))
    .orderBy(
      sql`array_position(array[${sql.raw(PARTNER_ROLES.map((r) => `'${r}'`).join(','))}]::text[], ${proposalPartners.role})`,
      asc(organisations.name),
    );
  const decisionRows = await loadDecisions(db, ids);
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const authors = byId(authorRows);
  const areas = byId(focusRows);
  const programmesById = byId(programmeRows);
  for (const row of rows) {
    result.set(row.id, {
      author: row.authorId ? (authors.get(row.authorId) ?? null) : null,
      focusArea: row.focusAreaId ? (areas.get(row.focusAreaId) ?? null) : null,
      programme: row.programmeId ? (programmesById.get(row.programmeId) ?? null) : null,
      vectors: [],
      partners: [],
      isLocked: !EDITABLE_STATUSES.includes(row.status),
      // Newest first: the first one met is the current decision.
      decision: decisionRows.find((d) => d.proposalId === row.id) ?? null,
    });
  }
  for (const v of vectorRows) result.get(v.proposalId)?.vectors.push({ id: v.id, key: v.key, name: v.name });
  for (const p of partnerRows)
    result.get(p.proposalId)?.partners.push({
      organisationId: p.organisationId,
      name: p.name,
      role: p.role,
      country: p.country,
    });
  return result;
}

export async function presentProposals(db: DbOrTx, rows: TRow[]): Promise<TProposal[]> {
  const relations = await loadRelations(db, rows);
  return rows.map((row) => presentProposal(row, relations.get(row.id)!));
}

/** Loads one proposal through the actor's scope. @throws 404 */
export async function loadProposal(db: DbOrTx, actor: TActor, id: string): Promise<TRow> {
  const [row] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, id), proposalPolicy.scope(actor)));
  if (!row) throw notFound('Proposal');
  return row;
}

/** Proposals the actor may see (collaborators: their own), newest first. */
export async function findProposals(
  db: DbOrTx,
  actor: TActor,
  query: TProposalListQuery,
): Promise<{ items: TProposal[]; total: number; limit: number; offset: number }> {
  const where: SQL[] = [proposalPolicy.scope(actor)];
  if (!query.includeArchived) where.push(isNull(proposals.archivedAt));
  if (query.planId) where.push(eq(proposals.planId, query.planId));
  if (query.status?.length) where.push(inArray(proposals.status, query.status));
  if (query.mine) where.push(eq(proposals.authorId, actor.userId));
  const { rows, total } = await selectPage(db, proposals, {
    where: and(...where),
    orderBy: [desc(proposals.createdAt), asc(proposals.id)],
    limit: query.limit,
    offset: query.offset,
  });
  return { items: await presentProposals(db, rows), total, limit: query.limit, offset: query.offset };
}

/** One proposal with its decision history and its rounds. @throws 404 */
export async function findProposal(db: DbOrTx, actor: TActor, id: string): Promise<TProposalDetail> {
  const row = await loadProposal(db, actor, id);
  const [presented] = await presentProposals(db, [row]);
  const history = await loadDecisions(db, [id]);
  const rounds = await db
    .select({ id: scoringRounds.id, name: scoringRounds.name, status: scoringRounds.status })
    .from(roundProposals)
    .innerJoin(scoringRounds, eq(scoringRounds.id, roundProposals.roundId))
    .where(eq(roundProposals.proposalId, id))
    .orderBy(asc(scoringRounds.createdAt));
  return { ...presented!, decisions: history, rounds };
}

type TRelationFields = Pick<Partial<TProposalFields>, 'vectorIds' | 'partners'>;

async function replaceRelations(
  db: DbOrTx,
  proposal: { id: string; missionId: string },
  input: TRelationFields,
): Promise<void> {
  const { id, missionId } = proposal;
  if (input.vectorIds) {
    await db.delete(proposalVectors).where(eq(proposalVectors.proposalId, id));
    const unique = [...new Set(input.vectorIds)];
    if (unique.length)
      await db
        .insert(proposalVectors)
        .values(unique.map((vectorId) => ({ missionId, proposalId: id, vectorId })));
  }
  if (input.partners) {
    await db.delete(proposalPartners).where(eq(proposalPartners.proposalId, id));
    const unique = [...new Map(input.partners.map((p) => [`${p.organisationId}/${p.role}`, p])).values()];
    if (unique.length)
      await db.insert(proposalPartners).values(unique.map((p) => ({ missionId, proposalId: id, ...p })));
  }
}

/** The columns of the `proposals` table that a request can set. */
function toColumns(input: Partial<TProposalFields>): Partial<typeof proposals.$inferInsert> {
  const { vectorIds: _v, partners: _p, ...columns } = input;
  return columns;
}

const referencesOf = (input: Partial<TProposalFields>) => ({
  focusAreaId: input.focusAreaId,
  programmeId: input.programmeId,
  vectorIds: input.vectorIds,
  partners: input.partners,
});

/**
 * Submits (or drafts) a proposal to a plan.
 * @throws 404 unknown plan, 403 viewers, 400 invalid references.
 */
export async function createProposal(
  db: Db,
  actor: TActor,
  input: TCreateProposalRequest,
): Promise<TProposal> {
  return db.transaction(async (tx) => {
    const [plan] = await tx
      .select({ id: plans.id, missionId: plans.missionId })
      .from(plans)
      .where(
        and(eq(plans.id, input.planId), planPolicy.scope(actor, plans.missionId), isNull(plans.archivedAt)),
      );
    if (!plan) throw notFound('Plan');
    authorize(
      proposalPolicy.canCreate(actor, plan.missionId),
      'Your role cannot submit proposals in this mission.',
    );
    await checkReferences(tx, { missionId: plan.missionId, planId: plan.id }, referencesOf(input));
    const datePrecision = input.datePrecision ?? 'day';
    const dates = normaliseDates({
      datePrecision,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    });
    const { planId: _planId, ...fields } = input;
    const [row] = await tx
      .insert(proposals)
      .values({
        ...toColumns(fields),
        ...dates,
        datePrecision,
        missionId: plan.missionId,
        planId: plan.id,
        authorId: actor.userId,
        title: input.title,
        type: input.type,
        status: input.status ?? 'submitted',
      })
      .returning();
    await replaceRelations(tx, row!, fields);
    const [created] = await presentProposals(tx, [row!]);
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'proposal',
      entityId: row!.id,
      action: 'create',
      after: created,
    });
    return created!;
  });
}

/**
 * Updates a proposal if `input.version` is still the stored one.
 * @throws 404, 403 (not the author), 409 (locked by a round or decided; or stale version).
 */
export async function updateProposal(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateProposalRequest,
): Promise<TProposal> {
  return db.transaction(async (tx) => {
    const current = await loadProposal(tx, actor, id);
    authorize(proposalPolicy.canUpdate(actor, current), 'Only the author can edit a proposal.');
    if (!EDITABLE_STATUSES.includes(current.status))
      throw conflict(PROPOSAL_LOCKED, { status: current.status });
    const { version, ...fields } = input;
    if (current.version !== version) throw staleVersion(current.version);
    await checkReferences(tx, current, referencesOf(fields));
    const [before] = await presentProposals(tx, [current]);
    let dates: ReturnType<typeof mergeDateChange>;
    try {
      dates = mergeDateChange({ current, change: fields });
    } catch {
      throw badRequest('The dates are not valid.', [
        { field: 'endDate', message: 'must not be before the start date' },
      ]);
    }
    const [row] = await tx
      .update(proposals)
      .set({
        ...toColumns(fields),
        ...(dates ?? {}),
        version: sql`${proposals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(proposals.id, id), eq(proposals.version, version)))
      .returning();
    if (!row) throw staleVersion(current.version + 1);
    await replaceRelations(tx, row, fields);
    const [after] = await presentProposals(tx, [row]);
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'proposal',
      entityId: id,
      action: 'update',
      before,
      after,
    });
    return after!;
  });
}

/** Archives a proposal: its author before any round, or the head of mission. @throws 404, 403, 409 */
export async function archiveProposal(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TProposal> {
  return db.transaction(async (tx) => {
    const current = await loadProposal(tx, actor, id);
    authorize(
      proposalPolicy.canArchive(actor, current),
      'Only the author or the head of mission can archive a proposal.',
    );
    if (!proposalPolicy.canDecide(actor, current) && !EDITABLE_STATUSES.includes(current.status))
      throw conflict(PROPOSAL_LOCKED, { status: current.status });
    if (version !== undefined && current.version !== version) throw staleVersion(current.version);
    const [row] = await tx
      .update(proposals)
      .set({ archivedAt: new Date(), version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(and(eq(proposals.id, id), eq(proposals.version, current.version)))
      .returning();
    if (!row) throw staleVersion(current.version + 1);
    const [after] = await presentProposals(tx, [row]);
    await writeAudit(tx, {
      actor,
      missionId: row.missionId,
      entity: 'proposal',
      entityId: id,
      action: 'archive',
      before: { archivedAt: null },
      after: { archivedAt: after!.archivedAt },
    });
    return after!;
  });
}

/** Moves the initiative an earlier approval created to the status of a revisited decision. */
async function setInitiativeStatus(
  tx: DbOrTx,
  actor: TActor,
  initiativeId: string,
  status: TDecisionOutcome,
): Promise<void> {
  const [before] = await tx
    .select({ status: initiatives.status, missionId: initiatives.missionId })
    .from(initiatives)
    .where(eq(initiatives.id, initiativeId));
  if (!before || before.status === status) return;
  await tx
    .update(initiatives)
    .set({ status, version: sql`${initiatives.version} + 1`, updatedAt: new Date() })
    .where(eq(initiatives.id, initiativeId));
  await writeAudit(tx, {
    actor,
    missionId: before.missionId,
    entity: 'initiative',
    entityId: initiativeId,
    action: 'update',
    before: { status: before.status },
    after: { status },
  });
}

/**
 * Records a decision on a proposal (a revisit adds a row; the history is kept). Approving creates
 * an initiative in status `approved` in the proposal's plan, or brings back the one an earlier
 * approval created; rejecting or parking an approved proposal moves its initiative along.
 * @throws 404, 403 (not head of mission/admin), 400 (round not of this proposal), 409 (draft, already approved).
 */
export async function decideProposal(
  db: Db,
  actor: TActor,
  id: string,
  input: TDecisionRequest,
): Promise<TProposalDetail> {
  await db.transaction(async (tx) => {
    const current = await loadProposal(tx, actor, id);
    authorize(
      proposalPolicy.canDecide(actor, current),
      'Only the head of mission and administrators decide.',
    );
    if (current.archivedAt) throw conflict('This proposal is archived.');
    if (current.status === 'draft')
      throw conflict('A draft cannot be decided: its author must submit it first.', {
        status: current.status,
      });
    if (input.outcome === 'approved' && current.status === 'approved')
      throw conflict('This proposal is already approved.', { status: current.status });
    const roundRows = await tx
      .select({ id: roundProposals.roundId })
      .from(roundProposals)
      .innerJoin(scoringRounds, eq(scoringRounds.id, roundProposals.roundId))
      .where(eq(roundProposals.proposalId, id))
      .orderBy(desc(scoringRounds.createdAt));
    if (input.roundId && !roundRows.some((r) => r.id === input.roundId))
      throw badRequest('The round is not valid.', [
        { field: 'roundId', message: 'did not score this proposal' },
      ]);
    const roundId = input.roundId ?? roundRows[0]?.id ?? null;
    const [earlier] = await tx
      .select({ initiativeId: decisions.initiativeId })
      .from(decisions)
      .innerJoin(initiatives, eq(initiatives.id, decisions.initiativeId))
      .where(
        and(eq(decisions.proposalId, id), isNotNull(decisions.initiativeId), isNull(initiatives.archivedAt)),
      )
      .orderBy(desc(decisions.decidedAt))
      .limit(1);
    let initiativeId = earlier?.initiativeId ?? null;
    if (initiativeId) await setInitiativeStatus(tx, actor, initiativeId, input.outcome);
    else if (input.outcome === 'approved') {
      const [proposal] = await presentProposals(tx, [current]);
      const created = await createInitiative(tx, actor, {
        planId: current.planId,
        title: current.title,
        summary: current.summary,
        type: current.type,
        status: 'approved',
        datePrecision: current.datePrecision,
        startDate: current.startDate,
        endDate: current.endDate,
        cities: current.cities,
        focusAreaId: current.focusAreaId,
        programmeId: current.programmeId,
        vectorIds: proposal!.vectors.map((v) => v.id),
        partners: proposal!.partners.map((p) => ({ organisationId: p.organisationId, role: p.role })),
        innovationKind: current.innovationKind,
        involvesYouth: current.involvesYouth,
        targetAudiences: current.targetAudience,
        budget: current.estimatedCost === null ? null : Number(current.estimatedCost),
      });
      initiativeId = created.id;
    }
    const [decision] = await tx
      .insert(decisions)
      .values({
        missionId: current.missionId,
        proposalId: id,
        roundId,
        outcome: input.outcome,
        reason: input.reason,
        decidedBy: actor.userId,
        initiativeId,
      })
      .returning();
    await tx
      .update(proposals)
      .set({ status: input.outcome, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(eq(proposals.id, id));
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'decision',
      entityId: decision!.id,
      action: 'create',
      before: { proposalId: id, status: current.status },
      after: presentDecision(decision!, { id: actor.userId, name: actor.name }),
    });
  });
  return findProposal(db, actor, id);
}
