/**
 * The communication calendar as iCalendar (RFC 5545), with the `ics` package: initiatives and
 * their open and done steps, as all-day events (VALUE=DATE) or, for steps due at a time of day,
 * as UTC instants. Open steps with a reminder carry a VALARM. UIDs are stable (the record's id),
 * SEQUENCE follows the record's version, so calendar apps update events in place.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics';

export interface ICalendarInitiative {
  id: string;
  title: string;
  startDate: string;
  endDate: string | null;
  datePrecision: 'day' | 'month';
  cities: string[];
  venues: string[];
  summary: string | null;
  status: string;
  version: number;
  updatedAt: Date;
}

export interface ICalendarStep {
  id: string;
  title: string;
  position: number;
  initiativeTitle: string;
  dueDate: string;
  dueAt: Date | null;
  reminderMinutes: number | null;
  dateToConfirm: boolean;
  status: 'todo' | 'done' | 'skipped';
  ownerName: string | null;
  version: number;
  updatedAt: Date;
}

export interface ICalendarInput {
  name: string;
  initiatives: ICalendarInitiative[];
  steps: ICalendarStep[];
  /** Base URL of the web app, for links back to the initiative. */
  baseUrl?: string;
  /** Domain part of the UIDs. */
  uidDomain?: string;
}

const day = (date: string): DateArray => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
};

/** The day after `date` (all-day events end the next day, exclusive). */
const nextDay = (date: string): DateArray => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
};

const utc = (value: Date): DateArray => [
  value.getUTCFullYear(),
  value.getUTCMonth() + 1,
  value.getUTCDate(),
  value.getUTCHours(),
  value.getUTCMinutes(),
];

/**
 * Users' text as an iCalendar TEXT value can take it (RFC 5545 §3.3.11): every line break
 * (CRLF, a lone CR or LF) becomes one LF, which `ics` then writes as `\n`, and the other control
 * characters are dropped. `ics` escapes backslash, semicolon and comma itself, but it turns only
 * `\r?\n` into `\n`: a lone CR would reach the file and could start a property of its own.
 * @example icsText('Visit\rATTENDEE:evil') // 'Visit\nATTENDEE:evil', written as one SUMMARY
 */
export function icsText(text: string): string;
export function icsText(text: string | undefined): string | undefined;
export function icsText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return text.replace(/\r\n?|\n/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** Builds the calendar; throws when `ics` refuses an event. */
export function buildCalendarIcs(input: ICalendarInput): string {
  const domain = input.uidDomain ?? 'softpower';
  const events: EventAttributes[] = [];
  for (const i of input.initiatives) {
    const isTentative = i.datePrecision === 'month';
    events.push({
      uid: `initiative-${i.id}@${domain}`,
      title: icsText(isTentative ? `${i.title} (date to confirm)` : i.title),
      description: icsText(i.summary ?? undefined),
      location: icsText([...i.venues, ...i.cities].join(', ') || undefined),
      start: day(i.startDate),
      end: nextDay(i.endDate ?? i.startDate),
      status: i.status === 'cancelled' ? 'CANCELLED' : isTentative ? 'TENTATIVE' : 'CONFIRMED',
      transp: 'TRANSPARENT',
      categories: ['Initiative'],
      url: input.baseUrl ? `${input.baseUrl}/initiatives/${i.id}` : undefined,
      sequence: i.version,
      lastModified: utc(i.updatedAt),
    });
  }
  for (const s of input.steps) {
    if (s.status === 'skipped') continue;
    const isDone = s.status === 'done';
    const title = `${isDone ? '✓ ' : ''}${s.position}. ${s.title} — ${s.initiativeTitle}`;
    const description = [
      s.ownerName ? `Owner: ${s.ownerName}` : null,
      s.dateToConfirm ? 'The initiative is known only to the month: the day is to be confirmed.' : null,
    ]
      .filter(Boolean)
      .join('\n');
    const timing: Pick<EventAttributes, 'start' | 'startInputType' | 'startOutputType'> &
      ({ end: DateArray } | { duration: { minutes: number } }) = s.dueAt
      ? { start: utc(s.dueAt), startInputType: 'utc', startOutputType: 'utc', duration: { minutes: 30 } }
      : { start: day(s.dueDate), end: nextDay(s.dueDate) };
    events.push({
      uid: `communication-step-${s.id}@${domain}`,
      title: icsText(title),
      description: icsText(description || undefined),
      ...timing,
      status: s.dateToConfirm ? 'TENTATIVE' : 'CONFIRMED',
      transp: 'TRANSPARENT',
      categories: ['Communication'],
      sequence: s.version,
      lastModified: utc(s.updatedAt),
      alarms:
        !isDone && s.reminderMinutes !== null
          ? [
              {
                action: 'display',
                description: icsText(`${s.title} — ${s.initiativeTitle}`),
                trigger: { minutes: s.reminderMinutes, before: true },
              },
            ]
          : undefined,
    } as EventAttributes);
  }
  const { error, value } = createEvents(events, {
    // `ics` writes the name with its line breaks encoded but nothing else escaped.
    calName: icsText(input.name).replace(/\n/g, ' '),
    productId: 'softpower/communication',
  });
  if (error || !value) throw error ?? new Error('The calendar could not be written.');
  return value;
}
