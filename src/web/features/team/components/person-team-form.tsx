import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError, unwrap } from '../../../lib/api-client.ts';
import type { TPersonDetail } from '../api/people.ts';

type TCompetenceRow = { tag: string; level: string };

/** Edits a person's competences (tag + level 1–3), languages and capacity; the server validates. */
export function PersonTeamForm({ person, onDone }: { person: TPersonDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [competences, setCompetences] = useState<TCompetenceRow[]>(
    person.competences.map((c) => ({ tag: c.tag, level: String(c.level) })),
  );
  const [languages, setLanguages] = useState<string[]>(person.languages);
  const [capacity, setCapacity] = useState<number | string>(person.capacity ?? '');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/people/{id}', {
          params: { path: { id: person.id } },
          body: {
            version: person.version,
            competences: competences
              .filter((c) => c.tag.trim())
              .map((c) => ({ tag: c.tag.trim(), level: Number(c.level) })),
            languages,
            capacity: capacity === '' ? null : Number(capacity),
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      notifications.show({ color: 'green', message: t('monitoring.editTeam.saved') });
      onDone();
    },
  });
  const errorOf = (field: string) =>
    isApiError(save.error) ? save.error.fieldErrors.find((e) => e.field === field)?.message : undefined;
  const update = (index: number, change: Partial<TCompetenceRow>) =>
    setCompetences((rows) => rows.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        {competences.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
          <Group key={index} gap="xs" align="flex-start">
            <TextInput
              label={t('monitoring.editTeam.tag')}
              value={row.tag}
              onChange={(e) => update(index, { tag: e.currentTarget.value })}
              error={errorOf(`competences.${index}.tag`)}
              style={{ flex: 1 }}
            />
            <Select
              label={t('monitoring.editTeam.level')}
              data={['1', '2', '3']}
              value={row.level}
              onChange={(value) => update(index, { level: value ?? '1' })}
              allowDeselect={false}
              error={errorOf(`competences.${index}.level`)}
              w={90}
            />
            <ActionIcon
              mt={28}
              variant="subtle"
              color="red"
              aria-label={t('monitoring.editTeam.remove', { tag: row.tag || '…' })}
              onClick={() => setCompetences((rows) => rows.filter((_, i) => i !== index))}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => setCompetences((rows) => [...rows, { tag: '', level: '2' }])}
          >
            {t('monitoring.editTeam.addCompetence')}
          </Button>
        </Group>
        <TagsInput
          label={t('monitoring.editTeam.languages')}
          description={t('monitoring.editTeam.languagesHint')}
          value={languages}
          onChange={setLanguages}
          error={errorOf('languages') ?? errorOf('languages.0')}
        />
        <NumberInput
          label={t('monitoring.editTeam.capacity')}
          description={t('monitoring.editTeam.capacityHint')}
          value={capacity}
          onChange={setCapacity}
          allowDecimal={false}
          error={errorOf('capacity')}
          w={220}
        />
        {save.isError && !isApiError(save.error, 400) && (
          <Text c="red" size="sm" role="alert">
            {save.error.message}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('monitoring.editTeam.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('monitoring.editTeam.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
