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
