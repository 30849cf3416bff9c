import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useMeeting } from '../../features/monitoring/api/monitoring.ts';
import { MeetingPage } from '../../features/monitoring/components/meeting-page.tsx';

/** `/meetings/:meetingId`: agenda and minutes of one staff meeting. */
export function MeetingRoute() {
  const { t } = useTranslation();
  const { meetingId } = useParams();
  const meeting = useMeeting(meetingId);
  if (meeting.isPending || meeting.isError)
    return <QueryState query={meeting} notFound={t('monitoring.meetings.notFound')} />;
  return <MeetingPage meeting={meeting.data} />;
}
