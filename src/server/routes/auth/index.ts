import { createRoute } from '@hono/zod-openapi';
import { and, eq, sql } from 'drizzle-orm';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { ZChangePasswordRequest, ZMe, ZSignInRequest } from '../../../shared/schemas/auth.ts';
import { clientAddress } from '../../auth/client-address.ts';
import { actorOf } from '../../auth/middleware.ts';
import { hashPassword, verifyPassword } from '../../auth/password.ts';
import { SignInLimiter } from '../../auth/rate-limit.ts';
import {
  consumeSignInToken,
  createSession,
  deleteOtherSessions,
  deleteSession,
  findMemberships,
  SESSION_COOKIE,
  SESSION_TTL_MS,
} from '../../auth/sessions.ts';
import { writeAudit } from '../../commands/audit.ts';
import type { TActor } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { missions, users } from '../../db/schema.ts';
import { createRouter, errorResponses, jsonBody, jsonContent } from '../../http/openapi.ts';
import { badRequest, tooManyRequests, unauthorized } from '../../http/problem.ts';
import { isHeadquartersReader } from '../../policies/scope.ts';

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
    isHeadquartersReader: isHeadquartersReader(actor),
  };
}

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
        description: 'Sets an HttpOnly session cookie. Limited to 10 attempts per account per 15 minutes.',
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
        const token = await createSession(db, user.id);
        setSessionCookie(c, token);
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
        summary: 'The signed-in user and their missions',
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
          'The current password is required when the account has one (an account created by invitation has none). Other sessions of the account end.',
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
        const passwordHash = await hashPassword(newPassword);
        const keep = getCookie(c, SESSION_COOKIE);
        await db.transaction(async (tx) => {
          await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, user.id));
          await deleteOtherSessions(tx, user.id, keep);
          for (const m of actor.memberships)
            await writeAudit(tx, {
              actor,
              missionId: m.missionId,
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
        description: 'Signs in and redirects to the app. A link works once and expires after 24 hours.',
        request: { params: z.object({ token: z.string().min(10).max(200) }) },
        responses: { 302: { description: 'Signed in; redirects to /' }, 401: errorResponses[401] },
      }),
      async (c) => {
        const db = c.get('db');
        const userId = await consumeSignInToken(db, c.req.valid('param').token);
        if (!userId)
          throw unauthorized('This sign-in link is not valid: it was used already or has expired.');
        setSessionCookie(c, await createSession(db, userId));
        return c.redirect('/', 302);
      },
    );
}

function setSessionCookie(c: Parameters<typeof setCookie>[0], token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('config').isSecureCookie,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}
