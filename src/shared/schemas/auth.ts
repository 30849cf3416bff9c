import { z } from 'zod';
import { MISSION_KINDS, ROLES } from '../enums.ts';

export const ZSignInRequest = z.object({
  email: z
    .string({ error: 'is required' })
    .trim()
    .toLowerCase()
    .email({ error: 'must be an e-mail address' }),
  password: z.string({ error: 'is required' }).min(1, { error: 'is required' }).max(1000),
});
export type TSignInRequest = z.infer<typeof ZSignInRequest>;

export const ZMe = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    memberships: z.array(
      z.object({
        missionId: z.string(),
        missionName: z.string(),
        missionKind: z.enum(MISSION_KINDS),
        role: z.enum(ROLES),
      }),
    ),
    /** True for headquarters members, who read every mission. */
    isHeadquartersReader: z.boolean(),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;

/** Sets the signed-in user's password; the current one is needed when there is one. */
export const ZChangePasswordRequest = z
  .object({
    currentPassword: z.string().max(1000).optional(),
    newPassword: z
      .string({ error: 'is required' })
      .min(10, { error: 'must have at least 10 characters' })
      .max(200, { error: 'must have at most 200 characters' }),
  })
  .meta({ id: 'ChangePasswordRequest' });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;
