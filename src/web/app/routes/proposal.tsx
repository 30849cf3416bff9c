import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useProposal } from '../../features/proposals/api/proposals.ts';
import { ProposalPage } from '../../features/proposals/components/proposal-page.tsx';

/** `/proposals/:proposalId`: one proposal and its decisions. */
export function ProposalRoute() {
  const { proposalId } = useParams();
  const proposal = useProposal(proposalId);
  if (proposal.isPending || proposal.isError) return <QueryState query={proposal} />;
  return <ProposalPage proposal={proposal.data} />;
}
