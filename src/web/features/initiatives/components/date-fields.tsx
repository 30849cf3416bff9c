import { Group, Input, SegmentedControl, Stack } from '@mantine/core';
import { DatePickerInput, MonthPickerInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { endAfterStartMoves, endOfMonth } from '../../../../shared/dates.ts';
import { DATE_PRECISIONS, type TDatePrecision } from '../../../../shared/enums.ts';
import type { TInitiativeFormValues } from './form-values.ts';

const firstOfMonth = (value: string | null) => (value ? `${value.slice(0, 7)}-01` : null);
const lastOfMonth = (value: string | null) => (value ? endOfMonth(value) : null);

/**
 * Start and end, at day precision (date pickers) or month precision ("January–March": month
 * pickers that store the 1st of the first month and the last day of the last one).
 */
export function DateFields<T extends TInitiativeFormValues>({
  form,
  period,
}: {
  form: UseFormReturnType<T>;
  /** The plan's period: the calendars open there rather than on today when today is outside it. */
  period: { start: string | null; end: string | null };
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const values = form.getValues();
  const isMonth = values.datePrecision === 'month';
  const setField = (path: 'startDate' | 'endDate' | 'datePrecision', value: unknown) =>
    form.setFieldValue(path as never, value as never);

  /** A new start carries the end along, so the event keeps its length (a moved concert stays one day). */
  const handleStart = (nextStart: string | null) => {
    const previous = form.getValues();
    setField('startDate', nextStart);
    setField(
      'endDate',
      endAfterStartMoves({
        previousStart: previous.startDate,
        previousEnd: previous.endDate,
        nextStart,
        datePrecision: previous.datePrecision,
      }),
    );
  };

  const handlePrecision = (precision: TDatePrecision) => {
    setField('datePrecision', precision);
    if (precision === 'month') {
      setField('startDate', firstOfMonth(values.startDate));
      setField('endDate', lastOfMonth(values.endDate ?? values.startDate));
    }
  };

  const today = new Date().toISOString().slice(0, 10);
  const isTodayInPeriod = (!period.start || today >= period.start) && (!period.end || today <= period.end);
  const defaultDate = values.startDate ?? (isTodayInPeriod ? undefined : (period.start ?? undefined));
  const startError = form.errors.startDate;
  const endError = form.errors.endDate;
  return (
    <Stack gap="xs">
      <Input.Wrapper label={t('initiative.fields.datePrecision')} labelElement="div" id={labelId}>
        <div>
          <SegmentedControl
            role="radiogroup"
            aria-labelledby={`${labelId}-label`}
            value={values.datePrecision}
            onChange={(value) => handlePrecision(value as TDatePrecision)}
            data={DATE_PRECISIONS.map((p) => ({ value: p, label: t(`enums.datePrecision.${p}`) }))}
          />
        </div>
      </Input.Wrapper>
      <Group grow align="flex-start">
        {isMonth ? (
          <>
            <MonthPickerInput
              label={t('initiative.fields.startMonth')}
              value={values.startDate}
              onChange={(value) => handleStart(firstOfMonth(value))}
              error={startError}
              clearable
              valueFormat="MMMM YYYY"
              defaultDate={defaultDate}
            />
            <MonthPickerInput
              label={t('initiative.fields.endMonth')}
              value={values.endDate}
              onChange={(value) => setField('endDate', lastOfMonth(value))}
              error={endError}
              clearable
              valueFormat="MMMM YYYY"
              minDate={values.startDate ?? undefined}
            />
          </>
        ) : (
          <>
            <DatePickerInput
              label={t('initiative.fields.startDate')}
              value={values.startDate}
              onChange={(value) => handleStart(value)}
              error={startError}
              clearable
              valueFormat="D MMMM YYYY"
              defaultDate={defaultDate}
            />
            <DatePickerInput
              label={t('initiative.fields.endDate')}
              value={values.endDate}
              onChange={(value) => setField('endDate', value)}
              error={endError}
              clearable
              valueFormat="D MMMM YYYY"
              minDate={values.startDate ?? undefined}
            />
          </>
        )}
      </Group>
    </Stack>
  );
}
