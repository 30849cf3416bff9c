/**
 * Security headers on every response: the web app and the API docs get a Content-Security-Policy
 * that runs only the app's own script files; API responses (JSON, files) get one that runs
 * nothing at all. No page may be framed. Referrers are not sent: sign-in links carry their
 * token in the path, and a page opened from the app must not learn the address it came from.
 */
import type { MiddlewareHandler } from 'hono';

/**
 * For the web app and /api/docs. `style-src 'unsafe-inline'`: Mantine and Emotion-style
 * libraries write style attributes and <style> elements at run time; scripts stay
 * self-only. `data:` images for the inline SVG favicon and Mantine's icons.
 */
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** For API answers: nothing in them is ever run or loaded, even if opened as a page. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Two years, the value HSTS preload lists ask for. */
const HSTS = 'max-age=63072000; includeSubDomains';

const isApiData = (path: string) => path.startsWith('/api/') && !path.startsWith('/api/docs');

/**
 * Sets the headers after the route answered (routes may set their own `Cache-Control`).
 * @param options.isHttps the public URL is https: add Strict-Transport-Security.
 * @example app.use('*', securityHeaders({ isHttps: config.publicUrl.startsWith('https:') }));
 */
export function securityHeaders(options: { isHttps: boolean }): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    const path = c.req.path;
    headers.set('Content-Security-Policy', isApiData(path) ? API_CSP : WEB_APP_CSP);
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (options.isHttps) headers.set('Strict-Transport-Security', HSTS);
    // API answers carry mission data: never kept by a browser or a shared cache unless the
    // route said otherwise (the docs' assets, the logos).
    if (path.startsWith('/api/') && !headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  };
}
