import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, unwrap } from '../../../lib/api-client.ts';
import { useMe } from '../../auth/index.ts';

type TJson<T> = T extends { content: { 'application/json': infer J } } ? J : never;

export type TProposal = TJson<paths['/api/proposals/{id}']['get']['responses'][200]>;
export type TProposalListItem = TJson<paths['/api/proposals']['get']['responses'][200]>['items'][number];
export type TCreateProposalBody = NonNullable<
  paths['/api/proposals']['post']['requestBody']
>['content']['application/json'];
export type TUpdateProposalBody = NonNullable<
  paths['/api/proposals/{id}']['patch']['requestBody']
>['content']['application/json'];
export type TDecisionBody = NonNullable<
  paths['/api/proposals/{id}/decisions']['post']['requestBody']
>['content']['application/json'];
export type TPlanBalance = TJson<paths['/api/plans/{id}/balance']['get']['responses'][200]>;
export type TSelectionSettings = TJson<paths['/api/plans/{id}/selection-settings']['get']['responses'][200]>;
export type TUpdateSelectionSettingsBody = NonNullable<
  paths['/api/plans/{id}/selection-settings']['put']['requestBody']
>['content']['application/json'];
export type TRoundSummary = TJson<paths['/api/scoring-rounds']['get']['responses'][200]>['items'][number];
export type TRound = TJson<paths['/api/scoring-rounds/{id}']['get']['responses'][200]>;
export type TRoundResults = TJson<paths['/api/scoring-rounds/{id}/results']['get']['responses'][200]>;
export type TOpenRoundBody = NonNullable<
  paths['/api/scoring-rounds']['post']['requestBody']
>['content']['application/json'];
export type TScoreBody = NonNullable<
  paths['/api/scoring-rounds/{id}/scores/{proposalId}']['put']['requestBody']
>['content']['application/json'];
export type TBalance = TJson<paths['/api/plans/{id}/balance']['get']['responses'][200]>;

export const proposalKeys = {
  all: ['proposals'] as const,
  list: (planId: string) => ['proposals', 'list', planId] as const,
  detail: (id: string) => ['proposals', 'detail', id] as const,
  rounds: (planId: string) => ['proposals', 'rounds', planId] as const,
  round: (id: string) => ['proposals', 'round', id] as const,
  results: (id: string) => ['proposals', 'results', id] as const,
  balance: (planId: string) => ['proposals', 'balance', planId] as const,
  settings: (planId: string) => ['proposals', 'settings', planId] as const,
};

/** True when the signed-in person may decide and open rounds in the mission (head of mission or admin). */
export function useCanDecide(missionId: string | undefined): boolean {
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  return role === 'admin' || role === 'head_of_mission';
}

export function useProposals(planId: string) {
  return useQuery({
    queryKey: proposalKeys.list(planId),
    queryFn: () => unwrap(api.GET('/api/proposals', { params: { query: { planId, limit: 200 } } })),
  });
}

export function useProposal(id: string | undefined) {
  return useQuery({
    queryKey: proposalKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/proposals/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useCreateProposal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateProposalBody) => unwrap(api.POST('/api/proposals', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
  });
}

/** The author's changes to a proposal (until a scoring round includes it). */
export function useUpdateProposal(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateProposalBody) =>
      unwrap(api.PATCH('/api/proposals/{id}', { params: { path: { id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
  });
}

export function useDecide(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TDecisionBody) =>
      unwrap(api.POST('/api/proposals/{id}/decisions', { params: { path: { id } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['initiatives'] });
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}

export function useRounds(planId: string) {
  return useQuery({
    queryKey: proposalKeys.rounds(planId),
    queryFn: () => unwrap(api.GET('/api/scoring-rounds', { params: { query: { planId } } })),
  });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: proposalKeys.round(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/scoring-rounds/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useRoundResults(id: string | undefined) {
  return useQuery({
    queryKey: proposalKeys.results(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/scoring-rounds/{id}/results', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useOpenRound() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TOpenRoundBody) => unwrap(api.POST('/api/scoring-rounds', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
  });
}

export function useCloseRound(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(api.POST('/api/scoring-rounds/{id}/close', { params: { path: { id } }, body: { version } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: proposalKeys.all }),
  });
}

export function useSaveScore(roundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ proposalId, body }: { proposalId: string; body: TScoreBody }) =>
      unwrap(
        api.PUT('/api/scoring-rounds/{id}/scores/{proposalId}', {
          params: { path: { id: roundId, proposalId } },
          body,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.round(roundId) });
      void queryClient.invalidateQueries({ queryKey: proposalKeys.results(roundId) });
      void queryClient.invalidateQueries({ queryKey: ['proposals', 'rounds'] });
    },
  });
}

export function useBalance(planId: string) {
  return useQuery({
    queryKey: proposalKeys.balance(planId),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/balance', { params: { path: { id: planId } } })),
  });
}

export function useMissionMembers(missionId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['missions', missionId, 'members'],
    queryFn: () => unwrap(api.GET('/api/missions/{id}/members', { params: { path: { id: missionId! } } })),
    enabled: !!missionId && enabled,
  });
}

/** The plan's criterion weights, candidate rule and anchoring guard. */
export function useSelectionSettings(planId: string) {
  return useQuery({
    queryKey: proposalKeys.settings(planId),
    queryFn: () =>
      unwrap(api.GET('/api/plans/{id}/selection-settings', { params: { path: { id: planId } } })),
  });
}

/** Saves the selection settings; results and the balance are recomputed with them. */
export function useUpdateSelectionSettings(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateSelectionSettingsBody) =>
      unwrap(api.PUT('/api/plans/{id}/selection-settings', { params: { path: { id: planId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}
