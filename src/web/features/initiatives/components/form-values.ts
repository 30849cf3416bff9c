import type {
  TDatePrecision,
  TImportance,
  TInitiativeStatus,
  TInitiativeType,
  TInnovationKind,
  TMediaReflection,
  TPartnerRole,
} from '../../../../shared/enums.ts';
import type { TInitiative } from '../api/initiatives.ts';

/**
 * The form's values: the shape of the shared ZInitiativeFields, with '' for empty texts (the
 * schema turns them into null), so the same schema validates the form and the request.
 */
export interface TInitiativeFormValues {
  title: string;
  summary: string;
  type: TInitiativeType;
  status: TInitiativeStatus;
  datePrecision: TDatePrecision;
  startDate: string | null;
  endDate: string | null;
  cities: string[];
  venues: string[];
  focusAreaId: string | null;
  vectorIds: string[];
  programmeId: string | null;
  innovationKind: TInnovationKind | null;
  involvesYouth: boolean;
  objectives: string;
  keyMessages: string;
  targetAudiences: string;
  results: string;
  mediaCoverage: string;
  fallbackAlternative: string;
  mediaLinks: string[];
  mediaReflection: TMediaReflection | null;
  importance: TImportance;
  budget: number | null;
  ownerId: string | null;
  delegateIds: string[];
  partners: Array<{ organisationId: string; role: TPartnerRole }>;
}

export function emptyFormValues(): TInitiativeFormValues {
  return {
    title: '',
    summary: '',
    type: 'other',
    status: 'proposed',
    datePrecision: 'day',
    startDate: null,
    endDate: null,
    cities: [],
    venues: [],
    focusAreaId: null,
    vectorIds: [],
    programmeId: null,
    innovationKind: null,
    involvesYouth: false,
    objectives: '',
    keyMessages: '',
    targetAudiences: '',
    results: '',
    mediaCoverage: '',
    fallbackAlternative: '',
    mediaLinks: [],
    mediaReflection: null,
    importance: 'standard',
    budget: null,
    ownerId: null,
    delegateIds: [],
    partners: [],
  };
}

export function formValuesOf(initiative: TInitiative): TInitiativeFormValues {
  return {
    title: initiative.title,
    summary: initiative.summary ?? '',
    type: initiative.type,
    status: initiative.status,
    datePrecision: initiative.datePrecision,
    startDate: initiative.startDate,
    endDate: initiative.endDate,
    cities: [...initiative.cities],
    venues: [...initiative.venues],
    focusAreaId: initiative.focusArea?.id ?? null,
    vectorIds: initiative.vectors.map((v) => v.id),
    programmeId: initiative.programme?.id ?? null,
    innovationKind: initiative.innovationKind,
    involvesYouth: initiative.involvesYouth,
    objectives: initiative.objectives ?? '',
    keyMessages: initiative.keyMessages ?? '',
    targetAudiences: initiative.targetAudiences ?? '',
    results: initiative.results ?? '',
    mediaCoverage: initiative.mediaCoverage ?? '',
    fallbackAlternative: initiative.fallbackAlternative ?? '',
    mediaLinks: [...initiative.mediaLinks],
    mediaReflection: initiative.mediaReflection,
    importance: initiative.importance,
    budget: initiative.budget,
    ownerId: initiative.owner?.id ?? null,
    delegateIds: initiative.delegates.map((d) => d.id),
    partners: initiative.partners.map((p) => ({ organisationId: p.organisationId, role: p.role })),
  };
}

const DATE_FIELDS = ['datePrecision', 'startDate', 'endDate'] as const;

/**
 * The fields that differ from what was loaded: a PATCH sends only those (so that, for example,
 * someone who may not reassign owners can still save). Dates travel together.
 */
export function changedFields(
  initial: TInitiativeFormValues,
  current: TInitiativeFormValues,
): Partial<TInitiativeFormValues> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(current) as Array<keyof TInitiativeFormValues>) {
    if (JSON.stringify(initial[key]) !== JSON.stringify(current[key])) changes[key] = current[key];
  }
  if (DATE_FIELDS.some((key) => key in changes)) {
    for (const key of DATE_FIELDS) changes[key] = current[key];
  }
  return changes as Partial<TInitiativeFormValues>;
}
