/**
 * The network administration: missions and accounts above the missions (the ministry's IT).
 * Network administrators create missions and their first administrators, find accounts, hand
 * over sign-in links and disable accounts; they read no mission's data by that role.
 */
import { z } from 'zod';
import { MEMBERSHIP_STATUSES, MISSION_KINDS, ROLES } from '../enums.ts';
import { ZEmail } from './auth.ts';
import { ZCountryCode, ZName, zLine } from './common.ts';
import { ZCurrency, ZMission, ZSignInLink, ZTimeZone } from './mission.ts';

export const ZCreateMissionRequest = z
  .object({
    slug: z
      .string({ error: 'is required' })
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, {
        error: 'must be lower-case letters, digits and dashes, such as it-astana',
      }),
    name: ZName,
    kind: z.enum(MISSION_KINDS, { error: `must be one of ${MISSION_KINDS.join(', ')}` }),
    hostCountry: ZCountryCode.nullable().optional(),
    currency: ZCurrency.optional(),
    timeZone: ZTimeZone.optional(),
    /** The first administrator: an existing account is invited, a new one is created. */
    admin: z.object({
      email: ZEmail,
      name: ZName.optional(),
    }),
  })
  .meta({ id: 'CreateMissionRequest' });
export type TCreateMissionRequest = z.infer<typeof ZCreateMissionRequest>;

export const ZCreatedMission = z
  .object({
    mission: ZMission,
    admin: z.object({
      userId: z.string(),
      email: z.string(),
      status: z.enum(MEMBERSHIP_STATUSES),
      /** For a new account only: the one-time link to hand over. */
      signInLink: ZSignInLink.nullable(),
    }),
  })
  .meta({ id: 'CreatedMission' });
export type TCreatedMission = z.infer<typeof ZCreatedMission>;

export const ZNetworkAccount = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    isActive: z.boolean(),
    isNetworkAdmin: z.boolean(),
    hasPassword: z.boolean(),
    memberships: z.array(
      z.object({
        missionId: z.string(),
        missionName: z.string(),
        role: z.enum(ROLES),
        status: z.enum(MEMBERSHIP_STATUSES),
      }),
    ),
    createdAt: z.string(),
  })
  .meta({ id: 'NetworkAccount' });
export type TNetworkAccount = z.infer<typeof ZNetworkAccount>;

export const ZNetworkAccountList = z
  .object({ items: z.array(ZNetworkAccount) })
  .meta({ id: 'NetworkAccountList' });

export const ZNetworkAccountQuery = z.object({
  /** Part of the e-mail address (case-insensitive); without it, the first 100 accounts by e-mail. */
  email: zLine(254).optional(),
});

export const ZUpdateAccountRequest = z
  .object({ isActive: z.boolean(), isNetworkAdmin: z.boolean(), name: ZName, email: ZEmail })
  .partial()
  .meta({ id: 'UpdateAccountRequest' });
export type TUpdateAccountRequest = z.infer<typeof ZUpdateAccountRequest>;
