/**
 * The strategy page's press releases: per initiative and language, drafted, approved, sent, downloaded as DOCX.
 */
import { Anchor, Badge, Button, Group, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PRESS_RELEASE_LANGUAGES } from '../../../../shared/enums.ts';
import {
  type TLanguage,
  type TStrategy,
  useCreatePressRelease,
  usePlanInitiatives,
  usePressReleases,
} from '../api/communication.ts';
import { ErrorList } from './strategy-errors.tsx';

/** The plan's press releases and a form to draft one for an initiative in a language. */
export function PressReleases({ strategy }: { strategy: TStrategy }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const releases = usePressReleases(strategy.planId);
  const initiatives = usePlanInitiatives(strategy.planId);
  const create = useCreatePressRelease();
  const [initiativeId, setInitiativeId] = useState<string | null>(null);
  const [language, setLanguage] = useState<TLanguage>('it');

  return (
    <section aria-labelledby="releases-title">
      <Title order={2} size="h4" id="releases-title" mb="xs">
        {t('communication.releases.title')}
      </Title>
      {(releases.data ?? []).length === 0 ? (
        <Text c="dimmed" mb="sm">
          {t('communication.releases.none')}
        </Text>
      ) : (
        <Table mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('communication.releases.initiative')}</Table.Th>
              <Table.Th>{t('communication.releases.language')}</Table.Th>
              <Table.Th>{t('communication.releases.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(releases.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/press-releases/${r.id}`}>
                    {r.initiative.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`language.${r.language}`)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(`communication.releases.statuses.${r.status}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {strategy.canEdit && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!initiativeId) return;
            create.mutate(
              { initiativeId, language },
              { onSuccess: (release) => void navigate(`/press-releases/${release.id}`) },
            );
          }}
        >
          <Group align="flex-end">
            <Select
              label={t('communication.releases.initiative')}
              data={(initiatives.data ?? []).map((i) => ({ value: i.id, label: i.title }))}
              value={initiativeId}
              onChange={setInitiativeId}
              searchable
              required
              w={420}
            />
            <Select
              label={t('communication.releases.language')}
              data={PRESS_RELEASE_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
              value={language}
              onChange={(v) => v && setLanguage(v as TLanguage)}
              allowDeselect={false}
              w={160}
            />
            <Button type="submit" loading={create.isPending} disabled={!initiativeId}>
              {t('communication.releases.create')}
            </Button>
          </Group>
          <ErrorList error={create.error} />
        </form>
      )}
    </section>
  );
}
