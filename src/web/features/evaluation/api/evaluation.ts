import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, unwrap } from '../../../lib/api-client.ts';

type TJson<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type TPlanEvaluation = TJson<paths['/api/plans/{id}/evaluation']['get']['responses'][200]>;
export type TEvaluationBody = NonNullable<
  paths['/api/plans/{id}/evaluation']['put']['requestBody']
>['content']['application/json'];
export type TLogframe = TJson<paths['/api/plans/{id}/logframe']['get']['responses'][200]>;
export type TLogframeBody = NonNullable<
  paths['/api/plans/{id}/logframe']['put']['requestBody']
>['content']['application/json'];

export const evaluationKeys = {
  evaluation: (planId: string) => ['evaluation', planId] as const,
  logframe: (planId: string) => ['logframe', planId] as const,
};

export function useEvaluation(planId: string) {
  return useQuery({
    queryKey: evaluationKeys.evaluation(planId),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/evaluation', { params: { path: { id: planId } } })),
  });
}

export function useSaveEvaluation(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TEvaluationBody) =>
      unwrap(api.PUT('/api/plans/{id}/evaluation', { params: { path: { id: planId } }, body })),
    onSuccess: (data) => queryClient.setQueryData(evaluationKeys.evaluation(planId), data),
  });
}

export function useLogframe(planId: string) {
  return useQuery({
    queryKey: evaluationKeys.logframe(planId),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/logframe', { params: { path: { id: planId } } })),
  });
}

export function useSaveLogframe(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLogframeBody) =>
      unwrap(api.PUT('/api/plans/{id}/logframe', { params: { path: { id: planId } }, body })),
    onSuccess: (data) => queryClient.setQueryData(evaluationKeys.logframe(planId), data),
  });
}
