/**
 * Errors as RFC 9457 problem details (`application/problem+json`). Routes and commands throw
 * `HttpProblem`s; the app's error handler renders them. Anything else becomes a 500 whose
 * details are logged, never sent.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export interface TFieldError {
  /** Dotted path of the invalid field, e.g. `partners.0.role`; for imports `row 3, column type`. */
  field: string;
  message: string;
}

export interface TProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: TFieldError[];
  [extension: string]: unknown;
}

export class HttpProblem extends Error {
  readonly status: ContentfulStatusCode;
  readonly title: string;
  readonly errors?: TFieldError[];
  readonly extensions: Record<string, unknown>;

  constructor(
    status: ContentfulStatusCode,
    title: string,
    detail?: string,
    options: { errors?: TFieldError[]; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail ?? title);
    this.status = status;
    this.title = title;
    this.errors = options.errors;
    this.extensions = options.extensions ?? {};
  }

  toJSON(): TProblem {
    return {
      type: `https://softpower.dev/problems/${this.title.toLowerCase().replaceAll(' ', '-')}`,
      title: this.title,
      status: this.status,
      detail: this.message,
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const badRequest = (detail: string, errors?: TFieldError[]) =>
  new HttpProblem(400, 'Invalid request', detail, { errors });
export const unauthorized = (detail = 'Sign in to continue.') => new HttpProblem(401, 'Unauthorized', detail);
export const forbidden = (detail = 'You are not allowed to do this.') =>
  new HttpProblem(403, 'Forbidden', detail);
export const notFound = (what = 'Record') => new HttpProblem(404, 'Not found', `${what} not found.`);
export const conflict = (detail: string, extensions?: Record<string, unknown>) =>
  new HttpProblem(409, 'Conflict', detail, { extensions });
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new HttpProblem(429, 'Too many requests', detail, { extensions: { retryAfterSeconds } });

/** Turns zod issues into field errors with readable paths. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): TFieldError[] {
  return issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
  }));
}

export function renderProblem(c: Context, problem: HttpProblem): Response {
  if (problem.status === 429) c.header('Retry-After', String(problem.extensions.retryAfterSeconds ?? 60));
  return c.body(JSON.stringify(problem.toJSON()), problem.status, {
    'Content-Type': 'application/problem+json',
  });
}
