import { useTranslation } from 'react-i18next';
import { formatDateRange } from '../../shared/dates.ts';
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
      new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${isoMonth}-01T00:00:00Z`),
      ),
    shortMonth: (isoMonth: string) =>
      new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(
        new Date(`${isoMonth}-01T00:00:00Z`),
      ),
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    number: (value: number) => new Intl.NumberFormat(locale).format(value),
  };
}
