import type { TScore } from '../../../shared/schemas/scoring.ts';
import { isoRequired } from '../../platform/http/dates.ts';
import type { scores } from './tables.ts';

/** Exactly the fields of a score that leave the server. */
export function presentScore(
  row: typeof scores.$inferSelect,
  evaluator: { id: string; name: string },
): TScore {
  return {
    roundId: row.roundId,
    proposalId: row.proposalId,
    evaluator,
    relevance: row.relevance,
    effectiveness: row.effectiveness,
    feasibility: row.feasibility,
    relevanceComment: row.relevanceComment,
    effectivenessComment: row.effectivenessComment,
    feasibilityComment: row.feasibilityComment,
    submittedAt: isoRequired(row.submittedAt),
  };
}
