/**
 * Missions and their members: scoped reads, the settings an administrator edits, and who holds
 * which role. Every write runs in one transaction with its audit entry.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type {
  TAddMemberRequest,
  TMission,
  TMissionMember,
  TUpdateMemberRequest,
  TUpdateMissionRequest,
} from '../../shared/schemas/mission.ts';
import { createSignInToken, SIGN_IN_LINK_TTL_MS } from '../auth/sessions.ts';
import type { TActor } from '../context.ts';
import type { Db, DbOrTx } from '../db/client.ts';
import { memberships, missions, users } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../http/problem.ts';
import { missionPolicy } from '../policies/mission-data.ts';
import { authorize } from '../policies/scope.ts';
import { presentMember, presentMission } from '../presenters/mission.ts';
import { writeAudit } from './audit.ts';
import { loadScoped, updateVersioned } from './records.ts';

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

/** Lists a mission's members with their roles (administrators and heads of mission). */
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
 * Refuses to leave the mission without an administrator. Locks the administrators' rows so
 * that two administrators cannot demote each other at the same time.
 */
async function keepOneAdmin(tx: DbOrTx, missionId: string, leaving: { userId: string; role: string }) {
  if (leaving.role !== 'admin') return;
  const admins = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.missionId, missionId), eq(memberships.role, 'admin')))
    .for('update');
  if (admins.every((a) => a.userId === leaving.userId)) {
    throw conflict(
      'A mission needs at least one administrator: make someone else administrator first, then change this member.',
    );
  }
}

/**
 * Gives an account a role in the mission, creating the account (without a password) when
 * nobody has that e-mail yet and a name is given; its owner signs in with a one-time link.
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
    let [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
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
      throw conflict(`${existing.email} is already a member (${existing.role}); change their role instead.`);
    }
    await tx.insert(memberships).values({ userId: user.id, missionId, role: input.role });
    const member = presentMember(await loadMember(tx, missionId, user.id));
    await writeAudit(tx, {
      actor,
      missionId,
      entity: 'membership',
      entityId: user.id,
      action: 'create',
      after: member,
    });
    return member;
  });
}

/** Changes a member's role. @throws 404, 403, 409 when it would leave no administrator. */
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
    if (input.role !== 'admin') await keepOneAdmin(tx, missionId, current);
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.missionId, missionId), eq(memberships.userId, userId)));
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

/** Removes a member from the mission (the account stays). @throws 404, 403, 409 for the last administrator. */
export async function removeMember(db: Db, actor: TActor, missionId: string, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await loadMissionForMembers(tx, actor, missionId);
    const current = await loadMember(tx, missionId, userId);
    await keepOneAdmin(tx, missionId, current);
    await tx
      .delete(memberships)
      .where(and(eq(memberships.missionId, missionId), eq(memberships.userId, userId)));
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
 * colleague who has no password yet). Earlier links stay valid until used or expired.
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
    if (!member.isActive) throw conflict(`${member.email}'s account is disabled: enable it first.`);
    const issued = {
      token: await createSignInToken(tx, userId),
      expiresAt: new Date(Date.now() + SIGN_IN_LINK_TTL_MS),
    };
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
