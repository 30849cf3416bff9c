import type { TDecision, TProposal } from '../../../shared/schemas/proposal.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import type { decisions, proposals } from './tables.ts';

type TRef = { id: string; key: string | null; name: string };

export interface TProposalRelations {
  author: { id: string; name: string } | null;
  focusArea: TRef | null;
  programme: TRef | null;
  vectors: TRef[];
  partners: TProposal['partners'];
  isLocked: boolean;
  decision: TDecision | null;
}

/** Exactly the fields of a decision that leave the server. */
export function presentDecision(
  row: typeof decisions.$inferSelect,
  decidedBy: { id: string; name: string } | null,
): TDecision {
  return {
    id: row.id,
    proposalId: row.proposalId,
    roundId: row.roundId,
    outcome: row.outcome,
    reason: row.reason,
    decidedBy,
    decidedAt: isoRequired(row.decidedAt),
    initiativeId: row.initiativeId,
  };
}

/** Exactly the fields of a proposal that leave the server. */
export function presentProposal(row: typeof proposals.$inferSelect, rel: TProposalRelations): TProposal {
  return {
    id: row.id,
    missionId: row.missionId,
    planId: row.planId,
    author: rel.author,
    title: row.title,
    summary: row.summary,
    type: row.type,
    focusArea: rel.focusArea,
    vectors: rel.vectors,
    programme: rel.programme,
    partners: rel.partners,
    datePrecision: row.datePrecision,
    startDate: row.startDate,
    endDate: row.endDate,
    cities: row.cities,
    innovationKind: row.innovationKind,
    involvesYouth: row.involvesYouth,
    estimatedCost: row.estimatedCost === null ? null : Number(row.estimatedCost),
    targetAudience: row.targetAudience,
    rationale: row.rationale,
    status: row.status,
    isLocked: rel.isLocked,
    decision: rel.decision,
    initiativeId: rel.decision?.outcome === 'approved' ? rel.decision.initiativeId : null,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}
