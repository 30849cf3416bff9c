import { useQuery } from '@tanstack/react-query';
import { api, type TSchemas, unwrap } from '../../../lib/api-client.ts';

export type TPlan = TSchemas['Plan'];
export type TPlanSummary = TSchemas['PlanSummary'];

export const planKeys = {
  all: ['plans'] as const,
  list: (missionId: string | null) => ['plans', 'list', missionId] as const,
  detail: (planId: string) => ['plans', 'detail', planId] as const,
};

/** The plans of a mission (all visible plans when `missionId` is null). */
export function usePlans(missionId: string | null) {
  return useQuery({
    queryKey: planKeys.list(missionId),
    queryFn: () =>
      unwrap(api.GET('/api/plans', { params: { query: missionId ? { missionId } : {} } })).then(
        (page) => page.items,
      ),
  });
}

/** A plan with its objectives, phases and structure (focus areas, vectors, programmes). */
export function usePlan(planId: string | undefined) {
  return useQuery({
    queryKey: planKeys.detail(planId ?? ''),
    queryFn: () => unwrap(api.GET('/api/plans/{id}', { params: { path: { id: planId! } } })),
    enabled: !!planId,
  });
}
