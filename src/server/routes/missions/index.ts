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
import { actorOf } from '../../auth/middleware.ts';
import {
  addMember,
  findMembers,
  findMission,
  findMissions,
  issueSignInLink,
  removeMember,
  updateMember,
  updateMission,
} from '../../commands/missions.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZIdParam,
} from '../../http/openapi.ts';

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
      description: 'Administrators and the head of mission only.',
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
        'Administrators only. When nobody has the e-mail yet and a `name` is given, the account is created without a password (hand over a sign-in link); 409 when it is already a member.',
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
      summary: "Change a member's role",
      description: 'Administrators only; 409 when it would leave the mission without an administrator.',
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
        'Administrators only. The link signs its holder in once, within 24 hours; they can then set a password.',
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
      const url = new URL(`/api/auth/link/${issued.token}`, c.req.url).toString();
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
        'Administrators only. The account stays; 409 when it would leave the mission without an administrator.',
      request: { params: ZMemberParams },
      responses: { 204: { description: 'Removed' }, ...errorResponses, ...conflictResponse },
    }),
    async (c) => {
      const { id, userId } = c.req.valid('param');
      await removeMember(c.get('db'), actorOf(c), id, userId);
      return c.body(null, 204);
    },
  );
