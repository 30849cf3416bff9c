import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, unwrap } from '../../../lib/api-client.ts';
import { useMe } from '../../auth/index.ts';

type TJson<T> = T extends { content: { 'application/json': infer J } } ? J : never;

/** A press clipping, as the press review serves it: a fact can be drawn from one. */
export type TClipping = TJson<paths['/api/press/items/{id}']['get']['responses'][200]>;

/** Whether the user may write the mission's bilateral facts (the same roles as the press review). */
export function useCanEditBilateral(missionId: string | null | undefined): boolean {
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  return role === 'admin' || role === 'head_of_mission' || role === 'officer';
}

export type TBilateralFact = TJson<paths['/api/bilateral-facts/{id}']['get']['responses'][200]>;
export type TBilateralQuery = NonNullable<paths['/api/bilateral-facts']['get']['parameters']['query']>;
export type TCreateFactBody = NonNullable<
  paths['/api/bilateral-facts']['post']['requestBody']
>['content']['application/json'];
export type TUpdateFactBody = NonNullable<
  paths['/api/bilateral-facts/{id}']['patch']['requestBody']
>['content']['application/json'];
export type TFromClippingBody = NonNullable<
  paths['/api/press/items/{id}/bilateral-facts']['post']['requestBody']
>['content']['application/json'];

export const bilateralKeys = {
  all: ['bilateral'] as const,
  list: (query: TBilateralQuery) => ['bilateral', 'list', query] as const,
};

export function useBilateralFacts(query: TBilateralQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: bilateralKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/bilateral-facts', { params: { query } })),
    enabled: options.enabled ?? true,
  });
}

export function useCreateFact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateFactBody) => unwrap(api.POST('/api/bilateral-facts', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: bilateralKeys.all }),
  });
}

export function useUpdateFact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateFactBody }) =>
      unwrap(api.PATCH('/api/bilateral-facts/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: bilateralKeys.all }),
  });
}

export function useCreateFactFromClipping(mediaItemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TFromClippingBody) =>
      unwrap(
        api.POST('/api/press/items/{id}/bilateral-facts', { params: { path: { id: mediaItemId } }, body }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: bilateralKeys.all }),
  });
}
