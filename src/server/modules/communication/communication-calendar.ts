/**
 * Calendar feeds of the communication procedure: a plan's (or one person's) initiatives and
 * steps as iCalendar, for download, for the CLI and behind secret, revocable feed URLs. A feed
 * is read with its creator's current rights, so a revoked membership empties it.
 */
import { and, asc, eq, inArray, isNotNull, isNull, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { TCalendarFeed } from '../../../shared/schemas/communication-procedure.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { iso, isoRequired } from '../../platform/http/dates.ts';
import { badRequest, HttpProblem, notFound } from '../../platform/http/problem.ts';
import { contactPolicy, planPolicy } from '../../platform/mission-data-policy.ts';
import { initiativeDelegates, initiativePolicy, initiatives } from '../initiatives/index.ts';
import { findMemberships, generateToken, hashToken, missions, users, writeAudit } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { plans } from '../plans/index.ts';
import { buildCalendarIcs } from './ics.ts';
import { calendarFeedTokens, communicationSteps } from './procedure-tables.ts';

async function loadPlan(db: DbOrTx, actor: TActor, planId: string) {
  const [plan] = await db
    .select({ id: plans.id, missionId: plans.missionId, acronym: plans.acronym, title: plans.title })
    .from(plans)
    .where(and(eq(plans.id, planId), planPolicy.scope(actor, plans.missionId), isNull(plans.archivedAt)));
  if (!plan) throw notFound('Plan');
  return plan;
}

/**
 * The plan's communication calendar (or one person's part of it) as an .ics file.
 * @throws 404 plan or person not visible.
 */
export async function exportCommunicationCalendar(
  db: DbOrTx,
  actor: TActor,
  options: { planId: string; personId?: string | null; baseUrl?: string },
): Promise<{ filename: string; ics: string; events: number }> {
  const plan = await loadPlan(db, actor, options.planId);
  let person: { id: string; fullName: string } | null = null;
  if (options.personId) {
    [person = null] = await db
      .select({ id: people.id, fullName: people.fullName })
      .from(people)
      .where(
        and(
          eq(people.id, options.personId),
          eq(people.missionId, plan.missionId),
          or(contactPolicy.scope(actor, people.missionId), eq(people.userId, actor.userId)),
        ),
      );
    if (!person) throw notFound('Person');
  }
  const initiativeWhere: SQL[] = [
    eq(initiatives.planId, plan.id),
    initiativePolicy.scope(actor),
    isNull(initiatives.archivedAt),
    isNotNull(initiatives.startDate),
    notInArray(initiatives.status, ['rejected', 'parked']),
  ];
  if (person)
    initiativeWhere.push(
      or(
        eq(initiatives.ownerId, person.id),
        inArray(
          initiatives.id,
          db
            .select({ id: initiativeDelegates.initiativeId })
            .from(initiativeDelegates)
            .where(eq(initiativeDelegates.personId, person.id)),
        ),
      )!,
    );
  const initiativeRows = await db
    .select()
    .from(initiatives)
    .where(and(...initiativeWhere))
    .orderBy(asc(initiatives.startDate), asc(initiatives.title));
  const stepWhere: SQL[] = [
    eq(communicationSteps.planId, plan.id),
    initiativePolicy.scope(actor),
    isNull(initiatives.archivedAt),
  ];
  if (person) stepWhere.push(eq(communicationSteps.ownerId, person.id));
  const stepRows = await db
    .select({ step: communicationSteps, initiativeTitle: initiatives.title, ownerName: people.fullName })
    .from(communicationSteps)
    .innerJoin(initiatives, eq(initiatives.id, communicationSteps.initiativeId))
    .leftJoin(people, eq(people.id, communicationSteps.ownerId))
    .where(and(...stepWhere))
    .orderBy(asc(communicationSteps.dueDate), asc(communicationSteps.position));
  const name = person ? `${plan.acronym} — ${person.fullName}` : `${plan.acronym} — communication`;
  const ics = buildCalendarIcs({
    name,
    baseUrl: options.baseUrl,
    initiatives: initiativeRows.map((i) => ({
      id: i.id,
      title: i.title,
      startDate: i.startDate!,
      endDate: i.endDate,
      datePrecision: i.datePrecision,
      cities: i.cities,
      venues: i.venues,
      summary: i.summary,
      status: i.status,
      version: i.version,
      updatedAt: i.updatedAt,
    })),
    steps: stepRows.map(({ step, initiativeTitle, ownerName }) => ({
      id: step.id,
      title: step.title,
      position: step.position,
      initiativeTitle,
      dueDate: step.dueDate,
      dueAt: step.dueAt,
      reminderMinutes: step.reminderMinutes,
      dateToConfirm: step.dateToConfirm,
      status: step.status,
      ownerName,
      version: step.version,
      updatedAt: step.updatedAt,
    })),
  });
  const slug = (person ? `${plan.acronym}-${person.fullName}` : `${plan.acronym}-communication`)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    filename: `${slug}.ics`,
    ics,
    events: initiativeRows.length + stepRows.filter((s) => s.step.status !== 'skipped').length,
  };
}

const FEED_PATH = '/api/calendar-feeds/ics/';

function presentFeed(
  row: typeof calendarFeedTokens.$inferSelect,
  person: { id: string; fullName: string } | null,
  url?: string,
): TCalendarFeed {
  return {
    id: row.id,
    planId: row.planId,
    person,
    createdAt: isoRequired(row.createdAt),
    revokedAt: iso(row.revokedAt),
    ...(url ? { url } : {}),
  };
}

/**
 * A secret feed URL for the caller: their own steps and initiatives (`person`, needs an account
 * linked to a person of the mission) or the whole plan as they see it (`plan`). The token is
 * shown once; only its hash is stored.
 */
export async function createCalendarFeed(
  db: Db,
  actor: TActor,
  input: { planId: string; scope: 'person' | 'plan' },
  publicUrl: string,
): Promise<TCalendarFeed> {
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, actor, input.planId);
    let person: { id: string; fullName: string } | null = null;
    if (input.scope === 'person') {
      [person = null] = await tx
        .select({ id: people.id, fullName: people.fullName })
        .from(people)
        .where(
          and(
            eq(people.userId, actor.userId),
            eq(people.missionId, plan.missionId),
            isNull(people.archivedAt),
          ),
        )
        .limit(1);
      if (!person)
        throw badRequest('Your account is not linked to a person of this mission.', [
          { field: 'scope', message: 'needs an account linked to a person of the mission' },
        ]);
    }
    const token = generateToken();
    const [row] = await tx
      .insert(calendarFeedTokens)
      .values({
        missionId: plan.missionId,
        planId: plan.id,
        userId: actor.userId,
        personId: person?.id ?? null,
        tokenHash: hashToken(token),
      })
      .returning();
    await writeAudit(tx, {
      actor,
      missionId: plan.missionId,
      entity: 'calendar_feed',
      entityId: row!.id,
      action: 'create',
      after: { planId: plan.id, personId: person?.id ?? null },
    });
    return presentFeed(row!, person, `${publicUrl.replace(/\/$/, '')}${FEED_PATH}${token}.ics`);
  });
}

/** The caller's feeds (active and revoked), newest first. */
export async function findCalendarFeeds(
  db: DbOrTx,
  actor: TActor,
  planId?: string,
): Promise<TCalendarFeed[]> {
  const rows = await db
    .select({ feed: calendarFeedTokens, personName: people.fullName })
    .from(calendarFeedTokens)
    .leftJoin(people, eq(people.id, calendarFeedTokens.personId))
    .where(
      and(
        eq(calendarFeedTokens.userId, actor.userId),
        planId ? eq(calendarFeedTokens.planId, planId) : undefined,
      ),
    )
    .orderBy(sql`${calendarFeedTokens.createdAt} desc`);
  return rows.map((r) =>
    presentFeed(
      r.feed,
      r.feed.personId && r.personName ? { id: r.feed.personId, fullName: r.personName } : null,
    ),
  );
}

/** Revokes one of the caller's feeds: its URL answers 404 from now on. @throws 404 not the caller's. */
export async function revokeCalendarFeed(db: Db, actor: TActor, id: string): Promise<TCalendarFeed> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(calendarFeedTokens)
      .where(and(eq(calendarFeedTokens.id, id), eq(calendarFeedTokens.userId, actor.userId)));
    if (!current) throw notFound('Calendar feed');
    const [row] = await tx
      .update(calendarFeedTokens)
      .set({ revokedAt: current.revokedAt ?? new Date() })
      .where(eq(calendarFeedTokens.id, id))
      .returning();
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'calendar_feed',
      entityId: id,
      action: 'archive',
      before: { revokedAt: iso(current.revokedAt) },
      after: { revokedAt: iso(row!.revokedAt) },
    });
    return presentFeed(row!, null);
  });
}

/** The feed behind a secret token, read with its creator's current rights; `null` when unknown or revoked. */
export async function readCalendarFeed(
  db: DbOrTx,
  token: string,
  baseUrl?: string,
): Promise<{ filename: string; ics: string } | null> {
  const [row] = await db
    .select({ feed: calendarFeedTokens, user: users })
    .from(calendarFeedTokens)
    .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .where(
      and(
        eq(calendarFeedTokens.tokenHash, hashToken(token)),
        isNull(calendarFeedTokens.revokedAt),
        eq(users.isActive, true),
      ),
    );
  if (!row) return null;
  const actor: TActor = {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    memberships: await findMemberships(db, row.user.id),
    isNetworkAdmin: row.user.isNetworkAdmin,
  };
  const [mission] = await db
    .select({ id: missions.id })
    .from(missions)
    .where(and(eq(missions.id, row.feed.missionId), isNull(missions.archivedAt)));
  if (!mission) return null;
  try {
    return await exportCommunicationCalendar(db, actor, {
      planId: row.feed.planId,
      personId: row.feed.personId,
      baseUrl,
    });
  } catch (error) {
    // The plan was archived or the creator lost access to it: the feed is gone.
    if (error instanceof HttpProblem && error.status === 404) return null;
    throw error;
  }
}
