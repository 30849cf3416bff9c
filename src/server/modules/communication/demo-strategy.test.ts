import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { loadPlanData } from '../../../../test/helpers/demo.ts';
import { people } from '../partners/index.ts';
import { loadCommunicationData } from './demo-strategy.ts';
import { commsStrategies, mediaListMembers, mediaProfiles, mediaSessions, pressReleases } from './tables.ts';

const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;

describe('the TT2050 communication demo', () => {
  it('loads the strategy, sessions, contacts, a list and an Italian press release, once', async () => {
    const { missionId, planId } = await loadPlanData(db);
    const [strategy] = await db.select().from(commsStrategies).where(eq(commsStrategies.planId, planId));
    expect(strategy!.channels.map((c) => c.kind)).toEqual(['website', 'instagram', 'facebook', 'telegram']);
    const [testimonial] = await db.select().from(people).where(eq(people.id, strategy!.testimonialId!));
    expect(testimonial!.fullName).toBe('Maria Mudryak');
    const sessions = await db.select().from(mediaSessions).where(eq(mediaSessions.planId, planId));
    expect(sessions.map((s) => s.heldOn)).toEqual(['2021-12-15', '2022-01-25']);
    expect(sessions[1]!.attendeeIds).toHaveLength(3);
    expect(await db.select().from(mediaProfiles).where(eq(mediaProfiles.missionId, missionId))).toHaveLength(
      4,
    );
    expect(
      await db.select().from(mediaListMembers).where(eq(mediaListMembers.missionId, missionId)),
    ).toHaveLength(2);
    const [release] = await db.select().from(pressReleases).where(eq(pressReleases.planId, planId));
    expect(release).toMatchObject({ language: 'it', status: 'draft' });
    expect(release!.body).toContain('Astana Opera');
    expect(await db.transaction((tx) => loadCommunicationData(tx, { missionId, planId }))).toBe(false);
  });
});
