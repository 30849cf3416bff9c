/**
 * Concurrent edits never silently overwrite each other (issue 12, "what already holds"): many
 * people saving the same record at once, each from the version they read, get exactly one
 * success; the others get 409 with the current version and change nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../test/helpers/app.ts';
import { buildInitiative, buildMission, buildPlan, buildUser } from '../../../test/helpers/factories.ts';
import { auditLog, initiatives } from '../schema.ts';

const { db, call } = await setupTestApp();

describe('optimistic locking under concurrency', () => {
  it('100 concurrent saves from the same version: one applies, 99 answer 409, nothing is lost silently', async () => {
    const mission = await buildMission(db);
    const admin = await buildUser(db, { missionId: mission.id, role: 'admin' });
    const plan = await buildPlan(db, { missionId: mission.id });
    const initiative = await buildInitiative(db, { missionId: mission.id, planId: plan.id });

    const titles = Array.from({ length: 100 }, (_, i) => `Concert, version of editor ${i}`);
    const answers = await Promise.all(
      titles.map((title) =>
        call('PATCH', `/api/initiatives/${initiative.id}`, {
          cookie: admin.cookie,
          body: { version: initiative.version, title },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);

    const winner = titles[statuses.indexOf(200)];
    const [row] = await db.select().from(initiatives).where(eq(initiatives.id, initiative.id));
    expect(row!.title).toBe(winner);
    expect(row!.version).toBe(initiative.version + 1);
    const [audit] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'initiative'),
          eq(auditLog.entityId, initiative.id),
          eq(auditLog.action, 'update'),
        ),
      );
    expect(Number(audit!.n)).toBe(1);
    const refused = await answers[statuses.indexOf(409)]!.json();
    expect(refused).toMatchObject({ status: 409, currentVersion: initiative.version + 1 });
  });

  it('20 editors who re-read after a 409 and save again: every change applies exactly once', async () => {
    const mission = await buildMission(db);
    const admin = await buildUser(db, { missionId: mission.id, role: 'admin' });
    const plan = await buildPlan(db, { missionId: mission.id });
    const initiative = await buildInitiative(db, { missionId: mission.id, planId: plan.id });

    // Each editor appends their mark to the summary: a lost update would drop a mark.
    const save = async (mark: string): Promise<void> => {
      for (;;) {
        const current = await (
          await call('GET', `/api/initiatives/${initiative.id}`, { cookie: admin.cookie })
        ).json();
        const summary = [current.summary, mark].filter(Boolean).join(' ');
        const answer = await call('PATCH', `/api/initiatives/${initiative.id}`, {
          cookie: admin.cookie,
          body: { version: current.version, summary },
        });
        if (answer.status === 200) return;
        expect(answer.status).toBe(409);
      }
    };
    const marks = Array.from({ length: 20 }, (_, i) => `m${i}`);
    await Promise.all(marks.map(save));
    const [row] = await db.select().from(initiatives).where(eq(initiatives.id, initiative.id));
    expect(row!.summary!.split(' ').sort()).toEqual([...marks].sort());
    expect(row!.version).toBe(initiative.version + 20);
  }, 120_000);
});
