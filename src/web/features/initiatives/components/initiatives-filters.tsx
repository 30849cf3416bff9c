import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthsOf } from '../../../../shared/dates.ts';
import {
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  MEDIA_REFLECTIONS,
  type TInitiativeStatus,
  type TInitiativeType,
  type TMediaReflection,
} from '../../../../shared/enums.ts';
import { useFormat } from '../../../lib/format.ts';
import { useStructureName } from '../../../lib/structure-names.ts';
import type { TPlanStructure } from './plan-structure.ts';
import type { TTableFilters } from './use-table-filters.ts';

interface TProps {
  plan: TPlanStructure;
  filters: TTableFilters;
  hasFilters: boolean;
  onChange: (changes: Partial<TTableFilters>) => void;
  onClear: () => void;
}

/** Search and filters above the initiatives table; every choice goes to the URL. */
export function InitiativesFilters({ plan, filters, hasFilters, onChange, onClear }: TProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState(filters.q);
  const pushSearch = useDebouncedCallback((q: string) => onChange({ q }), 300);
  useEffect(() => setSearch(filters.q), [filters.q]);

  const months = monthsOf(plan.periodStart, plan.periodEnd).map((month) => ({
    value: month,
    label: format.month(month),
  }));
  if (filters.month && !months.some((m) => m.value === filters.month))
    months.push({ value: filters.month, label: format.month(filters.month) });
  const structureName = useStructureName();
  const named = (items: TPlanStructure['focusAreas'], kind?: 'focusArea' | 'vector') =>
    items.map((i) => ({ value: i.id, label: kind ? structureName(kind, i) : i.name }));

  return (
    <Paper withBorder p="sm" mb="md" component="section" aria-label={t('initiatives.filters')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t('initiatives.search')}
          placeholder={t('initiatives.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            pushSearch(event.currentTarget.value);
          }}
        />
        <Select
          label={t('initiatives.month')}
          placeholder={t('initiatives.anyMonth')}
          data={months}
          value={filters.month}
          onChange={(month) => onChange({ month })}
          clearable
          searchable
          maxDropdownHeight={320}
        />
        <Select
          label={t('initiative.fields.focusArea')}
          placeholder={t('initiatives.any')}
          data={named(plan.focusAreas, 'focusArea')}
          value={filters.focusAreaId}
          onChange={(focusAreaId) => onChange({ focusAreaId })}
          clearable
        />
        <Select
          label={t('initiatives.vector')}
          placeholder={t('initiatives.any')}
          data={named(plan.vectors, 'vector')}
          value={filters.vectorId}
          onChange={(vectorId) => onChange({ vectorId })}
          clearable
        />
        <Select
          label={t('initiative.fields.programme')}
          placeholder={t('initiatives.any')}
          data={named(plan.programmes)}
          value={filters.programmeId}
          onChange={(programmeId) => onChange({ programmeId })}
          clearable
        />
        <MultiSelect
          label={t('initiative.fields.type')}
          placeholder={filters.type.length ? undefined : t('initiatives.any')}
          data={INITIATIVE_TYPES.map((v) => ({ value: v, label: t(`enums.initiativeType.${v}`) }))}
          value={filters.type}
          onChange={(type) => onChange({ type: type as TInitiativeType[] })}
          clearable
          searchable
        />
        <MultiSelect
          label={t('initiative.fields.status')}
          placeholder={filters.status.length ? undefined : t('initiatives.any')}
          data={INITIATIVE_STATUSES.map((v) => ({ value: v, label: t(`enums.initiativeStatus.${v}`) }))}
          value={filters.status}
          onChange={(status) => onChange({ status: status as TInitiativeStatus[] })}
          clearable
        />
        <MultiSelect
          label={t('initiative.fields.mediaReflection')}
          placeholder={filters.mediaReflection.length ? undefined : t('initiatives.any')}
          data={MEDIA_REFLECTIONS.map((v) => ({ value: v, label: t(`enums.mediaReflection.${v}`) }))}
          value={filters.mediaReflection}
          onChange={(mediaReflection) => onChange({ mediaReflection: mediaReflection as TMediaReflection[] })}
          clearable
        />
      </SimpleGrid>
      {hasFilters && (
        <Group justify="flex-end" mt="xs">
          <Button variant="subtle" size="xs" onClick={onClear}>
            {t('initiatives.clearFilters')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}
