import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ZMissionList, ZSignInLink } from '../../../shared/schemas/mission.ts';
import {
  ZCreatedMission,
  ZCreateMissionRequest,
  ZNetworkAccount,
  ZNetworkAccountList,
  ZNetworkAccountQuery,
  ZUpdateAccountRequest,
} from '../../../shared/schemas/network.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
} from '../../platform/http/openapi.ts';
import { actorOf } from './auth/middleware.ts';
import { passwordResetUrl, signInLinkUrl } from './auth/sessions.ts';
import {
  createNetworkMission,
  findAccounts,
  findNetworkMissions,
  issueAccountLink,
  updateAccount,
} from './network.ts';

const tags = ['Network'];
const onlyNetworkAdmins = 'Network administrators only (403 for everyone else).';
const ZAccountParams = z.object({ userId: z.uuid({ error: 'must be an identifier (UUID)' }) });

/** The network administration (above the missions): missions and accounts. */
export const networkRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/network/missions',
      tags,
      summary: 'List every mission of the server',
      description: `${onlyNetworkAdmins} The missions' settings, archived ones too; none of their data.`,
      responses: { 200: jsonContent(ZMissionList, 'The missions, by name'), ...errorResponses },
    }),
    async (c) => c.json({ items: await findNetworkMissions(c.get('db'), actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/network/missions',
      tags,
      summary: 'Create a mission with its first administrator',
      description: `${onlyNetworkAdmins} A new e-mail (with \`admin.name\`) creates the account as the mission's active administrator and returns a one-time sign-in link to hand over (valid 24 hours); an existing account is invited and accepts after signing in with its own credentials. 409 when the slug is taken.`,
      request: { body: jsonBody(ZCreateMissionRequest) },
      responses: {
        201: jsonContent(ZCreatedMission, 'The mission and its first administrator'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { mission, admin, link } = await createNetworkMission(
        c.get('db'),
        actorOf(c),
        c.req.valid('json'),
      );
      const signInLink = link
        ? {
            url: signInLinkUrl(c.get('config').publicUrl, link.token),
            expiresAt: link.expiresAt.toISOString(),
          }
        : null;
      return c.json({ mission, admin: { ...admin, signInLink } }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/network/accounts',
      tags,
      summary: 'Find accounts by e-mail',
      description: `${onlyNetworkAdmins} Accounts whose e-mail contains \`email\` (case-insensitive), at most 100, with every membership (active or invited).`,
      request: { query: ZNetworkAccountQuery },
      responses: { 200: jsonContent(ZNetworkAccountList, 'The accounts, by e-mail'), ...errorResponses },
    }),
    async (c) => c.json({ items: await findAccounts(c.get('db'), actorOf(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/network/accounts/{userId}',
      tags,
      summary: 'Disable or enable an account, or change its details',
      description: `${onlyNetworkAdmins} A change of access (\`isActive\`, \`isNetworkAdmin\`) ends the account's sessions; nobody changes their own access (403). 409 when the e-mail belongs to another account.`,
      request: { params: ZAccountParams, body: jsonBody(ZUpdateAccountRequest) },
      responses: {
        200: jsonContent(ZNetworkAccount, 'The account'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await updateAccount(c.get('db'), actorOf(c), c.req.valid('param').userId, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/network/accounts/{userId}/sign-in-link',
      tags,
      summary: 'Issue a one-time sign-in link for any account',
      description: `${onlyNetworkAdmins} Valid 24 hours, works once; the person's older unused links stop working, and they see the link among their security events. 409 for a disabled account.`,
      request: { params: ZAccountParams },
      responses: {
        201: jsonContent(ZSignInLink, 'The link to hand over'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const issued = await issueAccountLink(c.get('db'), actorOf(c), c.req.valid('param').userId, 'sign_in');
      const url = signInLinkUrl(c.get('config').publicUrl, issued.token);
      return c.json({ url, expiresAt: issued.expiresAt.toISOString() }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/network/accounts/{userId}/password-reset',
      tags,
      summary: 'Issue a one-time password-reset link for any account',
      description: `${onlyNetworkAdmins} Valid one hour, works once (POST /api/auth/password-reset with its token); the person's older unused links stop working. Until e-mail exists, the link is handed over by the administrator.`,
      request: { params: ZAccountParams },
      responses: {
        201: jsonContent(ZSignInLink, 'The link to hand over'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const issued = await issueAccountLink(
        c.get('db'),
        actorOf(c),
        c.req.valid('param').userId,
        'password_reset',
      );
      const url = passwordResetUrl(c.get('config').publicUrl, issued.token);
      return c.json({ url, expiresAt: issued.expiresAt.toISOString() }, 201);
    },
  );
