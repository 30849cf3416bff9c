import type { TInitiative } from '../../../shared/schemas/initiative.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import type { initiatives } from './tables.ts';

type TRow = typeof initiatives.$inferSelect;
type TRef = { id: string; key: string | null; name: string };

export interface TInitiativeRelations {
  focusArea: TRef | null;
  programme: TRef | null;
  vectors: TRef[];
  owner: { id: string; fullName: string } | null;
  delegates: { id: string; fullName: string }[];
  partners: TInitiative['partners'];
}

/** Exactly the fields of an initiative that leave the server. */
export function presentInitiative(row: TRow, rel: TInitiativeRelations): TInitiative {
  return {
    id: row.id,
    missionId: row.missionId,
    planId: row.planId,
    key: row.key,
    title: row.title,
    summary: row.summary,
    type: row.type,
    status: row.status,
    datePrecision: row.datePrecision,
    startDate: row.startDate,
    endDate: row.endDate,
    cities: row.cities,
    venues: row.venues,
    focusArea: rel.focusArea,
    vectors: rel.vectors,
    programme: rel.programme,
    innovationKind: row.innovationKind,
    involvesYouth: row.involvesYouth,
    objectives: row.objectives,
    keyMessages: row.keyMessages,
    targetAudiences: row.targetAudiences,
    results: row.results,
    mediaCoverage: row.mediaCoverage,
    fallbackAlternative: row.fallbackAlternative,
    mediaLinks: row.mediaLinks,
    mediaReflection: row.mediaReflection,
    importance: row.importance,
    budget: row.budget === null ? null : Number(row.budget),
    owner: rel.owner,
    delegates: rel.delegates,
    partners: rel.partners,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}
