import { useParams } from 'react-router';
import { PlanLessonsPage } from '../../features/monitoring/components/lessons.tsx';

/** `/plans/:planId/lessons`: the plan's lessons learned. */
export function LessonsRoute() {
  const { planId } = useParams();
  return <PlanLessonsPage key={planId} planId={planId!} />;
}
