import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, type TSchemas, unwrap } from '../../../lib/api-client.ts';
import { useMe } from '../../auth/index.ts';

export type TResultsSummary = TSchemas['ResultsSummary'];
export type TIndicator = TSchemas['Indicator'];
export type TIndicatorDetail = TSchemas['IndicatorDetail'];
export type TDerivedIndicator = TSchemas['DerivedIndicator'];
export type TInitiativeResults = TSchemas['InitiativeResults'];
export type TSocialAccount = TSchemas['SocialAccount'];
export type TChange = NonNullable<TDerivedIndicator['change']>;
export type TIndicatorValueBody = NonNullable<
  paths['/api/indicators/{id}/values']['post']['requestBody']
>['content']['application/json'];
export type TInitiativeResultsBody = NonNullable<
  paths['/api/initiatives/{id}/results']['put']['requestBody']
>['content']['application/json'];

export const resultsKeys = {
  all: ['results'] as const,
  summary: (planId: string) => ['results', 'summary', planId] as const,
  indicator: (id: string) => ['results', 'indicator', id] as const,
  initiative: (id: string) => ['results', 'initiative', id] as const,
};

/** True when the signed-in person records results in the mission (admin, head of mission, officer). */
export function useCanRecordResults(missionId: string | undefined): boolean {
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  return role === 'admin' || role === 'head_of_mission' || role === 'officer';
}

/**
 * True when the signed-in person may record an initiative's results: writers, and collaborators
 * (who see only the initiatives assigned to them).
 */
export function useCanEditInitiativeResults(missionId: string | undefined): boolean {
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  return role !== undefined && role !== 'viewer';
}

/** Indicators, derived indicators, social metrics and initiative results of a plan. */
export function useResultsSummary(planId: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.summary(planId ?? ''),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/results-summary', { params: { path: { id: planId! } } })),
    enabled: !!planId,
  });
}

export function useIndicator(id: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.indicator(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/indicators/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** Records an actual value; the indicator and the plan's summary are fetched again. */
export function useAddIndicatorValue(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TIndicatorValueBody) =>
      unwrap(api.POST('/api/indicators/{id}/values', { params: { path: { id } }, body })),
    onSuccess: (detail) => {
      queryClient.setQueryData(resultsKeys.indicator(id), detail);
      return queryClient.invalidateQueries({ queryKey: resultsKeys.summary(detail.planId) });
    },
  });
}

export function useInitiativeResults(initiativeId: string | undefined) {
  return useQuery({
    queryKey: resultsKeys.initiative(initiativeId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/initiatives/{id}/results', { params: { path: { id: initiativeId! } } })),
    enabled: !!initiativeId,
  });
}

export function useSaveInitiativeResults(initiativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TInitiativeResultsBody) =>
      unwrap(api.PUT('/api/initiatives/{id}/results', { params: { path: { id: initiativeId } }, body })),
    onSuccess: (results) => {
      queryClient.setQueryData(resultsKeys.initiative(initiativeId), results);
      return queryClient.invalidateQueries({ queryKey: ['results', 'summary'] });
    },
  });
}

export type TCreateIndicatorBody = NonNullable<
  paths['/api/indicators']['post']['requestBody']
>['content']['application/json'];
export type TUpdateIndicatorBody = NonNullable<
  paths['/api/indicators/{id}']['patch']['requestBody']
>['content']['application/json'];
export type TSnapshotBody = NonNullable<
  paths['/api/social-accounts/{id}/snapshots']['put']['requestBody']
>['content']['application/json'];

/** Creates an indicator; the plan's summary is fetched again. */
export function useCreateIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateIndicatorBody) => unwrap(api.POST('/api/indicators', { body })),
    onSuccess: (indicator) =>
      queryClient.invalidateQueries({ queryKey: resultsKeys.summary(indicator.planId) }),
  });
}

/** Edits an indicator (with the version read: 409 when someone saved it meanwhile). */
export function useUpdateIndicator(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateIndicatorBody) =>
      unwrap(api.PATCH('/api/indicators/{id}', { params: { path: { id } }, body })),
    onSuccess: (indicator) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: resultsKeys.indicator(id) }),
        queryClient.invalidateQueries({ queryKey: resultsKeys.summary(indicator.planId) }),
      ]),
  });
}

/** Adds a social account to a mission. */
export function useCreateSocialAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { missionId: string; platform: TSocialAccount['platform']; handle: string }) =>
      unwrap(api.POST('/api/social-accounts', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['results', 'summary'] }),
  });
}

/** Saves one month of an account's figures (saving a month again replaces it). */
export function useSaveSnapshot(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSnapshotBody) =>
      unwrap(api.PUT('/api/social-accounts/{id}/snapshots', { params: { path: { id: accountId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['results', 'summary'] }),
  });
}

/** Imports a platform's CSV export into an account: all rows or none. */
export function useImportSocialCsv(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: 'snapshots' | 'posts'; csv: string }) =>
      unwrap(api.POST('/api/social-accounts/{id}/import', { params: { path: { id: accountId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['results', 'summary'] }),
  });
}
