import type { TOrganisation, TOrganisationDetail } from '../../../shared/schemas/organisation.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import type { organisations } from './tables.ts';

type TRow = typeof organisations.$inferSelect;

/** Exactly the fields of an organisation that leave the server. */
export function presentOrganisation(row: TRow): TOrganisation {
  return {
    id: row.id,
    missionId: row.missionId,
    key: row.key,
    name: row.name,
    kind: row.kind,
    country: row.country,
    sector: row.sector,
    website: row.website,
    isNewActor: row.isNewActor,
    newActorStatus: row.newActorStatus,
    notes: row.notes,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}

export function presentOrganisationDetail(
  row: TRow,
  initiatives: TOrganisationDetail['initiatives'],
): TOrganisationDetail {
  return { ...presentOrganisation(row), initiatives };
}
