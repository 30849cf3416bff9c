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
            path: 'proposals/:proposalId',
            lazy: async () => ({ Component: (await import('./routes/proposal.tsx')).ProposalRoute }),
          },
          {
            path: 'scoring-rounds/:roundId',
            lazy: async () => ({ Component: (await import('./routes/scoring-round.tsx')).ScoringRoundRoute }),
          },
          { path: 'initiatives/:initiativeId', element: <InitiativeRoute /> },
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
            path: 'press',
            lazy: async () => ({ Component: (await import('./routes/press.tsx')).PressRoute }),
          },
          {
            path: 'press/:itemId',
            lazy: async () => ({ Component: (await import('./routes/press-item.tsx')).PressItemRoute }),
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
