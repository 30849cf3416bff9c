/**
 * An initiative's relations (vectors, partners, owner, delegates, objectives) loaded for many initiatives at once, with prepared statements.
 */
import { eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { PARTNER_ROLES } from '../../../shared/enums.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { prepareOnce } from '../../platform/db/prepared.ts';
import { organisations, people } from '../partners/index.ts';
import { focusAreas, programmes, vectors } from '../plans/index.ts';
import type { TInitiativeRelations } from './present.ts';
import { initiativeDelegates, initiativePartners, type initiatives, initiativeVectors } from './tables.ts';

/** `column = any($ids::uuid[])`: one statement shape whatever the number of ids (so it can be prepared). */
const anyOfIds = (column: PgColumn) => sql`${column} = any(${sql.placeholder('ids')}::uuid[])`;

function relationStatements(db: DbOrTx) {
  return prepareOnce(db, 'initiative_relations', (d) => ({
    focusAreas: d
      .select({ id: focusAreas.id, key: focusAreas.key, name: focusAreas.name })
      .from(focusAreas)
      .where(anyOfIds(focusAreas.id))
      .prepare('initiative_focus_areas'),
    programmes: d
      .select({ id: programmes.id, key: programmes.key, name: programmes.name })
      .from(programmes)
      .where(anyOfIds(programmes.id))
      .prepare('initiative_programmes'),
    vectors: d
      .select({
        initiativeId: initiativeVectors.initiativeId,
        id: vectors.id,
        key: vectors.key,
        name: vectors.name,
      })
      .from(initiativeVectors)
      .innerJoin(vectors, eq(vectors.id, initiativeVectors.vectorId))
      .where(anyOfIds(initiativeVectors.initiativeId))
      .orderBy(vectors.position)
      .prepare('initiative_vectors'),
    delegates: d
      .select({ initiativeId: initiativeDelegates.initiativeId, id: people.id, fullName: people.fullName })
      .from(initiativeDelegates)
      .innerJoin(people, eq(people.id, initiativeDelegates.personId))
      .where(anyOfIds(initiativeDelegates.initiativeId))
      .orderBy(people.fullName)
      .prepare('initiative_delegates'),
    partners: d
      .select({
        initiativeId: initiativePartners.initiativeId,
        organisationId: organisations.id,
        name: organisations.name,
        role: initiativePartners.role,
        country: organisations.country,
      })
      .from(initiativePartners)
      .innerJoin(organisations, eq(organisations.id, initiativePartners.organisationId))
      .where(anyOfIds(initiativePartners.initiativeId))
      // Roles in the order of PARTNER_ROLES: the organiser first.
      .orderBy(
        sql`array_position(array[${sql.raw(PARTNER_ROLES.map((r) => `'${r}'`).join(','))}]::text[], ${initiativePartners.role})`,
        organisations.name,
      )
      .prepare('initiative_partners'),
    owners: d
      .select({ id: people.id, fullName: people.fullName })
      .from(people)
      .where(anyOfIds(people.id))
      .prepare('initiative_owners'),
  }));
}

/** Loads the relations of many initiatives in a fixed number of queries. */
export async function loadInitiativeRelations(
  db: DbOrTx,
  rows: (typeof initiatives.$inferSelect)[],
): Promise<Map<string, TInitiativeRelations>> {
  const ids = rows.map((r) => r.id);
  const result = new Map<string, TInitiativeRelations>();
  if (ids.length === 0) return result;
  const focusIds = [...new Set(rows.map((r) => r.focusAreaId).filter((v): v is string => !!v))];
  const programmeIds = [...new Set(rows.map((r) => r.programmeId).filter((v): v is string => !!v))];
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((v): v is string => !!v))];
  // Sequential on purpose: inside a transaction all queries share one connection. Prepared once
  // per database: the list runs them on every request.
  const q = relationStatements(db);
  const focusRows = focusIds.length ? await q.focusAreas.execute({ ids: focusIds }) : [];
  const programmeRows = programmeIds.length ? await q.programmes.execute({ ids: programmeIds }) : [];
  const vectorRows = await q.vectors.execute({ ids });
  const delegateRows = await q.delegates.execute({ ids });
  const partnerRows = await q.partners.execute({ ids });
  const ownerRows = ownerIds.length ? await q.owners.execute({ ids: ownerIds }) : [];
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const focusById = byId(focusRows);
  const programmeById = byId(programmeRows);
  const ownerById = byId(ownerRows);
  for (const row of rows) {
    result.set(row.id, {
      focusArea: row.focusAreaId ? (focusById.get(row.focusAreaId) ?? null) : null,
      programme: row.programmeId ? (programmeById.get(row.programmeId) ?? null) : null,
      owner: row.ownerId ? (ownerById.get(row.ownerId) ?? null) : null,
      vectors: [],
      delegates: [],
      partners: [],
    });
  }
  for (const v of vectorRows)
    result.get(v.initiativeId)?.vectors.push({ id: v.id, key: v.key, name: v.name });
  for (const d of delegateRows)
    result.get(d.initiativeId)?.delegates.push({ id: d.id, fullName: d.fullName });
  for (const p of partnerRows) {
    result.get(p.initiativeId)?.partners.push({
      organisationId: p.organisationId,
      name: p.name,
      role: p.role,
      country: p.country,
    });
  }
  return result;
}
