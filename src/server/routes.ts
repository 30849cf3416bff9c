import type { OpenAPIHono } from '@hono/zod-openapi';
import { bilateralRoutes } from './modules/bilateral/index.ts';
import { communicationProcedureRoutes, communicationRoutes } from './modules/communication/index.ts';
import { evaluationRoutes } from './modules/evaluation/index.ts';
import { auditRoutes, missionRoutes } from './modules/missions/index.ts';
import { monitoringRoutes } from './modules/monitoring/index.ts';
import { organisationRoutes, personRoutes } from './modules/partners/index.ts';
import { planRoutes } from './modules/plans/index.ts';
import { pressRoutes } from './modules/press/index.ts';
import { resultsRoutes } from './modules/results/index.ts';
import { riskRoutes } from './modules/risks/index.ts';
import { proposalRoutes, scoringRoutes } from './modules/selection/index.ts';
import type { TAppEnv } from './platform/context.ts';

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
