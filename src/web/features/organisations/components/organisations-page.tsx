import {
  Anchor,
  Group,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ORGANISATION_KINDS, type TOrganisationKind } from '../../../../shared/enums.ts';
import { LinkRow } from '../../../components/link-row.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { type TOrganisationListQuery, useOrganisations } from '../api/organisations.ts';
import { NewActorBadge } from './new-actor-badge.tsx';

const PAGE_SIZE = 50;

/** The mission's partners and stakeholders: search, kind filter, new actors flagged. */
export function OrganisationsPage({ missionId }: { missionId: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = (ORGANISATION_KINDS as readonly string[]).includes(params.get('kind') ?? '')
    ? (params.get('kind') as TOrganisationKind)
    : null;
  const isNewActorOnly = params.get('newActors') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) value ? next.set(key, value) : next.delete(key);
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);

  const query: TOrganisationListQuery = { missionId, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  if (q) query.q = q;
  if (kind) query.kind = kind;
  if (isNewActorOnly) query.isNewActor = 'true';
  const organisations = useOrganisations(query);

  return (
    <>
      <PageHeader title={t('organisations.title')} />
      <Paper withBorder p="sm" mb="md" component="section" aria-label={t('initiatives.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="search"
            label={t('organisations.search')}
            placeholder={t('organisations.searchPlaceholder')}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              pushSearch(event.currentTarget.value);
            }}
          />
          <Select
            label={t('organisations.kind')}
            placeholder={t('organisations.anyKind')}
            clearable
            data={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`enums.organisationKind.${k}`) }))}
            value={kind}
            onChange={(value) => update({ kind: value })}
          />
          <Switch
            mt={{ base: 0, sm: 30 }}
            label={t('organisations.newActorsOnly')}
            checked={isNewActorOnly}
            onChange={(event) => update({ newActors: event.currentTarget.checked ? 'true' : null })}
          />
        </SimpleGrid>
      </Paper>
      <Paper withBorder>
        {organisations.isPending || organisations.isError ? (
          <QueryState query={organisations} />
        ) : organisations.data.items.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl">
            {t('organisations.empty')}
          </Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table highlightOnHover verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organisations.columns.name')}</Table.Th>
                    <Table.Th>{t('organisations.columns.kind')}</Table.Th>
                    <Table.Th>{t('organisations.columns.country')}</Table.Th>
                    <Table.Th>{t('organisations.columns.sector')}</Table.Th>
                    <Table.Th w={240}>{t('organisations.columns.newActor')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {organisations.data.items.map((organisation) => (
                    <LinkRow key={organisation.id} to={`/organisations/${organisation.id}`}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/organisations/${organisation.id}`}
                          tabIndex={-1}
                          fw={600}
                          size="sm"
                          c="dark.8"
                          onClick={(event) => event.stopPropagation()}
                        >
                          {organisation.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`enums.organisationKind.${organisation.kind}`)}</Table.Td>
                      <Table.Td>{organisation.country ?? t('app.none')}</Table.Td>
                      <Table.Td>{organisation.sector ?? t('app.none')}</Table.Td>
                      <Table.Td>
                        {organisation.isNewActor ? (
                          <NewActorBadge status={organisation.newActorStatus} />
                        ) : (
                          <Text span c="dimmed">
                            {t('app.none')}
                          </Text>
                        )}
                      </Table.Td>
                    </LinkRow>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {organisations.data.total > PAGE_SIZE && (
              <Group justify="flex-end" p="sm">
                <Pagination
                  total={Math.ceil(organisations.data.total / PAGE_SIZE)}
                  value={page}
                  onChange={(next) => update({ page: String(next) })}
                />
              </Group>
            )}
          </>
        )}
      </Paper>
    </>
  );
}
