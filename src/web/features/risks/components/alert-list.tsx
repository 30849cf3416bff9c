import { Alert, Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { type TAlert, useAlerts, useResolveAlert } from '../api/risks.ts';

/** One open alert: what crossed, when, the exposed initiatives, the task, and resolving it with a note. */
export function AlertItem({ alert, canWrite }: { alert: TAlert; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const resolve = useResolveAlert(alert.id);
  const [isResolving, setIsResolving] = useState(false);
  const [note, setNote] = useState('');
  const noteError =
    resolve.error && isApiError(resolve.error, 400) ? resolve.error.fieldErrors[0]?.message : null;
  const level = t(`risks.status.${alert.level}`);
  return (
    <Alert
      color={alert.level === 'red' ? 'red' : 'yellow'}
      variant="light"
      title={t('risks.alert.title', { metric: alert.metric, level })}
      aria-label={t('risks.alert.title', { metric: alert.metric, level })}
    >
      <Stack gap={4}>
        <Text size="sm">
          <Anchor component={Link} to={`/risks/${alert.risk.id}`} size="sm">
            {alert.risk.title}
          </Anchor>
        </Text>
        {alert.observation && (
          <Text size="xs">
            {t('risks.alert.raised', {
              date: format.day(alert.raisedAt),
              value: `${format.number(alert.observation.value)}${alert.unit ? ` ${alert.unit}` : ''}`,
              observedOn: format.day(alert.observation.observedOn),
            })}
          </Text>
        )}
        {alert.exposedInitiatives.map((i) => (
          <Text size="xs" key={i.id}>
            <Anchor component={Link} to={`/initiatives/${i.id}`} size="xs">
              {i.title}
            </Anchor>
            {i.fallbackAlternative &&
              ` — ${t('risks.warning.fallback', { fallback: i.fallbackAlternative })}`}
          </Text>
        ))}
        {alert.task && (
          <Text size="xs" fw={600}>
            {t('risks.alert.task', { title: alert.task.title })}
          </Text>
        )}
        {canWrite && !isResolving && (
          <Group>
            <Button size="compact-xs" variant="white" onClick={() => setIsResolving(true)}>
              {t('risks.alert.resolve')}
            </Button>
          </Group>
        )}
        {isResolving && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              resolve.mutate(note, {
                onSuccess: () => notifications.show({ color: 'green', message: t('risks.alert.resolved') }),
              });
            }}
            noValidate
          >
            <Stack gap={6}>
              <Textarea
                label={t('risks.alert.note')}
                withAsterisk
                autosize
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={noteError}
                data-autofocus
              />
              <Group gap="xs">
                <Button type="submit" size="compact-sm" loading={resolve.isPending}>
                  {t('risks.alert.resolve')}
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => setIsResolving(false)}>
                  {t('app.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Alert>
  );
}

/** The plan's open alerts, newest first. */
export function AlertList({ planId, canWrite }: { planId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const alerts = useAlerts(planId);
  if (!alerts.data?.items.length)
    return (
      <Text size="sm" c="dimmed">
        {t('risks.noAlerts')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {alerts.data.items.map((alert) => (
        <AlertItem key={alert.id} alert={alert} canWrite={canWrite} />
      ))}
    </Stack>
  );
}
