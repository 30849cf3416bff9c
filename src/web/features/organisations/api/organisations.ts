import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, type TSchemas, unwrap } from '../../../lib/api-client.ts';

export type TOrganisation = TSchemas['Organisation'];
export type TOrganisationDetail = TSchemas['OrganisationDetail'];
export type TOrganisationListQuery = NonNullable<paths['/api/organisations']['get']['parameters']['query']>;

/** A page of the mission's organisations. */
export function useOrganisations(query: TOrganisationListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['organisations', 'list', query],
    queryFn: () => unwrap(api.GET('/api/organisations', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** An organisation with the initiatives it takes part in. */
export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: ['organisations', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/organisations/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}
