import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type TSchemas, unwrap } from '../../../lib/api-client.ts';

export type TMission = TSchemas['Mission'];

/** Every mission the signed-in person can read (headquarters readers see them all). */
export function useMissions() {
  return useQuery({
    queryKey: ['missions', 'list'],
    queryFn: () => unwrap(api.GET('/api/missions')).then((page) => page.items),
  });
}

export type TMissionMember = TSchemas['MissionMember'];
export type TAddMemberRequest = TSchemas['AddMemberRequest'];

const membersKey = (missionId: string) => ['missions', missionId, 'members'] as const;

/** The mission's members with their roles (administrators and the head of mission). */
export function useMembers(missionId: string) {
  return useQuery({
    queryKey: membersKey(missionId),
    queryFn: () =>
      unwrap(api.GET('/api/missions/{id}/members', { params: { path: { id: missionId } } })).then(
        (page) => page.items,
      ),
  });
}

/** Adds a member, creating the account when nobody has the e-mail yet. */
export function useAddMember(missionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAddMemberRequest) =>
      unwrap(api.POST('/api/missions/{id}/members', { params: { path: { id: missionId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(missionId) }),
  });
}

/** Issues a one-time sign-in link for a member. */
export function useSignInLink(missionId: string) {
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(
        api.POST('/api/missions/{id}/members/{userId}/sign-in-link', {
          params: { path: { id: missionId, userId } },
        }),
      ),
  });
}
