import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ZAddMemberRequest,
  ZMission,
  ZMissionList,
  ZMissionMember,
  ZMissionMemberList,
  ZSignInLink,
  ZUpdateMemberRequest,
  ZUpdateMissionRequest,
} from '../../../shared/schemas/mission.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZIdParam,
} from '../../platform/http/openapi.ts';
import { actorOf } from './auth/middleware.ts';
import { signInLinkUrl } from './auth/sessions.ts';
import {
  addMember,
  findMembers,
  findMission,
  findMissions,
  issueSignInLink,
  removeMember,
  updateMember,
  updateMission,
} from './missions.ts';

const tags = ['Missions'];
const ZMemberParams = ZIdParam.extend({ userId: z.uuid({ error: 'must be an identifier (UUID)' }) });

export const missionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/missions',
      tags,
      summary: 'List missions',
      description: "The caller's missions; headquarters members see every mission.",
      responses: { 200: jsonContent(ZMissionList, 'The missions, by name'), ...errorResponses },
    }),
    async (c) => c.json({ items: await findMissions(c.get('db'), actorOf(c)) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/missions/{id}',
      tags,
      summary: 'Get a mission',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZMission, 'The mission'), ...errorResponses },
    }),
    async (c) => c.json(await findMission(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/missions/{id}',
      tags,
      summary: "Change a mission's settings",
      description:
        'Administrators only. Send the `version` you edited; if someone saved since, the answer is 409 and nothing changes.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateMissionRequest) },
      responses: {
        200: jsonContent(ZMission, 'The updated mission'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(await updateMission(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/missions/{id}/members',
      tags,
      summary: "List a mission's members",
      description:
        "Administrators and the head of mission only. This mission's memberships (active and invited) only, nothing of the members' other missions.",
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZMissionMemberList, 'The members, by name'), ...errorResponses },
    }),
    async (c) => c.json({ items: await findMembers(c.get('db'), actorOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/missions/{id}/members',
      tags,
      summary: 'Add a member',
      description:
        'Administrators only. When nobody has the e-mail yet and a `name` is given, the account is created without a password, as an active member (hand over a sign-in link). When the e-mail already has an account, the membership is an invitation (`status: invited`) that gives no access until the person, signed in with their own credentials, accepts it. 409 when already a member or invited.',
      request: { params: ZIdParam, body: jsonBody(ZAddMemberRequest) },
      responses: {
        201: jsonContent(ZMissionMember, 'The new member'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(await addMember(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/missions/{id}/members/{userId}',
      tags,
      summary: "Change a member's role or account details",
      description:
        "Administrators only. A role change ends the member's sessions (they sign in again); 409 when it would leave the mission without an administrator. The name and e-mail belong to the account: 403 unless the account is an active member of this mission only and not a network administrator.",
      request: { params: ZMemberParams, body: jsonBody(ZUpdateMemberRequest) },
      responses: {
        200: jsonContent(ZMissionMember, 'The member with the new role'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      return c.json(await updateMember(c.get('db'), actorOf(c), id, userId, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/missions/{id}/members/{userId}/sign-in-link',
      tags,
      summary: 'Issue a one-time sign-in link for a member',
      description:
        "Administrators only, and only for an account that is an active member of this mission alone and not a network administrator (403 otherwise: only the person or a network administrator can). The link is built from the server's public address, signs its holder in once within 24 hours, and makes the person's older links stop working; the person sees it among their security events.",
      request: { params: ZMemberParams },
      responses: {
        201: jsonContent(ZSignInLink, 'The link to hand over'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      const issued = await issueSignInLink(c.get('db'), actorOf(c), id, userId);
      // From the configured public address only: a forged Host header cannot redirect the link.
      const url = signInLinkUrl(c.get('config').publicUrl, issued.token);
      return c.json({ url, expiresAt: issued.expiresAt.toISOString() }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/missions/{id}/members/{userId}',
      tags,
      summary: 'Remove a member',
      description:
        "Administrators only; also withdraws an invitation. The account stays; the member's sessions end. 409 when it would leave the mission without an administrator.",
      request: { params: ZMemberParams },
      responses: { 204: { description: 'Removed' }, ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      await removeMember(c.get('db'), actorOf(c), id, userId);
      return c.body(null, 204);
    },
  );
