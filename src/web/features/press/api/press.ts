import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { ApiError, api, unwrap } from '../../../lib/api-client.ts';
import { useMe } from '../../auth/index.ts';

type TJson<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type TMediaItem = TJson<paths['/api/press/items/{id}']['get']['responses'][200]>;
export type TMediaListItem = TJson<paths['/api/press/items']['get']['responses'][200]>['items'][number];
export type TMediaListQuery = NonNullable<paths['/api/press/items']['get']['parameters']['query']>;
export type TIngestBody = NonNullable<
  paths['/api/press/items']['post']['requestBody']
>['content']['application/json'];
export type TIngestResult = TJson<paths['/api/press/items']['post']['responses'][201]>;
export type TCoverage = TJson<paths['/api/press/coverage']['get']['responses'][200]>;
export type TCoverageQuery = paths['/api/press/coverage']['get']['parameters']['query'];
export type TUpdateMediaBody = NonNullable<
  paths['/api/press/items/{id}']['patch']['requestBody']
>['content']['application/json'];

export const pressKeys = {
  all: ['press'] as const,
  list: (query: TMediaListQuery) => ['press', 'list', query] as const,
  detail: (id: string) => ['press', 'detail', id] as const,
  review: (initiativeId: string) => ['press', 'review', initiativeId] as const,
  coverage: (query: TCoverageQuery) => ['press', 'coverage', query] as const,
};

/** True when the signed-in person may add clippings and decide links in the mission. */
export function useCanEditPress(missionId: string | null | undefined): boolean {
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  return role === 'admin' || role === 'head_of_mission' || role === 'officer';
}

export function useMediaItems(query: TMediaListQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: pressKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/press/items', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function useMediaItem(id: string | undefined) {
  return useQuery({
    queryKey: pressKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/press/items/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function usePressReview(initiativeId: string | undefined) {
  return useQuery({
    queryKey: pressKeys.review(initiativeId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/initiatives/{id}/press-review', { params: { path: { id: initiativeId! } } })),
    enabled: !!initiativeId,
  });
}

export function useCoverage(query: TCoverageQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: pressKeys.coverage(query),
    queryFn: () => unwrap(api.GET('/api/press/coverage', { params: { query } })),
    enabled: options.enabled ?? true,
  });
}

/** Adds a clipping from a URL or pasted text. */
export function useIngest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TIngestBody) => unwrap(api.POST('/api/press/items', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pressKeys.all }),
  });
}

/** Adds a clipping from an uploaded .html or .txt file. */
export function useUpload() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ missionId, file }: { missionId: string; file: File }): Promise<TIngestResult> => {
      const form = new FormData();
      form.append('missionId', missionId);
      form.append('file', file);
      const response = await fetch('/api/press/items/upload', {
        method: 'POST',
        body: form,
        credentials: 'same-origin',
      });
      const body = await response.json().catch(() => undefined);
      if (!response.ok) throw new ApiError(response.status, body);
      return body as TIngestResult;
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: pressKeys.all }),
  });
}

export function useUpdateMediaItem(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateMediaBody) =>
      unwrap(api.PATCH('/api/press/items/{id}', { params: { path: { id } }, body })),
    onSuccess: (item) => {
      queryClient.setQueryData(pressKeys.detail(id), item);
      void queryClient.invalidateQueries({ queryKey: pressKeys.all });
    },
  });
}

export function useDecideLink(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ initiativeId, status }: { initiativeId: string; status: 'confirmed' | 'rejected' }) =>
      unwrap(
        api.PUT('/api/press/items/{id}/links/{initiativeId}', {
          params: { path: { id, initiativeId } },
          body: { status },
        }),
      ),
    onSuccess: (item) => {
      queryClient.setQueryData(pressKeys.detail(id), item);
      void queryClient.invalidateQueries({ queryKey: pressKeys.all });
    },
  });
}

export type TFeed = TJson<paths['/api/press/feeds']['get']['responses'][200]>['items'][number];

export function useFeeds(missionId: string) {
  return useQuery({
    queryKey: ['press', 'feeds', missionId],
    queryFn: () => unwrap(api.GET('/api/press/feeds', { params: { query: { missionId } } })),
  });
}

export function useFeedActions() {
  const queryClient = useQueryClient();
  const onSuccess = () => void queryClient.invalidateQueries({ queryKey: pressKeys.all });
  return {
    create: useMutation({
      mutationFn: (body: { missionId: string; url: string }) =>
        unwrap(api.POST('/api/press/feeds', { body })),
      onSuccess,
    }),
    poll: useMutation({
      mutationFn: (id: string) =>
        unwrap(api.POST('/api/press/feeds/{id}/poll', { params: { path: { id } } })),
      onSuccess,
    }),
    stop: useMutation({
      mutationFn: (id: string) => unwrap(api.DELETE('/api/press/feeds/{id}', { params: { path: { id } } })),
      onSuccess,
    }),
  };
}
