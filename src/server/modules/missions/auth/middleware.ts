import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { TActor, TAppEnv } from '../../../platform/context.ts';
import { unauthorized } from '../../../platform/http/problem.ts';
import { findActorBySession, SESSION_COOKIE } from './sessions.ts';

/** Loads the actor from the session cookie (or leaves it null). */
export const loadActor = createMiddleware<TAppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const idleMs = c.get('config').sessionIdleMs;
  c.set('actor', token ? await findActorBySession(c.get('db'), token, { idleMs }) : null);
  await next();
});

/** Rejects requests without a valid session with 401. */
export const requireActor = createMiddleware<TAppEnv>(async (c, next) => {
  if (!c.get('actor')) throw unauthorized();
  await next();
});

/** The signed-in actor; call only behind `requireActor`. */
export function actorOf(c: { get: (key: 'actor') => TActor | null }): TActor {
  const actor = c.get('actor');
  if (!actor) throw unauthorized();
  return actor;
}
