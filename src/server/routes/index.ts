import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TAppEnv } from '../context.ts';
import { auditRoutes } from './audit/index.ts';
import { bilateralRoutes } from './bilateral/index.ts';
import { communicationRoutes } from './communication/index.ts';
import { communicationProcedureRoutes } from './communication-procedure/index.ts';
import { evaluationRoutes } from './evaluation/index.ts';
import { missionRoutes } from './missions/index.ts';
import { monitoringRoutes } from './monitoring/index.ts';
import { organisationRoutes } from './organisations/index.ts';
import { personRoutes } from './people/index.ts';
import { planRoutes } from './plans/index.ts';
import { pressRoutes } from './press/index.ts';
import { proposalRoutes } from './proposals/index.ts';
import { resultsRoutes } from './results/index.ts';
import { riskRoutes } from './risks/index.ts';
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
  app.route('/api', evaluationRoutes);
  app.route('/api', resultsRoutes);
  app.route('/api', monitoringRoutes);
  app.route('/api', riskRoutes);
  app.route('/api', communicationProcedureRoutes);
  app.route('/api', communicationRoutes);
  app.route('/api', pressRoutes);
  app.route('/api', bilateralRoutes);
}
