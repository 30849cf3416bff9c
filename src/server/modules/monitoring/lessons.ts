/**
 * Lessons learned (DESIGN §7: try, learn, adapt, share): what happened on an initiative and
 * what the team learned from it, failures included. Read through the initiative's scope;
 * whoever may edit the initiative may record a lesson on it.
 */
import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type {
  TCreateLessonRequest,
  TLesson,
  TUpdateLessonRequest,
} from '../../../shared/schemas/monitoring.ts';
import type { TActor } from '../../platform/context.ts';
import type { Db, DbOrTx } from '../../platform/db/client.ts';
import { badRequest, notFound } from '../../platform/http/problem.ts';
import { updateVersioned } from '../../platform/records.ts';
import { authorize } from '../../platform/scope.ts';
import { initiativePolicy, initiatives, isAssignedTo } from '../initiatives/index.ts';
import { users, writeAudit } from '../missions/index.ts';
import { presentLesson } from './present.ts';
import { lessons } from './tables.ts';

async function selectLessons(db: DbOrTx, actor: TActor, where: SQL[]): Promise<TLesson[]> {
  const rows = await db
    .select({
      lesson: lessons,
      initiative: { id: initiatives.id, title: initiatives.title, startDate: initiatives.startDate },
      authorName: users.name,
    })
    .from(lessons)
    .innerJoin(initiatives, eq(initiatives.id, lessons.initiativeId))
    .leftJoin(users, eq(users.id, lessons.authorId))
    .where(and(initiativePolicy.scope(actor), isNull(lessons.archivedAt), ...where))
    .orderBy(asc(initiatives.startDate), asc(initiatives.title), desc(lessons.createdAt));
  return rows.map((r) => presentLesson(r.lesson, { initiative: r.initiative, authorName: r.authorName }));
}

/**
 * The lessons of a plan the actor may read, in the order of the initiatives' dates: the list to
 * read before the next plan (and for the evaluation report).
 */
export async function listPlanLessons(db: DbOrTx, actor: TActor, planId: string): Promise<TLesson[]> {
  return selectLessons(db, actor, [eq(lessons.planId, planId)]);
}

/** Lessons filtered by initiative and/or plan. @throws 400 when neither is given. */
export async function findLessons(
  db: DbOrTx,
  actor: TActor,
  query: { initiativeId?: string; planId?: string },
): Promise<TLesson[]> {
  if (!query.initiativeId && !query.planId)
    throw badRequest('Say which lessons to list.', [
      { field: 'planId', message: 'planId or initiativeId is required' },
    ]);
  const where: SQL[] = [];
  if (query.initiativeId) where.push(eq(lessons.initiativeId, query.initiativeId));
  if (query.planId) where.push(eq(lessons.planId, query.planId));
  return selectLessons(db, actor, where);
}

async function loadInitiativeForLesson(db: DbOrTx, actor: TActor, id: string) {
  const [row] = await db
    .select({
      id: initiatives.id,
      missionId: initiatives.missionId,
      planId: initiatives.planId,
      isAssigned: isAssignedTo(actor.userId),
    })
    .from(initiatives)
    .where(and(eq(initiatives.id, id), initiativePolicy.scope(actor), isNull(initiatives.archivedAt)));
  if (!row) throw notFound('Initiative');
  const initiative = { ...row, isAssigned: Boolean(row.isAssigned) };
  authorize(
    initiativePolicy.canUpdate(actor, initiative),
    'You can record lessons only on initiatives you may edit.',
  );
  return initiative;
}

async function presentOne(db: DbOrTx, actor: TActor, id: string): Promise<TLesson> {
  const [lesson] = await selectLessons(db, actor, [eq(lessons.id, id)]);
  if (!lesson) throw notFound('Lesson');
  return lesson;
}

/** @throws 404 unknown initiative, 403 cannot edit it. */
export async function createLesson(db: Db, actor: TActor, input: TCreateLessonRequest): Promise<TLesson> {
  return db.transaction(async (tx) => {
    const initiative = await loadInitiativeForLesson(tx, actor, input.initiativeId);
    const [row] = await tx
      .insert(lessons)
      .values({
        missionId: initiative.missionId,
        planId: initiative.planId,
        initiativeId: initiative.id,
        whatHappened: input.whatHappened,
        lesson: input.lesson,
        tag: input.tag ?? null,
        authorId: actor.userId,
      })
      .returning();
    const created = await presentOne(tx, actor, row!.id);
    await writeAudit(tx, {
      actor,
      missionId: initiative.missionId,
      entity: 'lesson',
      entityId: row!.id,
      action: 'create',
      after: created,
    });
    return created;
  });
}

async function loadLessonForWrite(db: DbOrTx, actor: TActor, id: string) {
  const [row] = await db
    .select({ lesson: lessons })
    .from(lessons)
    .innerJoin(initiatives, eq(initiatives.id, lessons.initiativeId))
    .where(and(eq(lessons.id, id), initiativePolicy.scope(actor), isNull(lessons.archivedAt)));
  if (!row) throw notFound('Lesson');
  await loadInitiativeForLesson(db, actor, row.lesson.initiativeId);
  return row.lesson;
}

/** @throws 404, 403, 409 */
export async function updateLesson(
  db: Db,
  actor: TActor,
  id: string,
  input: TUpdateLessonRequest,
): Promise<TLesson> {
  return db.transaction(async (tx) => {
    const current = await loadLessonForWrite(tx, actor, id);
    const { version, ...fields } = input;
    await updateVersioned(tx, lessons, current, version, fields);
    const after = await presentOne(tx, actor, id);
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'lesson',
      entityId: id,
      action: 'update',
      before: { whatHappened: current.whatHappened, lesson: current.lesson, tag: current.tag },
      after,
    });
    return after;
  });
}

/** @throws 404, 403, 409 */
export async function archiveLesson(
  db: Db,
  actor: TActor,
  id: string,
  version?: number,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const current = await loadLessonForWrite(tx, actor, id);
    await updateVersioned(tx, lessons, current, version ?? current.version, { archivedAt: new Date() });
    await writeAudit(tx, {
      actor,
      missionId: current.missionId,
      entity: 'lesson',
      entityId: id,
      action: 'archive',
      before: { archivedAt: null },
    });
    return { id };
  });
}
