/**
 * Plan dates are calendar days (no time, no zone) at day or month precision. These helpers
 * are pure and shared by the server, the importer and the web app.
 */
import type { TDatePrecision } from './enums.ts';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** True for a real calendar day in YYYY-MM-DD form (rejects 2022-02-30). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Last day of the month of `date` (YYYY-MM-DD or YYYY-MM). @example endOfMonth('2022-02') // '2022-02-28' */
export function endOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

/** @example monthBounds('2022-05') // { start: '2022-05-01', end: '2022-05-31' } */
export function monthBounds(month: string): { start: string; end: string } {
  return { start: `${month}-01`, end: endOfMonth(month) };
}

/**
 * Brings dates into their stored form: month precision snaps the start to the 1st and the end
 * to the month's last day; a missing end is the start's day (or month).
 */
export function normaliseDates(input: {
  datePrecision: TDatePrecision;
  startDate: string | null;
  endDate: string | null;
}): { startDate: string | null; endDate: string | null } {
  const { datePrecision, startDate } = input;
  if (!startDate) return { startDate: null, endDate: null };
  const endDate = input.endDate ?? startDate;
  if (datePrecision === 'month')
    return { startDate: `${startDate.slice(0, 7)}-01`, endDate: endOfMonth(endDate) };
  return { startDate, endDate };
}

/** Months (YYYY-MM) that a date range touches. */
export function monthsOf(startDate: string | null, endDate: string | null): string[] {
  if (!startDate) return [];
  const months: string[] = [];
  let [y, m] = startDate.split('-').map(Number) as [number, number];
  const end = (endDate ?? startDate).slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= end) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/**
 * A short human label for an initiative's dates, in the given locale.
 * @example formatDateRange({ datePrecision: 'month', startDate: '2022-01-01', endDate: '2022-03-31' }, 'en') // 'Jan – Mar 2022'
 */
export function formatDateRange(
  input: { datePrecision: TDatePrecision; startDate: string | null; endDate: string | null },
  locale = 'en',
): string {
  const { datePrecision, startDate, endDate } = input;
  if (!startDate) return '';
  const fmt = (d: string, opts: TCalendarDateParts) => formatCalendarDate(d, locale, opts);
  const end = endDate ?? startDate;
  const sameYear = startDate.slice(0, 4) === end.slice(0, 4);
  if (datePrecision === 'month') {
    if (startDate.slice(0, 7) === end.slice(0, 7)) return fmt(startDate, { month: 'long', year: 'numeric' });
    return sameYear
      ? `${fmt(startDate, { month: 'short' })} – ${fmt(end, { month: 'short', year: 'numeric' })}`
      : `${fmt(startDate, { month: 'short', year: 'numeric' })} – ${fmt(end, { month: 'short', year: 'numeric' })}`;
  }
  if (startDate === end) return fmt(startDate, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${fmt(startDate, { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) })} – ${fmt(end, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** Which parts of a calendar day to write. */
export type TCalendarDateParts = { day?: 'numeric'; month: 'long' | 'short'; year?: 'numeric' };

const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const KK_WEEKDAYS = ['Жс', 'Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сб'];

/**
 * A calendar day (YYYY-MM-DD, no zone) in a language. Day before month in every language of the
 * missions ("14 May 2022"). Kazakh is written here because browsers and Node often ship without
 * its month names (Intl then prints "2022 M05").
 * @example formatCalendarDate('2022-05-14', 'kk', { day: 'numeric', month: 'long', year: 'numeric' }) // '14 мамыр 2022 ж.'
 */
export function formatCalendarDate(iso: string, locale: string, parts: TCalendarDateParts): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (locale === 'kk') {
    const name = KK_MONTHS[m - 1]!;
    const month = parts.month === 'short' && name.length > 5 ? `${name.slice(0, 3)}.` : name;
    return [parts.day ? String(d) : '', month, parts.year ? `${y} ж.` : ''].filter(Boolean).join(' ');
  }
  const tag = locale === 'en' ? 'en-GB' : locale;
  return new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...parts }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The short name of a day's weekday ("Mon", "пн", "Дс"). */
export function formatWeekday(iso: string, locale: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (locale === 'kk') return KK_WEEKDAYS[date.getUTCDay()]!;
  return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(date);
}

type TDates = { datePrecision: TDatePrecision; startDate: string | null; endDate: string | null };

/**
 * The stored dates after a partial update, or null when the update leaves the dates alone.
 * A new start without an end resets the end (to the start's day or month).
 * @throws RangeError when the merged end is before the merged start.
 * @example mergeDateChange({ current, change: { startDate: '2022-06-01' } })
 */
export function mergeDateChange(input: {
  current: TDates;
  change: Partial<TDates>;
}): { startDate: string | null; endDate: string | null } | null {
  const { current, change } = input;
  if (change.startDate === undefined && change.endDate === undefined && change.datePrecision === undefined)
    return null;
  const dates = normaliseDates({
    datePrecision: change.datePrecision ?? current.datePrecision,
    startDate: change.startDate !== undefined ? change.startDate : current.startDate,
    endDate:
      change.endDate !== undefined ? change.endDate : change.startDate !== undefined ? null : current.endDate,
  });
  if (dates.startDate && dates.endDate && dates.endDate < dates.startDate) {
    throw new RangeError('The end date is before the start date.');
  }
  return dates;
}

const dayNumber = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;
const isoOfDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * The end date after the start moved, keeping the length: a one-day event stays one day, a
 * three-month season stays three months. Without a previous start or end nothing moves.
 * @example endAfterStartMoves({ previousStart: '2021-09-06', previousEnd: '2021-09-07', nextStart: '2021-09-20', datePrecision: 'day' }) // '2021-09-21'
 * @example endAfterStartMoves({ previousStart: '2022-01-01', previousEnd: '2022-03-31', nextStart: '2022-05-01', datePrecision: 'month' }) // '2022-07-31'
 */
export function endAfterStartMoves(input: {
  previousStart: string | null;
  previousEnd: string | null;
  nextStart: string | null;
  datePrecision: TDatePrecision;
}): string | null {
  const { previousStart, previousEnd, nextStart, datePrecision } = input;
  if (!previousStart || !previousEnd || !nextStart) return previousEnd;
  if (datePrecision === 'month') {
    const months = (iso: string) => +iso.slice(0, 4) * 12 + (+iso.slice(5, 7) - 1);
    const month = months(nextStart) + months(previousEnd) - months(previousStart);
    return endOfMonth(`${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`);
  }
  return isoOfDay(dayNumber(nextStart) + dayNumber(previousEnd) - dayNumber(previousStart));
}
