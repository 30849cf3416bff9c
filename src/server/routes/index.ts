import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TAppEnv } from '../context.ts';
import { auditRoutes } from './audit/index.ts';
import { missionRoutes } from './missions/index.ts';
import { organisationRoutes } from './organisations/index.ts';
import { personRoutes } from './people/index.ts';
import { planRoutes } from './plans/index.ts';
import { pressRoutes } from './press/index.ts';
import { proposalRoutes } from './proposals/index.ts';
import { scoringRoutes } from './scoring-rounds/index.ts';

/** Mounts the resources other than accounts and initiatives (missions, plans, organisations, people, proposals, scoring, audit). */
export function mountResourceRoutes(app: OpenAPIHono<TAppEnv>): void {
  app.route('/api', missionRoutes);
  app.route('/api', planRoutes);
  app.route('/api', organisationRoutes);
  app.route('/api', personRoutes);
  app.route('/api', proposalRoutes);
  app.route('/api', scoringRoutes);
  app.route('/api', auditRoutes);
  app.route('/api', pressRoutes);
}
