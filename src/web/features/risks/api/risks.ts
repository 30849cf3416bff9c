import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, unwrap } from '../../../lib/api-client.ts';
import { useMe } from '../../auth/index.ts';

type TJson<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type TBody<T> = T extends { requestBody?: { content: { 'application/json': infer J } } } ? J : never;

export type TRisk = TJson<paths['/api/risks']['get']['responses'][200]>['items'][number];
export type TRiskDetail = TJson<paths['/api/risks/{id}']['get']['responses'][200]>;
export type TRiskSettings = TJson<paths['/api/plans/{id}/risk-settings']['get']['responses'][200]>;
export type TAlarmVariable = TRiskDetail['alarmVariables'][number];
export type TAlert = TJson<paths['/api/alerts']['get']['responses'][200]>['items'][number];
export type TTask = TJson<paths['/api/tasks']['get']['responses'][200]>['items'][number];
export type TCreateRiskBody = TBody<paths['/api/risks']['post']>;
export type TUpdateRiskBody = TBody<paths['/api/risks/{id}']['patch']>;
export type TCreateAlarmVariableBody = TBody<paths['/api/risks/{id}/alarm-variables']['post']>;
export type TUpdateAlarmVariableBody = TBody<paths['/api/alarm-variables/{id}']['patch']>;
export type TRiskSettingsBody = TBody<paths['/api/plans/{id}/risk-settings']['put']>;
export type TObservationBody = TBody<paths['/api/alarm-variables/{id}/observations']['post']>;

export const riskKeys = {
  all: ['risks'] as const,
  list: (planId: string) => ['risks', 'list', planId] as const,
  detail: (id: string) => ['risks', 'detail', id] as const,
  settings: (planId: string) => ['risks', 'settings', planId] as const,
  alerts: (planId: string) => ['risks', 'alerts', planId] as const,
  tasks: (planId: string) => ['risks', 'tasks', planId] as const,
  initiativeAlerts: (initiativeId: string) => ['risks', 'initiative-alerts', initiativeId] as const,
};

/** True when the signed-in person may change the register in the mission (writer roles). */
export function useCanWriteRisks(missionId: string | undefined): boolean {
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  return role === 'admin' || role === 'head_of_mission' || role === 'officer';
}

export function useRisks(planId: string) {
  return useQuery({
    queryKey: riskKeys.list(planId),
    queryFn: () => unwrap(api.GET('/api/risks', { params: { query: { planId } } })),
  });
}

export function useRisk(id: string | undefined) {
  return useQuery({
    queryKey: riskKeys.detail(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/risks/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useRiskSettings(planId: string | undefined) {
  return useQuery({
    queryKey: riskKeys.settings(planId ?? ''),
    queryFn: () => unwrap(api.GET('/api/plans/{id}/risk-settings', { params: { path: { id: planId! } } })),
    enabled: !!planId,
  });
}

export function useAlerts(planId: string) {
  return useQuery({
    queryKey: riskKeys.alerts(planId),
    queryFn: () => unwrap(api.GET('/api/alerts', { params: { query: { planId, status: 'open' } } })),
  });
}

export function useOpenTasks(planId: string) {
  return useQuery({
    queryKey: riskKeys.tasks(planId),
    queryFn: () => unwrap(api.GET('/api/tasks', { params: { query: { planId, status: 'open' } } })),
  });
}

export function useInitiativeAlerts(initiativeId: string | undefined) {
  return useQuery({
    queryKey: riskKeys.initiativeAlerts(initiativeId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/initiatives/{id}/alerts', { params: { path: { id: initiativeId! } } })),
    enabled: !!initiativeId,
  });
}

function useInvalidateRisks() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: riskKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['initiatives'] });
  };
}

export function useCreateRisk() {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (body: TCreateRiskBody) => unwrap(api.POST('/api/risks', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateRisk(id: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (body: TUpdateRiskBody) =>
      unwrap(api.PATCH('/api/risks/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useCreateAlarmVariable(riskId: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (body: TCreateAlarmVariableBody) =>
      unwrap(api.POST('/api/risks/{id}/alarm-variables', { params: { path: { id: riskId } }, body })),
    onSuccess: invalidate,
  });
}

/** Saves changes at the version shown; a 409 means someone saved since. */
export function useUpdateAlarmVariable(id: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (body: TUpdateAlarmVariableBody) =>
      unwrap(api.PATCH('/api/alarm-variables/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

/** Archives a variable (its observations and alerts are kept) at the version shown. */
export function useArchiveAlarmVariable(id: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(api.DELETE('/api/alarm-variables/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: invalidate,
  });
}

export function useRecordObservation(variableId: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (body: TObservationBody) =>
      unwrap(
        api.POST('/api/alarm-variables/{id}/observations', { params: { path: { id: variableId } }, body }),
      ),
    onSuccess: invalidate,
  });
}

export function useImportObservations(variableId: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (csv: string) =>
      unwrap(
        api.POST('/api/alarm-variables/{id}/observations/import', {
          params: { path: { id: variableId } },
          body: { csv },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useResolveAlert(alertId: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (note: string) =>
      unwrap(api.POST('/api/alerts/{id}/resolve', { params: { path: { id: alertId } }, body: { note } })),
    onSuccess: invalidate,
  });
}

export function useCompleteTask() {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (task: { id: string; version: number }) =>
      unwrap(
        api.PATCH('/api/tasks/{id}', {
          params: { path: { id: task.id } },
          body: { status: 'done', version: task.version },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useUpdateRiskSettings(planId: string) {
  const invalidate = useInvalidateRisks();
  return useMutation({
    mutationFn: (body: TRiskSettingsBody) =>
      unwrap(api.PUT('/api/plans/{id}/risk-settings', { params: { path: { id: planId } }, body })),
    onSuccess: invalidate,
  });
}

/** True when the signed-in person may edit the plan's risk areas and matrix (head of mission, admin). */
export function useCanEditRiskSettings(missionId: string | undefined): boolean {
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  return role === 'admin' || role === 'head_of_mission';
}
