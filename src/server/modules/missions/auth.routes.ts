import { createRoute } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import {
  ZChangePasswordRequest,
  ZMe,
  ZPasswordResetRequest,
  ZSecurityEventList,
  ZSignInRequest,
} from '../../../shared/schemas/auth.ts';
import type { TActor, TAppEnv } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../platform/http/openapi.ts';
import { badRequest, tooManyRequests, unauthorized } from '../../platform/http/problem.ts';
import { isHeadquartersReader } from '../../platform/scope.ts';
import { writeAudit } from './audit.ts';
import { actorOf } from './auth/middleware.ts';
import { hashPassword, passwordWeakness, verifyPassword } from './auth/password.ts';
import { SignInLimiter } from './auth/rate-limit.ts';
import {
  consumeSignInToken,
  createSession,
  deleteOtherSessions,
  deleteSession,
  deleteUserSessions,
  findMemberships,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  TOKEN_REFUSALS,
} from './auth/sessions.ts';
import { missions, users } from './tables.ts';
import { acceptInvitation, declineInvitation, findInvitations, findSecurityEvents } from './users.ts';

const tags = ['Accounts'];
/** A hash to verify against when the e-mail is unknown, so that timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => {
  dummyHash ??= hashPassword('not-a-real-password');
  return dummyHash;
};

async function presentMe(db: DbOrTx, actor: TActor) {
  const ids = actor.memberships.map((m) => m.missionId);
  const names = ids.length
    ? await db
        .select({ id: missions.id, name: missions.name })
        .from(missions)
        .where(sql`${missions.id} in ${ids}`)
    : [];
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    memberships: actor.memberships.map((m) => ({ ...m, missionName: nameOf.get(m.missionId) ?? '' })),
    invitations: await findInvitations(db, actor.userId),
    isHeadquartersReader: isHeadquartersReader(actor),
    isNetworkAdmin: actor.isNetworkAdmin,
  };
}

/** Refuses a new password that the policy does not accept (400 naming the field). */
function checkNewPassword(password: string, field = 'newPassword') {
  const weakness = passwordWeakness(password);
  if (weakness) throw badRequest(`The new password ${weakness}.`, [{ field, message: weakness }]);
}

const ZInvitationParams = z.object({ missionId: z.uuid({ error: 'must be an identifier (UUID)' }) });

/** Sign-in, sign-out and the current user. Each app instance has its own rate limiters. */
export function createAuthRoutes() {
  // Failed password checks, per (account, address), per address and per account: see rate-limit.ts.
  const signInLimiter = new SignInLimiter();

  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/sign-in',
        tags,
        summary: 'Sign in with e-mail and password',
        description:
          'Sets an HttpOnly session cookie for a new session (a session cookie sent with the request ends). Limited to 10 attempts per account per 15 minutes.',
        request: { body: jsonBody(ZSignInRequest) },
        responses: {
          200: jsonContent(ZMe, 'Signed in'),
          400: errorResponses[400],
          401: errorResponses[401],
          429: { description: 'Too many attempts; retry later.' },
        },
      }),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const client = clientAddress(c);
        const wait = signInLimiter.check({ email, client });
        if (wait > 0)
          throw tooManyRequests(
            `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`,
            wait,
          );
        const db = c.get('db');
        const [user] = await db
          .select()
          .from(users)
          .where(and(sql`lower(${users.email}) = ${email}`, eq(users.isActive, true)));
        // Unknown accounts cost the same time as known ones.
        const hashToCheck = user?.passwordHash ?? (await getDummyHash());
        const isValid = (await verifyPassword(hashToCheck, password)) && !!user?.passwordHash;
        if (!user || !isValid) throw unauthorized('The e-mail or the password is not correct.');
        signInLimiter.succeed({ email, client });
        // A new session every time; the one the browser may have sent ends (no session fixation).
        setSessionCookie(c, await newSession(c, user.id));
        const actor: TActor = {
          userId: user.id,
          email: user.email,
          name: user.name,
          memberships: await findMemberships(db, user.id),
          isNetworkAdmin: user.isNetworkAdmin,
        };
        return c.json(await presentMe(db, actor), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/sign-out',
        tags,
        summary: 'Sign out',
        description:
          'Ends the session on the server (the token stops working at once) and clears the cookie.',
        responses: { 204: { description: 'Signed out' } },
      }),
      async (c) => {
        const token = getCookie(c, SESSION_COOKIE);
        if (token) await deleteSession(c.get('db'), token);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/auth/me',
        tags,
        summary: 'The signed-in user, their missions and pending invitations',
        responses: { 200: jsonContent(ZMe, 'The current user'), 401: errorResponses[401] },
      }),
      async (c) => c.json(await presentMe(c.get('db'), actorOf(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/password',
        tags,
        summary: "Set the signed-in user's password",
        description:
          'The current password is required when the account has one (an account created by invitation has none). The new one has 12 to 200 characters and is not in the list of common passwords. Every other session of the account ends.',
        request: { body: jsonBody(ZChangePasswordRequest) },
        responses: { 204: { description: 'Password set' }, ...errorResponses },
      }),
      async (c) => {
        const db = c.get('db');
        const actor = actorOf(c);
        const { currentPassword, newPassword } = c.req.valid('json');
        const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
        if (!user) throw unauthorized('Sign in again.');
        if (user.passwordHash) {
          if (!currentPassword)
            throw badRequest('Give your current password.', [
              { field: 'currentPassword', message: 'is required' },
            ]);
          const attempt = { email: actor.email, client: clientAddress(c) };
          const wait = signInLimiter.check(attempt);
          if (wait > 0) throw tooManyRequests('Too many attempts. Try again later.', wait);
          if (!(await verifyPassword(user.passwordHash, currentPassword)))
            throw badRequest('The current password is not correct.', [
              { field: 'currentPassword', message: 'is not correct' },
            ]);
          signInLimiter.succeed(attempt);
        }
        checkNewPassword(newPassword);
        const passwordHash = await hashPassword(newPassword);
        const keep = getCookie(c, SESSION_COOKIE);
        await db.transaction(async (tx) => {
          await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
          await deleteOtherSessions(tx, user.id, keep);
          // The account's own event, not any mission's: its missions' administrators do not see it.
          await writeAudit(tx, {
            actor,
            missionId: null,
            entity: 'user',
            entityId: user.id,
            action: 'password',
            after: { email: user.email },
          });
        });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/auth/link/{token}',
        tags,
        summary: 'Use a one-time sign-in link',
        description:
          'Signs in (a new session) and redirects to the app. A link works once, expires after 24 hours, and stops working when a newer link is issued for the same person; a refused link answers 401 saying why.',
        request: { params: z.object({ token: z.string().min(10).max(200) }) },
        responses: { 302: { description: 'Signed in; redirects to /' }, 401: errorResponses[401] },
      }),
      async (c) => {
        const db = c.get('db');
        const result = await consumeSignInToken(db, c.req.valid('param').token, 'sign_in');
        if ('refusal' in result) throw unauthorized(TOKEN_REFUSALS[result.refusal]);
        setSessionCookie(c, await newSession(c, result.userId));
        return c.redirect('/', 302);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/password-reset',
        tags,
        summary: 'Set a new password with a one-time password-reset link',
        description:
          'The `token` is the secret of a password-reset link (valid one hour, works once, only the newest one works). Sets the password and ends every session of the account; then sign in.',
        request: { body: jsonBody(ZPasswordResetRequest) },
        responses: {
          204: { description: 'Password set; sign in with it' },
          400: errorResponses[400],
          401: errorResponses[401],
        },
      }),
      async (c) => {
        const db = c.get('db');
        const { token, newPassword } = c.req.valid('json');
        checkNewPassword(newPassword);
        const passwordHash = await hashPassword(newPassword);
        await db.transaction(async (tx) => {
          const result = await consumeSignInToken(tx, token, 'password_reset');
          if ('refusal' in result) throw unauthorized(TOKEN_REFUSALS[result.refusal]);
          await tx
            .update(users)
            .set({ passwordHash, updatedAt: new Date() })
            .where(eq(users.id, result.userId));
          await deleteUserSessions(tx, result.userId);
          await writeAudit(tx, {
            actor: null,
            missionId: null,
            entity: 'user',
            entityId: result.userId,
            action: 'password',
            after: { reset: true },
          });
        });
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/auth/me/events',
        tags,
        summary: "Security events of the signed-in person's account",
        description:
          'Newest first, at most 100: memberships created for them, invitations and their answers, role changes, removals, sign-in and password-reset links issued (and by whom), password changes.',
        responses: { 200: jsonContent(ZSecurityEventList, 'The events'), 401: errorResponses[401] },
      }),
      async (c) => c.json({ items: await findSecurityEvents(c.get('db'), actorOf(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/invitations/{missionId}/accept',
        tags,
        summary: 'Accept an invitation to a mission',
        description:
          'The membership becomes active. The privileges change, so a new session replaces the current one and every other session of the account ends.',
        request: { params: ZInvitationParams },
        responses: { 200: jsonContent(ZMe, 'The account with its new membership'), ...errorResponses },
      }),
      async (c) => {
        const db = c.get('db');
        const actor = actorOf(c);
        const { missionId } = c.req.valid('param');
        await acceptInvitation(db, actor, missionId);
        setSessionCookie(c, await newSession(c, actor.userId));
        const memberships = await findMemberships(db, actor.userId);
        return c.json(await presentMe(db, { ...actor, memberships }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/auth/invitations/{missionId}/decline',
        tags,
        summary: 'Decline an invitation to a mission',
        description: "The invitation is deleted; the mission's administrators see it in their audit log.",
        request: { params: ZInvitationParams },
        responses: { 204: { description: 'Declined' }, ...errorResponses },
      }),
      async (c) => {
        await declineInvitation(c.get('db'), actorOf(c), c.req.valid('param').missionId);
        return c.body(null, 204);
      },
    );
}

/** Starts a session for `userId`, ending the one whose cookie came with the request. */
async function newSession(c: Context<TAppEnv>, userId: string): Promise<string> {
  return createSession(c.get('db'), userId, {
    replacing: getCookie(c, SESSION_COOKIE),
    maxAgeMs: c.get('config').sessionMaxAgeMs,
  });
}

function setSessionCookie(c: Parameters<typeof setCookie>[0], token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('config').isSecureCookie,
    maxAge: Math.floor((c.get('config').sessionMaxAgeMs ?? SESSION_TTL_MS) / 1000),
  });
}
