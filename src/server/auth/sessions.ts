import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { TActor } from '../context.ts';
import type { DbOrTx } from '../db/client.ts';
import { prepareOnce } from '../db/prepared.ts';
import { memberships, missions, sessions, signInTokens, users } from '../db/schema.ts';
import { generateToken, hashToken } from './tokens.ts';

export const SESSION_COOKIE = 'sp_session';
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
export const SIGN_IN_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** Creates a session and returns the token for the cookie. */
export async function createSession(db: DbOrTx, userId: string): Promise<string> {
  const token = generateToken();
  await db
    .insert(sessions)
    .values({ id: hashToken(token), userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
  return token;
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Ends every session of a user but the one with `keepToken` (after a password change). */
export async function deleteOtherSessions(db: DbOrTx, userId: string, keepToken?: string): Promise<void> {
  const keep = keepToken ? hashToken(keepToken) : '';
  await db.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keep}`));
}

/**
 * Loads the actor behind a session token, or null when the session is unknown or expired.
 * One prepared statement (it runs on every API request): the user and their memberships.
 */
export async function findActorBySession(db: DbOrTx, token: string): Promise<TActor | null> {
  const statement = prepareOnce(db, 'find_actor_by_session', (d) =>
    d
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        isNetworkAdmin: users.isNetworkAdmin,
        memberships: sql<TActor['memberships']>`coalesce((
          select json_agg(json_build_object('missionId', ${memberships.missionId}, 'role', ${memberships.role}, 'missionKind', ${missions.kind}))
          from ${memberships} join ${missions} on ${missions.id} = ${memberships.missionId}
          where ${memberships.userId} = ${users.id} and ${memberships.status} = 'active' and ${missions.archivedAt} is null), '[]'::json)`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(
          eq(sessions.id, sql.placeholder('id')),
          gt(sessions.expiresAt, sql`now()`),
          eq(users.isActive, true),
        ),
      )
      .prepare('find_actor_by_session'),
  );
  const [row] = await statement.execute({ id: hashToken(token) });
  if (!row) return null;
  const parsed = typeof row.memberships === 'string' ? JSON.parse(row.memberships) : row.memberships;
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    memberships: parsed,
    isNetworkAdmin: row.isNetworkAdmin,
  };
}

export async function findMemberships(db: DbOrTx, userId: string): Promise<TActor['memberships']> {
  return db
    .select({ missionId: memberships.missionId, role: memberships.role, missionKind: missions.kind })
    .from(memberships)
    .innerJoin(missions, eq(missions.id, memberships.missionId))
    .where(
      and(eq(memberships.userId, userId), eq(memberships.status, 'active'), isNull(missions.archivedAt)),
    );
}

/** A one-time sign-in link token (first start, `softpower user add --link`). */
export async function createSignInToken(db: DbOrTx, userId: string): Promise<string> {
  const token = generateToken();
  await db
    .insert(signInTokens)
    .values({ id: hashToken(token), userId, expiresAt: new Date(Date.now() + SIGN_IN_LINK_TTL_MS) });
  return token;
}

/** Consumes a sign-in token; returns its user id, or null when unknown, used or expired. */
export async function consumeSignInToken(db: DbOrTx, token: string): Promise<string | null> {
  const [row] = await db
    .update(signInTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(signInTokens.id, hashToken(token)),
        isNull(signInTokens.usedAt),
        gt(signInTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: signInTokens.userId });
  return row?.userId ?? null;
}
