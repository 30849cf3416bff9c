import { describe, expect, it } from 'vitest';
import {
  endAfterStartMoves,
  endOfMonth,
  formatCalendarDate,
  formatDateRange,
  formatWeekday,
  isIsoDate,
  mergeDateChange,
  monthBounds,
  monthsOf,
  normaliseDates,
} from './dates.ts';

describe('isIsoDate', () => {
  it('accepts real days and refuses impossible ones', () => {
    expect(isIsoDate('2022-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2022-02-29')).toBe(false);
    expect(isIsoDate('2022-13-01')).toBe(false);
    expect(isIsoDate('22-01-01')).toBe(false);
  });
});

describe('month helpers', () => {
  it('finds the last day of a month, leap years included', () => {
    expect(endOfMonth('2022-02')).toBe('2022-02-28');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2022-12')).toBe('2022-12-31');
    expect(monthBounds('2022-05')).toEqual({ start: '2022-05-01', end: '2022-05-31' });
  });

  it('lists the months a range touches, across a year end', () => {
    expect(monthsOf('2021-11-15', '2022-02-01')).toEqual(['2021-11', '2021-12', '2022-01', '2022-02']);
    expect(monthsOf('2022-05-01', null)).toEqual(['2022-05']);
    expect(monthsOf(null, null)).toEqual([]);
  });
});

describe('normaliseDates', () => {
  it('snaps month precision to whole months', () => {
    expect(
      normaliseDates({ datePrecision: 'month', startDate: '2022-01-17', endDate: '2022-03-02' }),
    ).toEqual({
      startDate: '2022-01-01',
      endDate: '2022-03-31',
    });
  });
  it('fills a missing end with the start', () => {
    expect(normaliseDates({ datePrecision: 'day', startDate: '2022-05-14', endDate: null })).toEqual({
      startDate: '2022-05-14',
      endDate: '2022-05-14',
    });
    expect(normaliseDates({ datePrecision: 'month', startDate: '2022-02-10', endDate: null })).toEqual({
      startDate: '2022-02-01',
      endDate: '2022-02-28',
    });
  });
  it('drops an end without a start', () => {
    expect(normaliseDates({ datePrecision: 'day', startDate: null, endDate: '2022-01-01' })).toEqual({
      startDate: null,
      endDate: null,
    });
  });
});

describe('formatDateRange', () => {
  it('writes month ranges the way the annex does', () => {
    expect(
      formatDateRange({ datePrecision: 'month', startDate: '2022-01-01', endDate: '2022-03-31' }, 'en'),
    ).toBe('Jan – Mar 2022');
    expect(
      formatDateRange({ datePrecision: 'month', startDate: '2022-05-01', endDate: '2022-05-31' }, 'it'),
    ).toBe('maggio 2022');
  });
  it('writes single days and day ranges', () => {
    expect(
      formatDateRange({ datePrecision: 'day', startDate: '2022-05-14', endDate: '2022-05-14' }, 'en'),
    ).toBe('14 May 2022');
    expect(
      formatDateRange({ datePrecision: 'day', startDate: '2022-05-14', endDate: '2022-05-16' }, 'en'),
    ).toBe('14 May – 16 May 2022');
    expect(formatDateRange({ datePrecision: 'day', startDate: null, endDate: null })).toBe('');
  });
});

describe('mergeDateChange', () => {
  const current = { datePrecision: 'month' as const, startDate: '2022-05-01', endDate: '2022-06-30' };
  it('leaves the dates alone when the update does not touch them', () => {
    expect(mergeDateChange({ current, change: {} })).toBeNull();
  });
  it('resets the end when only the start moves, and keeps it when only the precision changes', () => {
    expect(mergeDateChange({ current, change: { startDate: '2022-09-10' } })).toEqual({
      startDate: '2022-09-01',
      endDate: '2022-09-30',
    });
    expect(mergeDateChange({ current, change: { datePrecision: 'day' } })).toEqual({
      startDate: '2022-05-01',
      endDate: '2022-06-30',
    });
  });
  it('refuses an end before the start', () => {
    expect(() => mergeDateChange({ current, change: { endDate: '2022-01-31' } })).toThrow(RangeError);
  });
});

describe('endAfterStartMoves', () => {
  const move = (
    previousStart: string | null,
    previousEnd: string | null,
    nextStart: string | null,
    datePrecision: 'day' | 'month' = 'day',
  ) => endAfterStartMoves({ previousStart, previousEnd, nextStart, datePrecision });

  it('keeps a day range as long as it was, across month and year ends', () => {
    expect(move('2021-09-06', '2021-09-06', '2021-09-20')).toBe('2021-09-20');
    expect(move('2021-09-06', '2021-09-08', '2021-12-30')).toBe('2022-01-01');
    expect(move('2024-02-27', '2024-03-01', '2024-02-01')).toBe('2024-02-04');
    expect(move('2022-05-14', '2022-05-15', '2022-05-01')).toBe('2022-05-02');
  });

  it('keeps a month range as many months long, ending on the last day', () => {
    expect(move('2022-01-01', '2022-03-31', '2022-05-01', 'month')).toBe('2022-07-31');
    expect(move('2022-11-01', '2022-12-31', '2022-12-01', 'month')).toBe('2023-01-31');
    expect(move('2022-01-01', '2022-01-31', '2022-02-01', 'month')).toBe('2022-02-28');
  });

  it('leaves the end alone when there is nothing to keep', () => {
    expect(move(null, null, '2022-05-01')).toBeNull();
    expect(move('2022-05-01', null, '2022-06-01')).toBeNull();
    expect(move(null, '2022-05-03', '2022-06-01')).toBe('2022-05-03');
    expect(move('2022-05-01', '2022-05-03', null)).toBe('2022-05-03');
  });
});

describe('formatCalendarDate', () => {
  it('writes Kazakh by hand, day before month, with the year marker', () => {
    expect(formatCalendarDate('2022-05-14', 'kk', { day: 'numeric', month: 'long', year: 'numeric' })).toBe(
      '14 мамыр 2022 ж.',
    );
    expect(formatCalendarDate('2022-09-01', 'kk', { month: 'long', year: 'numeric' })).toBe(
      'қыркүйек 2022 ж.',
    );
    expect(formatCalendarDate('2022-12-31', 'kk', { day: 'numeric', month: 'short' })).toBe('31 жел.');
    expect(
      formatDateRange({ datePrecision: 'month', startDate: '2022-01-01', endDate: '2022-03-31' }, 'kk'),
    ).toBe('қаң. – нау. 2022 ж.');
  });

  it('uses the platform for the other languages, day before month in English too', () => {
    expect(formatCalendarDate('2022-05-14', 'en', { day: 'numeric', month: 'long', year: 'numeric' })).toBe(
      '14 May 2022',
    );
    expect(formatCalendarDate('2022-05-14', 'it', { day: 'numeric', month: 'long', year: 'numeric' })).toBe(
      '14 maggio 2022',
    );
    expect(formatCalendarDate('2022-05-14', 'ru', { day: 'numeric', month: 'long' })).toBe('14 мая');
  });

  it('names weekdays, Kazakh included', () => {
    expect(formatWeekday('2022-09-03', 'kk')).toBe('Сб');
    expect(formatWeekday('2022-09-05', 'kk')).toBe('Дс');
    expect(formatWeekday('2022-09-05', 'en')).toBe('Mon');
  });
});
