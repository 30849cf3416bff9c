/**
 * Loads the optional selection part of a plan data file: evaluators (accounts without a
 * password), proposals, scoring rounds with their scores, and decisions. In the TT2050 demo the
 * scores are illustrative, as the file's `note` says; the note is kept in the audit log.
 */
import { eq, sql } from 'drizzle-orm';
import { normaliseDates } from '../../../shared/dates.ts';
import type { TProposalStatus } from '../../../shared/enums.ts';
import type { TSelectionData } from '../../../shared/schemas/demo.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { memberships, users, writeAudit } from '../missions/index.ts';
import {
  decisions,
  proposals,
  proposalVectors,
  roundEvaluators,
  roundProposals,
  scores,
  scoringRounds,
} from './tables.ts';

/** The end of a day, as the moment a closed round's scores were given. */
const endOfDay = (day: string | null) => (day ? new Date(`${day}T18:00:00Z`) : new Date());

/**
 * Writes the selection data in the caller's transaction (sequential: one connection).
 * @throws when a key does not resolve (a broken data file).
 */
export async function loadSelectionData(
  tx: DbOrTx,
  options: {
    missionId: string;
    planId: string;
    selection: TSelectionData;
    focusIds: Map<string, string>;
    vectorIds: Map<string, string>;
    initiativeIds: Map<string, string>;
  },
): Promise<void> {
  const { missionId, planId, selection } = options;
  const need = (map: Map<string, string>, key: string, what: string) => {
    const value = map.get(key);
    if (!value) throw new Error(`Plan data: unknown ${what} "${key}".`);
    return value;
  };
  const evaluatorIds = new Map<string, string>();
  for (const e of selection.evaluators) {
    await tx.insert(users).values({ email: e.email, name: e.name, passwordHash: null }).onConflictDoNothing();
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, e.email.toLowerCase()));
    evaluatorIds.set(e.key, user!.id);
    await tx
      .insert(memberships)
      .values({ userId: user!.id, missionId, role: 'officer' })
      .onConflictDoNothing();
  }

  const decided = new Map(selection.decisions.map((d) => [d.proposal, d.outcome]));
  const inRound = new Set(selection.rounds.flatMap((r) => r.proposals));
  const proposalIds = new Map<string, string>();
  for (const p of selection.proposals) {
    const status: TProposalStatus = decided.get(p.key) ?? (inRound.has(p.key) ? 'in_round' : 'submitted');
    const [row] = await tx
      .insert(proposals)
      .values({
        missionId,
        planId,
        authorId: p.author ? need(evaluatorIds, p.author, 'evaluator') : null,
        title: p.title,
        summary: p.summary ?? null,
        type: p.type,
        focusAreaId: p.focusArea ? need(options.focusIds, p.focusArea, 'focus area') : null,
        datePrecision: p.datePrecision,
        ...normaliseDates(p),
        cities: p.cities,
        involvesYouth: p.involvesYouth,
        innovationKind: p.innovationKind,
        estimatedCost: p.estimatedCost,
        targetAudience: p.targetAudience ?? null,
        rationale: p.rationale ?? null,
        status,
      })
      .returning({ id: proposals.id });
    proposalIds.set(p.key, row!.id);
    if (p.vectors.length)
      await tx.insert(proposalVectors).values(
        p.vectors.map((v) => ({
          missionId,
          proposalId: row!.id,
          vectorId: need(options.vectorIds, v, 'vector'),
        })),
      );
  }

  const roundOf = new Map<string, { id: string; deadline: string | null }>();
  for (const r of selection.rounds) {
    const [round] = await tx
      .insert(scoringRounds)
      .values({
        missionId,
        planId,
        name: r.name,
        deadline: r.deadline,
        status: r.status,
        closedAt: r.status === 'closed' ? endOfDay(r.deadline) : null,
      })
      .returning({ id: scoringRounds.id });
    const scoped = { missionId, roundId: round!.id };
    await tx
      .insert(roundProposals)
      .values(r.proposals.map((p) => ({ ...scoped, proposalId: need(proposalIds, p, 'proposal') })));
    await tx
      .insert(roundEvaluators)
      .values(r.evaluators.map((e) => ({ ...scoped, userId: need(evaluatorIds, e, 'evaluator') })));
    if (r.scores.length)
      await tx.insert(scores).values(
        r.scores.map((s) => ({
          ...scoped,
          proposalId: need(proposalIds, s.proposal, 'proposal'),
          evaluatorId: need(evaluatorIds, s.evaluator, 'evaluator'),
          relevance: s.relevance,
          effectiveness: s.effectiveness,
          feasibility: s.feasibility,
          submittedAt: endOfDay(r.deadline),
        })),
      );
    for (const p of r.proposals) roundOf.set(p, { id: round!.id, deadline: r.deadline });
  }

  for (const d of selection.decisions) {
    const proposal = selection.proposals.find((p) => p.key === d.proposal);
    if (!proposal) throw new Error(`Plan data: unknown proposal "${d.proposal}".`);
    const round = roundOf.get(d.proposal);
    await tx.insert(decisions).values({
      missionId,
      proposalId: need(proposalIds, d.proposal, 'proposal'),
      roundId: round?.id ?? null,
      outcome: d.outcome,
      reason: d.reason,
      decidedAt: endOfDay(round?.deadline ?? null),
      initiativeId:
        d.outcome === 'approved' && proposal.initiative
          ? need(options.initiativeIds, proposal.initiative, 'initiative')
          : null,
    });
  }

  await writeAudit(tx, {
    actor: null,
    missionId,
    entity: 'plan',
    entityId: planId,
    action: 'import',
    after: {
      selection: {
        note: selection.note,
        proposals: selection.proposals.length,
        rounds: selection.rounds.length,
        decisions: selection.decisions.length,
      },
    },
  });
}
