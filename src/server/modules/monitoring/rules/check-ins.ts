/**
 * Check-ins at weekly staff meetings (DESIGN §7): each meeting has a status per active
 * initiative; a status nobody changed is carried forward from the previous meeting.
 */
import type { TCheckInStatus } from '../../../../shared/enums.ts';

export interface TCheckIn {
  initiativeId: string;
  status: TCheckInStatus;
  note: string | null;
}

export interface TMeetingCheckIn {
  initiativeId: string;
  status: TCheckInStatus | null;
  note: string | null;
  /** `recorded` at this meeting, `carried` unchanged from the previous one, `none` not yet checked. */
  source: 'recorded' | 'carried' | 'none';
}

/** Statuses that close an initiative's check-ins: not carried into later meetings. */
const CLOSED: readonly TCheckInStatus[] = ['done', 'cancelled'];

/**
 * The statuses of a meeting: every active initiative (in the given order), then any other
 * initiative recorded at this meeting. A recorded status wins; otherwise the previous meeting's
 * status and note carry forward, unless it closed the initiative (done, cancelled).
 * @example carryForwardStatuses({ activeInitiativeIds: ['a'], previous: [{ initiativeId: 'a', status: 'late', note: null }], recorded: [] })
 * // [{ initiativeId: 'a', status: 'late', note: null, source: 'carried' }]
 */
export function carryForwardStatuses(input: {
  activeInitiativeIds: readonly string[];
  previous: readonly TCheckIn[];
  recorded: readonly TCheckIn[];
}): TMeetingCheckIn[] {
  const recorded = new Map(input.recorded.map((c) => [c.initiativeId, c]));
  const previous = new Map(input.previous.map((c) => [c.initiativeId, c]));
  const ids = [...new Set([...input.activeInitiativeIds, ...input.recorded.map((c) => c.initiativeId)])];
  return ids.map((initiativeId): TMeetingCheckIn => {
    const own = recorded.get(initiativeId);
    if (own) return { initiativeId, status: own.status, note: own.note, source: 'recorded' };
    const before = previous.get(initiativeId);
    if (before && !CLOSED.includes(before.status))
      return { initiativeId, status: before.status, note: before.note, source: 'carried' };
    return { initiativeId, status: null, note: null, source: 'none' };
  });
}
