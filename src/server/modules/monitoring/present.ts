import type {
  TActionItem,
  TAssignment,
  TLesson,
  TMeeting,
  TMeetingDecision,
} from '../../../shared/schemas/monitoring.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import type {
  initiativeAssignments,
  lessons,
  meetingActionItems,
  meetingDecisions,
  staffMeetings,
} from './tables.ts';

type TRef = { id: string; title: string } | null;

/** Exactly the fields of an assignment-history entry that leave the server. */
export function presentAssignment(
  row: typeof initiativeAssignments.$inferSelect,
  userName: string | null,
): TAssignment {
  return {
    id: row.id,
    initiativeId: row.initiativeId,
    personId: row.personId,
    personName: row.personName,
    role: row.role,
    action: row.action,
    by: row.byUserId ? { id: row.byUserId, name: userName ?? '' } : null,
    at: isoRequired(row.at),
  };
}

export function presentMeeting(row: typeof staffMeetings.$inferSelect): TMeeting {
  return {
    id: row.id,
    missionId: row.missionId,
    planId: row.planId,
    meetingDate: row.meetingDate,
    title: row.title,
    attendees: row.attendees,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}

export function presentMeetingDecision(
  row: typeof meetingDecisions.$inferSelect,
  initiative: TRef,
): TMeetingDecision {
  return {
    id: row.id,
    meetingId: row.meetingId,
    text: row.text,
    initiative,
    createdAt: isoRequired(row.createdAt),
  };
}

export function presentActionItem(
  row: typeof meetingActionItems.$inferSelect,
  relations: { owner: { id: string; fullName: string } | null; initiative: TRef },
): TActionItem {
  return {
    id: row.id,
    meetingId: row.meetingId,
    text: row.text,
    owner: relations.owner,
    dueDate: row.dueDate,
    initiative: relations.initiative,
    isDone: row.isDone,
    doneAt: iso(row.doneAt),
    version: row.version,
  };
}

export function presentLesson(
  row: typeof lessons.$inferSelect,
  relations: { initiative: TLesson['initiative']; authorName: string | null },
): TLesson {
  return {
    id: row.id,
    missionId: row.missionId,
    planId: row.planId,
    initiative: relations.initiative,
    whatHappened: row.whatHappened,
    lesson: row.lesson,
    tag: row.tag,
    author: row.authorId ? { id: row.authorId, name: relations.authorName ?? '' } : null,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}
