import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type TSchemas, unwrap } from '../../../lib/api-client.ts';

export type TMe = TSchemas['Me'];
export const meQueryKey = ['auth', 'me'] as const;

/** The signed-in user, or null when signed out (401). */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<TMe | null> => {
      try {
        return await unwrap(api.GET('/api/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      unwrap(api.POST('/api/auth/sign-in', { body })),
    onSuccess: (me) => {
      // Keep the `me` query itself (the page observes it); forget everything of the previous session.
      queryClient.setQueryData(meQueryKey, me);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/auth/sign-out')),
    onSettled: () => {
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    },
  });
}

/** Sets the signed-in user's password (the current one is needed when there is one). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: TSchemas['ChangePasswordRequest']) => unwrap(api.POST('/api/auth/password', { body })),
  });
}

/** The security events of the signed-in person's account (memberships, invitations, links). */
export function useSecurityEvents() {
  return useQuery({
    queryKey: ['auth', 'events'],
    queryFn: () => unwrap(api.GET('/api/auth/me/events')).then((page) => page.items),
  });
}

/** Accepts (a new session) or declines an invitation to a mission. */
export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ missionId, accept }: { missionId: string; accept: boolean }) => {
      const params = { params: { path: { missionId } } };
      if (accept) await unwrap(api.POST('/api/auth/invitations/{missionId}/accept', params));
      else await unwrap(api.POST('/api/auth/invitations/{missionId}/decline', params));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth'] }),
  });
}
