/**
 * The last line of defence against input that slipped past the schemas: a PostgreSQL error
 * caused by the data sent (too long, out of range, bad character, broken reference, duplicate)
 * becomes a 400 (409 for a duplicate) without SQL details; anything else stays a 500.
 */
import { conflict, HttpProblem } from './problem.ts';

const INPUT_ERRORS: Record<string, string> = {
  '22001': 'A value is longer than the field allows.',
  '22003': 'A number is out of the range the field allows.',
  '22007': 'A date or time is not valid.',
  '22008': 'A date or time is out of range.',
  '22P02': 'A value has the wrong form for its field.',
  '22P05': 'A text contains a character that cannot be stored (such as NUL).',
  '22021': 'A text contains a character that cannot be stored.',
  '23502': 'A required value is missing.',
  '23503': 'A referenced record does not exist.',
  '23514': 'A value breaks a rule of the field.',
};

/** The SQLSTATE of a database error, looking through Drizzle's wrapping (`cause`). */
export function sqlStateOf(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * The problem for a database error caused by input, or null when it is not one.
 * @example toInputProblem({ code: '22P05' })?.status // 400
 */
export function toInputProblem(error: unknown): HttpProblem | null {
  const code = sqlStateOf(error);
  if (!code) return null;
  if (code === '23505') return conflict('A record with the same value already exists.');
  const detail = INPUT_ERRORS[code];
  return detail ? new HttpProblem(400, 'Invalid request', detail) : null;
}
