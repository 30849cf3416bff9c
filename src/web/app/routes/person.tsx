import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { usePerson } from '../../features/team/api/people.ts';
import { PersonPage } from '../../features/team/components/person-page.tsx';

/** `/team/:personId` */
export function PersonRoute() {
  const { t } = useTranslation();
  const { personId } = useParams();
  const person = usePerson(personId);
  if (person.isPending || person.isError) return <QueryState query={person} notFound={t('team.notFound')} />;
  return <PersonPage person={person.data} />;
}
