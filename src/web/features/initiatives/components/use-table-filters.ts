import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ISO_MONTH } from '../../../../shared/dates.ts';
import {
  INITIATIVE_STATUSES,
  INITIATIVE_TYPES,
  MEDIA_REFLECTIONS,
  type TInitiativeStatus,
  type TInitiativeType,
  type TMediaReflection,
} from '../../../../shared/enums.ts';
import { INITIATIVE_SORTS } from '../../../../shared/schemas/initiative.ts';
import type { TInitiativeListQuery } from '../api/initiatives.ts';

export const PAGE_SIZE = 50;
export type TSort = (typeof INITIATIVE_SORTS)[number];

/** The table's state, as it appears in the URL (so a filtered view can be bookmarked and shared). */
export interface TTableFilters {
  q: string;
  month: string | null;
  focusAreaId: string | null;
  vectorId: string | null;
  programmeId: string | null;
  type: TInitiativeType[];
  status: TInitiativeStatus[];
  mediaReflection: TMediaReflection[];
  sort: TSort;
  order: 'asc' | 'desc';
  page: number;
}

const list = <T extends string>(value: string | null, allowed: readonly T[]): T[] =>
  (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));

const UUID = /^[0-9a-f-]{36}$/i;
const idOrNull = (value: string | null) => (value && UUID.test(value) ? value : null);

export function parseFilters(params: URLSearchParams): TTableFilters {
  const month = params.get('month');
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    month: month && ISO_MONTH.test(month) ? month : null,
    focusAreaId: idOrNull(params.get('focusAreaId')),
    vectorId: idOrNull(params.get('vectorId')),
    programmeId: idOrNull(params.get('programmeId')),
    type: list(params.get('type'), INITIATIVE_TYPES),
    status: list(params.get('status'), INITIATIVE_STATUSES),
    mediaReflection: list(params.get('mediaReflection'), MEDIA_REFLECTIONS),
    sort: (INITIATIVE_SORTS as readonly string[]).includes(sort ?? '') ? (sort as TSort) : 'startDate',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The API query for a plan and the table's state. */
export function toListQuery(planId: string, filters: TTableFilters): TInitiativeListQuery {
  const query: TInitiativeListQuery = {
    planId,
    sort: filters.sort,
    order: filters.order,
    limit: PAGE_SIZE,
    offset: (filters.page - 1) * PAGE_SIZE,
  };
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.month) query.month = filters.month;
  if (filters.focusAreaId) query.focusAreaId = filters.focusAreaId;
  if (filters.vectorId) query.vectorId = filters.vectorId;
  if (filters.programmeId) query.programmeId = filters.programmeId;
  if (filters.type.length) query.type = filters.type.join(',');
  if (filters.status.length) query.status = filters.status.join(',');
  if (filters.mediaReflection.length) query.mediaReflection = filters.mediaReflection.join(',');
  return query;
}

/** Reads and writes the table's filters in the URL's query string. */
export function useTableFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);

  const setFilters = useCallback(
    (changes: Partial<TTableFilters>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            const text = Array.isArray(value) ? value.join(',') : value == null ? '' : String(value);
            const isDefault =
              !text ||
              (key === 'sort' && text === 'startDate') ||
              (key === 'order' && text === 'asc') ||
              (key === 'page' && text === '1');
            if (isDefault) next.delete(key);
            else next.set(key, text);
          }
          // Any change other than paging starts again from the first page.
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clearFilters = useCallback(() => setParams({}, { replace: true }), [setParams]);
  const hasFilters =
    !!filters.q ||
    !!filters.month ||
    !!filters.focusAreaId ||
    !!filters.vectorId ||
    !!filters.programmeId ||
    filters.type.length + filters.status.length + filters.mediaReflection.length > 0;

  return { filters, setFilters, clearFilters, hasFilters };
}
