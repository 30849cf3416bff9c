import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { loadPlanData } from '../../../../test/helpers/demo.ts';
import { readMonitoringDemo } from './demo.ts';
import { listPlanLessons } from './lessons.ts';
import { findMeeting, findMeetings } from './meetings.ts';
import { lessons, staffMeetings } from './tables.ts';

describe('monitoring demo', () => {
  it('loads the TT2050 meetings and lessons once, grounded in the plan', async () => {
    const { db, close } = await createTestDatabase();
    try {
      const { missionId, planId } = await loadPlanData(db);
      await loadPlanData(db);
      const demo = readMonitoringDemo();
      const actor = {
        userId: crypto.randomUUID(),
        email: 'x@example.org',
        name: 'X',
        memberships: [{ missionId, role: 'officer' as const, missionKind: 'embassy' as const }],
        isNetworkAdmin: false,
      };
      const meetings = await findMeetings(db, actor, planId);
      expect(meetings.map((m) => m.meetingDate)).toEqual(['2022-02-07', '2022-01-31']);
      const second = await findMeeting(db, actor, meetings[0]!.id);
      expect(second.checkIns.find((c) => c.title.includes('diffuse'))).toMatchObject({
        status: 'on_track',
        source: 'carried',
      });
      expect(second.actionItems[0]).toMatchObject({ owner: { fullName: 'Mariya Datchenko' }, isDone: true });
      const planLessons = await listPlanLessons(db, actor, planId);
      expect(planLessons).toHaveLength(demo.lessons.length);
      expect((await db.select().from(lessons).where(eq(lessons.planId, planId))).length).toBe(
        demo.lessons.length,
      );
      expect((await db.select().from(staffMeetings).where(eq(staffMeetings.planId, planId))).length).toBe(2);
    } finally {
      await close();
    }
  });
});
