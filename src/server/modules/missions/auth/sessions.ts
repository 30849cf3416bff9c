/**
 * Sessions and one-time links. A session is bound to one account; only the SHA-256 of its token
 * is stored. It ends after an absolute lifetime (default 14 days) or when unused for longer than
 * the idle time-out (default 8 hours), on sign-out, and when its owner's privileges change
 * (see docs/decisions/0011-identity-global-membership-local.md).
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { TSignInTokenPurpose } from '../../../../shared/enums.ts';
import type { TActor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { prepareOnce } from '../../../platform/db/prepared.ts';
import { memberships, missions, sessions, signInTokens, users } from '../tables.ts';
import { generateToken, hashToken } from './tokens.ts';

export const SESSION_COOKIE = 'sp_session';
const HOUR_MS = 60 * 60 * 1000;
export const SESSION_TTL_MS = 14 * 24 * HOUR_MS;
export const SESSION_IDLE_MS = 8 * HOUR_MS;
/** A hand-over sign-in link (first start, an administrator's link) is valid one day. */
export const SIGN_IN_LINK_TTL_MS = 24 * HOUR_MS;
/** A password-reset link is valid one hour. */
export const PASSWORD_RESET_TTL_MS = HOUR_MS;
/** `last_seen_at` moves at most once a minute, so that most requests write nothing. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export interface TSessionLimits {
  /** Absolute lifetime of a session. */
  maxAgeMs?: number;
  /** A session unused for longer than this ends. */
  idleMs?: number;
}

/**
 * Creates a session and returns the token for the cookie. With `replacing` (the token of the
 * cookie the browser sent), that older session is deleted: a sign-in always starts a new session,
 * so a session token planted before the sign-in never becomes authenticated.
 */
export async function createSession(
  db: DbOrTx,
  userId: string,
  options: { replacing?: string; maxAgeMs?: number } = {},
): Promise<string> {
  if (options.replacing) await deleteSession(db, options.replacing);
  const token = generateToken();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + (options.maxAgeMs ?? SESSION_TTL_MS)),
  });
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

/** Ends every session of a user (their privileges changed, the account was disabled or reset). */
export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

/**
 * Loads the actor behind a session token, or null when the session is unknown, expired, idle
 * for longer than `idleMs`, or its account is disabled. One prepared statement (it runs on every
 * API request): the user and their active memberships. A second, cheap one moves `last_seen_at`
 * when it is more than a minute old.
 */
export async function findActorBySession(
  db: DbOrTx,
  token: string,
  limits: TSessionLimits = {},
): Promise<TActor | null> {
  const statement = prepareOnce(db, 'find_actor_by_session', (d) =>
    d
      .select({
        userId: users.id,
        email: users.email,
        name: users.name,
        isNetworkAdmin: users.isNetworkAdmin,
        lastSeenAt: sessions.lastSeenAt,
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
          gt(
            sessions.lastSeenAt,
            sql`now() - make_interval(secs => ${sql.placeholder('idleSeconds')}::double precision)`,
          ),
          eq(users.isActive, true),
        ),
      )
      .prepare('find_actor_by_session'),
  );
  const id = hashToken(token);
  const idleSeconds = (limits.idleMs ?? SESSION_IDLE_MS) / 1000;
  const [row] = await statement.execute({ id, idleSeconds });
  if (!row) return null;
  if (Date.now() - new Date(row.lastSeenAt).getTime() > LAST_SEEN_RESOLUTION_MS) {
    const touch = prepareOnce(db, 'touch_session', (d) =>
      d
        .update(sessions)
        .set({ lastSeenAt: sql`now()` })
        .where(eq(sessions.id, sql.placeholder('id')))
        .prepare('touch_session'),
    );
    await touch.execute({ id });
  }
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

/** The address of a one-time link: built from the configured public URL, never from the request. */
export function signInLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/api/auth/link/${token}`;
}

/** The address of a password-reset link (the web app's page that asks for the new password). */
export function passwordResetUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, '')}/reset-password#${token}`;
}

/**
 * A one-time link token for a person. Every older link of theirs that is still unused is revoked
 * first, so only the newest one works.
 * @returns the token (shown once, only its hash is stored) and when it expires.
 */
export async function createSignInToken(
  db: DbOrTx,
  userId: string,
  options: { createdBy?: string | null; purpose?: TSignInTokenPurpose; ttlMs?: number } = {},
): Promise<{ token: string; expiresAt: Date }> {
  const purpose = options.purpose ?? 'sign_in';
  const ttlMs = options.ttlMs ?? (purpose === 'password_reset' ? PASSWORD_RESET_TTL_MS : SIGN_IN_LINK_TTL_MS);
  await db
    .update(signInTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(signInTokens.userId, userId), isNull(signInTokens.usedAt), isNull(signInTokens.revokedAt)));
  const token = generateToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  await db.insert(signInTokens).values({
    id: hashToken(token),
    userId,
    purpose,
    createdBy: options.createdBy ?? null,
    expiresAt,
  });
  return { token, expiresAt };
}

export type TTokenRefusal = 'unknown' | 'used' | 'revoked' | 'expired' | 'disabled';

/** Why a link was refused, in words for the person who opened it. */
export const TOKEN_REFUSALS: Record<TTokenRefusal, string> = {
  unknown: 'This link is not valid. Ask for a new one.',
  used: 'This link was used already: a link works only once. Ask for a new one.',
  revoked: 'This link was replaced by a newer one: only the newest link works. Ask for a new one.',
  expired: 'This link has expired. Ask for a new one.',
  disabled: 'This account is disabled.',
};

/**
 * Consumes a one-time token of the given purpose, once: marks it used in the same statement
 * that checks it is unused, not revoked and not expired.
 * @returns the user id, or the reason it was refused.
 */
export async function consumeSignInToken(
  db: DbOrTx,
  token: string,
  purpose: TSignInTokenPurpose = 'sign_in',
): Promise<{ userId: string } | { refusal: TTokenRefusal }> {
  const id = hashToken(token);
  const [row] = await db
    .update(signInTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(signInTokens.id, id),
        eq(signInTokens.purpose, purpose),
        isNull(signInTokens.usedAt),
        isNull(signInTokens.revokedAt),
        gt(signInTokens.expiresAt, new Date()),
        sql`exists (select 1 from ${users} where ${users.id} = ${signInTokens.userId} and ${users.isActive})`,
      ),
    )
    .returning({ userId: signInTokens.userId });
  if (row) return { userId: row.userId };
  const [found] = await db
    .select({
      purpose: signInTokens.purpose,
      usedAt: signInTokens.usedAt,
      revokedAt: signInTokens.revokedAt,
      expiresAt: signInTokens.expiresAt,
      isActive: users.isActive,
    })
    .from(signInTokens)
    .innerJoin(users, eq(users.id, signInTokens.userId))
    .where(eq(signInTokens.id, id));
  if (!found || found.purpose !== purpose) return { refusal: 'unknown' };
  if (found.usedAt) return { refusal: 'used' };
  if (found.revokedAt) return { refusal: 'revoked' };
  if (found.expiresAt <= new Date()) return { refusal: 'expired' };
  return { refusal: 'disabled' };
}
