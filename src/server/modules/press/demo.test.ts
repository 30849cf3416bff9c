import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { buildMission } from '../../../../test/helpers/factories.ts';
import { loadPressDemo } from './demo.ts';
import { mediaItems } from './tables.ts';

const database = await createTestDatabase();
afterAll(() => database.close());

describe('loadPressDemo', () => {
  it('adds the demo clippings once, analysed in their languages', async () => {
    const mission = await buildMission(database.db);
    expect(await loadPressDemo(database.db, { missionId: mission.id })).toBe(3);
    expect(await loadPressDemo(database.db, { missionId: mission.id })).toBe(0);
    const rows = await database.db.select().from(mediaItems).where(eq(mediaItems.missionId, mission.id));
    expect(rows.map((r) => r.language).sort()).toEqual(['en', 'it', 'ru']);
    const english = rows.find((r) => r.language === 'en')!;
    expect(english.figures).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'money', value: 17e9, currency: 'USD' })]),
    );
    expect(english.entities.map((e) => e.ref)).toEqual(
      expect.arrayContaining(['KZ', 'US', 'CN', 'TR', 'AZ', 'RU']),
    );
    const russian = rows.find((r) => r.language === 'ru')!;
    expect(russian.figures).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'money', value: 8e9, currency: 'USD' })]),
    );
  });
});
