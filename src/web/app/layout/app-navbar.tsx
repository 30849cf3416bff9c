import { Divider, NavLink, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LanguageSwitcher } from '../../components/language-switcher.tsx';
import type { TMe } from '../../features/auth/api/auth.ts';
import type { TPlanSummary } from '../../features/plans/api/plans.ts';
import { useWorkspace } from '../../lib/workspace.tsx';

/** Mission and plan switchers, the sections of the app, and the language. */
export function AppNavbar({ me, plans }: { me: TMe | null; plans: TPlanSummary[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { missionId, planId, selectMission, selectPlan } = useWorkspace();
  const missions = me?.memberships ?? [];

  const plan = (path: string) => (planId ? `/plans/${planId}/${path}` : '/');
  const role = missions.find((m) => m.missionId === missionId)?.role;
  const groups: { label: string; links: { to: string; label: string; isActive: boolean }[] }[] = [
    {
      label: t('nav.groups.plan'),
      links: [
        {
          to: planId ? `/plans/${planId}` : '/',
          label: t('nav.overview'),
          isActive: /^\/plans\/[^/]+$/.test(pathname),
        },
        { to: plan('initiatives'), label: t('nav.initiatives'), isActive: /\/initiatives/.test(pathname) },
        {
          to: plan('proposals'),
          label: t('nav.proposals'),
          isActive: /\/proposals|\/scoring-rounds/.test(pathname),
        },
        { to: plan('logframe'), label: t('evaluation.nav.logframe'), isActive: /\/logframe$/.test(pathname) },
      ],
    },
    {
      label: t('nav.groups.run'),
      links: [
        { to: plan('meetings'), label: t('monitoring.nav.meetings'), isActive: /\/meetings/.test(pathname) },
        { to: plan('risks'), label: t('risks.nav'), isActive: /\/risks?(\/|$)/.test(pathname) },
        { to: plan('lessons'), label: t('monitoring.nav.lessons'), isActive: /\/lessons/.test(pathname) },
      ],
    },
    {
      label: t('nav.groups.communicate'),
      links: [
        {
          to: plan('communication'),
          label: t('communicationProcedure.nav'),
          isActive: /\/communication$/.test(pathname),
        },
        {
          to: plan('strategy'),
          label: t('communication.nav.communication'),
          isActive: /\/strategy$|^\/press-releases\//.test(pathname),
        },
        { to: '/press', label: t('press.nav'), isActive: /^\/press(\/|$)/.test(pathname) },
        { to: '/bilateral', label: t('bilateral.nav'), isActive: /^\/bilateral$/.test(pathname) },
        {
          to: '/media-contacts',
          label: t('communication.nav.mediaContacts'),
          isActive: pathname.startsWith('/media-contacts'),
        },
      ],
    },
    {
      label: t('nav.groups.measure'),
      links: [
        {
          to: plan('dashboard'),
          label: t('indicators.navLabel'),
          isActive: /\/dashboard|^\/indicators\//.test(pathname),
        },
        {
          to: plan('evaluation'),
          label: t('evaluation.nav.evaluation'),
          isActive: /\/evaluation$/.test(pathname),
        },
      ],
    },
    {
      label: t('nav.groups.people'),
      links: [
        {
          to: '/organisations',
          label: t('nav.organisations'),
          isActive: pathname.startsWith('/organisations'),
        },
        { to: '/team', label: t('nav.team'), isActive: pathname.startsWith('/team') },
        ...(role === 'admin' || role === 'head_of_mission'
          ? [{ to: '/members', label: t('nav.members'), isActive: pathname.startsWith('/members') }]
          : []),
      ],
    },
  ];

  return (
    <Stack gap="sm" h="100%">
      {missions.length > 1 ? (
        <Select
          label={t('nav.mission')}
          data={missions.map((m) => ({ value: m.missionId, label: m.missionName }))}
          value={missionId}
          onChange={(value) => value && selectMission(value)}
          allowDeselect={false}
        />
      ) : (
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {t('nav.mission')}
          </Text>
          <Text size="sm" fw={600}>
            {missions[0]?.missionName ?? t('app.none')}
          </Text>
        </div>
      )}
      <Select
        label={t('nav.plan')}
        placeholder={plans.length ? t('nav.choosePlan') : t('nav.noPlan')}
        data={plans.map((p) => ({ value: p.id, label: `${p.acronym} — ${p.title}` }))}
        value={planId}
        onChange={(value) => value && selectPlan(value)}
        allowDeselect={false}
        disabled={!plans.length}
      />
      <Divider />
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        {groups.map((group) => (
          <div key={group.label}>
            <Text size="xs" c="dimmed" fw={700} tt="uppercase" mt="xs" mb={2} px="xs">
              {group.label}
            </Text>
            {group.links.map((link) => (
              <NavLink
                key={link.to + link.label}
                component={Link}
                to={link.to}
                label={link.label}
                active={link.isActive}
                aria-current={link.isActive ? 'page' : undefined}
                fw={600}
                py={5}
              />
            ))}
          </div>
        ))}
      </ScrollArea>
      <Stack gap="xs">
        <Divider />
        <LanguageSwitcher compact />
      </Stack>
    </Stack>
  );
}
