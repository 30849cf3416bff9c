/**
 * The typed API client. Types come from src/shared/api/openapi.d.ts, generated from the
 * server's routes (`npm run gen:api`): never write API types by hand.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from '../../shared/api/openapi.d.ts';

export type TSchemas = components['schemas'];
export type TProblem = TSchemas['Problem'];
export type TFieldError = NonNullable<TProblem['errors']>[number];

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });

/** A failed API call: the HTTP status and the server's problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: TProblem;
  /** For 429: how long to wait before trying again. */
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Partial<TProblem> | undefined, retryAfter?: string | null) {
    const detail = problem?.detail ?? problem?.title ?? `The server answered ${status}.`;
    super(detail);
    this.status = status;
    this.problem = {
      type: problem?.type ?? 'about:blank',
      title: problem?.title ?? 'Error',
      status,
      detail,
      errors: problem?.errors,
    };
    const seconds = Number(retryAfter);
    this.retryAfterSeconds = retryAfter && Number.isFinite(seconds) ? seconds : null;
  }

  get fieldErrors(): TFieldError[] {
    return this.problem.errors ?? [];
  }
}

/**
 * Returns `data` of an openapi-fetch result, or throws an ApiError carrying the problem.
 * @example const me = await unwrap(api.GET('/api/auth/me'));
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, {
      title: 'Network error',
      detail: 'The server could not be reached. Check your connection and try again.',
    });
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const problem = typeof error === 'object' && error ? (error as Partial<TProblem>) : undefined;
    throw new ApiError(response.status, problem, response.headers.get('retry-after'));
  }
  return data as T;
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);
