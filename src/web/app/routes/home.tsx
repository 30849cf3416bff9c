import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { usePlans } from '../../features/plans/api/plans.ts';
import { useWorkspace } from '../../lib/workspace.tsx';

/** `/`: opens the last plan used (or the mission's first), or says there is none. */
export function HomeRoute() {
  const { t } = useTranslation();
  const { missionId, planId } = useWorkspace();
  const plans = usePlans(missionId);
  if (planId) return <Navigate to={`/plans/${planId}`} replace />;
  if (plans.isPending || plans.isError) return <QueryState query={plans} />;
  return (
    <Paper withBorder p="xl" maw={640}>
      <Stack>
        <Title order={1} size="h2">
          {t('plan.noPlanTitle')}
        </Title>
        <Text>{t('plan.noPlanText')}</Text>
        <Button component="a" href="/api/docs" variant="default" w="fit-content">
          {t('nav.apiDocs')}
        </Button>
      </Stack>
    </Paper>
  );
}
