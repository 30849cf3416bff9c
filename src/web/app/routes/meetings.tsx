import { useParams } from 'react-router';
import { MeetingsPage } from '../../features/monitoring/components/meetings-page.tsx';

/** `/plans/:planId/meetings`: the plan's weekly staff meetings. */
export function MeetingsRoute() {
  const { planId } = useParams();
  return <MeetingsPage key={planId} planId={planId!} />;
}
