import { Anchor, Paper, SegmentedControl, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PERSON_KINDS, type TPersonKind } from '../../../../shared/enums.ts';
import { LinkRow } from '../../../components/link-row.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { type TPersonListQuery, usePeople } from '../api/people.ts';
import { CompetenceMatrix } from './competence-matrix.tsx';
import { Competences } from './competences.tsx';

/** The team and contacts: kind, languages, competences and capacity. */
export function TeamPage({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = (PERSON_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as TPersonKind)
    : null;
  const isMatrix = params.get('view') === 'matrix';
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  const update = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        value ? next.set(key, value) : next.delete(key);
        return next;
      },
      { replace: true },
    );
  const pushSearch = useDebouncedCallback((value: string) => update('q', value.trim() || null), 300);

  const query: TPersonListQuery = { missionId, limit: 500 };
  if (q) query.q = q;
  if (kind) query.kind = kind;
  const people = usePeople(query);

  return (
    <>
      <PageHeader
        title={t('team.title')}
        actions={
          <SegmentedControl
            aria-label={t('monitoring.matrix.title')}
            value={isMatrix ? 'matrix' : 'list'}
            onChange={(value) => update('view', value === 'matrix' ? 'matrix' : null)}
            data={[
              { value: 'list', label: t('monitoring.matrix.list') },
              { value: 'matrix', label: t('monitoring.matrix.title') },
            ]}
          />
        }
      />
      <Paper withBorder p="sm" mb="md" component="section" aria-label={t('initiatives.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="search"
            label={t('team.search')}
            placeholder={t('team.searchPlaceholder')}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              pushSearch(event.currentTarget.value);
            }}
          />
          <Select
            label={t('team.kind')}
            placeholder={t('team.anyKind')}
            clearable
            data={PERSON_KINDS.map((k) => ({ value: k, label: t(`enums.personKind.${k}`) }))}
            value={kind}
            onChange={(value) => update('kind', value)}
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder>
        {people.isPending || people.isError ? (
          <QueryState query={people} />
        ) : isMatrix ? (
          <CompetenceMatrix people={people.data.items} />
        ) : people.data.items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('team.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('team.columns.name')}</Table.Th>
                  <Table.Th>{t('team.columns.kind')}</Table.Th>
                  <Table.Th>{t('team.columns.languages')}</Table.Th>
                  <Table.Th>{t('team.columns.competences')}</Table.Th>
                  <Table.Th w={130}>{t('team.columns.capacity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.items.map((person) => (
                  <LinkRow key={person.id} to={`/team/${person.id}`}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/team/${person.id}`}
                        tabIndex={-1}
                        fw={600}
                        size="sm"
                        c="dark.8"
                        onClick={(event) => event.stopPropagation()}
                      >
                        {person.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`enums.personKind.${person.kind}`)}</Table.Td>
                    <Table.Td>
                      {person.languages.map((l) => l.toUpperCase()).join(', ') || t('app.none')}
                    </Table.Td>
                    <Table.Td>
                      <Competences competences={person.competences} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {person.capacity === null
                        ? t('app.none')
                        : t('team.capacityValue', { count: person.capacity })}
                    </Table.Td>
                  </LinkRow>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}
