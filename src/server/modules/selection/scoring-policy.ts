/**
 * Scoring rounds: the head of mission and administrators open and close them; only the named
 * evaluators score; the mission's full readers and the round's evaluators see the round.
 * Anchoring: while a round is open and its plan hides scores, an evaluator who has not scored
 * every proposal of the round may not see the results (403).
 */
import { and, exists, or, type SQL, sql } from 'drizzle-orm';
import type { TActor } from '../../platform/context.ts';
import {
  fullReadMissionIds,
  hasRole,
  inMissions,
  MANAGER_ROLES,
  memberMissionIds,
  roleIn,
} from '../../platform/scope.ts';
import { roundEvaluators, scoringRounds } from './tables.ts';

/** SQL: the user is a named evaluator of the round. */
export function isEvaluatorOf(userId: string): SQL {
  return exists(
    sql`(select 1 from ${roundEvaluators} where ${roundEvaluators.roundId} = ${scoringRounds.id} and ${roundEvaluators.userId} = ${userId})`,
  );
}

export const scoringPolicy = {
  /** Read scope, for every query on rounds. */
  scope: (actor: TActor): SQL =>
    or(
      inMissions(scoringRounds.missionId, fullReadMissionIds(actor)),
      and(inMissions(scoringRounds.missionId, memberMissionIds(actor)), isEvaluatorOf(actor.userId)),
    )!,
  canOpen: (actor: TActor, missionId: string) => hasRole(actor, missionId, MANAGER_ROLES),
  canClose: (actor: TActor, round: { missionId: string }) => hasRole(actor, round.missionId, MANAGER_ROLES),
  /** Named evaluators who are still members of the mission. */
  canScore: (actor: TActor, round: { missionId: string; isEvaluator: boolean }) =>
    round.isEvaluator && roleIn(actor, round.missionId) !== null,
  canSeeResults: (
    _actor: TActor,
    round: { status: string; isEvaluator: boolean; hasScoredAll: boolean; hideScoresUntilSubmitted: boolean },
  ) =>
    round.status === 'closed' || !round.isEvaluator || round.hasScoredAll || !round.hideScoresUntilSubmitted,
};
