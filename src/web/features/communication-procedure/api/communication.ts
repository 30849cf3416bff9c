import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, unwrap } from '../../../lib/api-client.ts';

type TJson<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type TStep = TJson<paths['/api/communication-steps']['get']['responses'][200]>['items'][number];
export type TStepQuery = NonNullable<paths['/api/communication-steps']['get']['parameters']['query']>;
export type TUpdateStepBody = NonNullable<
  paths['/api/communication-steps/{id}']['patch']['requestBody']
>['content']['application/json'];
export type TTemplate = TJson<paths['/api/plans/{id}/communication-template']['get']['responses'][200]>;
export type TUpdateTemplateBody = NonNullable<
  paths['/api/plans/{id}/communication-template']['put']['requestBody']
>['content']['application/json'];
export type TFeed = TJson<paths['/api/calendar-feeds']['get']['responses'][200]>[number];

export const communicationKeys = {
  all: ['communication'] as const,
  steps: (query: Partial<TStepQuery>) => ['communication', 'steps', query] as const,
  template: (planId: string) => ['communication', 'template', planId] as const,
  feeds: (planId: string) => ['communication', 'feeds', planId] as const,
};

export function useSteps(query: Partial<TStepQuery>, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: communicationKeys.steps(query),
    queryFn: () =>
      unwrap(
        api.GET('/api/communication-steps', { params: { query: { limit: 500, ...query } as TStepQuery } }),
      ),
    enabled: options.enabled ?? true,
  });
}

export function useUpdateStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateStepBody }) =>
      unwrap(api.PATCH('/api/communication-steps/{id}', { params: { path: { id } }, body })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: communicationKeys.all }),
  });
}

export function useUploadEvidence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const body = new FormData();
      body.append('file', file);
      return unwrap(
        api.POST('/api/communication-steps/{id}/evidence', {
          params: { path: { id } },
          // openapi-fetch sends FormData as it is; the schema types the file as a string.
          body: body as unknown as { file: string },
          bodySerializer: (value) => value as unknown as FormData,
        }),
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: communicationKeys.all }),
  });
}

/** The address of a step's evidence file (the session authenticates it). */
export const evidenceFileUrl = (stepId: string) => `/api/communication-steps/${stepId}/evidence`;

export function useScheduleInitiative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/initiatives/{id}/communication-steps/schedule', { params: { path: { id } } })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: communicationKeys.all }),
  });
}

export function useTemplate(planId: string) {
  return useQuery({
    queryKey: communicationKeys.template(planId),
    queryFn: () =>
      unwrap(api.GET('/api/plans/{id}/communication-template', { params: { path: { id: planId } } })),
  });
}

export function useUpdateTemplate(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateTemplateBody) =>
      unwrap(api.PUT('/api/plans/{id}/communication-template', { params: { path: { id: planId } }, body })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: communicationKeys.all }),
  });
}

export function useFeeds(planId: string) {
  return useQuery({
    queryKey: communicationKeys.feeds(planId),
    queryFn: () => unwrap(api.GET('/api/calendar-feeds', { params: { query: { planId } } })),
  });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { planId: string; scope: 'person' | 'plan' }) =>
      unwrap(api.POST('/api/calendar-feeds', { body })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['communication', 'feeds'] }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/calendar-feeds/{id}', { params: { path: { id } } })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['communication', 'feeds'] }),
  });
}

/** The address of the plan's calendar download (the signed-in session authenticates it). */
export const calendarDownloadUrl = (planId: string, personId?: string) =>
  `/api/plans/${planId}/communication-calendar.ics${personId ? `?personId=${personId}` : ''}`;
