/**
 * The network administration, above the missions: a network administrator (the ministry's IT)
 * creates missions with their first administrator, finds accounts, hands over sign-in or
 * password-reset links for any account, and disables accounts. The flag gives no access to any
 * mission's data: the scope functions look at memberships only.
 */
import { asc, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { TSignInTokenPurpose } from '../../../shared/enums.ts';
import type { TMission } from '../../../shared/schemas/mission.ts';
import type {
  TCreatedMission,
  TCreateMissionRequest,
  TNetworkAccount,
  TUpdateAccountRequest,
} from '../../../shared/schemas/network.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/problem.ts';
import { writeAudit } from './audit.ts';
import { createSignInToken, deleteUserSessions } from './auth/sessions.ts';
import { createMembership } from './missions.ts';
import { presentMission } from './present-mission.ts';
import { memberships, missions, users } from './tables.ts';
import { assertEmailFree } from './users.ts';

/** @throws 403 unless the actor is a network administrator. */
export function requireNetworkAdmin(actor: TActor): void {
  if (!actor.isNetworkAdmin)
    throw forbidden('Only network administrators manage missions and accounts across the network.');
}

/** Every mission of the server, archived ones too, by name: their settings, not their data. */
export async function findNetworkMissions(db: DbOrTx, actor: TActor): Promise<TMission[]> {
  requireNetworkAdmin(actor);
  const rows = await db.select().from(missions).orderBy(asc(missions.name), asc(missions.id));
  return rows.map(presentMission);
}

/**
 * Creates a mission and its first administrator. A new e-mail (with a name) creates the account,
 * active, with a one-time sign-in link to hand over; an existing account is invited and accepts
 * after signing in with its own credentials.
 * @throws 400 (field `admin.name`) for a new account without a name, 409 when the slug is taken.
 */
export async function createNetworkMission(
  db: Db,
  actor: TActor,
  input: TCreateMissionRequest,
): Promise<{
  mission: TMission;
  admin: Omit<TCreatedMission['admin'], 'signInLink'>;
  link: { token: string; expiresAt: Date } | null;
}> {
  requireNetworkAdmin(actor);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: missions.id }).from(missions).where(eq(missions.slug, input.slug));
    if (taken) throw conflict(`A mission with the slug "${input.slug}" exists already.`);
    const [account] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.admin.email}`);
    if (!account && !input.admin.name)
      throw badRequest('There is no account with this e-mail address yet: give a name to create it.', [
        { field: 'admin.name', message: 'is required for a new account' },
      ]);
    const [row] = await tx
      .insert(missions)
      .values({
        slug: input.slug,
        name: input.name,
        kind: input.kind,
        hostCountry: input.hostCountry ?? null,
        ...(input.currency ? { currency: input.currency } : {}),
        ...(input.timeZone ? { timeZone: input.timeZone } : {}),
      })
      .returning();
    if (!row) throw new Error('the mission was not created');
    const mission = presentMission(row);
    await writeAudit(tx, {
      actor,
      missionId: row.id,
      entity: 'mission',
      entityId: row.id,
      action: 'create',
      after: mission,
    });
    const member = await createMembership(tx, actor, row.id, { ...input.admin, role: 'admin' });
    let link: { token: string; expiresAt: Date } | null = null;
    if (member.isNewAccount) {
      link = await createSignInToken(tx, member.userId, { createdBy: actor.userId });
      await writeAudit(tx, {
        actor,
        missionId: row.id,
        entity: 'membership',
        entityId: member.userId,
        action: 'sign_in_link',
        after: { email: member.email, expiresAt: link.expiresAt.toISOString() },
      });
    }
    return { mission, admin: { userId: member.userId, email: member.email, status: member.status }, link };
  });
}

async function presentAccounts(db: DbOrTx, rows: (typeof users.$inferSelect)[]): Promise<TNetworkAccount[]> {
  const ids = rows.map((r) => r.id);
  const held = ids.length
    ? await db
        .select({
          userId: memberships.userId,
          missionId: memberships.missionId,
          missionName: missions.name,
          role: memberships.role,
          status: memberships.status,
        })
        .from(memberships)
        .innerJoin(missions, eq(missions.id, memberships.missionId))
        .where(inArray(memberships.userId, ids))
        .orderBy(asc(missions.name))
    : [];
  return rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    isActive: u.isActive,
    isNetworkAdmin: u.isNetworkAdmin,
    hasPassword: u.passwordHash !== null,
    memberships: held
      .filter((m) => m.userId === u.id)
      .map(({ missionId, missionName, role, status }) => ({ missionId, missionName, role, status })),
    createdAt: u.createdAt.toISOString(),
  }));
}

/** Accounts whose e-mail contains `email` (case-insensitive), at most 100, with their memberships. */
export async function findAccounts(
  db: DbOrTx,
  actor: TActor,
  query: { email?: string },
): Promise<TNetworkAccount[]> {
  requireNetworkAdmin(actor);
  const pattern = query.email ? `%${query.email.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(pattern ? ilike(users.email, pattern) : undefined)
    .orderBy(asc(users.email))
    .limit(100);
  return presentAccounts(db, rows);
}

async function loadAccount(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw notFound('Account');
  return row;
}

/**
 * A one-time link for any account: `sign_in` (valid 24 hours) or `password_reset` (one hour).
 * The person's older unused links stop working; the person sees it among their security events.
 * @throws 404 for an unknown account, 409 for a disabled one.
 */
export async function issueAccountLink(
  db: Db,
  actor: TActor,
  userId: string,
  purpose: TSignInTokenPurpose,
): Promise<{ token: string; expiresAt: Date }> {
  requireNetworkAdmin(actor);
  return db.transaction(async (tx) => {
    const account = await loadAccount(tx, userId);
    if (!account.isActive) throw conflict(`${account.email}'s account is disabled: enable it first.`);
    const issued = await createSignInToken(tx, userId, { createdBy: actor.userId, purpose });
    await writeAudit(tx, {
      actor,
      missionId: null,
      entity: 'user',
      entityId: userId,
      action: 'sign_in_link',
      after: { email: account.email, purpose, expiresAt: issued.expiresAt.toISOString() },
    });
    return issued;
  });
}

/**
 * Disables or enables an account, makes it a network administrator or not, or changes its name
 * or e-mail. A change of access (disabled, the flag) ends the account's sessions. Network
 * administrators do not change their own access: another one does.
 * @throws 404, 403 for one's own access, 409 when the e-mail is taken.
 */
export async function updateAccount(
  db: Db,
  actor: TActor,
  userId: string,
  input: TUpdateAccountRequest,
): Promise<TNetworkAccount> {
  requireNetworkAdmin(actor);
  return db.transaction(async (tx) => {
    const current = await loadAccount(tx, userId);
    const changesAccess =
      (input.isActive !== undefined && input.isActive !== current.isActive) ||
      (input.isNetworkAdmin !== undefined && input.isNetworkAdmin !== current.isNetworkAdmin);
    if (changesAccess && userId === actor.userId)
      throw forbidden('You cannot change your own access: ask another network administrator.');
    if (input.email !== undefined && input.email !== current.email.toLowerCase()) {
      await assertEmailFree(tx, input.email);
    }
    const [row] = await tx
      .update(users)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    if (changesAccess) await deleteUserSessions(tx, userId);
    const pick = (u: typeof current) => ({
      email: u.email,
      name: u.name,
      isActive: u.isActive,
      isNetworkAdmin: u.isNetworkAdmin,
    });
    await writeAudit(tx, {
      actor,
      missionId: null,
      entity: 'user',
      entityId: userId,
      action: 'update',
      before: pick(current),
      after: pick(row!),
    });
    const [account] = await presentAccounts(tx, [row!]);
    return account!;
  });
}
