/**
 * Field errors in the reader's language. The shared zod schemas and the server speak English;
 * their known messages map to translated ones, anything else is shown as it is.
 */

import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { TFieldError } from './api-client.ts';

const RULES: Array<[RegExp, (t: TFunction, match: RegExpMatchArray) => string]> = [
  [/^(is required|must not be empty|must be an identifier)/, (t) => t('validation.required')],
  [/^must be at most (\d+) characters/, (t, m) => t('validation.tooLong', { max: Number(m[1]) })],
  [/^must have at least (\d+) characters/, (t, m) => t('validation.tooShort', { min: Number(m[1]) })],
  [/^must be a date in the form/, (t) => t('validation.date')],
  [/^must not be before the start date/, (t) => t('validation.endBeforeStart')],
  [/^needs a start date/, (t) => t('validation.needsStart')],
  [/^must be (one of|day or month|product or process|standard or major)/, (t) => t('validation.oneOf')],
  [/^must not be negative/, (t) => t('validation.notNegative')],
  [/^must be a number/, (t) => t('validation.number')],
  [/^must be an e-mail address/, (t) => t('validation.email')],
  [/^must not contain control characters/, (t) => t('validation.controlCharacters')],
  [/^must not contain invalid characters/, (t) => t('validation.invalidCharacters')],
  [/^must be a single line/, (t) => t('validation.singleLine')],
  [
    /^must be between (\d{4}-\d{2}(?:-\d{2})?) and (\d{4}-\d{2}(?:-\d{2})?)$/,
    (t, m) => t('validation.dateRange', { min: m[1], max: m[2] }),
  ],
  [/^must be a month in the form/, (t) => t('validation.month')],
  [/^must use http or https/, (t) => t('validation.httpOnly')],
  [/^must not contain spaces or control characters/, (t) => t('validation.urlCharacters')],
  [/^(must be a web address|must name a host|must be an http or https address)/, (t) => t('validation.url')],
  [/^must be a whole number/, (t) => t('validation.wholeNumber')],
  [/^must be a finite number/, (t) => t('validation.number')],
  [
    /^must be between (-?[\d.e+]+) and (-?[\d.e+]+)$/,
    (t, m) => t('validation.between', { min: m[1], max: m[2] }),
  ],
  [/^must be at least (-?\d+)$/, (t, m) => t('validation.atLeast', { min: m[1] })],
  [/^must be 1 or more/, (t) => t('validation.atLeast', { min: '1' })],
  [/^must be at most (-?\d+)$/, (t, m) => t('validation.atMost', { max: m[1] })],
  [/^must be less than (\d+)/, (t, m) => t('validation.lessThan', { max: m[1] })],
  [/^must have at most (\d+) decimals/, (t, m) => t('validation.decimals', { max: Number(m[1]) })],
  [/^must be (lowercase|lower-case) letters, digits/, (t) => t('validation.key')],
  [/^must be letters, digits, "\."/, (t) => t('validation.recordKey')],
];

/** @example translateMessage(t, 'must not be empty') // 'Obbligatorio' in Italian */
export function translateMessage(t: TFunction, message: string): string {
  for (const [pattern, render] of RULES) {
    const match = message.match(pattern);
    if (match) return render(t, match);
  }
  return message;
}

/** A Mantine form validator from a shared zod schema, with translated messages at each field. */
export function zodFormResolver(schema: z.ZodType, t: TFunction) {
  return (values: unknown): FormErrors => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: FormErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || 'form';
      errors[path] ??= translateMessage(t, issue.message);
    }
    return errors;
  };
}

/** The server's 400 `errors` as Mantine form errors. */
export function toFormErrors(t: TFunction, errors: readonly TFieldError[]): FormErrors {
  const formErrors: FormErrors = {};
  for (const { field, message } of errors) formErrors[field] ??= translateMessage(t, message);
  return formErrors;
}
