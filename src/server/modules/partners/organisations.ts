/**
 * Organisations: partners and stakeholders of a mission. Reads are scoped by `contactPolicy`
 * (external collaborators see none); the writes are the shared contact writes.
 */
import { and, asc, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import {
  NEW_ACTOR_STATUS_ERROR,
  type TCreateOrganisationRequest,
  type TOrganisation,
  type TOrganisationDetail,
  type TOrganisationListQuery,
  type TUpdateOrganisationRequest,
} from '../../../shared/schemas/organisation.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest } from '../../platform/http/problem.ts';
import { contactPolicy } from '../../platform/mission-data-policy.ts';
import { likePattern, selectPage, sortBy } from '../../platform/records.ts';
import { contactRecords } from './contacts.ts';
import { participation } from './participation.ts';
import { presentOrganisation, presentOrganisationDetail } from './present-organisation.ts';
import { organisations } from './tables.ts';

const records = contactRecords({
  table: organisations,
  entity: 'organisation',
  label: 'Organisation',
  present: presentOrganisation,
});

const SORT_COLUMNS = {
  name: organisations.name,
  kind: organisations.kind,
  country: organisations.country,
  updatedAt: organisations.updatedAt,
} as const;

/** Lists the organisations the actor may see, filtered, sorted and paginated in SQL. */
export async function findOrganisations(
  db: DbOrTx,
  actor: TActor,
  query: TOrganisationListQuery,
): Promise<{ items: TOrganisation[]; total: number; limit: number; offset: number }> {
  const where: SQL[] = [contactPolicy.scope(actor, organisations.missionId)];
  if (!query.includeArchived) where.push(isNull(organisations.archivedAt));
  if (query.missionId) where.push(eq(organisations.missionId, query.missionId));
  if (query.kind?.length) where.push(inArray(organisations.kind, query.kind));
  if (query.country) where.push(eq(organisations.country, query.country));
  if (query.isNewActor !== undefined) where.push(eq(organisations.isNewActor, query.isNewActor));
  if (query.q) {
    const pattern = likePattern(query.q);
    where.push(
      or(
        ilike(organisations.name, pattern),
        ilike(organisations.sector, pattern),
        ilike(organisations.notes, pattern),
      )!,
    );
  }
  const { rows, total } = await selectPage(db, organisations, {
    where: and(...where),
    orderBy: [sortBy(SORT_COLUMNS[query.sort], query.order), asc(organisations.name), asc(organisations.id)],
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(presentOrganisation), total, limit: query.limit, offset: query.offset };
}

/** One organisation with the initiatives it takes part in that the actor can see. @throws 404 */
export async function findOrganisation(db: DbOrTx, actor: TActor, id: string): Promise<TOrganisationDetail> {
  const row = await records.load(db, actor, id);
  const links = await participation().ofOrganisation(db, actor, id);
  return presentOrganisationDetail(row, links);
}

/** @throws 404 unknown mission, 403 role cannot write contacts. */
export async function createOrganisation(
  db: Db,
  actor: TActor,
  input: TCreateOrganisationRequest,
): Promise<TOrganisation> {
  return records.create(db, actor, input);
}

/**
 * Updates an organisation if `input.version` is still the stored one. A new-actor status needs
 * the organisation to be a new actor; turning `isNewActor` off clears the status.
 * @throws 404, 403, 400, 409 when someone else saved first.
 */
export async function updateOrganisation(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateOrganisationRequest,
): Promise<TOrganisation> {
  const { version, ...fields } = input;
  return records.update(db, actor, id, version, (current) => {
    const isNewActor = fields.isNewActor ?? current.isNewActor;
    if (isNewActor) return fields;
    if (fields.newActorStatus) {
      throw badRequest('The new-actor status does not apply.', [
        { field: 'newActorStatus', message: NEW_ACTOR_STATUS_ERROR },
      ]);
    }
    return { ...fields, newActorStatus: null };
  });
}

/** @throws 404, 403, 409 when `version` is given and stale. */
export async function archiveOrganisation(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<TOrganisation> {
  return records.archive(db, actor, id, version);
}
