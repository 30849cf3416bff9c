/**
 * Delegation (DESIGN §4): the history of who owned or helped with an initiative, and the people
 * suggested to own it or help, ranked by `domain/owner-suggestions.ts`.
 */
import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { ACTIVE_INITIATIVE_STATUSES, type TPersonKind } from '../../../shared/enums.ts';
import type { TInitiative } from '../../../shared/schemas/initiative.ts';
import type { TAssignment, TOwnerSuggestions } from '../../../shared/schemas/monitoring.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { authorize } from '../../platform/scope.ts';
import { initiatives } from '../initiatives/index.ts';
import { missions, SYSTEM_USER_ID, users } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { teamPolicy } from './policy.ts';
import { presentAssignment } from './present.ts';
import { hostLanguages, suggestOwners } from './rules/owner-suggestions.ts';
import { initiativeAssignments } from './tables.ts';

type TAssignees = Pick<TInitiative, 'owner' | 'delegates'>;

/** The kinds of people who work on initiatives (media contacts and artists do not own them). */
export const TEAM_KINDS: readonly TPersonKind[] = [
  'head_of_mission',
  'diplomat',
  'staff',
  'local_staff',
  'external_collaborator',
  'agency_staff',
];

/**
 * Appends to the assignment history what changed between two states of an initiative's owner
 * and delegates (`before` null for a new initiative). Call inside the write's transaction.
 */
export async function recordAssignmentChanges(
  db: DbOrTx,
  change: {
    actor: TActor | null;
    missionId: string;
    initiativeId: string;
    before: TAssignees | null;
    after: TAssignees;
  },
): Promise<void> {
  const byUserId = change.actor && change.actor.userId !== SYSTEM_USER_ID ? change.actor.userId : null;
  const base = { missionId: change.missionId, initiativeId: change.initiativeId, byUserId };
  const rows: (typeof initiativeAssignments.$inferInsert)[] = [];
  const push = (
    person: { id: string; fullName: string },
    role: 'owner' | 'delegate',
    action: 'assigned' | 'unassigned',
  ) => rows.push({ ...base, personId: person.id, personName: person.fullName, role, action });
  const oldOwner = change.before?.owner ?? null;
  const newOwner = change.after.owner;
  if (oldOwner?.id !== newOwner?.id) {
    if (oldOwner) push(oldOwner, 'owner', 'unassigned');
    if (newOwner) push(newOwner, 'owner', 'assigned');
  }
  const oldDelegates = new Map((change.before?.delegates ?? []).map((d) => [d.id, d]));
  const newDelegates = new Map(change.after.delegates.map((d) => [d.id, d]));
  for (const [id, d] of oldDelegates) if (!newDelegates.has(id)) push(d, 'delegate', 'unassigned');
  for (const [id, d] of newDelegates) if (!oldDelegates.has(id)) push(d, 'delegate', 'assigned');
  if (rows.length) await db.insert(initiativeAssignments).values(rows);
}

/** The assignment history of a visible initiative, newest first. @throws 403 for external collaborators. */
export async function findAssignments(
  db: DbOrTx,
  actor: TActor,
  initiative: { id: string; missionId: string },
): Promise<TAssignment[]> {
  authorize(
    teamPolicy.canReadTeam(actor, initiative.missionId),
    'The team is not shown to external collaborators.',
  );
  const rows = await db
    .select({ assignment: initiativeAssignments, userName: users.name })
    .from(initiativeAssignments)
    .leftJoin(users, eq(users.id, initiativeAssignments.byUserId))
    .where(eq(initiativeAssignments.initiativeId, initiative.id))
    .orderBy(
      desc(initiativeAssignments.at),
      asc(initiativeAssignments.role),
      asc(initiativeAssignments.action),
    );
  return rows.map((r) => presentAssignment(r.assignment, r.userName));
}

/**
 * People of the initiative's mission ranked as owner or delegate, with the reasons.
 * @throws 403 for external collaborators (they do not see the team).
 */
export async function findOwnerSuggestions(
  db: DbOrTx,
  actor: TActor,
  initiative: TInitiative,
): Promise<TOwnerSuggestions> {
  authorize(
    teamPolicy.canReadTeam(actor, initiative.missionId),
    'The team is not shown to external collaborators.',
  );
  const [mission] = await db
    .select({ hostCountry: missions.hostCountry })
    .from(missions)
    .where(eq(missions.id, initiative.missionId));
  const team = await db
    .select()
    .from(people)
    .where(
      and(
        eq(people.missionId, initiative.missionId),
        isNull(people.archivedAt),
        inArray(people.kind, [...TEAM_KINDS]),
      ),
    );
  const loads = await db
    .select({ ownerId: initiatives.ownerId, owned: count() })
    .from(initiatives)
    .where(
      and(
        eq(initiatives.missionId, initiative.missionId),
        isNull(initiatives.archivedAt),
        inArray(initiatives.status, [...ACTIVE_INITIATIVE_STATUSES]),
      ),
    )
    .groupBy(initiatives.ownerId);
  const owned = new Map(loads.map((l) => [l.ownerId, Number(l.owned)]));
  const languages = hostLanguages(mission?.hostCountry);
  const ranked = suggestOwners({
    initiative: {
      type: initiative.type,
      focusAreaKey: initiative.focusArea?.key ?? null,
      text: [initiative.title, initiative.summary, initiative.keyMessages, initiative.targetAudiences]
        .filter(Boolean)
        .join(' '),
      hostLanguages: languages,
    },
    people: team.map((p) => ({
      id: p.id,
      fullName: p.fullName,
      competences: p.competences,
      languages: p.languages,
      capacity: p.capacity,
      activeOwned: owned.get(p.id) ?? 0,
    })),
  });
  const delegateIds = new Set(initiative.delegates.map((d) => d.id));
  return {
    initiativeId: initiative.id,
    hostLanguages: [...languages],
    items: ranked.map((s) => ({
      ...s,
      isOwner: initiative.owner?.id === s.personId,
      isDelegate: delegateIds.has(s.personId),
    })),
  };
}
