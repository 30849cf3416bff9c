import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES, type TRole } from '../../shared/enums.ts';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { createSignInToken } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { memberships, missions, users } from '../db/schema.ts';
import { writeAudit } from './audit.ts';

export const ZAddUserInput = z.object({
  email: z.string().trim().toLowerCase().email({ error: 'must be an e-mail address' }),
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
  missionSlug: z.string().trim().min(1).optional(),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }).default('officer'),
  password: z.string().min(10, { error: 'must be at least 10 characters' }).max(200).optional(),
});
export type TAddUserInput = z.input<typeof ZAddUserInput>;

export interface TAddUserResult {
  userId: string;
  email: string;
  /** Set when the password was generated: shown once, never stored in clear. */
  generatedPassword: string | null;
  /** A one-time sign-in link token (valid 24 hours). */
  signInToken: string;
  isNewUser: boolean;
}

/**
 * Creates a user (or finds one by e-mail) and gives them a role in a mission.
 * @throws Error with a readable message for an unknown mission or invalid input.
 */
export async function addUser(db: Db, raw: TAddUserInput): Promise<TAddUserResult> {
  const input = ZAddUserInput.parse(raw);
  return db.transaction(async (tx) => {
    let missionId: string | null = null;
    if (input.missionSlug) {
      const [mission] = await tx
        .select({ id: missions.id })
        .from(missions)
        .where(eq(missions.slug, input.missionSlug));
      if (!mission)
        throw new Error(`No mission "${input.missionSlug}". List them with: softpower mission list`);
      missionId = mission.id;
    }
    const generatedPassword = input.password ? null : generatePassword();
    const passwordHash = await hashPassword(input.password ?? generatedPassword!);
    let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${input.email}`);
    const isNewUser = !user;
    if (user) {
      [user] = await tx
        .update(users)
        .set({ passwordHash, name: input.name, updatedAt: new Date() })
        .where(eq(users.id, user.id))
        .returning();
    } else {
      [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash })
        .returning();
    }
    if (missionId) {
      await tx
        .insert(memberships)
        .values({ userId: user!.id, missionId, role: input.role as TRole })
        .onConflictDoUpdate({
          target: [memberships.userId, memberships.missionId],
          set: { role: input.role },
        });
    }
    await writeAudit(tx, {
      actor: null,
      missionId,
      entity: 'user',
      entityId: user!.id,
      action: isNewUser ? 'create' : 'update',
      after: { email: input.email, role: input.role },
    });
    const signInToken = await createSignInToken(tx, user!.id);
    return { userId: user!.id, email: user!.email, generatedPassword, signInToken, isNewUser };
  });
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0);
}
