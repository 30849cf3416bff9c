/**
 * Cross-site request forgery: the session cookie is SameSite=Lax; on top of that, every
 * state-changing API request (POST, PUT, PATCH, DELETE) must
 * - not come from another site: an `Origin` header, when present, must be the public URL's
 *   origin (scheme, host and port), or — for local use — the request's own origin when that is
 *   http on localhost/127.0.0.1/[::1]; a malformed `Origin`, `Origin: null` and
 *   `Sec-Fetch-Site: cross-site` are refused (403). Requests without `Origin` (the CLI, scripts,
 *   tests) pass, as a browser always sends it on these methods;
 * - carry its body as `application/json`, or `multipart/form-data` on the upload routes (415
 *   otherwise): the content types an HTML form or a "simple" cross-site fetch can send
 *   (text/plain, application/x-www-form-urlencoded) never reach a handler.
 */
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from './problem.ts';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface TCsrfOptions {
  /** SOFTPOWER_PUBLIC_URL: its origin is the one the web app is served from. */
  publicUrl: string;
  /** Whether the route takes `multipart/form-data` (the uploads). */
  isUploadRoute: (method: string, path: string) => boolean;
}

/**
 * The origin of a well-formed `Origin` header, else undefined. A browser sends the serialised
 * origin exactly (`scheme://host[:port]`, lower case, no default port, no path).
 * @example originOf('http://127.0.0.1:3000.evil.example') // undefined
 */
export function originOf(header: string): string | undefined {
  try {
    const url = new URL(header);
    return url.origin !== 'null' && url.origin === header ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the request's own origin is a loopback one: a person running SoftPower on their machine. */
function localOrigin(requestUrl: string): string | undefined {
  const url = new URL(requestUrl);
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url.origin : undefined;
}

/**
 * The media type of a Content-Type header, lower case, without parameters.
 * @example mediaTypeOf('Application/JSON; charset=utf-8') // 'application/json'
 */
export function mediaTypeOf(header: string | undefined): string | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type || undefined;
}

/** Whether the request says it carries a body (HTTP/1.1: Content-Length > 0 or chunked). */
function hasBody(headers: { get(name: string): string | null }): boolean {
  const length = headers.get('content-length');
  if (headers.get('transfer-encoding')) return true;
  if (length !== null) return length.trim() !== '0';
  // No length given: only an in-process request can still have one; it then names its type.
  return headers.get('content-type') !== null;
}

const forbidden = (detail: string) => new HttpProblem(403, 'Forbidden', detail);

/**
 * The middleware for `/api/*` (see the module's comment).
 * @throws HttpProblem 403 cross-site, 415 a body that is neither JSON nor an upload's multipart.
 * @example app.use('/api/*', csrfGuard({ publicUrl: config.publicUrl, isUploadRoute }));
 */
export function csrfGuard(options: TCsrfOptions): MiddlewareHandler {
  const publicOrigin = new URL(options.publicUrl).origin;
  return async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    if (c.req.header('sec-fetch-site') === 'cross-site')
      throw forbidden('Cross-site requests are not accepted.');
    const header = c.req.header('origin');
    if (header !== undefined) {
      if (header.trim() === 'null') throw forbidden('Requests from an opaque origin are not accepted.');
      const origin = originOf(header.trim());
      if (!origin) throw forbidden('The Origin header is not a valid origin.');
      if (origin !== publicOrigin && origin !== localOrigin(c.req.url))
        throw forbidden(`Cross-site requests are not accepted: ${origin} is not ${publicOrigin}.`);
    }
    if (hasBody(c.req.raw.headers)) {
      const type = mediaTypeOf(c.req.header('content-type'));
      const isUpload = options.isUploadRoute(c.req.method, c.req.path);
      const isAccepted = type === 'application/json' || (type === 'multipart/form-data' && isUpload);
      if (!isAccepted)
        throw new HttpProblem(
          415,
          'Unsupported media type',
          isUpload
            ? `Send the file as multipart/form-data, not ${type ?? 'a body without a Content-Type'}.`
            : `Send the body as application/json, not ${type ?? 'a body without a Content-Type'}.`,
        );
    }
    return next();
  };
}
