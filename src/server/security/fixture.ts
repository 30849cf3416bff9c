/**
 * The security tests' fixture: mission A with the TT2050 demo loaded, another mission B, a
 * headquarters mission, one user per role of the matrix, and the ids of mission A's records that
 * fill path parameters, required query parameters and body fields by name.
 */
import { and, asc, eq, getTableColumns, isNull, max, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { buildMission, buildUser } from '../../../test/helpers/factories.ts';
import type { TApp } from '../app.ts';
import { loadPlanData } from '../demo/load-demo.ts';
import { createSession } from '../modules/missions/index.ts';
import type { Db } from '../platform/db/client.ts';
import * as schema from '../schema.ts';
import type { TOperation } from './openapi-operations.ts';

/** A 1×1 PNG. */
export const PNG_1X1_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export const ROLES = [
  'anonymous',
  'viewer',
  'collaborator',
  'otherMissionOfficer',
  'headquartersReader',
  'missionAdmin',
  'networkAdmin',
] as const;
export type TMatrixRole = (typeof ROLES)[number];

/** The record table behind each path segment that precedes an `{id}`. */
const SEGMENT_TABLES: Record<string, PgTable> = {
  initiatives: schema.initiatives,
  plans: schema.plans,
  objectives: schema.objectives,
  'focus-areas': schema.focusAreas,
  vectors: schema.vectors,
  programmes: schema.programmes,
  organisations: schema.organisations,
  people: schema.people,
  proposals: schema.proposals,
  'scoring-rounds': schema.scoringRounds,
  indicators: schema.indicators,
  'social-accounts': schema.socialAccounts,
  meetings: schema.staffMeetings,
  'action-items': schema.meetingActionItems,
  lessons: schema.lessons,
  risks: schema.risks,
  'alarm-variables': schema.alarmVariables,
  alerts: schema.alerts,
  tasks: schema.tasks,
  'communication-steps': schema.communicationSteps,
  'calendar-feeds': schema.calendarFeedTokens,
  'media-sessions': schema.mediaSessions,
  'media-contacts': schema.mediaProfiles,
  'media-lists': schema.mediaLists,
  'press-releases': schema.pressReleases,
  items: schema.mediaItems,
  feeds: schema.mediaFeeds,
  'bilateral-facts': schema.bilateralFacts,
};

/** Body and query fields named like a record id, and the path segment whose record fills them. */
const ID_FIELDS: Record<string, string> = {
  planId: 'plans',
  initiativeId: 'initiatives',
  exposedInitiativeId: 'initiatives',
  organisationId: 'organisations',
  outletId: 'organisations',
  programmeId: 'programmes',
  focusAreaId: 'focus-areas',
  vectorId: 'vectors',
  objectiveId: 'objectives',
  ownerId: 'people',
  personId: 'people',
  delegateId: 'people',
  responsibleId: 'people',
  testimonialId: 'people',
  escalationOwnerId: 'people',
  communicationOfficerId: 'people',
  proposalId: 'proposals',
  roundId: 'scoring-rounds',
  indicatorId: 'indicators',
  meetingId: 'meetings',
  riskId: 'risks',
  alarmVariableId: 'alarm-variables',
  alertId: 'alerts',
  listId: 'media-lists',
  contactId: 'media-contacts',
  attendeeId: 'people',
  sourceMediaItemId: 'items',
};

export interface TFixture {
  db: Db;
  missionA: string;
  missionB: string;
  headquarters: string;
  planA: string;
  /** A member of A (officer) the membership operations act on. */
  memberUserId: string;
  cookies: Record<TMatrixRole, string | undefined>;
  userIds: Record<Exclude<TMatrixRole, 'anonymous'>, string>;
  /** segment → id of one record of mission A. */
  recordIds: Record<string, string>;
  /** A proposal of the round in `recordIds['scoring-rounds']`. */
  roundProposalId: string;
  /** The file name of a plan's calendar feed (its secret), for the public ICS route. */
  calendarFile: string;
}

async function firstId(db: Db, table: PgTable, missionId: string, extra?: SQL) {
  const columns = getTableColumns(table) as Record<string, never>;
  const conditions = [eq(columns.missionId!, missionId)];
  if ('archivedAt' in columns) conditions.push(isNull(columns.archivedAt!));
  if (extra) conditions.push(extra);
  const rows = (await db
    .select({ id: columns.id! })
    .from(table as never)
    .where(and(...conditions))
    .orderBy(asc(columns.id!))
    .limit(1)) as { id: string }[];
  return rows[0]?.id;
}

/** Builds the fixture on `db` (a fresh test database). */
export async function buildFixture(db: Db, app?: TApp): Promise<TFixture> {
  const demo = await loadPlanData(db);
  const missionA = demo.missionId;
  const missionB = (await buildMission(db, { name: 'Mission B' })).id;
  const headquarters = (await buildMission(db, { name: 'Headquarters', kind: 'headquarters' })).id;
  const viewer = await buildUser(db, { missionId: missionA, role: 'viewer' });
  const collaborator = await buildUser(db, { missionId: missionA, role: 'collaborator' });
  const otherMissionOfficer = await buildUser(db, { missionId: missionB, role: 'officer' });
  const headquartersReader = await buildUser(db, { missionId: headquarters, role: 'officer' });
  const missionAdmin = await buildUser(db, { missionId: missionA, role: 'admin' });
  const member = await buildUser(db, { missionId: missionA, role: 'officer' });
  const [networkAdmin] = await db
    .insert(schema.users)
    .values({
      email: `network-${missionB.slice(0, 8)}@example.org`,
      name: 'Network Admin',
      isNetworkAdmin: true,
    })
    .returning();
  const networkCookie = `sp_session=${await createSession(db, networkAdmin!.id)}`;

  const recordIds: Record<string, string> = {};
  for (const [segment, table] of Object.entries(SEGMENT_TABLES)) {
    const extra =
      segment === 'plans'
        ? eq(schema.plans.id, demo.planId)
        : segment === 'scoring-rounds'
          ? eq(schema.scoringRounds.status, 'open')
          : undefined;
    const id = (await firstId(db, table, missionA, extra)) ?? (await firstId(db, table, missionA));
    if (id) recordIds[segment] = id;
  }
  recordIds.missions = missionA;
  // The demo raises no alert and has no feed: one of each, so that their routes have a record.
  const planA = demo.planId;
  if (!recordIds.alerts && recordIds['alarm-variables']) {
    const [alert] = await db
      .insert(schema.alerts)
      .values({
        missionId: missionA,
        planId: planA,
        alarmVariableId: recordIds['alarm-variables'],
        level: 'amber',
      })
      .returning();
    recordIds.alerts = alert!.id;
  }
  if (!recordIds.tasks) {
    const [task] = await db
      .insert(schema.tasks)
      .values({ missionId: missionA, planId: planA, title: 'Follow up', alertId: recordIds.alerts ?? null })
      .returning();
    recordIds.tasks = task!.id;
  }
  if (!recordIds.feeds) {
    const [feed] = await db
      .insert(schema.mediaFeeds)
      .values({ missionId: missionA, url: 'https://feeds.example.invalid/rss.xml', title: 'Sample feed' })
      .returning();
    recordIds.feeds = feed!.id;
  }
  let calendarFile = 'unknown.ics';
  if (app) {
    const res = await app.request('/api/calendar-feeds', {
      method: 'POST',
      headers: { cookie: missionAdmin.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ planId: planA, scope: 'plan' }),
    });
    if (res.status !== 201)
      throw new Error(`creating the calendar feed answered ${res.status}: ${await res.text()}`);
    const feed = (await res.json()) as { id: string; url: string };
    recordIds['calendar-feeds'] = feed.id;
    calendarFile = feed.url.split('/').pop()!;
    // A logo and an evidence file, so that reading them is allowed to someone.
    const upload = async (path: string, method: string, file: File) => {
      const form = new FormData();
      form.set('file', file);
      const answer = await app.request(path, {
        method,
        headers: { cookie: missionAdmin.cookie },
        body: form,
      });
      if (answer.status >= 300)
        throw new Error(`${method} ${path} answered ${answer.status}: ${await answer.text()}`);
    };
    await upload(
      `/api/plans/${planA}/communication-strategy/logo`,
      'PUT',
      new File([Buffer.from(PNG_1X1_BASE64, 'base64')], 'logo.png', { type: 'image/png' }),
    );
    if (recordIds['communication-steps'])
      await upload(
        `/api/communication-steps/${recordIds['communication-steps']}/evidence`,
        'POST',
        new File(['Evidence of the step.'], 'evidence.txt', { type: 'text/plain' }),
      );
  }
  const roundId = recordIds['scoring-rounds'];
  let roundProposalId = '';
  if (roundId) {
    // The mission administrator is a named evaluator of the round, so that scoring is allowed to someone.
    await db.insert(schema.roundEvaluators).values({ missionId: missionA, roundId, userId: missionAdmin.id });
    const [row] = await db
      .select({ id: schema.roundProposals.proposalId })
      .from(schema.roundProposals)
      .where(eq(schema.roundProposals.roundId, roundId))
      .limit(1);
    roundProposalId = row?.id ?? '';
  }
  return {
    db,
    missionA,
    missionB,
    headquarters,
    planA,
    memberUserId: member.id,
    cookies: {
      anonymous: undefined,
      viewer: viewer.cookie,
      collaborator: collaborator.cookie,
      otherMissionOfficer: otherMissionOfficer.cookie,
      headquartersReader: headquartersReader.cookie,
      missionAdmin: missionAdmin.cookie,
      networkAdmin: networkCookie,
    },
    userIds: {
      viewer: viewer.id,
      collaborator: collaborator.id,
      otherMissionOfficer: otherMissionOfficer.id,
      headquartersReader: headquartersReader.id,
      missionAdmin: missionAdmin.id,
      networkAdmin: networkAdmin!.id,
    },
    recordIds,
    roundProposalId,
    calendarFile,
  };
}

/** The id of mission A that fills a field or parameter of this name, if it names a record. */
export function idForName(fixture: TFixture, name: string): string | undefined {
  if (name === 'missionId') return fixture.missionA;
  if (name === 'userId' || name === 'evaluatorId') return fixture.userIds.missionAdmin;
  const singular = name.endsWith('Ids') ? name.slice(0, -1) : name;
  const segment = ID_FIELDS[singular];
  return segment ? fixture.recordIds[segment] : undefined;
}

/** Fills the path's parameters from the fixture: the record of the segment before each. */
export function fillPath(fixture: TFixture, op: TOperation, extra: Record<string, string> = {}): string {
  const segments = op.path.split('/');
  return segments
    .map((segment, index) => {
      const match = /^\{(\w+)\}$/.exec(segment);
      if (!match) return segment;
      const name = match[1]!;
      if (extra[name] !== undefined) return encodeURIComponent(extra[name]!);
      const before = segments[index - 1] ?? '';
      if (name === 'userId' && before === 'members') return fixture.memberUserId;
      if (name === 'proposalId' && before === 'scores') return fixture.roundProposalId;
      if (name === 'kind' && before === 'phases') return 'programming';
      if (name === 'token') return 'not-a-valid-sign-in-token';
      if (name === 'file') return fixture.calendarFile;
      const id = name === 'id' || name === 'planId' ? fixture.recordIds[before] : idForName(fixture, name);
      if (!id) throw new Error(`No fixture id for {${name}} in ${op.key}`);
      return id;
    })
    .join('/');
}

/** The highest audit-log id (0 when empty): a write that changed nothing adds no row. */
export async function auditHighWater(db: Db): Promise<number> {
  const [row] = await db.select({ id: max(schema.auditLog.id) }).from(schema.auditLog);
  return Number(row?.id ?? 0);
}

/** Audit rows written by these users. */
export async function auditRowsBy(db: Db, userIds: string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.auditLog)
    .where(
      sql`${schema.auditLog.userId} in (${sql.join(
        userIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  return row?.n ?? 0;
}
