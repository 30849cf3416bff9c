import { z } from 'zod';
import { LOCALES, MEMBERSHIP_STATUSES, MISSION_KINDS, ROLES } from '../enums.ts';
import { ZEmail } from './auth.ts';
import { ZCountryCode, ZName, ZVersion, ZVersioned } from './common.ts';

/**
 * The canonical IANA name of a time zone as the runtime knows it, or null when `value` names no
 * zone. Offsets such as `+05:00` are refused: a mission lives in a place, not an offset.
 * @example canonicalTimeZone('asia/almaty') // 'Asia/Almaty'
 */
export function canonicalTimeZone(value: string): string | null {
  if (!/^[A-Za-z][\w+\-/]*$/.test(value)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export const ZTimeZone = z
  .string({ error: 'is required' })
  .trim()
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (zone) return zone;
    ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone such as Asia/Almaty or Europe/Rome' });
    return z.NEVER;
  });

export const ZCurrency = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO 4217 code such as EUR or KZT' });

const ZRole = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

export const ZMission = ZVersioned.extend({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(MISSION_KINDS),
  hostCountry: z.string().nullable(),
  defaultLocale: z.string(),
  currency: z.string(),
  timeZone: z.string(),
}).meta({ id: 'Mission' });
export type TMission = z.infer<typeof ZMission>;

export const ZMissionList = z.object({ items: z.array(ZMission) }).meta({ id: 'MissionList' });

export const ZUpdateMissionRequest = z
  .object({
    name: ZName,
    hostCountry: ZCountryCode.nullable(),
    defaultLocale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }),
    currency: ZCurrency,
    timeZone: ZTimeZone,
  })
  .partial()
  .extend({ version: ZVersion })
  .meta({ id: 'UpdateMissionRequest' });
export type TUpdateMissionRequest = z.infer<typeof ZUpdateMissionRequest>;

/**
 * A user's membership of a mission, as its administrators see it: this mission only, never the
 * person's other missions.
 */
export const ZMissionMember = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    /** `invited`: the person has an account and has not yet accepted; it gives no access. */
    status: z.enum(MEMBERSHIP_STATUSES),
    isActive: z.boolean(),
    memberSince: z.string(),
  })
  .meta({ id: 'MissionMember' });
export type TMissionMember = z.infer<typeof ZMissionMember>;

export const ZMissionMemberList = z
  .object({ items: z.array(ZMissionMember) })
  .meta({ id: 'MissionMemberList' });

export const ZAddMemberRequest = z
  .object({
    email: ZEmail,
    /** Needed only when no account has this e-mail yet: the account is then created, without a password. */
    name: ZName.optional(),
    role: ZRole,
  })
  .meta({ id: 'AddMemberRequest' });
export type TAddMemberRequest = z.infer<typeof ZAddMemberRequest>;

/**
 * A new role, and/or new account details. The name and the e-mail belong to the account, not the
 * membership: a mission's administrator may change them only for an account that belongs to no
 * other mission and is not a network administrator.
 */
export const ZUpdateMemberRequest = z
  .object({ role: ZRole, name: ZName, email: ZEmail })
  .partial()
  .refine((v) => v.role !== undefined || v.name !== undefined || v.email !== undefined, {
    error: 'give a role, a name or an e-mail',
    path: ['role'],
  })
  .meta({ id: 'UpdateMemberRequest' });
export type TUpdateMemberRequest = z.infer<typeof ZUpdateMemberRequest>;

/** A one-time sign-in link for a member: it works once, within its validity. */
export const ZSignInLink = z.object({ url: z.string(), expiresAt: z.string() }).meta({ id: 'SignInLink' });
export type TSignInLink = z.infer<typeof ZSignInLink>;
