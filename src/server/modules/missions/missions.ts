/**
 * Missions and their members: scoped reads, the settings an administrator edits, and who holds
 * which role. Every write runs in one transaction with its audit entry.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { TRole } from '../../../shared/enums.ts';
import type {
  TAddMemberRequest,
  TMission,
  TMissionMember,
  TUpdateMemberRequest,
  TUpdateMissionRequest,
} from '../../../shared/schemas/mission.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/problem.ts';
import { missionPolicy } from '../../platform/mission-data-policy.ts';
import { loadScoped, updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { writeAudit } from './audit.ts';
import { createSignInToken, deleteUserSessions } from './auth/sessions.ts';
import { presentMember, presentMission } from './present-mission.ts';
import { memberships, missions, users } from './tables.ts';
import { assertEmailFree } from './users.ts';

/** Who may see a mission's member list: the people who run it. */

/**
 * Loads a mission the actor can see (headquarters members see every mission).
 * @throws 404 when it does not exist, is archived, or is not visible.
 */
export async function loadVisibleMission(db: DbOrTx, actor: TActor, id: string) {
  return loadScoped(
    db,
    missions,
    id,
    and(missionPolicy.scope(actor, missions.id), isNull(missions.archivedAt))!,
    'Mission',
  );
}

/** The missions the actor belongs to, or every mission for headquarters members; by name. */
export async function findMissions(db: DbOrTx, actor: TActor): Promise<TMission[]> {
  const rows = await db
    .select()
    .from(missions)
    .where(and(missionPolicy.scope(actor, missions.id), isNull(missions.archivedAt)))
    .orderBy(asc(missions.name), asc(missions.id));
  return rows.map(presentMission);
}

export async function findMission(db: DbOrTx, actor: TActor, id: string): Promise<TMission> {
  return presentMission(await loadVisibleMission(db, actor, id));
}

/**
 * Changes a mission's settings (administrators only).
 * @throws 404, 403, 409 when someone else saved first.
 */
export async function updateMission(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateMissionRequest,
): Promise<TMission> {
  return db.transaction(async (tx) => {
    const current = await loadVisibleMission(tx, actor, id);
    authorize(
      missionPolicy.canUpdate(actor, current),
      "Only the mission's administrators change its settings.",
    );
    const { version, ...fields } = input;
    const row = await updateVersioned(tx, missions, current, version, fields);
    const after = presentMission(row);
    await writeAudit(tx, {
      actor,
      missionId: id,
      entity: 'mission',
      entityId: id,
      action: 'update',
      before: presentMission(current),
      after,
    });
    return after;
  });
}

const memberColumns = {
  userId: users.id,
  email: users.email,
  name: users.name,
  isActive: users.isActive,
  role: memberships.role,
  status: memberships.status,
  createdAt: memberships.createdAt,
};

async function selectMembers(db: DbOrTx, missionId: string, userId?: string) {
  return db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.missionId, missionId), userId ? eq(memberships.userId, userId) : undefined))
    .orderBy(asc(users.name), asc(users.email));
}

/**
 * Lists a mission's members with their roles and status (administrators and heads of mission).
 * Only this mission's memberships: nothing of the members' other missions.
 */
export async function findMembers(db: DbOrTx, actor: TActor, missionId: string): Promise<TMissionMember[]> {
  await loadVisibleMission(db, actor, missionId);
  authorize(
    missionPolicy.canReadMembers(actor, missionId),
    "Only the mission's administrators and head see its members.",
  );
  return (await selectMembers(db, missionId)).map(presentMember);
}

/** Loads a mission for a change of its members: visible, and the actor is its administrator. */
async function loadMissionForMembers(tx: DbOrTx, actor: TActor, missionId: string) {
  const mission = await loadVisibleMission(tx, actor, missionId);
  authorize(
    missionPolicy.canManageMembers(actor, missionId),
    "Only the mission's administrators change its members.",
  );
  return mission;
}

async function loadMember(tx: DbOrTx, missionId: string, userId: string) {
  const [member] = await selectMembers(tx, missionId, userId);
  if (!member) throw notFound('Member');
  return member;
}

/**
 * Refuses to leave the mission without an active administrator. Locks the administrators' rows
 * so that two administrators cannot demote each other at the same time.
 */
async function keepOneAdmin(
  tx: DbOrTx,
  missionId: string,
  leaving: { userId: string; role: string; status: string },
) {
  if (leaving.role !== 'admin' || leaving.status !== 'active') return;
  const admins = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.missionId, missionId),
        eq(memberships.role, 'admin'),
        eq(memberships.status, 'active'),
      ),
    )
    .for('update');
  if (admins.every((a) => a.userId === leaving.userId)) {
    throw conflict(
      'A mission needs at least one administrator: make someone else administrator first, then change this member.',
    );
  }
}

/**
 * Identity is global, membership is local: a mission's administrator manages the credentials and
 * details of an account only when that account lives in their mission alone — an active member
 * here, in no other mission (active or invited), and not a network administrator.
 * @throws 403 naming who can do it instead.
 */
export async function assertAccountManagedHere(
  tx: DbOrTx,
  missionId: string,
  member: { userId: string; email: string; status: string },
  action: string,
): Promise<void> {
  if (member.status !== 'active')
    throw forbidden(
      `${member.email} has not accepted the invitation to this mission yet: they sign in with their own credentials and accept it on their Account page. Only they or a network administrator can ${action}.`,
    );
  const [row] = await tx
    .select({
      isNetworkAdmin: users.isNetworkAdmin,
      otherMissions: sql<number>`(select count(*)::int from ${memberships} where ${memberships.userId} = ${users.id} and ${memberships.missionId} <> ${missionId})`,
    })
    .from(users)
    .where(eq(users.id, member.userId));
  if (row?.isNetworkAdmin)
    throw forbidden(
      `${member.email} is a network administrator: only they or another network administrator can ${action}.`,
    );
  if (Number(row?.otherMissions ?? 0) > 0)
    throw forbidden(
      `${member.email} belongs to another mission: only they or a network administrator can ${action}.`,
    );
}

/**
 * Adds a person to the mission. An e-mail nobody has yet, with a name, creates the account
 * (without a password; its owner signs in with a one-time link) as an active member. An e-mail
 * that already has an account makes an invitation (`status: 'invited'`): it gives no access until
 * the person, signed in with their own credentials, accepts it. Either way the person is told
 * through their security events.
 * @throws 400 (field `name`) when the account is new and has no name, 409 when already a member.
 */
export async function addMember(
  db: Db,
  actor: TActor,
  missionId: string,
  input: TAddMemberRequest,
): Promise<TMissionMember> {
  return db.transaction(async (tx) => {
    await loadMissionForMembers(tx, actor, missionId);
    const member = await createMembership(tx, actor, missionId, input);
    return member;
  });
}

/**
 * The shared step of adding a member and of a network administrator's new mission: create the
 * account and an active membership, or invite the existing account; audited, naming the person.
 */
export async function createMembership(
  tx: DbOrTx,
  actor: TActor | null,
  missionId: string,
  input: { email: string; name?: string; role: TRole },
): Promise<TMissionMember & { isNewAccount: boolean }> {
  let [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email}`);
  const isNewAccount = !user;
  if (!user) {
    if (!input.name) {
      throw badRequest('There is no account with this e-mail address yet: give a name to create it.', [
        { field: 'name', message: 'is required for a new account' },
      ]);
    }
    [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name })
      .returning({ id: users.id });
    if (!user) throw new Error('the account was not created');
  }
  const [existing] = await selectMembers(tx, missionId, user.id);
  if (existing) {
    throw conflict(
      existing.status === 'invited'
        ? `${existing.email} is already invited (${existing.role}); they have not accepted yet.`
        : `${existing.email} is already a member (${existing.role}); change their role instead.`,
    );
  }
  await tx.insert(memberships).values({
    userId: user.id,
    missionId,
    role: input.role,
    status: isNewAccount ? 'active' : 'invited',
    invitedBy: actor?.userId ?? null,
    acceptedAt: isNewAccount ? new Date() : null,
  });
  const member = presentMember(await loadMember(tx, missionId, user.id));
  await writeAudit(tx, {
    actor,
    missionId,
    entity: 'membership',
    entityId: user.id,
    action: 'create',
    after: member,
  });
  return { ...member, isNewAccount };
}

/**
 * Changes a member's role and/or their account's name and e-mail. A role change ends the
 * person's sessions (their privileges changed: they sign in again). Account details follow
 * `assertAccountManagedHere`.
 * @throws 404, 403, 409 when it would leave no administrator or the e-mail is taken.
 */
export async function updateMember(
  db: Db,
  actor: TActor,
  missionId: string,
  userId: string,
  input: TUpdateMemberRequest,
): Promise<TMissionMember> {
  return db.transaction(async (tx) => {
    await loadMissionForMembers(tx, actor, missionId);
    const current = await loadMember(tx, missionId, userId);
    if (input.name !== undefined || input.email !== undefined) {
      await assertAccountManagedHere(tx, missionId, current, "change this account's name or e-mail");
      if (input.email !== undefined && input.email !== current.email.toLowerCase()) {
        await assertEmailFree(tx, input.email);
      }
      await tx
        .update(users)
        .set({
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.email !== undefined ? { email: input.email } : {}),
          updatedAt: new Date(),
        })
        .where(eq(users.id, userId));
    }
    if (input.role !== undefined && input.role !== current.role) {
      if (input.role !== 'admin') await keepOneAdmin(tx, missionId, current);
      await tx
        .update(memberships)
        .set({ role: input.role })
        .where(and(eq(memberships.missionId, missionId), eq(memberships.userId, userId)));
      if (current.status === 'active') await deleteUserSessions(tx, userId);
    }
    const member = presentMember(await loadMember(tx, missionId, userId));
    await writeAudit(tx, {
      actor,
      missionId,
      entity: 'membership',
      entityId: userId,
      action: 'update',
      before: presentMember(current),
      after: member,
    });
    return member;
  });
}

/**
 * Removes a member from the mission, or withdraws an invitation (the account stays). Ends the
 * person's sessions when they lose access.
 * @throws 404, 403, 409 for the last administrator.
 */
export async function removeMember(db: Db, actor: TActor, missionId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await loadMissionForMembers(tx, actor, missionId);
    const current = await loadMember(tx, missionId, userId);
    await keepOneAdmin(tx, missionId, current);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.missionId, missionId), eq(memberships.userId, userId)));
    if (current.status === 'active') await deleteUserSessions(tx, userId);
    await writeAudit(tx, {
      actor,
      missionId,
      entity: 'membership',
      entityId: userId,
      action: 'delete',
      before: presentMember(current),
    });
  });
}

/**
 * Issues a one-time sign-in link for a member (an administrator hands it over, e.g. to a new
 * colleague who has no password yet). Only for an account that lives in this mission alone (see
 * `assertAccountManagedHere`); the person's older unused links stop working.
 * @throws 403 when the account belongs to another mission, is invited or a network administrator.
 */
export async function issueSignInLink(
  db: Db,
  actor: TActor,
  missionId: string,
  userId: string,
): Promise<{ token: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    await loadMissionForMembers(tx, actor, missionId);
    const member = await loadMember(tx, missionId, userId);
    await assertAccountManagedHere(tx, missionId, member, 'issue a sign-in link for this account');
    if (!member.isActive) throw conflict(`${member.email}'s account is disabled: enable it first.`);
    const issued = await createSignInToken(tx, userId, { createdBy: actor.userId, purpose: 'sign_in' });
    await writeAudit(tx, {
      actor,
      missionId,
      entity: 'membership',
      entityId: userId,
      action: 'sign_in_link',
      after: { email: member.email, expiresAt: issued.expiresAt.toISOString() },
    });
    return issued;
  });
}
