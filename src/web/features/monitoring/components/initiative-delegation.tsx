import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/field-list.tsx';
import { api, unwrap } from '../../../lib/api-client.ts';
import { useFormat } from '../../../lib/format.ts';
import { useServerTexts } from '../../../lib/server-texts.ts';
import { monitoringKeys, useAssignments, useCanWrite, useOwnerSuggestions } from '../api/monitoring.ts';

export interface TDelegatedInitiative {
  id: string;
  missionId: string;
  version: number;
  owner: { id: string } | null;
  delegates: readonly { id: string }[];
}

/** Suggested owners and delegates with their reasons, one click to assign; and the history. */
export function InitiativeDelegation({ initiative }: { initiative: TDelegatedInitiative }) {
  const { t } = useTranslation();
  const format = useFormat();
  const serverTexts = useServerTexts();
  const queryClient = useQueryClient();
  const suggestions = useOwnerSuggestions(initiative.id);
  const history = useAssignments(initiative.id);
  const canWrite = useCanWrite(initiative.missionId);
  const assign = useMutation({
    mutationFn: (change: { ownerId?: string; delegateIds?: string[] }) =>
      unwrap(
        api.PATCH('/api/initiatives/{id}', {
          params: { path: { id: initiative.id } },
          body: { ...change, version: initiative.version },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(['initiatives', 'detail', initiative.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['initiatives', 'list'] });
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.suggestions(initiative.id) });
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.assignments(initiative.id) });
      notifications.show({ color: 'green', message: t('monitoring.suggestions.assigned') });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  // External collaborators do not see the team: the panel stays hidden.
  if (suggestions.isError || history.isError) return null;
  const delegateIds = initiative.delegates.map((d) => d.id);

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" data-print-hide>
      <SectionCard title={t('monitoring.suggestions.title')}>
        <Text size="sm" c="dimmed" mb="xs">
          {t('monitoring.suggestions.intro')}
          {suggestions.data?.hostLanguages.length
            ? ` ${t('monitoring.suggestions.hostLanguages', {
                languages: suggestions.data.hostLanguages.map((l) => l.toUpperCase()).join(', '),
              })}`
            : ''}
        </Text>
        {suggestions.data?.items.length === 0 && <Text size="sm">{t('monitoring.suggestions.empty')}</Text>}
        <Stack gap="xs">
          {suggestions.data?.items.slice(0, 5).map((s) => (
            <Paper key={s.personId} withBorder p="xs" aria-label={s.fullName}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div>
                  <Group gap={6}>
                    <Text fw={700} size="sm" component={Link} to={`/team/${s.personId}`} c="dark.8">
                      {s.fullName}
                    </Text>
                    <Badge variant="light" tt="none">
                      {t('monitoring.suggestions.score', { score: format.number(s.score) })}
                    </Badge>
                    {s.isOwner && <Badge color="green">{t('monitoring.suggestions.isOwner')}</Badge>}
                    {s.isDelegate && <Badge color="teal">{t('monitoring.suggestions.isDelegate')}</Badge>}
                  </Group>
                  <List size="xs" mt={4} spacing={0}>
                    {s.reasons.map((r) => (
                      <List.Item key={r.text} c={r.points < 0 ? 'red.8' : undefined}>
                        {serverTexts.suggestionReason(r)} ({r.points > 0 ? '+' : ''}
                        {format.number(r.points)})
                      </List.Item>
                    ))}
                  </List>
                </div>
                {canWrite && (
                  <Stack gap={4}>
                    <Button
                      size="compact-xs"
                      disabled={s.isOwner || assign.isPending}
                      onClick={() => assign.mutate({ ownerId: s.personId })}
                      aria-label={`${t('monitoring.suggestions.makeOwner')}: ${s.fullName}`}
                    >
                      {t('monitoring.suggestions.makeOwner')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      disabled={s.isOwner || s.isDelegate || assign.isPending}
                      onClick={() => assign.mutate({ delegateIds: [...delegateIds, s.personId] })}
                      aria-label={`${t('monitoring.suggestions.addDelegate')}: ${s.fullName}`}
                    >
                      {t('monitoring.suggestions.addDelegate')}
                    </Button>
                  </Stack>
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
      </SectionCard>
      <SectionCard title={t('monitoring.history.title')}>
        {history.data?.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('monitoring.history.empty')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {history.data?.items.map((a) => (
              <List.Item key={a.id}>
                {t('monitoring.history.entry', {
                  person: a.personName,
                  action: t(`monitoring.history.action.${a.action}`),
                  role: t(`monitoring.history.role.${a.role}`),
                })}
                <Text span size="xs" c="dimmed">
                  {' '}
                  · {format.dateTime(a.at)}
                  {a.by ? ` · ${t('monitoring.history.by', { name: a.by.name })}` : ''}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>
    </SimpleGrid>
  );
}
