/**
 * Factories: each builds what it needs (its own mission, users, plan), so tests never depend on
 * each other or on emptied tables. Overrides replace the defaults.
 */
import { randomUUID } from 'node:crypto';
import { createSession } from '../../src/server/modules/missions/index.ts';
import type { Db } from '../../src/server/platform/db/client.ts';
import {
  focusAreas,
  initiativeDelegates,
  initiativePartners,
  initiatives,
  initiativeVectors,
  memberships,
  missions,
  organisations,
  people,
  plans,
  programmes,
  users,
  vectors,
} from '../../src/server/schema.ts';
import type { TMissionKind, TRole } from '../../src/shared/enums.ts';

const unique = () => randomUUID().slice(0, 8);

export async function buildMission(db: Db, overrides: Partial<typeof missions.$inferInsert> = {}) {
  const [mission] = await db
    .insert(missions)
    .values({
      slug: `mission-${unique()}`,
      name: 'Test Embassy',
      kind: 'embassy' as TMissionKind,
      timeZone: 'Asia/Almaty',
      ...overrides,
    })
    .returning();
  return mission!;
}

/** A user with a role in a mission, and a session cookie to call the API as them. */
export async function buildUser(db: Db, options: { missionId?: string; role?: TRole; email?: string } = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: options.email ?? `user-${unique()}@example.org`, name: 'Test User', passwordHash: null })
    .returning();
  if (options.missionId) {
    await db
      .insert(memberships)
      .values({ userId: user!.id, missionId: options.missionId, role: options.role ?? 'officer' });
  }
  const token = await createSession(db, user!.id);
  return { ...user!, cookie: `sp_session=${token}` };
}

/** A plan with the default structure: three focus areas, three vectors and one programme. */
export async function buildPlan(db: Db, options: { missionId: string } & Partial<typeof plans.$inferInsert>) {
  const [plan] = await db
    .insert(plans)
    .values({
      title: 'Test plan',
      acronym: `P${unique()}`,
      periodStart: '2022-01-01',
      periodEnd: '2022-12-31',
      ...options,
    })
    .returning();
  const scoped = { missionId: options.missionId, planId: plan!.id };
  const areas = await db
    .insert(focusAreas)
    .values(
      ['political_institutional', 'economic_commercial', 'cultural'].map((key, position) => ({
        ...scoped,
        key,
        name: key,
        position,
      })),
    )
    .returning();
  const vecs = await db
    .insert(vectors)
    .values(
      ['cooperation', 'innovation', 'education'].map((key, position) => ({
        ...scoped,
        key,
        name: key,
        position,
      })),
    )
    .returning();
  const [programme] = await db
    .insert(programmes)
    .values({
      ...scoped,
      key: 'mani-esperte',
      name: 'Mani esperte',
      hashtag: '#handsnotonlybrands',
      colors: ['#1F4E99'],
    })
    .returning();
  return { ...plan!, focusAreas: areas, vectors: vecs, programme: programme! };
}

export async function buildInitiative(
  db: Db,
  options: { missionId: string; planId: string } & Partial<typeof initiatives.$inferInsert>,
) {
  const [row] = await db
    .insert(initiatives)
    .values({ title: `Initiative ${unique()}`, type: 'concert', status: 'planned', ...options })
    .returning();
  return row!;
}

export async function buildOrganisation(
  db: Db,
  options: { missionId: string } & Partial<typeof organisations.$inferInsert>,
) {
  const [row] = await db
    .insert(organisations)
    .values({ name: `Organisation ${unique()}`, kind: 'company', ...options })
    .returning();
  return row!;
}

export async function buildPerson(
  db: Db,
  options: { missionId: string } & Partial<typeof people.$inferInsert>,
) {
  const [row] = await db
    .insert(people)
    .values({ fullName: `Person ${unique()}`, kind: 'staff', ...options })
    .returning();
  return row!;
}

/** Links initiatives to their partners, delegates or vectors (rows of the initiatives module). */
export async function linkInitiatives(
  db: Db,
  links: {
    partners?: (typeof initiativePartners.$inferInsert)[];
    delegates?: (typeof initiativeDelegates.$inferInsert)[];
    vectors?: (typeof initiativeVectors.$inferInsert)[];
  },
) {
  if (links.partners?.length) await db.insert(initiativePartners).values(links.partners);
  if (links.delegates?.length) await db.insert(initiativeDelegates).values(links.delegates);
  if (links.vectors?.length) await db.insert(initiativeVectors).values(links.vectors);
}
