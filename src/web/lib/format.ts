import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatDateRange, formatWeekday } from '../../shared/dates.ts';
import type { TDatePrecision } from '../../shared/enums.ts';

type TDated = { datePrecision: TDatePrecision; startDate: string | null; endDate: string | null };

/** Formatting in the current language: date ranges (shared rules), months, days, numbers. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return {
    locale,
    dateRange: (value: TDated) => formatDateRange(value, locale),
    day: (isoDate: string | null) =>
      isoDate
        ? formatDateRange({ datePrecision: 'day', startDate: isoDate.slice(0, 10), endDate: null }, locale)
        : '',
    month: (isoMonth: string) =>
      formatCalendarDate(`${isoMonth.slice(0, 7)}-01`, locale, { month: 'long', year: 'numeric' }),
    shortMonth: (isoMonth: string) =>
      formatCalendarDate(`${isoMonth.slice(0, 7)}-01`, locale, { month: 'short' }),
    weekday: (isoDate: string) => formatWeekday(isoDate, locale),
    /** A moment (ISO timestamp) in the browser's time zone: day and time. */
    dateTime: (iso: string) => {
      const date = new Date(iso);
      const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(date);
      const pad = (n: number) => String(n).padStart(2, '0');
      const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
      return `${formatCalendarDate(day, locale, { day: 'numeric', month: 'short', year: 'numeric' })}, ${time}`;
    },
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
  };
}
