import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { useOrganisation } from '../../features/organisations/api/organisations.ts';
import { OrganisationPage } from '../../features/organisations/components/organisation-page.tsx';

/** `/organisations/:organisationId` */
export function OrganisationRoute() {
  const { t } = useTranslation();
  const { organisationId } = useParams();
  const organisation = useOrganisation(organisationId);
  if (organisation.isPending || organisation.isError)
    return <QueryState query={organisation} notFound={t('organisations.notFound')} />;
  return <OrganisationPage organisation={organisation.data} />;
}
