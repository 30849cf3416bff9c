import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { ApiError, api, type TSchemas, unwrap } from '../../../lib/api-client.ts';

export type TStrategy = TSchemas['CommsStrategy'];
export type TStrategyBody = TSchemas['UpdateCommsStrategyRequest'];
export type TMediaSession = TSchemas['MediaSession'];
export type TMediaSessionBody = TSchemas['CreateMediaSessionRequest'];
export type TUpdateMediaSessionBody = TSchemas['UpdateMediaSessionRequest'];
export type TMediaContact = TSchemas['MediaContact'];
export type TCreateMediaContactBody = TSchemas['CreateMediaContactRequest'];
export type TUpdateMediaContactBody = TSchemas['UpdateMediaContactRequest'];
export type TMediaList = TSchemas['MediaList'];
export type TPressRelease = TSchemas['PressRelease'];
export type TMediaImportResult = TSchemas['MediaContactImportResult'];
type TImportProblemError = NonNullable<TSchemas['MediaContactImportProblem']['errors']>[number];
export type TPressReleaseStatus = TPressRelease['status'];
export type TLanguage = TPressRelease['language'];
type TInitiativeItem = NonNullable<
  paths['/api/initiatives']['get']['responses'][200]['content']['application/json']
>['items'][number];

export const commsKeys = {
  all: ['communication'] as const,
  strategy: (planId: string) => ['communication', 'strategy', planId] as const,
  sessions: (planId: string) => ['communication', 'sessions', planId] as const,
  releases: (planId: string) => ['communication', 'releases', planId] as const,
  release: (id: string) => ['communication', 'release', id] as const,
  contacts: (missionId: string, listId: string | null, q: string) =>
    ['communication', 'contacts', missionId, listId, q] as const,
  lists: (missionId: string) => ['communication', 'lists', missionId] as const,
  initiatives: (planId: string) => ['communication', 'initiatives', planId] as const,
  people: (missionId: string) => ['communication', 'people', missionId] as const,
};

const invalidate = (queryClient: ReturnType<typeof useQueryClient>) =>
  void queryClient.invalidateQueries({ queryKey: commsKeys.all });

export function useStrategy(planId: string) {
  return useQuery({
    queryKey: commsKeys.strategy(planId),
    queryFn: () =>
      unwrap(api.GET('/api/plans/{planId}/communication-strategy', { params: { path: { planId } } })),
  });
}

export function useSaveStrategy(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TStrategyBody) =>
      unwrap(api.PUT('/api/plans/{planId}/communication-strategy', { params: { path: { planId } }, body })),
    onSuccess: (data) => queryClient.setQueryData(commsKeys.strategy(planId), data),
  });
}

/** Uploads the plan's logo, or a programme's (multipart field `file`). */
export function useUploadLogo(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, programmeId }: { file: File; programmeId?: string }) => {
      const body = new FormData();
      body.append('file', file);
      return unwrap(
        api.PUT('/api/plans/{planId}/communication-strategy/logo', {
          params: { path: { planId }, query: programmeId ? { programmeId } : {} },
          body: body as unknown as { file: string },
          bodySerializer: (value) => value as unknown as FormData,
        }),
      );
    },
    onSuccess: (data) => queryClient.setQueryData(commsKeys.strategy(planId), data),
  });
}

export const logoUrl = (planId: string, uploadedAt: string, programmeId?: string | null) =>
  `/api/plans/${planId}/communication-strategy/logo?v=${encodeURIComponent(uploadedAt)}${programmeId ? `&programmeId=${programmeId}` : ''}`;

export function useMediaSessions(planId: string) {
  return useQuery({
    queryKey: commsKeys.sessions(planId),
    queryFn: () => unwrap(api.GET('/api/plans/{planId}/media-sessions', { params: { path: { planId } } })),
  });
}

export function useCreateMediaSession(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TMediaSessionBody) =>
      unwrap(api.POST('/api/plans/{planId}/media-sessions', { params: { path: { planId } }, body })),
    onSuccess: () => invalidate(queryClient),
  });
}

/** Saves changes to a session at the version shown; a 409 means someone saved since. */
export function useUpdateMediaSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateMediaSessionBody) =>
      unwrap(api.PATCH('/api/media-sessions/{id}', { params: { path: { id } }, body })),
    onSuccess: () => invalidate(queryClient),
  });
}

/** Archives a session (nothing is deleted) at the version shown. */
export function useArchiveMediaSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(api.DELETE('/api/media-sessions/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: () => invalidate(queryClient),
  });
}

/** The plan's initiatives, for choosing one (title order). */
export function usePlanInitiatives(planId: string) {
  return useQuery({
    queryKey: commsKeys.initiatives(planId),
    queryFn: async (): Promise<TInitiativeItem[]> =>
      (
        await unwrap(
          api.GET('/api/initiatives', { params: { query: { planId, limit: 500, sort: 'title' } } }),
        )
      ).items,
  });
}

/** The mission's people, for the testimonial and the attendees. */
export function useMissionPeople(missionId: string) {
  return useQuery({
    queryKey: commsKeys.people(missionId),
    queryFn: async () =>
      (await unwrap(api.GET('/api/people', { params: { query: { missionId, limit: 500 } } }))).items,
  });
}

export function usePressReleases(planId: string) {
  return useQuery({
    queryKey: commsKeys.releases(planId),
    queryFn: async () =>
      (await unwrap(api.GET('/api/press-releases', { params: { query: { planId, limit: 200 } } }))).items,
  });
}

export function usePressRelease(id: string | undefined) {
  return useQuery({
    queryKey: commsKeys.release(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/press-releases/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useCreatePressRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { initiativeId: string; language: TLanguage }) =>
      unwrap(api.POST('/api/press-releases', { body })),
    onSuccess: () => invalidate(queryClient),
  });
}

export function useUpdatePressRelease(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; title?: string; body?: string }) =>
      unwrap(api.PATCH('/api/press-releases/{id}', { params: { path: { id } }, body })),
    onSuccess: (data) => {
      queryClient.setQueryData(commsKeys.release(id), data);
      invalidate(queryClient);
    },
  });
}

export function useChangePressReleaseStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; status: TPressReleaseStatus }) =>
      unwrap(api.POST('/api/press-releases/{id}/status', { params: { path: { id } }, body })),
    onSuccess: (data) => {
      queryClient.setQueryData(commsKeys.release(id), data);
      invalidate(queryClient);
    },
  });
}

export const pressReleaseDocxUrl = (id: string) => `/api/press-releases/${id}/docx`;

export function useMediaContacts(missionId: string, listId: string | null, q: string) {
  return useQuery({
    queryKey: commsKeys.contacts(missionId, listId, q),
    queryFn: () =>
      unwrap(
        api.GET('/api/media-contacts', {
          params: { query: { missionId, limit: 500, ...(listId ? { listId } : {}), ...(q ? { q } : {}) } },
        }),
      ),
  });
}

export function useCreateMediaContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateMediaContactBody) => unwrap(api.POST('/api/media-contacts', { body })),
    onSuccess: () => invalidate(queryClient),
  });
}

/** Saves changes to a contact at the version shown; a 409 means someone saved since. */
export function useUpdateMediaContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateMediaContactBody) =>
      unwrap(api.PATCH('/api/media-contacts/{id}', { params: { path: { id } }, body })),
    onSuccess: () => invalidate(queryClient),
  });
}

/** Archives a contact (nothing is deleted) at the version shown. */
export function useArchiveMediaContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      unwrap(api.DELETE('/api/media-contacts/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: () => invalidate(queryClient),
  });
}

export function useMediaLists(missionId: string) {
  return useQuery({
    queryKey: commsKeys.lists(missionId),
    queryFn: () => unwrap(api.GET('/api/media-lists', { params: { query: { missionId } } })),
  });
}

export function useCreateMediaList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      missionId: string;
      name: string;
      description?: string | null;
      contactIds?: string[];
    }) => unwrap(api.POST('/api/media-lists', { body })),
    onSuccess: () => invalidate(queryClient),
  });
}

export function useUpdateMediaList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; contactIds: string[] }) =>
      unwrap(api.PATCH('/api/media-lists/{id}', { params: { path: { id } }, body })),
    onSuccess: () => invalidate(queryClient),
  });
}

export interface TImportRowError {
  row: number | null;
  column: string;
  message: string;
}

/** Uploads a CSV/XLSX of media contacts; a file with errors comes back with them, nothing imported. */
export function useImportMediaContacts(missionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      file: File,
    ): Promise<{ result: TMediaImportResult; errors: [] } | { result: null; errors: TImportRowError[] }> => {
      const body = new FormData();
      body.append('file', file);
      try {
        const result = await unwrap(
          api.POST('/api/missions/{id}/media-contacts/import', {
            params: { path: { id: missionId } },
            body: body as unknown as { file: string },
            bodySerializer: (value) => value as unknown as FormData,
          }),
        );
        return { result, errors: [] };
      } catch (error) {
        if (error instanceof ApiError && error.status === 400 && error.fieldErrors.length) {
          return {
            result: null,
            errors: (error.fieldErrors as TImportProblemError[]).map((e) => ({
              row: e.row ?? null,
              column: e.column ?? e.field,
              message: e.message,
            })),
          };
        }
        throw error;
      }
    },
    onSuccess: (outcome) => {
      if (outcome.result) invalidate(queryClient);
    },
  });
}
