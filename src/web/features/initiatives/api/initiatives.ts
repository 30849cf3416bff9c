import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, unwrap } from '../../../lib/api-client.ts';

export type TInitiative =
  paths['/api/initiatives/{id}']['get']['responses'][200]['content']['application/json'];
export type TInitiativeListQuery = NonNullable<paths['/api/initiatives']['get']['parameters']['query']>;
export type TCreateInitiativeBody = NonNullable<
  paths['/api/initiatives']['post']['requestBody']
>['content']['application/json'];
export type TUpdateInitiativeBody = NonNullable<
  paths['/api/initiatives/{id}']['patch']['requestBody']
>['content']['application/json'];

export const initiativeKeys = {
  all: ['initiatives'] as const,
  list: (query: TInitiativeListQuery) => ['initiatives', 'list', query] as const,
  detail: (id: string) => ['initiatives', 'detail', id] as const,
};

/** A filtered, sorted page of initiatives; the previous page stays visible while the next loads. */
export function useInitiatives(query: TInitiativeListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: initiativeKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/initiatives', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useInitiative(id: string | undefined) {
  return useQuery({
    queryKey: initiativeKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/initiatives/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useCreateInitiative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateInitiativeBody) => unwrap(api.POST('/api/initiatives', { body })),
    onSuccess: (initiative) => {
      queryClient.setQueryData(initiativeKeys.detail(initiative.id), initiative);
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}

/** Archives (soft-deletes) an initiative at the version shown; a 409 means someone saved since. */
export function useArchiveInitiative(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(api.DELETE('/api/initiatives/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: initiativeKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: initiativeKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}

/** Saves changes; a 409 (someone saved first) changes nothing and is left to the caller to show. */
export function useUpdateInitiative(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateInitiativeBody) =>
      unwrap(api.PATCH('/api/initiatives/{id}', { params: { path: { id } }, body })),
    onSuccess: (initiative) => {
      queryClient.setQueryData(initiativeKeys.detail(id), initiative);
      // A new date, owner or status reaches other modules (communication steps rescheduled, the
      // agenda, results, risks): everything else cached is stale now.
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey.join('/') !== initiativeKeys.detail(id).join('/'),
      });
    },
  });
}
