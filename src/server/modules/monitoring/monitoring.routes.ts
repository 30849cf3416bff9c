import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  ZActionItem,
  ZAgenda,
  ZAssignmentList,
  ZCheckInRequest,
  ZCreateActionItemRequest,
  ZCreateDecisionRequest,
  ZCreateLessonRequest,
  ZCreateMeetingRequest,
  ZLesson,
  ZLessonList,
  ZLessonListQuery,
  ZMeeting,
  ZMeetingCheckIn,
  ZMeetingDecision,
  ZMeetingDetail,
  ZMeetingList,
  ZMeetingListQuery,
  ZOwnerSuggestions,
  ZUpdateActionItemRequest,
  ZUpdateLessonRequest,
  ZUpdateMeetingRequest,
} from '../../../shared/schemas/monitoring.ts';
import {
  conflictResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  ZArchiveQuery,
  ZIdParam,
} from '../../platform/http/openapi.ts';
import { ZReportLanguageQuery } from '../../platform/reports/i18n.ts';
import { findInitiative } from '../initiatives/index.ts';
import { actorOf } from '../missions/index.ts';
import { findAssignments, findOwnerSuggestions } from './assignments.ts';
import { archiveLesson, createLesson, findLessons, updateLesson } from './lessons.ts';
import { addActionItem, addMeetingDecision, recordCheckIn, updateActionItem } from './meeting-minutes.ts';
import { renderMeetingMinutesPdf } from './meeting-minutes-pdf.ts';
import {
  archiveMeeting,
  createMeeting,
  findMeeting,
  findMeetingAgenda,
  findMeetings,
  updateMeeting,
} from './meetings.ts';

const teamTags = ['Delegation'];
const tags = ['Monitoring'];
const ZMeetingInitiativeParams = z.object({
  id: z.uuid({ error: 'must be an identifier (UUID)' }),
  initiativeId: z.uuid({ error: 'must be an identifier (UUID)' }),
});

export const monitoringRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/initiatives/{id}/owner-suggestions',
      tags: teamTags,
      summary: 'Suggested owners and delegates',
      description:
        "The mission's team ranked by competence match (type, focus area, tags named in the text), host-country languages and current load, with the reasons. Not for external collaborators.",
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZOwnerSuggestions, 'People, best match first'), ...errorResponses },
    }),
    async (c) => {
      const db = c.get('db');
      const actor = actorOf(c);
      const initiative = await findInitiative(db, actor, c.req.valid('param').id);
      return c.json(await findOwnerSuggestions(db, actor, initiative), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/initiatives/{id}/assignments',
      tags: teamTags,
      summary: 'Assignment history',
      description: 'Who was assigned or unassigned as owner or delegate, when and by whom; newest first.',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZAssignmentList, 'The history'), ...errorResponses },
    }),
    async (c) => {
      const db = c.get('db');
      const actor = actorOf(c);
      const initiative = await findInitiative(db, actor, c.req.valid('param').id);
      return c.json({ items: await findAssignments(db, actor, initiative) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/meetings',
      tags,
      summary: "A plan's staff meetings",
      description: 'Newest first. External collaborators see none.',
      request: { query: ZMeetingListQuery },
      responses: { 200: jsonContent(ZMeetingList, 'The meetings'), ...errorResponses },
    }),
    async (c) =>
      c.json({ items: await findMeetings(c.get('db'), actorOf(c), c.req.valid('query').planId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings',
      tags,
      summary: 'Create a staff meeting',
      description:
        "One per plan and day. The previous meeting's statuses that are still open carry forward into it.",
      request: { body: jsonBody(ZCreateMeetingRequest) },
      responses: { 201: jsonContent(ZMeeting, 'The new meeting'), ...errorResponses, ...conflictResponse },
    }),
    async (c) => c.json(await createMeeting(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/meetings/{id}',
      tags,
      summary: 'Get a staff meeting',
      description: 'With the status of every active initiative and the minutes (decisions, action items).',
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZMeetingDetail, 'The meeting'), ...errorResponses },
    }),
    async (c) => c.json(await findMeeting(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/meetings/{id}',
      tags,
      summary: 'Update a staff meeting',
      description: 'Title and attendees. Send the `version` you edited.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateMeetingRequest) },
      responses: { 200: jsonContent(ZMeeting, 'The meeting'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(await updateMeeting(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/meetings/{id}',
      tags,
      summary: 'Archive a staff meeting',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(ZMeeting, 'The archived meeting'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveMeeting(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('query').version),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/meetings/{id}/statuses/{initiativeId}',
      tags,
      summary: "Record an initiative's status",
      description: `One of on_track, at_risk, late, done, cancelled, with a note. Later meetings that carried the old status unchanged get the new one.`,
      request: { params: ZMeetingInitiativeParams, body: jsonBody(ZCheckInRequest) },
      responses: { 200: jsonContent(ZMeetingCheckIn, 'The status'), ...errorResponses },
    }),
    async (c) => {
      const { id, initiativeId } = c.req.valid('param');
      return c.json(await recordCheckIn(c.get('db'), actorOf(c), id, initiativeId, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/decisions',
      tags,
      summary: 'Record a decision',
      request: { params: ZIdParam, body: jsonBody(ZCreateDecisionRequest) },
      responses: { 201: jsonContent(ZMeetingDecision, 'The decision'), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await addMeetingDecision(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/meetings/{id}/action-items',
      tags,
      summary: 'Record an action item',
      description: 'Text, owner (a person of the mission), due date, and optionally the initiative.',
      request: { params: ZIdParam, body: jsonBody(ZCreateActionItemRequest) },
      responses: { 201: jsonContent(ZActionItem, 'The action item'), ...errorResponses },
    }),
    async (c) =>
      c.json(await addActionItem(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/action-items/{id}',
      tags,
      summary: 'Update an action item',
      description: 'Edit it or mark it done. Send the `version` you edited.',
      request: { params: ZIdParam, body: jsonBody(ZUpdateActionItemRequest) },
      responses: { 200: jsonContent(ZActionItem, 'The action item'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(
        await updateActionItem(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/meetings/{id}/agenda',
      tags,
      summary: "A meeting's agenda",
      description:
        "Composed for the meeting's date from every registered source: initiatives starting within 14 days, overdue action items, initiatives without an owner, decisions pending, and the other modules' sources.",
      request: { params: ZIdParam },
      responses: { 200: jsonContent(ZAgenda, 'The agenda, by section'), ...errorResponses },
    }),
    async (c) => c.json(await findMeetingAgenda(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/meetings/{id}/minutes.pdf',
      tags,
      summary: 'Agenda and minutes as PDF',
      description:
        '`lang` (it, en, ru, kk; default en) sets the language of headings, labels and dates; agenda items, decisions and notes stay as written.',
      request: { params: ZIdParam, query: ZReportLanguageQuery },
      responses: {
        200: {
          description: 'The PDF, as an attachment',
          content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const db = c.get('db');
      const actor = actorOf(c);
      const id = c.req.valid('param').id;
      const meeting = await findMeeting(db, actor, id);
      const agenda = await findMeetingAgenda(db, actor, id);
      const pdf = await renderMeetingMinutesPdf({ meeting, agenda, lang: c.req.valid('query').lang });
      return c.body(pdf as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="minutes-${meeting.plan.acronym}-${meeting.meetingDate}.pdf"`,
        'Cache-Control': 'no-store',
      });
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/lessons',
      tags,
      summary: 'Lessons learned',
      description:
        "A plan's lessons (`planId`) or one initiative's (`initiativeId`), in the order of the initiatives' dates. Only those on initiatives the caller can see.",
      request: { query: ZLessonListQuery },
      responses: { 200: jsonContent(ZLessonList, 'The lessons'), ...errorResponses },
    }),
    async (c) => c.json({ items: await findLessons(c.get('db'), actorOf(c), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/lessons',
      tags,
      summary: 'Record a lesson learned',
      description: 'What happened and what we learned, with a tag. Failures are welcome.',
      request: { body: jsonBody(ZCreateLessonRequest) },
      responses: { 201: jsonContent(ZLesson, 'The lesson'), ...errorResponses },
    }),
    async (c) => c.json(await createLesson(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/lessons/{id}',
      tags,
      summary: 'Update a lesson learned',
      request: { params: ZIdParam, body: jsonBody(ZUpdateLessonRequest) },
      responses: { 200: jsonContent(ZLesson, 'The lesson'), ...errorResponses, ...conflictResponse },
    }),
    async (c) =>
      c.json(await updateLesson(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/lessons/{id}',
      tags,
      summary: 'Archive a lesson learned',
      request: { params: ZIdParam, query: ZArchiveQuery },
      responses: {
        200: jsonContent(z.object({ id: z.string() }), 'The archived lesson'),
        ...errorResponses,
        ...conflictResponse,
      },
    }),
    async (c) =>
      c.json(
        await archiveLesson(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('query').version),
        200,
      ),
  );
