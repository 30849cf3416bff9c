/**
 * People: the mission's team and media contacts, with competences, languages and capacity. Reads
 * are scoped by `contactPolicy` (external collaborators see none); the writes are the shared
 * contact writes. The link to a user account (`userId`) is not set through the API.
 */
import { and, asc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  TCreatePersonRequest,
  TPerson,
  TPersonDetail,
  TPersonListQuery,
  TUpdatePersonRequest,
} from '../../../shared/schemas/person.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { contactPolicy } from '../../platform/mission-data-policy.ts';
import { likePattern, selectPage, sortBy } from '../../platform/records.ts';
import { contactRecords } from './contacts.ts';
import { participation } from './participation.ts';
import { presentPerson, presentPersonDetail } from './present-person.ts';
import { people } from './tables.ts';

const records = contactRecords({ table: people, entity: 'person', label: 'Person', present: presentPerson });

const SORT_COLUMNS = {
  fullName: people.fullName,
  kind: people.kind,
  capacity: people.capacity,
  updatedAt: people.updatedAt,
} as const;

/** Lists the people the actor may see, filtered, sorted and paginated in SQL. */
export async function findPeople(
  db: DbOrTx,
  actor: TActor,
  query: TPersonListQuery,
): Promise<{ items: TPerson[]; total: number; limit: number; offset: number }> {
  const where: SQL[] = [contactPolicy.scope(actor, people.missionId)];
  if (!query.includeArchived) where.push(isNull(people.archivedAt));
  if (query.missionId) where.push(eq(people.missionId, query.missionId));
  if (query.kind?.length) where.push(inArray(people.kind, query.kind));
  if (query.competence) {
    where.push(sql`${people.competences} @> ${JSON.stringify([{ tag: query.competence }])}::jsonb`);
  }
  if (query.language) where.push(sql`${query.language} = any(${people.languages})`);
  if (query.q) {
    const pattern = likePattern(query.q);
    where.push(or(ilike(people.fullName, pattern), ilike(people.email, pattern))!);
  }
  const { rows, total } = await selectPage(db, people, {
    where: and(...where),
    orderBy: [sortBy(SORT_COLUMNS[query.sort], query.order), asc(people.fullName), asc(people.id)],
    limit: query.limit,
    offset: query.offset,
  });
  return { items: rows.map(presentPerson), total, limit: query.limit, offset: query.offset };
}

/** One person with the initiatives they own or are delegated that the actor can see. @throws 404 */
export async function findPerson(db: DbOrTx, actor: TActor, id: string): Promise<TPersonDetail> {
  const row = await records.load(db, actor, id);
  return presentPersonDetail(row, await participation().ofPerson(db, actor, id));
}

/** @throws 404 unknown mission, 403 role cannot write contacts. */
export async function createPerson(db: Db, actor: TActor, input: TCreatePersonRequest): Promise<TPerson> {
  return records.create(db, actor, input);
}

/** @throws 404, 403, 409 when someone else saved first. */
export async function updatePerson(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdatePersonRequest,
): Promise<TPerson> {
  const { version, ...fields } = input;
  return records.update(db, actor, id, version, () => fields);
}

/** @throws 404, 403, 409 when `version` is given and stale. */
export async function archivePerson(db: Db, actor: TActor, id: string, version?: number): Promise<TPerson> {
  return records.archive(db, actor, id, version);
}
