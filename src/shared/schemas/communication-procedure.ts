/**
 * The communication procedure's API: the plan's template of steps, each initiative's steps,
 * and calendar feeds (DESIGN §8).
 */
import { z } from 'zod';
import {
  COMMUNICATION_ANCHORS,
  COMMUNICATION_OWNER_ROLES,
  COMMUNICATION_STEP_STATUSES,
  DATE_PRECISIONS,
  IMPORTANCES,
} from '../enums.ts';
import {
  LIMITS,
  ZCsvEnum,
  ZId,
  ZIsoDate,
  ZOptionalText,
  ZPage,
  ZPageQuery,
  ZTitle,
  ZVersion,
  zHttpUrl,
  zQueryInteger,
} from './common.ts';
import { ZBooleanQuery } from './query.ts';

const ZPersonRef = z.object({ id: z.string(), fullName: z.string() });

/** One step of a plan's template, as edited. */
export const ZTemplateStepInput = z
  .object({
    /** Keep the key of an existing step so that initiatives' steps stay linked; new steps omit it. */
    key: z
      .string()
      .trim()
      .regex(/^[\w-]{1,60}$/, { error: 'must be letters, digits, - or _' })
      .optional(),
    title: ZTitle,
    offsetDays: z
      .number({ error: 'must be a whole number of days' })
      .int({ error: 'must be a whole number of days' })
      .min(-365, { error: 'must be within a year' })
      .max(365, { error: 'must be within a year' }),
    anchor: z.enum(COMMUNICATION_ANCHORS, { error: 'must be start or end' }),
    ownerRole: z.enum(COMMUNICATION_OWNER_ROLES, {
      error: `must be one of ${COMMUNICATION_OWNER_ROLES.join(', ')}`,
    }),
    condition: z
      .object({ importance: z.enum(IMPORTANCES, { error: 'must be standard or major' }) })
      .nullable()
      .default(null),
    reminderMinutes: z
      .number({ error: 'must be a number of minutes' })
      .int({ error: 'must be a whole number of minutes' })
      .min(0, { error: 'must not be negative' })
      .max(60 * 24 * 60, { error: 'must be at most 60 days' })
      .nullable()
      .default(null),
    dueTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:MM' })
      .nullable()
      .default(null),
  })
  .meta({ id: 'CommunicationTemplateStepInput' });

export const ZTemplateStep = z
  .object({
    key: z.string(),
    position: z.number().int(),
    title: z.string(),
    offsetDays: z.number().int(),
    anchor: z.enum(COMMUNICATION_ANCHORS),
    ownerRole: z.enum(COMMUNICATION_OWNER_ROLES),
    condition: z.object({ importance: z.enum(IMPORTANCES) }).nullable(),
    reminderMinutes: z.number().int().nullable(),
    dueTime: z.string().nullable(),
  })
  .meta({ id: 'CommunicationTemplateStep' });

export const ZCommunicationTemplate = z
  .object({
    planId: z.string(),
    steps: z.array(ZTemplateStep),
    communicationOfficer: ZPersonRef.nullable(),
    /** The mission's IANA time zone the steps are scheduled in. */
    timeZone: z.string(),
    version: z.number().int(),
    /** `false` while the plan still uses the built-in ten steps. */
    isCustomised: z.boolean(),
  })
  .meta({ id: 'CommunicationTemplate' });
export type TCommunicationTemplate = z.infer<typeof ZCommunicationTemplate>;

export const ZUpdateTemplateRequest = z
  .object({
    steps: z
      .array(ZTemplateStepInput)
      .min(1, { error: 'needs at least one step' })
      .max(30, { error: 'at most 30 steps' }),
    communicationOfficerId: ZId.nullable().optional(),
    /** Move the open steps of the plan's scheduled initiatives to the new template. */
    applyToInitiatives: z.boolean().default(true),
    version: ZVersion,
  })
  .refine(
    (v) => new Set(v.steps.map((s) => s.key).filter(Boolean)).size === v.steps.filter((s) => s.key).length,
    {
      error: 'keys must be unique',
      path: ['steps'],
    },
  )
  .meta({ id: 'UpdateCommunicationTemplateRequest' });
export type TUpdateTemplateRequest = z.infer<typeof ZUpdateTemplateRequest>;

export const ZCommunicationStep = z
  .object({
    id: z.string(),
    planId: z.string(),
    initiative: z.object({
      id: z.string(),
      title: z.string(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      datePrecision: z.enum(DATE_PRECISIONS),
      importance: z.enum(IMPORTANCES),
    }),
    templateKey: z.string(),
    position: z.number().int(),
    title: z.string(),
    anchor: z.enum(COMMUNICATION_ANCHORS),
    offsetDays: z.number().int(),
    ownerRole: z.enum(COMMUNICATION_OWNER_ROLES),
    owner: ZPersonRef.nullable(),
    dueDate: z.string(),
    dueAt: z.string().nullable(),
    reminderMinutes: z.number().int().nullable(),
    remindAt: z.string().nullable(),
    dateToConfirm: z.boolean(),
    status: z.enum(COMMUNICATION_STEP_STATUSES),
    skipReason: z.string().nullable(),
    doneBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    doneAt: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    /** A file given as evidence (download it from `/api/communication-steps/{id}/evidence`). */
    evidenceFile: z
      .object({ name: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: z.string() })
      .nullable(),
    notes: z.string().nullable(),
    /** Open and past its day (or instant) in the mission's time zone. */
    isOverdue: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CommunicationStep' });
export type TCommunicationStep = z.infer<typeof ZCommunicationStep>;

export const ZCommunicationStepPage = ZPage(ZCommunicationStep).meta({ id: 'CommunicationStepPage' });

export const ZCommunicationStepQuery = ZPageQuery.extend({
  planId: ZId.optional(),
  initiativeId: ZId.optional(),
  /** Due on or after this day. */
  from: ZIsoDate.optional(),
  /** Due on or before this day. */
  to: ZIsoDate.optional(),
  status: ZCsvEnum(COMMUNICATION_STEP_STATUSES).optional(),
  /** Only steps owned by the caller's person. */
  mine: ZBooleanQuery.optional(),
  /** Only open steps past their due day. */
  overdue: ZBooleanQuery.optional(),
  limit: zQueryInteger({ min: 1, max: LIMITS.pageSize }).default(200),
});
export type TCommunicationStepQuery = z.infer<typeof ZCommunicationStepQuery>;

const ZEvidenceUrl = zHttpUrl(2000).nullable();

export const ZUpdateStepRequest = z
  .object({
    status: z.enum(COMMUNICATION_STEP_STATUSES, { error: 'must be todo, done or skipped' }).optional(),
    skipReason: ZOptionalText.optional(),
    ownerId: ZId.nullable().optional(),
    evidenceUrl: ZEvidenceUrl.optional(),
    notes: ZOptionalText.optional(),
    version: ZVersion,
  })
  .refine((v) => v.status !== 'skipped' || Boolean(v.skipReason?.trim()), {
    error: 'is required to skip a step',
    path: ['skipReason'],
  })
  .meta({ id: 'UpdateCommunicationStepRequest' });
export type TUpdateStepRequest = z.infer<typeof ZUpdateStepRequest>;

export const ZScheduleResult = z
  .object({
    created: z.number().int(),
    moved: z.number().int(),
    removed: z.number().int(),
    steps: z.array(ZCommunicationStep),
  })
  .meta({ id: 'CommunicationScheduleResult' });

export const ZCalendarFeed = z
  .object({
    id: z.string(),
    planId: z.string(),
    person: ZPersonRef.nullable(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    /** The secret address; only in the answer that creates the feed. */
    url: z.string().optional(),
  })
  .meta({ id: 'CalendarFeed' });
export type TCalendarFeed = z.infer<typeof ZCalendarFeed>;

export const ZCreateCalendarFeedRequest = z
  .object({
    planId: ZId,
    /** `person`: the caller's own steps and initiatives; `plan`: the whole plan. */
    scope: z.enum(['person', 'plan'], { error: 'must be person or plan' }),
  })
  .meta({ id: 'CreateCalendarFeedRequest' });

export const ZCalendarQuery = z.object({
  /** A person's calendar (their steps, the initiatives they own or are delegated to). */
  personId: ZId.optional(),
});
