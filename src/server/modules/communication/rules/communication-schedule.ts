/**
 * The 10-step communication procedure (DESIGN §8), scheduled from an initiative's dates.
 *
 * Pure: no I/O. Days are calendar days of the mission; instants (a step due at a time of day,
 * a reminder) are computed in the mission's IANA time zone with the tz database (`@date-fns/tz`),
 * never with fixed offsets — Kazakhstan, for one, moved from UTC+6 to UTC+5 on 1 March 2024.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMinutes, format } from 'date-fns';
import type {
  TCommunicationAnchor,
  TCommunicationOwnerRole,
  TCommunicationStepStatus,
  TDatePrecision,
  TImportance,
} from '../../../../shared/enums.ts';

/** One step of a plan's template. */
export interface ITemplateStep {
  /** Stable key: an initiative's step refers to the template step it came from. */
  key: string;
  position: number;
  title: string;
  /** Days from the anchor day: negative before, positive after. */
  offsetDays: number;
  anchor: TCommunicationAnchor;
  ownerRole: TCommunicationOwnerRole;
  /** The step exists only for initiatives of that importance (step 7: `major`). */
  condition: { importance: TImportance } | null;
  /** Reminder this many minutes before the step is due (`null`: none). */
  reminderMinutes: number | null;
  /** Local time of day `HH:MM` the step is due at; `null`: the whole day. */
  dueTime: string | null;
}

const DAY = 24 * 60;

/** The procedure TT2050 followed for every initiative (seed 000, §5). */
export const DEFAULT_COMMUNICATION_TEMPLATE: readonly ITemplateStep[] = [
  step(1, 'Key message and target audiences defined', -10, 'start', 'initiative_owner', DAY),
  step(
    2,
    'Interview with the head of mission, the testimonial or another figure',
    -5,
    'start',
    'head_of_mission',
    DAY,
  ),
  step(3, 'Press release sent to the media', -1, 'start', 'communication_officer', 2 * DAY),
  step(
    4,
    'Announcement on the website and social accounts, with tags',
    0,
    'start',
    'communication_officer',
    0,
  ),
  step(5, 'Push to reference bloggers and influencers', 0, 'start', 'communication_officer', 0),
  step(6, 'Press review collected (print and digital)', 1, 'end', 'communication_officer', null),
  {
    ...step(7, 'Report to headquarters', 1, 'end', 'initiative_owner', null),
    condition: { importance: 'major' },
  },
  step(8, 'Social media metrics measured', 3, 'end', 'communication_officer', null),
  step(9, 'Effectiveness analysed, audience comments assessed', 3, 'end', 'communication_officer', null),
  step(10, 'Collected material archived', 7, 'end', 'initiative_owner', DAY),
];

function step(
  position: number,
  title: string,
  offsetDays: number,
  anchor: TCommunicationAnchor,
  ownerRole: TCommunicationOwnerRole,
  reminderMinutes: number | null,
): ITemplateStep {
  return {
    key: `step-${position}`,
    position,
    title,
    offsetDays,
    anchor,
    ownerRole,
    condition: null,
    reminderMinutes,
    dueTime: null,
  };
}

/** What scheduling needs to know about an initiative. */
export interface IScheduledInitiative {
  startDate: string | null;
  endDate: string | null;
  datePrecision: TDatePrecision;
  importance: TImportance;
}

/** When a step is due. */
export interface IStepDue {
  /** The mission's calendar day. */
  dueDate: string;
  /** The instant, when the step is due at a time of day; `null` for the whole day. */
  dueAt: Date | null;
  /** When to remind the owner; `null` without a reminder. */
  remindAt: Date | null;
  /** The initiative is known only to the month: the day is provisional. */
  dateToConfirm: boolean;
}

/** Midnight (or `time`) of a calendar day in `timeZone`, as a zoned date. */
function zonedDay(date: string, timeZone: string, time: string | null = null): TZDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time ? (time.split(':').map(Number) as [number, number]) : [0, 0];
  return new TZDate(y, m - 1, d, hh, mm, timeZone);
}

/**
 * Adds days to a calendar day, across month and year ends.
 * @example shiftDay('2024-02-25', 5, 'Asia/Almaty') // '2024-03-01'
 */
export function shiftDay(date: string, days: number, timeZone: string): string {
  return format(addDays(zonedDay(date, timeZone), days), 'yyyy-MM-dd');
}

/** The calendar day `now` falls on in `timeZone`. @example localDay(new Date('2024-03-01T20:00Z'), 'Asia/Almaty') // '2024-03-02' */
export function localDay(now: Date, timeZone: string): string {
  return format(new TZDate(now, timeZone), 'yyyy-MM-dd');
}

/** The instant a day (at `time`, or its midnight) begins in `timeZone`. */
export function zonedInstant(date: string, timeZone: string, time: string | null = null): Date {
  return new Date(zonedDay(date, timeZone, time).getTime());
}

/** True when the template step applies to the initiative (its condition holds). */
export function stepApplies(template: ITemplateStep, initiative: Pick<IScheduledInitiative, 'importance'>) {
  return !template.condition || template.condition.importance === initiative.importance;
}

/**
 * When a template step is due for an initiative, or `null` when the initiative has no date.
 * A reminder counts back from the due instant: the time of day when there is one, else the
 * day's start in the mission's zone.
 */
export function computeStepDue(
  template: ITemplateStep,
  initiative: IScheduledInitiative,
  timeZone: string,
): IStepDue | null {
  if (!initiative.startDate) return null;
  const anchorDay =
    template.anchor === 'end' ? (initiative.endDate ?? initiative.startDate) : initiative.startDate;
  const dueDate = shiftDay(anchorDay, template.offsetDays, timeZone);
  const dueAt = template.dueTime ? zonedInstant(dueDate, timeZone, template.dueTime) : null;
  const remindAt =
    template.reminderMinutes === null
      ? null
      : addMinutes(dueAt ?? zonedInstant(dueDate, timeZone), -template.reminderMinutes);
  return { dueDate, dueAt, remindAt, dateToConfirm: initiative.datePrecision === 'month' };
}

/** An initiative's step as stored (the fields scheduling compares). */
export interface IExistingStep extends IStepDue {
  id: string;
  templateKey: string;
  status: TCommunicationStepStatus;
  position: number;
  title: string;
}

export interface IStepToCreate extends IStepDue {
  template: ITemplateStep;
}

export interface IScheduleChanges {
  create: IStepToCreate[];
  /** Open steps whose due date (or provisional flag, title, order) changes. */
  update: (IStepDue & { id: string; position: number; title: string })[];
  /** Open steps that no longer apply (condition no longer holds, or gone from the template). */
  remove: string[];
}

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * What to write so that an initiative's steps follow its dates and the template. Open (`todo`)
 * steps move with the dates; finished (`done`, `skipped`) steps never change. Without a date,
 * nothing changes.
 */
export function planSchedule(input: {
  template: readonly ITemplateStep[];
  initiative: IScheduledInitiative;
  existing: readonly IExistingStep[];
  timeZone: string;
}): IScheduleChanges {
  const changes: IScheduleChanges = { create: [], update: [], remove: [] };
  if (!input.initiative.startDate) return changes;
  const byKey = new Map(input.existing.map((s) => [s.templateKey, s]));
  const applicable = new Set<string>();
  for (const template of input.template) {
    if (!stepApplies(template, input.initiative)) continue;
    applicable.add(template.key);
    const due = computeStepDue(template, input.initiative, input.timeZone)!;
    const current = byKey.get(template.key);
    if (!current) {
      changes.create.push({ template, ...due });
      continue;
    }
    if (current.status !== 'todo') continue;
    const isChanged =
      current.dueDate !== due.dueDate ||
      !sameInstant(current.dueAt, due.dueAt) ||
      !sameInstant(current.remindAt, due.remindAt) ||
      current.dateToConfirm !== due.dateToConfirm ||
      current.position !== template.position ||
      current.title !== template.title;
    if (isChanged)
      changes.update.push({ id: current.id, position: template.position, title: template.title, ...due });
  }
  for (const s of input.existing) {
    if (s.status === 'todo' && !applicable.has(s.templateKey)) changes.remove.push(s.id);
  }
  return changes;
}

/** The person a step goes to by default; the initiative's owner when the role has nobody. */
export function defaultStepOwner(
  role: TCommunicationOwnerRole,
  people: {
    initiativeOwnerId: string | null;
    headOfMissionId: string | null;
    communicationOfficerId: string | null;
  },
): string | null {
  if (role === 'head_of_mission') return people.headOfMissionId ?? people.initiativeOwnerId;
  if (role === 'communication_officer') return people.communicationOfficerId ?? people.initiativeOwnerId;
  return people.initiativeOwnerId;
}

/** An open step whose day has passed in the mission's zone (or whose due instant has). */
export function isStepOverdue(
  s: { status: TCommunicationStepStatus; dueDate: string | null; dueAt: Date | null },
  now: Date,
  timeZone: string,
): boolean {
  if (s.status !== 'todo' || !s.dueDate) return false;
  if (s.dueAt) return s.dueAt.getTime() < now.getTime();
  return s.dueDate < localDay(now, timeZone);
}
