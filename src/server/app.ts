/**
 * The HTTP application: the API under /api (OpenAPI 3.1 at /api/openapi.json, docs at /api/docs)
 * and the built web app for every other path. Each step of a request is one line:
 * load actor → require actor → validate (zod) → command (scoped query, authorize, write, audit) → present.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { initiativeIoRoutes, initiativeRoutes } from './modules/initiatives/index.ts';
import { createAuthRoutes, loadActor, networkRoutes, requireActor } from './modules/missions/index.ts';
import type { TAppConfig, TAppEnv } from './platform/context.ts';
import type { Db } from './platform/db/client.ts';
import { csrfGuard } from './platform/http/csrf.ts';
import { toInputProblem } from './platform/http/db-errors.ts';
import { HttpProblem, renderProblem } from './platform/http/problem.ts';
import { securityHeaders } from './platform/http/security-headers.ts';
import { mountResourceRoutes } from './routes.ts';

const PUBLIC_API_PATHS = new Set([
  '/api/auth/sign-in',
  '/api/auth/sign-out',
  '/api/auth/password-reset',
  '/api/openapi.json',
  '/api/docs',
  '/api/docs/start.js',
  '/api/health',
]);
const PUBLIC_API_PREFIXES = ['/api/auth/link/', '/api/docs/assets/', '/api/calendar-feeds/ics/'];
/** JSON bodies are small; file uploads have their own, larger limit on their route. */
const MAX_JSON_BODY = 1024 * 1024;

export interface TCreateAppOptions {
  db: Db;
  config: TAppConfig;
}

/** Builds the API (and, when `config.webDir` is set, the web app) on one Hono instance. */
export function createApp({ db, config }: TCreateAppOptions) {
  const app = new OpenAPIHono<TAppEnv>();

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return renderProblem(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      const detail = error.status === 400 ? 'The request body is not valid JSON.' : error.message;
      return renderProblem(
        c,
        new HttpProblem(error.status, error.status === 400 ? 'Invalid request' : 'Error', detail),
      );
    }
    const inputProblem = toInputProblem(error);
    if (inputProblem) {
      console.warn(
        `[softpower] ${c.req.method} ${c.req.path} refused by the database: ${inputProblem.message}`,
      );
      return renderProblem(c, inputProblem);
    }
    console.error(`[softpower] ${c.req.method} ${c.req.path} failed:`, error);
    return renderProblem(
      c,
      new HttpProblem(500, 'Internal error', 'Something went wrong on the server. It was logged.'),
    );
  });

  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('config', config);
    await next();
  });

  app.use('*', securityHeaders({ isHttps: config.publicUrl.startsWith('https:') }));
  app.use('/api/*', csrfGuard({ publicUrl: config.publicUrl, isUploadRoute: uploadRoutesOf(app) }));

  app.use('/api/*', async (c, next) => {
    if (!c.req.header('content-type')?.includes('application/json')) return next();
    return bodyLimit({
      maxSize: MAX_JSON_BODY,
      onError: (ctx) =>
        renderProblem(
          ctx,
          new HttpProblem(413, 'Payload too large', 'The request body is larger than 1 MB.'),
        ),
    })(c, next);
  });

  app.use('/api/*', loadActor);
  app.use('/api/*', async (c, next) => {
    if (PUBLIC_API_PATHS.has(c.req.path) || PUBLIC_API_PREFIXES.some((p) => c.req.path.startsWith(p)))
      return next();
    return requireActor(c, next);
  });

  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.route('/api', createAuthRoutes());
  app.route('/api', initiativeRoutes);
  mountResourceRoutes(app);
  app.route('/api', initiativeIoRoutes);
  app.route('/api', networkRoutes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'SoftPower API',
      version: '0.1.0',
      description:
        'Plans, initiatives, partners and people of a mission. Sign in with POST /api/auth/sign-in; the session cookie authenticates every other call. Errors are application/problem+json (RFC 9457).',
    },
  });
  app.get('/api/docs', (c) => c.html(docsPage()));
  // A file, not an inline script: the Content-Security-Policy runs only files of this origin.
  app.get('/api/docs/start.js', (c) =>
    c.body(DOCS_START_SCRIPT, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );
  app.get('/api/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    if (!/^[\w.-]+\.(css|js)$/.test(file)) return c.notFound();
    const path = join(swaggerDir(), file);
    if (!existsSync(path)) return c.notFound();
    return c.body(readFileSync(path), 200, {
      'Content-Type': file.endsWith('.css') ? 'text/css' : 'text/javascript',
      'Cache-Control': 'public, max-age=86400',
    });
  });
  app.all('/api/*', (c) =>
    renderProblem(c, new HttpProblem(404, 'Not found', `No API route ${c.req.method} ${c.req.path}.`)),
  );

  if (config.webDir) mountWebApp(app, config.webDir);
  return app;
}

export type TApp = ReturnType<typeof createApp>;

function swaggerDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('swagger-ui-dist/package.json'), '..');
}

const DOCS_START_SCRIPT =
  "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });\n";

/**
 * The routes whose request body is `multipart/form-data` in the OpenAPI route table: the only
 * ones the CSRF guard lets upload a form. Read on first use, once every route is registered.
 */
function uploadRoutesOf(app: OpenAPIHono<TAppEnv>) {
  let routes: { method: string; pattern: RegExp }[] | undefined;
  return (method: string, path: string) => {
    routes ??= app.openAPIRegistry.definitions.flatMap((d) =>
      d.type === 'route' && d.route.request?.body?.content?.['multipart/form-data']
        ? [
            {
              method: d.route.method.toUpperCase(),
              pattern: new RegExp(`^${d.route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
            },
          ]
        : [],
    );
    return routes.some((r) => r.method === method && r.pattern.test(path));
  };
}

function docsPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SoftPower API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/start.js"></script>
</body></html>`;
}

/** Serves the built web app: real files, else index.html for client-side routes. */
function mountWebApp(app: OpenAPIHono<TAppEnv>, webDir: string) {
  const indexPath = join(webDir, 'index.html');
  app.use(
    '/assets/*',
    serveStatic({
      root: webDir,
      onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use('*', serveStatic({ root: webDir }));
  app.get('*', (c) => {
    if (!existsSync(indexPath)) {
      return c.text('The web app is not built. Run `npm run build` (npm start does it for you).', 503);
    }
    return c.html(readFileSync(indexPath, 'utf8'));
  });
}
