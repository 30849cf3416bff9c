import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TAppEnv } from '../context.ts';

/** Mounts the resources other than accounts and initiatives (missions, plans, organisations, people, audit). */
export function mountResourceRoutes(app: OpenAPIHono<TAppEnv>): void {
  void app;
}
