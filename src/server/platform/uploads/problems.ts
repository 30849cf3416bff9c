/** The answers of a refused upload: a 400 (or 413) naming the form field and the reason. */
import { HttpProblem } from '../http/problem.ts';
import { UPLOAD_LIMITS } from './limits.ts';

/**
 * A refused file: `detail` is "The {field} {message}.", `errors` names the field.
 * @example throw fileRefused('file', '"a.xlsx" is encrypted');
 */
export const fileRefused = (field: string, message: string, status: 400 | 413 = 400) =>
  new HttpProblem(
    status,
    status === 413 ? 'Payload too large' : 'Invalid request',
    `The ${field} ${message}.`,
    {
      errors: [{ field, message }],
    },
  );

/** The 400 of a file with more data rows than an import takes. */
export const tooManyRows = (field: string, count: number, maxRows: number = UPLOAD_LIMITS.maxRows) =>
  fileRefused(
    field,
    `has ${count.toLocaleString('en')} rows: at most ${maxRows.toLocaleString('en')} can be imported at once, split it`,
  );
