import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '../../../../shared/api/openapi.d.ts';
import { api, type TSchemas, unwrap } from '../../../lib/api-client.ts';
import { useMe } from '../../auth/index.ts';

type TBody<T> = T extends { requestBody?: { content: { 'application/json': infer J } } } ? J : never;

export type TOwnerSuggestions = TSchemas['OwnerSuggestions'];
export type TAssignment = TSchemas['Assignment'];
export type TMeeting = TSchemas['Meeting'];
export type TMeetingDetail = TSchemas['MeetingDetail'];
export type TMeetingCheckIn = TSchemas['MeetingCheckIn'];
export type TActionItem = TSchemas['ActionItem'];
export type TAgenda = TSchemas['Agenda'];
export type TLesson = TSchemas['Lesson'];
export type TCreateActionItemBody = TBody<paths['/api/meetings/{id}/action-items']['post']>;
export type TCheckInBody = TBody<paths['/api/meetings/{id}/statuses/{initiativeId}']['put']>;
export type TCreateLessonBody = TBody<paths['/api/lessons']['post']>;

export const monitoringKeys = {
  suggestions: (initiativeId: string) => ['monitoring', 'suggestions', initiativeId] as const,
  assignments: (initiativeId: string) => ['monitoring', 'assignments', initiativeId] as const,
  meetings: (planId: string) => ['monitoring', 'meetings', planId] as const,
  meeting: (id: string) => ['monitoring', 'meeting', id] as const,
  agenda: (id: string) => ['monitoring', 'agenda', id] as const,
  lessons: (filter: { planId?: string; initiativeId?: string }) => ['monitoring', 'lessons', filter] as const,
};

export function useOwnerSuggestions(initiativeId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: monitoringKeys.suggestions(initiativeId),
    queryFn: () =>
      unwrap(api.GET('/api/initiatives/{id}/owner-suggestions', { params: { path: { id: initiativeId } } })),
    enabled: options.enabled ?? true,
  });
}

export function useAssignments(initiativeId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: monitoringKeys.assignments(initiativeId),
    queryFn: () =>
      unwrap(api.GET('/api/initiatives/{id}/assignments', { params: { path: { id: initiativeId } } })),
    enabled: options.enabled ?? true,
  });
}

export function useMeetings(planId: string) {
  return useQuery({
    queryKey: monitoringKeys.meetings(planId),
    queryFn: () => unwrap(api.GET('/api/meetings', { params: { query: { planId } } })),
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({
    queryKey: monitoringKeys.meeting(id ?? ''),
    queryFn: () => unwrap(api.GET('/api/meetings/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useAgenda(id: string) {
  return useQuery({
    queryKey: monitoringKeys.agenda(id),
    queryFn: () => unwrap(api.GET('/api/meetings/{id}/agenda', { params: { path: { id } } })),
  });
}

export function useCreateMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      planId: string;
      meetingDate: string;
      title?: string | null;
      attendees?: string | null;
    }) => unwrap(api.POST('/api/meetings', { body })),
    onSuccess: (meeting) =>
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.meetings(meeting.planId) }),
  });
}

/** Every write to a meeting refreshes the meeting and its agenda. */
function useMeetingMutation<TVariables, TResult>(meetingId: string, fn: (v: TVariables) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.meeting(meetingId) });
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.agenda(meetingId) });
    },
  });
}

export function useRecordCheckIn(meetingId: string) {
  return useMeetingMutation(meetingId, (v: { initiativeId: string; body: TCheckInBody }) =>
    unwrap(
      api.PUT('/api/meetings/{id}/statuses/{initiativeId}', {
        params: { path: { id: meetingId, initiativeId: v.initiativeId } },
        body: v.body,
      }),
    ),
  );
}

export function useAddDecision(meetingId: string) {
  return useMeetingMutation(meetingId, (body: { text: string; initiativeId?: string | null }) =>
    unwrap(api.POST('/api/meetings/{id}/decisions', { params: { path: { id: meetingId } }, body })),
  );
}

export function useAddActionItem(meetingId: string) {
  return useMeetingMutation(meetingId, (body: TCreateActionItemBody) =>
    unwrap(api.POST('/api/meetings/{id}/action-items', { params: { path: { id: meetingId } }, body })),
  );
}

export function useToggleActionItem(meetingId: string) {
  return useMeetingMutation(meetingId, (item: TActionItem) =>
    unwrap(
      api.PATCH('/api/action-items/{id}', {
        params: { path: { id: item.id } },
        body: { isDone: !item.isDone, version: item.version },
      }),
    ),
  );
}

export function useLessons(filter: { planId?: string; initiativeId?: string }) {
  return useQuery({
    queryKey: monitoringKeys.lessons(filter),
    queryFn: () => unwrap(api.GET('/api/lessons', { params: { query: filter } })),
  });
}

export function useCreateLesson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateLessonBody) => unwrap(api.POST('/api/lessons', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['monitoring', 'lessons'] }),
  });
}

/** The mission's people, as options for an action item's owner. */
export function usePeopleOptions(missionId: string) {
  return useQuery({
    queryKey: ['people', 'options', missionId],
    queryFn: () => unwrap(api.GET('/api/people', { params: { query: { missionId, limit: 500 } } })),
    select: (page) => page.items.map((p) => ({ value: p.id, label: p.fullName })),
  });
}

/** True when the signed-in person may change meetings and assignments in the mission (writer roles). */
export function useCanWrite(missionId: string | undefined): boolean {
  const me = useMe();
  const role = me.data?.memberships.find((m) => m.missionId === missionId)?.role;
  return role === 'admin' || role === 'head_of_mission' || role === 'officer';
}
