import { createBrowserRouter } from 'react-router';
import { AuthGate, RouteLoading } from './auth-gate.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { HomeRoute } from './routes/home.tsx';
import { InitiativeRoute } from './routes/initiative.tsx';
import { InitiativesRoute } from './routes/initiatives.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { PlanOverviewRoute } from './routes/plan-overview.tsx';

/**
 * URLs carry what a person would share: the plan, the initiative, the table's filters.
 * Heavier parts (charts, forms with date pickers, lists of partners) load on first use.
 */
export const router = createBrowserRouter([
  {
    element: <AuthGate />,
    HydrateFallback: RouteLoading,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRoute /> },
          { path: 'plans/:planId', element: <PlanOverviewRoute /> },
          { path: 'plans/:planId/initiatives', element: <InitiativesRoute /> },
          {
            path: 'plans/:planId/initiatives/new',
            lazy: async () => ({
              Component: (await import('./routes/create-initiative.tsx')).CreateInitiativeRoute,
            }),
          },
          {
            path: 'plans/:planId/proposals',
            lazy: async () => ({ Component: (await import('./routes/proposals.tsx')).ProposalsRoute }),
          },
          {
            path: 'plans/:planId/evaluation',
            lazy: async () => ({ Component: (await import('./routes/evaluation.tsx')).EvaluationRoute }),
          },
          {
            path: 'plans/:planId/logframe',
            lazy: async () => ({ Component: (await import('./routes/logframe.tsx')).LogframeRoute }),
          },
          {
            path: 'plans/:planId/dashboard',
            lazy: async () => ({
              Component: (await import('./routes/results-dashboard.tsx')).ResultsDashboardRoute,
            }),
          },
          {
            path: 'indicators/:indicatorId',
            lazy: async () => ({ Component: (await import('./routes/indicator.tsx')).IndicatorRoute }),
          },
          {
            path: 'plans/:planId/communication',
            lazy: async () => ({
              Component: (await import('./routes/communication.tsx')).CommunicationRoute,
            }),
          },
          {
            path: 'proposals/:proposalId',
            lazy: async () => ({ Component: (await import('./routes/proposal.tsx')).ProposalRoute }),
          },
          {
            path: 'scoring-rounds/:roundId',
            lazy: async () => ({ Component: (await import('./routes/scoring-round.tsx')).ScoringRoundRoute }),
          },
          { path: 'initiatives/:initiativeId', element: <InitiativeRoute /> },
          {
            path: 'plans/:planId/meetings',
            lazy: async () => ({ Component: (await import('./routes/meetings.tsx')).MeetingsRoute }),
          },
          {
            path: 'meetings/:meetingId',
            lazy: async () => ({ Component: (await import('./routes/meeting.tsx')).MeetingRoute }),
          },
          {
            path: 'plans/:planId/lessons',
            lazy: async () => ({ Component: (await import('./routes/lessons.tsx')).LessonsRoute }),
          },
          {
            path: 'plans/:planId/risks',
            lazy: async () => ({ Component: (await import('./routes/risks.tsx')).RisksRoute }),
          },
          {
            path: 'risks/:riskId',
            lazy: async () => ({ Component: (await import('./routes/risk.tsx')).RiskRoute }),
          },
          {
            path: 'initiatives/:initiativeId/edit',
            lazy: async () => ({
              Component: (await import('./routes/edit-initiative.tsx')).EditInitiativeRoute,
            }),
          },
          {
            path: 'organisations',
            lazy: async () => ({
              Component: (await import('./routes/organisations.tsx')).OrganisationsRoute,
            }),
          },
          {
            path: 'organisations/:organisationId',
            lazy: async () => ({ Component: (await import('./routes/organisation.tsx')).OrganisationRoute }),
          },
          {
            path: 'team',
            lazy: async () => ({ Component: (await import('./routes/team.tsx')).TeamRoute }),
          },
          {
            path: 'team/:personId',
            lazy: async () => ({ Component: (await import('./routes/person.tsx')).PersonRoute }),
          },
          {
            path: 'members',
            lazy: async () => ({ Component: (await import('./routes/members.tsx')).MembersRoute }),
          },
          {
            path: 'account',
            lazy: async () => ({ Component: (await import('./routes/account.tsx')).AccountRoute }),
          },
          {
            path: 'plans/:planId/strategy',
            lazy: async () => ({
              Component: (await import('./routes/communication-strategy.tsx')).CommunicationStrategyRoute,
            }),
          },
          {
            path: 'press-releases/:pressReleaseId',
            lazy: async () => ({
              Component: (await import('./routes/communication-strategy.tsx')).PressReleaseRoute,
            }),
          },
          {
            path: 'media-contacts',
            lazy: async () => ({
              Component: (await import('./routes/communication-strategy.tsx')).MediaContactsRoute,
            }),
          },
          {
            path: 'press',
            lazy: async () => ({ Component: (await import('./routes/press.tsx')).PressRoute }),
          },
          {
            path: 'press/:itemId',
            lazy: async () => ({ Component: (await import('./routes/press-item.tsx')).PressItemRoute }),
          },
          {
            path: 'bilateral',
            lazy: async () => ({ Component: (await import('./routes/bilateral.tsx')).BilateralRoute }),
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
