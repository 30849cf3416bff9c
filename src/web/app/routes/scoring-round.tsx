import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useRound } from '../../features/proposals/api/proposals.ts';
import { RoundPage } from '../../features/proposals/components/round-page.tsx';

/** `/scoring-rounds/:roundId`: the round, the caller's scoring form and the results. */
export function ScoringRoundRoute() {
  const { roundId } = useParams();
  const round = useRound(roundId);
  if (round.isPending || round.isError) return <QueryState query={round} />;
  return <RoundPage round={round.data} />;
}
