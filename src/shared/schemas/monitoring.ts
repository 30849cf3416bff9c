/**
 * Team delegation and weekly monitoring: owner suggestions, assignment history, staff meetings
 * with check-ins, agenda and minutes, and lessons learned.
 */
import { z } from 'zod';
import { ASSIGNMENT_ACTIONS, ASSIGNMENT_ROLES, CHECK_IN_STATUSES } from '../enums.ts';
import { ZId, ZIsoDate, ZOptionalText, ZVersion, ZVersioned, zLine, zRequiredText } from './common.ts';

const ZRequiredText = zRequiredText;

const ZDateRequired = z.string({ error: 'is required' }).pipe(ZIsoDate);

// ——— Owner suggestions and assignment history ———

export const ZOwnerSuggestion = z
  .object({
    personId: z.string(),
    fullName: z.string(),
    score: z.number(),
    activeOwned: z.number().int(),
    capacity: z.number().int().nullable(),
    isOwner: z.boolean(),
    isDelegate: z.boolean(),
    reasons: z.array(
      z.object({
        kind: z.enum(['type', 'focus_area', 'keyword', 'language', 'load', 'capacity']),
        points: z.number(),
        /** The reason in English. */
        text: z.string(),
        /** What the reason is made of, for the interface to word it (see `domain/owner-suggestions.ts`). */
        params: z.object({
          /** Competence tag and level (type, focus_area, keyword). */
          tag: z.string().optional(),
          level: z.number().int().optional(),
          initiativeType: z.string().optional(),
          focusAreaKey: z.string().optional(),
          /** Host-country languages the person speaks (ISO 639-1). */
          languages: z.array(z.string()).optional(),
          /** Active initiatives owned, and capacity (null: not set) — load and capacity. */
          owned: z.number().int().optional(),
          capacity: z.number().int().nullable().optional(),
        }),
      }),
    ),
  })
  .meta({ id: 'OwnerSuggestion' });
export type TOwnerSuggestion = z.infer<typeof ZOwnerSuggestion>;

export const ZOwnerSuggestions = z
  .object({
    initiativeId: z.string(),
    hostLanguages: z.array(z.string()),
    items: z.array(ZOwnerSuggestion),
  })
  .meta({ id: 'OwnerSuggestions' });
export type TOwnerSuggestions = z.infer<typeof ZOwnerSuggestions>;

export const ZAssignment = z
  .object({
    id: z.string(),
    initiativeId: z.string(),
    personId: z.string().nullable(),
    personName: z.string(),
    role: z.enum(ASSIGNMENT_ROLES),
    action: z.enum(ASSIGNMENT_ACTIONS),
    by: z.object({ id: z.string(), name: z.string() }).nullable(),
    at: z.string(),
  })
  .meta({ id: 'Assignment' });
export type TAssignment = z.infer<typeof ZAssignment>;
export const ZAssignmentList = z.object({ items: z.array(ZAssignment) }).meta({ id: 'AssignmentList' });

// ——— Staff meetings ———

export const ZCreateMeetingRequest = z
  .object({
    planId: ZId,
    meetingDate: ZDateRequired,
    title: ZOptionalText.optional(),
    attendees: ZOptionalText.optional(),
  })
  .meta({ id: 'CreateMeetingRequest' });
export type TCreateMeetingRequest = z.infer<typeof ZCreateMeetingRequest>;

export const ZUpdateMeetingRequest = z
  .object({ title: ZOptionalText.optional(), attendees: ZOptionalText.optional(), version: ZVersion })
  .meta({ id: 'UpdateMeetingRequest' });
export type TUpdateMeetingRequest = z.infer<typeof ZUpdateMeetingRequest>;

export const ZMeetingListQuery = z.object({ planId: ZId });

export const ZMeeting = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  planId: z.string(),
  meetingDate: z.string(),
  title: z.string().nullable(),
  attendees: z.string().nullable(),
}).meta({ id: 'Meeting' });
export type TMeeting = z.infer<typeof ZMeeting>;
export const ZMeetingList = z.object({ items: z.array(ZMeeting) }).meta({ id: 'MeetingList' });

export const ZCheckInRequest = z
  .object({
    status: z.enum(CHECK_IN_STATUSES, { error: `must be one of ${CHECK_IN_STATUSES.join(', ')}` }),
    note: ZOptionalText.optional(),
  })
  .meta({ id: 'CheckInRequest' });
export type TCheckInRequest = z.infer<typeof ZCheckInRequest>;

export const ZMeetingCheckIn = z
  .object({
    initiativeId: z.string(),
    title: z.string(),
    startDate: z.string().nullable(),
    owner: z.object({ id: z.string(), fullName: z.string() }).nullable(),
    status: z.enum(CHECK_IN_STATUSES).nullable(),
    note: z.string().nullable(),
    source: z.enum(['recorded', 'carried', 'none']),
  })
  .meta({ id: 'MeetingCheckIn' });
export type TMeetingCheckIn = z.infer<typeof ZMeetingCheckIn>;

export const ZCreateDecisionRequest = z
  .object({ text: ZRequiredText(), initiativeId: ZId.nullish() })
  .meta({ id: 'CreateMeetingDecisionRequest' });
export type TCreateDecisionRequest = z.infer<typeof ZCreateDecisionRequest>;

export const ZMeetingDecision = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    text: z.string(),
    initiative: z.object({ id: z.string(), title: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MeetingDecision' });
export type TMeetingDecision = z.infer<typeof ZMeetingDecision>;

const ZActionItemFields = z.object({
  text: ZRequiredText(),
  ownerId: ZId.nullable(),
  dueDate: ZIsoDate.nullable(),
  initiativeId: ZId.nullable(),
  isDone: z.boolean({ error: 'must be true or false' }),
});

export const ZCreateActionItemRequest = ZActionItemFields.partial()
  .required({ text: true })
  .meta({ id: 'CreateActionItemRequest' });
export type TCreateActionItemRequest = z.infer<typeof ZCreateActionItemRequest>;

export const ZUpdateActionItemRequest = ZActionItemFields.partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateActionItemRequest' });
export type TUpdateActionItemRequest = z.infer<typeof ZUpdateActionItemRequest>;

export const ZActionItem = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    text: z.string(),
    owner: z.object({ id: z.string(), fullName: z.string() }).nullable(),
    dueDate: z.string().nullable(),
    initiative: z.object({ id: z.string(), title: z.string() }).nullable(),
    isDone: z.boolean(),
    doneAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ActionItem' });
export type TActionItem = z.infer<typeof ZActionItem>;

export const ZMeetingDetail = ZMeeting.extend({
  plan: z.object({ id: z.string(), acronym: z.string(), title: z.string() }),
  previousMeeting: z.object({ id: z.string(), meetingDate: z.string() }).nullable(),
  checkIns: z.array(ZMeetingCheckIn),
  decisions: z.array(ZMeetingDecision),
  actionItems: z.array(ZActionItem),
}).meta({ id: 'MeetingDetail' });
export type TMeetingDetail = z.infer<typeof ZMeetingDetail>;

export const ZAgendaMessage = z
  .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) })
  .meta({ id: 'AgendaMessage' });
export type TAgendaMessage = z.infer<typeof ZAgendaMessage>;

export const ZAgendaItem = z
  .object({
    source: z.string(),
    title: z.string(),
    detail: z.string().nullable(),
    dueDate: z.string().nullable(),
    initiativeId: z.string().nullable(),
    severity: z.enum(['info', 'warning', 'danger']),
    /**
     * The title as a message for the interface to word in its language: `key` names the
     * sentence (e.g. `agenda.alarm.red`), `params` fill it. Absent when the title is data.
     */
    message: ZAgendaMessage.optional(),
    /** The detail as messages (joined with " · "), when it is made of sentences rather than data. */
    detailMessages: z.array(ZAgendaMessage).optional(),
  })
  .meta({ id: 'AgendaItem' });
export type TAgendaItem = z.infer<typeof ZAgendaItem>;

export const ZAgenda = z
  .object({
    meetingId: z.string(),
    meetingDate: z.string(),
    sections: z.array(z.object({ key: z.string(), label: z.string(), items: z.array(ZAgendaItem) })),
  })
  .meta({ id: 'Agenda' });
export type TAgenda = z.infer<typeof ZAgenda>;

// ——— Lessons learned ———

const ZLessonTag = zLine(50)
  .toLowerCase()
  .nullish()
  .transform((v) => v || null);

export const ZCreateLessonRequest = z
  .object({
    initiativeId: ZId,
    whatHappened: ZRequiredText(),
    lesson: ZRequiredText(),
    tag: ZLessonTag,
  })
  .meta({ id: 'CreateLessonRequest' });
export type TCreateLessonRequest = z.infer<typeof ZCreateLessonRequest>;

export const ZUpdateLessonRequest = z
  .object({
    whatHappened: ZRequiredText().optional(),
    lesson: ZRequiredText().optional(),
    tag: ZLessonTag.optional(),
    version: ZVersion,
  })
  .meta({ id: 'UpdateLessonRequest' });
export type TUpdateLessonRequest = z.infer<typeof ZUpdateLessonRequest>;

export const ZLessonListQuery = z.object({ initiativeId: ZId.optional(), planId: ZId.optional() });

export const ZLesson = ZVersioned.extend({
  id: z.string(),
  missionId: z.string(),
  planId: z.string(),
  initiative: z.object({ id: z.string(), title: z.string(), startDate: z.string().nullable() }),
  whatHappened: z.string(),
  lesson: z.string(),
  tag: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string() }).nullable(),
}).meta({ id: 'Lesson' });
export type TLesson = z.infer<typeof ZLesson>;
export const ZLessonList = z.object({ items: z.array(ZLesson) }).meta({ id: 'LessonList' });
