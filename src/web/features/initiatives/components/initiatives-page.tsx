import { Button, Group, Pagination, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueryState } from '../../../components/query-state.tsx';
import { useInitiatives } from '../api/initiatives.ts';
import { ExportMenu } from './export-menu.tsx';
import { ImportDialog } from './import-dialog.tsx';
import { InitiativesFilters } from './initiatives-filters.tsx';
import { InitiativesTable } from './initiatives-table.tsx';
import type { TPlanStructure } from './plan-structure.ts';
import { PAGE_SIZE, toListQuery, useTableFilters } from './use-table-filters.ts';

/** The plan's initiatives: search, filters (in the URL), sortable table, import and export. */
export function InitiativesPage({ plan }: { plan: TPlanStructure }) {
  const { t } = useTranslation();
  const { filters, setFilters, clearFilters, hasFilters } = useTableFilters();
  const query = toListQuery(plan.id, filters);
  const initiatives = useInitiatives(query);
  const [isImportOpen, importDialog] = useDisclosure(false);
  const total = initiatives.data?.total ?? 0;
  const from = total ? (filters.page - 1) * PAGE_SIZE + 1 : 0;
  const to = Math.min(total, filters.page * PAGE_SIZE);

  return (
    <>
      <PageHeader
        eyebrow={`${plan.acronym} — ${plan.title}`}
        title={t('initiatives.title')}
        actions={
          <>
            <Button component={Link} to={`/plans/${plan.id}/initiatives/new`}>
              {t('initiatives.create')}
            </Button>
            <Button variant="default" onClick={importDialog.open}>
              {t('initiatives.import')}
            </Button>
            <ExportMenu planId={plan.id} />
          </>
        }
      />
      <InitiativesFilters
        plan={plan}
        filters={filters}
        hasFilters={hasFilters}
        onChange={setFilters}
        onClear={clearFilters}
      />
      <Paper withBorder>
        {initiatives.isPending || initiatives.isError ? (
          <QueryState query={initiatives} />
        ) : (
          <Stack gap={0}>
            <Group justify="space-between" px="sm" py="xs">
              <Text size="sm" fw={600} role="status" aria-live="polite" data-testid="initiatives-count">
                {t('initiatives.count', { count: total })}
              </Text>
              <Text size="xs" c="dimmed" id="initiatives-open-hint">
                {t('initiatives.openHint')}
              </Text>
            </Group>
            {initiatives.data.items.length ? (
              <InitiativesTable
                items={initiatives.data.items}
                sort={filters.sort}
                order={filters.order}
                onSort={(sort, order) => setFilters({ sort, order })}
              />
            ) : (
              <Text c="dimmed" ta="center" py="xl" px="md">
                {hasFilters ? t('initiatives.empty') : t('initiatives.emptyPlan')}
              </Text>
            )}
            {total > PAGE_SIZE && (
              <Group justify="space-between" p="sm">
                <Text size="sm" c="dimmed">
                  {t('initiatives.showing', { from, to, total })}
                </Text>
                <Pagination
                  total={Math.ceil(total / PAGE_SIZE)}
                  value={filters.page}
                  onChange={(page) => setFilters({ page })}
                  aria-label={t('initiatives.pagination')}
                  getControlProps={(control) =>
                    control === 'previous'
                      ? { 'aria-label': t('initiatives.previousPage') }
                      : control === 'next'
                        ? { 'aria-label': t('initiatives.nextPage') }
                        : {}
                  }
                />
              </Group>
            )}
          </Stack>
        )}
      </Paper>
      <ImportDialog planId={plan.id} opened={isImportOpen} onClose={importDialog.close} />
    </>
  );
}
