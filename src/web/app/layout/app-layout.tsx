import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { WorkspaceContext } from '../../lib/workspace.tsx';
import { AppNavbar } from './app-navbar.tsx';
import { useWorkspaceState } from './use-workspace-state.ts';
import { UserMenu } from './user-menu.tsx';

/** The signed-in frame: header, navigation with the mission and plan switchers, main content. */
export function AppLayout() {
  const { t } = useTranslation();
  const [isNavOpen, { toggle, close }] = useDisclosure();
  const { workspace, plans, me } = useWorkspaceState();
  const location = useLocation();

  // On small screens the navigation closes after each move.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation
  useEffect(() => close(), [location.pathname, close]);

  return (
    <WorkspaceContext value={workspace}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !isNavOpen } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={isNavOpen}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggleNavigation')}
              />
              <Text component={Link} to="/" fw={800} c="blue.8" size="lg" td="none">
                {t('app.name')}
              </Text>
              <Text size="sm" c="dimmed" visibleFrom="md">
                {t('app.tagline')}
              </Text>
            </Group>
            {me && <UserMenu me={me} />}
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label={t('nav.mainNavigation')}>
          <AppNavbar me={me} plans={plans.data ?? []} />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} bg="gray.0">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </WorkspaceContext>
  );
}
