import { Anchor, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MediaReflectionMeter, StatusBadge } from '../../../components/enum-badges.tsx';
import { LinkRow } from '../../../components/link-row.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useStructureName } from '../../../lib/structure-names.ts';
import type { TInitiative } from '../api/initiatives.ts';
import type { TSort, TTableFilters } from './use-table-filters.ts';

interface TProps {
  items: readonly TInitiative[];
  sort: TSort;
  order: TTableFilters['order'];
  onSort: (sort: TSort, order: TTableFilters['order']) => void;
}

/**
 * The initiatives as a spreadsheet-like table. A row opens on click or Enter; the arrow keys
 * move between rows. Sortable headers are buttons, and the header cell announces its order.
 */
export function InitiativesTable({ items, sort, order, onSort }: TProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const structureName = useStructureName();

  const header = (column: TSort | null, label: string, width?: number) => {
    if (!column) return <Table.Th w={width}>{label}</Table.Th>;
    const isSorted = sort === column;
    const nextOrder = isSorted && order === 'asc' ? 'desc' : 'asc';
    return (
      <Table.Th w={width} aria-sort={isSorted ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton onClick={() => onSort(column, nextOrder)} fw={700} fz="sm">
          {label} <span aria-hidden>{isSorted ? (order === 'asc' ? '▲' : '▼') : '↕'}</span>
          <VisuallyHidden>{t('initiatives.sortBy', { column: label })}</VisuallyHidden>
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Table.ScrollContainer minWidth={960}>
      <Table highlightOnHover verticalSpacing="xs" stickyHeader aria-describedby="initiatives-open-hint">
        <Table.Thead>
          <Table.Tr>
            {header('title', `${t('initiatives.columns.title')}`)}
            {header('startDate', t('initiatives.columns.dates'), 140)}
            {header('type', t('initiatives.columns.type'), 150)}
            {header('status', t('initiatives.columns.status'), 140)}
            {header(null, t('initiatives.columns.focusArea'), 170)}
            {header('mediaReflection', t('initiatives.columns.mediaReflection'), 170)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((initiative) => (
            <LinkRow key={initiative.id} to={`/initiatives/${initiative.id}`}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/initiatives/${initiative.id}`}
                  tabIndex={-1}
                  fw={600}
                  size="sm"
                  c="dark.8"
                  onClick={(event) => event.stopPropagation()}
                >
                  {initiative.title}
                </Anchor>
                {(initiative.cities.length > 0 || initiative.programme) && (
                  <Text size="xs" c="dimmed">
                    {[initiative.cities.join(', '), initiative.programme?.name].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {format.dateRange(initiative) || <Text c="dimmed">{t('initiative.noDates')}</Text>}
              </Table.Td>
              <Table.Td>{t(`enums.initiativeType.${initiative.type}`)}</Table.Td>
              <Table.Td>
                <StatusBadge status={initiative.status} />
              </Table.Td>
              <Table.Td>
                {initiative.focusArea ? structureName('focusArea', initiative.focusArea) : t('app.none')}
              </Table.Td>
              <Table.Td>
                <MediaReflectionMeter value={initiative.mediaReflection} />
              </Table.Td>
            </LinkRow>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
