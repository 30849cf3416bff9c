import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { ZQueryVersion } from '../../../shared/schemas/common.ts';
import type { TAppEnv } from '../context.ts';
import { badRequest, toFieldErrors } from './problem.ts';

/**
 * A router whose validation failures become 400 problems naming each field and why.
 * @example const app = createRouter(); app.openapi(route, handler);
 */
export function createRouter() {
  return new OpenAPIHono<TAppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = result.target === 'json' ? 'body' : result.target;
        throw badRequest(`The request's ${where} is not valid.`, toFieldErrors(result.error.issues));
      }
    },
  });
}

/** The problem+json body, for OpenAPI responses. */
export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ZProblem } },
});

/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: problem('Invalid input: `errors` names each field and why.'),
  401: problem('Not signed in.'),
  403: problem('Signed in, but not allowed.'),
  404: problem('Not found, or in a mission you cannot see.'),
} as const;

export const conflictResponse = { 409: problem('Someone else saved first; nothing was changed.') } as const;

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

export const ZIdParam = z.object({ id: z.uuid({ error: 'must be an identifier (UUID)' }) });

/** `?version=N` on DELETE: archive only if the record is still at that version. */
export const ZArchiveQuery = z.object({ version: ZQueryVersion.optional() });
