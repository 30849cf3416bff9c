/**
 * An import's answer lists at most the first `maxListedErrors` errors, with the total beside
 * them: 100,000 bad rows must not become a 14 MB answer.
 */
import { z } from 'zod';
import { HttpProblem, type TFieldError } from '../http/problem.ts';
import { UPLOAD_LIMITS } from './limits.ts';

/**
 * The first errors and their total.
 * @example const { errors, errorCount } = listErrors(all); // errors.length <= 100
 */
export function listErrors<T extends TFieldError>(
  errors: readonly T[],
  max: number = UPLOAD_LIMITS.maxListedErrors,
): { errors: T[]; errorCount: number } {
  return { errors: errors.slice(0, max), errorCount: errors.length };
}

/**
 * The 400 of an import with errors: `errors` holds the first 100, `errorCount` (and its alias
 * `totalErrors`) the total, and `detail` says how many were left out.
 */
export function importErrorsProblem(
  errors: readonly TFieldError[],
  options: { what?: string; extensions?: Record<string, unknown> } = {},
): HttpProblem {
  const listed = listErrors(errors);
  const what = options.what ?? 'The file';
  const count = listed.errorCount === 1 ? '1 error' : `${listed.errorCount.toLocaleString('en')} errors`;
  const more =
    listed.errorCount > listed.errors.length ? ` (the first ${listed.errors.length} are listed)` : '';
  return new HttpProblem(400, 'Invalid request', `${what} has ${count}${more}: nothing was imported.`, {
    errors: listed.errors,
    extensions: { ...options.extensions, errorCount: listed.errorCount, totalErrors: listed.errorCount },
  });
}

/**
 * The problem fields of an import refused for its rows, for the routes' OpenAPI responses:
 * the first errors with their row and column, and the count of all of them.
 * @example const ZImportProblem = ZProblem.extend(importProblemFields).meta({ id: 'XImportProblem' });
 */
export const importProblemFields = {
  errors: z
    .array(
      z.object({
        field: z.string(),
        message: z.string(),
        row: z.number().int().optional(),
        column: z.string().optional(),
      }),
    )
    .optional(),
  errorCount: z
    .number()
    .int()
    .optional()
    .meta({ description: `All the errors; \`errors\` lists the first ${UPLOAD_LIMITS.maxListedErrors}` }),
  totalErrors: z.number().int().optional(),
};
