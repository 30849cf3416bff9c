import type { TPerson, TPersonDetail } from '../../../shared/schemas/person.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import type { people } from './tables.ts';

type TRow = typeof people.$inferSelect;

/** Exactly the fields of a person that leave the server. */
export function presentPerson(row: TRow): TPerson {
  return {
    id: row.id,
    missionId: row.missionId,
    key: row.key,
    fullName: row.fullName,
    kind: row.kind,
    email: row.email,
    userId: row.userId,
    languages: row.languages,
    competences: row.competences.map((c) => ({ tag: c.tag, level: c.level })),
    capacity: row.capacity,
    version: row.version,
    createdAt: isoRequired(row.createdAt),
    updatedAt: isoRequired(row.updatedAt),
    archivedAt: iso(row.archivedAt),
  };
}

export function presentPersonDetail(
  row: TRow,
  assignments: Pick<TPersonDetail, 'ownedInitiatives' | 'delegatedInitiatives'>,
): TPersonDetail {
  return {
    ...presentPerson(row),
    ownedInitiatives: assignments.ownedInitiatives,
    delegatedInitiatives: assignments.delegatedInitiatives,
  };
}
