import { z } from 'zod';
import { MEMBERSHIP_STATUSES, MISSION_KINDS, ROLES } from '../enums.ts';
import { ZEmail } from './common.ts';

export { ZEmail } from './common.ts';

export const ZSignInRequest = z.object({
  email: ZEmail,
  password: z.string({ error: 'is required' }).min(1, { error: 'is required' }).max(1000),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

/** Password length rules; the server also refuses common passwords (a list shipped with it). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const ZNewPassword = z
  .string({ error: 'is required' })
  .min(PASSWORD_MIN_LENGTH, { error: `must have at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `must have at most ${PASSWORD_MAX_LENGTH} characters` });

/** A mission the signed-in person was invited to and has not yet accepted. */
export const ZInvitation = z
  .object({
    missionId: z.string(),
    missionName: z.string(),
    role: z.enum(ROLES),
    invitedBy: z.object({ name: z.string(), email: z.string() }).nullable(),
    invitedAt: z.string(),
  })
  .meta({ id: 'Invitation' });
export type TInvitation = z.infer<typeof ZInvitation>;

export const ZMe = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    /** Active memberships only: they give access. */
    memberships: z.array(
      z.object({
        missionId: z.string(),
        missionName: z.string(),
        missionKind: z.enum(MISSION_KINDS),
        role: z.enum(ROLES),
      }),
    ),
    /** Invitations waiting for the person to accept or decline them; they give no access. */
    invitations: z.array(ZInvitation),
    /** True for headquarters members, who read every mission. */
    isHeadquartersReader: z.boolean(),
    /** The ministry's IT: manages missions and accounts (under /api/network), reads no mission data by this. */
    isNetworkAdmin: z.boolean(),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;

/** Sets the signed-in user's password; the current one is needed when there is one. */
export const ZChangePasswordRequest = z
  .object({
    currentPassword: z.string().max(1000).optional(),
    newPassword: ZNewPassword,
  })
  .meta({ id: 'ChangePasswordRequest' });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

/** Sets a new password with a one-time password-reset token (the link's secret). */
export const ZPasswordResetRequest = z
  .object({
    token: z.string({ error: 'is required' }).min(10, { error: 'is required' }).max(200),
    newPassword: ZNewPassword,
  })
  .meta({ id: 'PasswordResetRequest' });
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;

export const SECURITY_EVENT_KINDS = [
  'membership_created',
  'invited',
  'invitation_accepted',
  'invitation_declined',
  'role_changed',
  'membership_removed',
  'sign_in_link',
  'password_reset_link',
  'password_changed',
  'account_changed',
] as const;
export type TSecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** Something that happened to the signed-in person's account or memberships, and who did it. */
export const ZSecurityEvent = z
  .object({
    at: z.string(),
    kind: z.enum(SECURITY_EVENT_KINDS),
    missionId: z.string().nullable(),
    missionName: z.string().nullable(),
    /** Who did it; null for the system (first start, the command line). */
    by: z.object({ name: z.string(), email: z.string() }).nullable(),
    role: z.enum(ROLES).nullable(),
    status: z.enum(MEMBERSHIP_STATUSES).nullable(),
  })
  .meta({ id: 'SecurityEvent' });
export type TSecurityEvent = z.infer<typeof ZSecurityEvent>;

export const ZSecurityEventList = z
  .object({ items: z.array(ZSecurityEvent) })
  .meta({ id: 'SecurityEventList' });
