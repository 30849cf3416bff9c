import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useInitiativeAlerts } from '../api/risks.ts';

/** The warning an initiative shows while an alert on a risk that exposes it is open, with its fallback. */
export function InitiativeAlerts({
  initiativeId,
  fallbackAlternative,
}: {
  initiativeId: string;
  fallbackAlternative: string | null;
}) {
  const { t } = useTranslation();
  const alerts = useInitiativeAlerts(initiativeId);
  if (!alerts.data?.items.length) return null;
  return (
    <Stack gap="xs" mb="md">
      {alerts.data.items.map((alert) => (
        <Alert
          key={alert.id}
          role="alert"
          color={alert.level === 'red' ? 'red' : 'yellow'}
          title={t('risks.warning.title', { metric: alert.metric, level: t(`risks.status.${alert.level}`) })}
        >
          <Text size="sm">
            {t('risks.warning.body', { risk: alert.risk.title })}{' '}
            <Anchor component={Link} to={`/risks/${alert.risk.id}`} size="sm">
              {t('risks.openRisk')}
            </Anchor>
          </Text>
          <Text size="sm" fw={700} mt={4}>
            {fallbackAlternative
              ? t('risks.warning.fallback', { fallback: fallbackAlternative })
              : t('risks.warning.noFallback')}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
