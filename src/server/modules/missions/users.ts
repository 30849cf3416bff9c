import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { ROLES, type TRole } from '../../../shared/enums.ts';
import {
  type TInvitation,
  type TSecurityEvent,
  type TSecurityEventKind,
  ZEmail,
  ZNewPassword,
} from '../../../shared/schemas/auth.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { conflict, notFound } from '../../platform/http/problem.ts';
import { writeAudit } from './audit.ts';
import { generatePassword, hashPassword, passwordWeakness } from './auth/password.ts';
import { createSignInToken, deleteUserSessions } from './auth/sessions.ts';
import { auditLog, memberships, missions, users } from './tables.ts';

/** A new password: the shared length rules and the server's list of common passwords. */
export const ZStrongPassword = ZNewPassword.superRefine((password, ctx) => {
  const weakness = passwordWeakness(password);
  if (weakness) ctx.addIssue({ code: 'custom', message: weakness });
});

export const ZAddUserInput = z.object({
  email: ZEmail,
  name: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
  missionSlug: z.string().trim().min(1).optional(),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` }).default('officer'),
  password: ZStrongPassword.optional(),
  /** A network administrator manages missions and accounts above the missions. */
  isNetworkAdmin: z.boolean().default(false),
});
export type TAddUserInput = z.input<typeof ZAddUserInput>;

export interface TAddUserResult {
  userId: string;
  email: string;
  /** Set when the password was generated: shown once, never stored in clear. */
  generatedPassword: string | null;
  /** A one-time sign-in link token (valid 24 hours; older unused links of the account stop working). */
  signInToken: string;
  signInExpiresAt: Date;
  isNewUser: boolean;
}

/**
 * Creates a user (or finds one by e-mail, setting a new password) and gives them an active role
 * in a mission. Only the operator runs it (the command line, the first start): it is trusted as a
 * network administrator is, so an existing account's membership is active at once.
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
        .set({
          passwordHash,
          name: input.name,
          ...(input.isNetworkAdmin ? { isNetworkAdmin: true } : {}),
          updatedAt: new Date(),
        })
        .where(eq(users.id, user.id))
        .returning();
    } else {
      [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, passwordHash, isNetworkAdmin: input.isNetworkAdmin })
        .returning();
    }
    // A new password, possibly new privileges: the account's existing sessions end.
    if (!isNewUser) await deleteUserSessions(tx, user!.id);
    if (missionId) {
      await tx
        .insert(memberships)
        .values({ userId: user!.id, missionId, role: input.role as TRole, acceptedAt: new Date() })
        .onConflictDoUpdate({
          target: [memberships.userId, memberships.missionId],
          set: { role: input.role, status: 'active', acceptedAt: new Date() },
        });
    }
    await writeAudit(tx, {
      actor: null,
      missionId,
      entity: 'user',
      entityId: user!.id,
      action: isNewUser ? 'create' : 'update',
      after: { email: input.email, role: input.role, isNetworkAdmin: user!.isNetworkAdmin },
    });
    if (missionId)
      await writeAudit(tx, {
        actor: null,
        missionId,
        entity: 'membership',
        entityId: user!.id,
        action: 'create',
        after: { email: input.email, role: input.role, status: 'active' },
      });
    const link = await createSignInToken(tx, user!.id);
    return {
      userId: user!.id,
      email: user!.email,
      generatedPassword,
      signInToken: link.token,
      signInExpiresAt: link.expiresAt,
      isNewUser,
    };
  });
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0);
}

/** The invitations waiting for a person: missions that added their existing account. */
export async function findInvitations(db: DbOrTx, userId: string): Promise<TInvitation[]> {
  const inviter = alias(users, 'inviter');
  const rows = await db
    .select({
      missionId: memberships.missionId,
      missionName: missions.name,
      role: memberships.role,
      invitedAt: memberships.createdAt,
      inviterName: inviter.name,
      inviterEmail: inviter.email,
    })
    .from(memberships)
    .innerJoin(missions, eq(missions.id, memberships.missionId))
    .leftJoin(inviter, eq(inviter.id, memberships.invitedBy))
    .where(
      and(eq(memberships.userId, userId), eq(memberships.status, 'invited'), isNull(missions.archivedAt)),
    )
    .orderBy(asc(memberships.createdAt));
  return rows.map((r) => ({
    missionId: r.missionId,
    missionName: r.missionName,
    role: r.role,
    invitedAt: r.invitedAt.toISOString(),
    invitedBy: r.inviterEmail ? { name: r.inviterName ?? '', email: r.inviterEmail } : null,
  }));
}

async function loadInvitation(tx: DbOrTx, actor: TActor, missionId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .innerJoin(missions, eq(missions.id, memberships.missionId))
    .where(
      and(
        eq(memberships.userId, actor.userId),
        eq(memberships.missionId, missionId),
        eq(memberships.status, 'invited'),
        isNull(missions.archivedAt),
      ),
    )
    .for('update', { of: memberships });
  if (!row) throw notFound('Invitation');
  return row.memberships;
}

/**
 * The signed-in person accepts an invitation: the membership becomes active. Their privileges
 * grow, so the caller starts a new session and every other session of theirs ends.
 * @throws 404 when there is no pending invitation to this mission for them.
 */
export async function acceptInvitation(db: Db, actor: TActor, missionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const invitation = await loadInvitation(tx, actor, missionId);
    await tx
      .update(memberships)
      .set({ status: 'active', acceptedAt: new Date() })
      .where(and(eq(memberships.userId, actor.userId), eq(memberships.missionId, missionId)));
    await deleteUserSessions(tx, actor.userId);
    await writeAudit(tx, {
      actor,
      missionId,
      entity: 'membership',
      entityId: actor.userId,
      action: 'update',
      before: { email: actor.email, role: invitation.role, status: 'invited' },
      after: { email: actor.email, role: invitation.role, status: 'active' },
    });
  });
}

/** The signed-in person declines an invitation: it is deleted. @throws 404 when there is none. */
export async function declineInvitation(db: Db, actor: TActor, missionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const invitation = await loadInvitation(tx, actor, missionId);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, actor.userId), eq(memberships.missionId, missionId)));
    await writeAudit(tx, {
      actor,
      missionId,
      entity: 'membership',
      entityId: actor.userId,
      action: 'delete',
      before: { email: actor.email, role: invitation.role, status: 'invited' },
    });
  });
}

type TAuditJson = { status?: string; role?: string; purpose?: string } | null;

function eventKind(
  entity: string,
  action: string,
  before: TAuditJson,
  after: TAuditJson,
  isOwnAction: boolean,
): TSecurityEventKind | null {
  if (action === 'sign_in_link')
    return after?.purpose === 'password_reset' ? 'password_reset_link' : 'sign_in_link';
  if (action === 'password') return 'password_changed';
  if (entity === 'user') return 'account_changed';
  if (action === 'create') return after?.status === 'invited' ? 'invited' : 'membership_created';
  if (action === 'update') {
    if (before?.status === 'invited' && after?.status === 'active') return 'invitation_accepted';
    return before?.role !== after?.role ? 'role_changed' : 'account_changed';
  }
  if (action === 'delete')
    return before?.status === 'invited' && isOwnAction ? 'invitation_declined' : 'membership_removed';
  return null;
}

/**
 * What happened to the signed-in person's account and memberships, newest first (at most 100):
 * memberships created, invitations, links issued and by whom, password changes. Read from the
 * audit log, whose entries for these name the person (`entity_id` is their account).
 */
export async function findSecurityEvents(db: DbOrTx, actor: TActor): Promise<TSecurityEvent[]> {
  const by = alias(users, 'by');
  const rows = await db
    .select({
      at: auditLog.at,
      entity: auditLog.entity,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
      missionId: auditLog.missionId,
      missionName: missions.name,
      byId: by.id,
      byName: by.name,
      byEmail: by.email,
    })
    .from(auditLog)
    .leftJoin(missions, eq(missions.id, auditLog.missionId))
    .leftJoin(by, eq(by.id, auditLog.userId))
    .where(
      and(
        inArray(auditLog.entity, ['membership', 'user']),
        eq(auditLog.entityId, actor.userId),
        inArray(auditLog.action, ['create', 'update', 'delete', 'sign_in_link', 'password']),
      ),
    )
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(100);
  return rows.flatMap((r) => {
    const before = r.before as TAuditJson;
    const after = r.after as TAuditJson;
    const kind = eventKind(r.entity, r.action, before, after, r.byId === actor.userId);
    if (!kind) return [];
    const role = (after?.role ?? before?.role ?? null) as TSecurityEvent['role'];
    const status = (after?.status ?? before?.status ?? null) as TSecurityEvent['status'];
    return [
      {
        at: r.at.toISOString(),
        kind,
        missionId: r.missionId,
        missionName: r.missionName,
        by: r.byEmail ? { name: r.byName ?? '', email: r.byEmail } : null,
        role: role && (ROLES as readonly string[]).includes(role) ? role : null,
        status: status === 'active' || status === 'invited' ? status : null,
      },
    ];
  });
}

/**
 * Refuses to give an account an e-mail address another account has (compared in lower case).
 * @throws 409 when the address is taken.
 */
export async function assertEmailFree(tx: DbOrTx, email: string): Promise<void> {
  const [taken] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (taken) throw conflict('Another account has this e-mail address.');
}
