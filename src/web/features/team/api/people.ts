import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, type TSchemas, unwrap } from '../../../lib/api-client.ts';

export type TPerson = TSchemas['Person'];
export type TPersonDetail = TSchemas['PersonDetail'];
export type TPersonListQuery = NonNullable<paths['/api/people']['get']['parameters']['query']>;

/** A page of the mission's people (team members and media contacts). */
export function usePeople(query: TPersonListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['people', 'list', query],
    queryFn: () => unwrap(api.GET('/api/people', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** A person with the initiatives they own or are delegated. */
export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/people/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}
