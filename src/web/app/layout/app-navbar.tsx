import { Divider, NavLink, Select, Stack, Text } from '@mantine/core';
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

  const links = [
    {
      to: planId ? `/plans/${planId}` : '/',
      label: t('nav.overview'),
      isActive: /^\/plans\/[^/]+$/.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/initiatives` : '/',
      label: t('nav.initiatives'),
      isActive: /\/initiatives/.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/proposals` : '/',
      label: t('nav.proposals'),
      isActive: /\/proposals|\/scoring-rounds/.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/logframe` : '/',
      label: t('evaluation.nav.logframe'),
      isActive: /\/logframe$/.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/evaluation` : '/',
      label: t('evaluation.nav.evaluation'),
      isActive: /\/evaluation$/.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/dashboard` : '/',
      label: t('indicators.navLabel'),
      isActive: /\/dashboard|^\/indicators\//.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/meetings` : '/',
      label: t('monitoring.nav.meetings'),
      isActive: /\/meetings/.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/lessons` : '/',
      label: t('monitoring.nav.lessons'),
      isActive: /\/lessons/.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/risks` : '/',
      label: t('risks.nav'),
      isActive: /\/risks/.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/communication` : '/',
      label: t('communicationProcedure.nav'),
      isActive: /\/communication/.test(pathname),
    },
    {
      to: planId ? `/plans/${planId}/strategy` : '/',
      label: t('communication.nav.communication'),
      isActive: /\/strategy|\/press-releases/.test(pathname),
    },
    {
      to: '/media-contacts',
      label: t('communication.nav.mediaContacts'),
      isActive: pathname.startsWith('/media-contacts'),
    },
    { to: '/organisations', label: t('nav.organisations'), isActive: pathname.startsWith('/organisations') },
    { to: '/team', label: t('nav.team'), isActive: pathname.startsWith('/team') },
    { to: '/press', label: t('press.nav'), isActive: pathname.startsWith('/press') },
  ];
  const role = missions.find((m) => m.missionId === missionId)?.role;
  if (role === 'admin' || role === 'head_of_mission')
    links.push({ to: '/members', label: t('nav.members'), isActive: pathname.startsWith('/members') });

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
      <div>
        {links.map((link) => (
          <NavLink
            key={link.label}
            component={Link}
            to={link.to}
            label={link.label}
            active={link.isActive}
            aria-current={link.isActive ? 'page' : undefined}
            fw={600}
          />
        ))}
      </div>
      <Stack mt="auto" gap="xs">
        <Divider />
        <LanguageSwitcher compact />
      </Stack>
    </Stack>
  );
}
