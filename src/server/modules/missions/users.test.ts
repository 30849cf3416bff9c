import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/db.ts';
import { buildMission } from '../../../../test/helpers/factories.ts';
import { verifyPassword } from './auth/password.ts';
import { memberships, users } from './tables.ts';
import { addUser } from './users.ts';

const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;

describe('addUser', () => {
  it('generates a password that is stored only as an argon2 hash', async () => {
    const mission = await buildMission(db, { slug: 'it-test' });
    const result = await addUser(db, {
      email: 'Officer@Example.org',
      name: 'Officer',
      missionSlug: 'it-test',
      role: 'officer',
    });
    expect(result.generatedPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const [user] = await db.select().from(users).where(eq(users.id, result.userId));
    expect(user!.email).toBe('officer@example.org');
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user!.passwordHash!, result.generatedPassword!)).toBe(true);
    const [membership] = await db.select().from(memberships).where(eq(memberships.userId, result.userId));
    expect(membership).toMatchObject({ missionId: mission.id, role: 'officer' });
  });

  it('refuses an unknown mission, a bad e-mail and a short password with clear messages', async () => {
    await expect(addUser(db, { email: 'x@example.org', name: 'X', missionSlug: 'nowhere' })).rejects.toThrow(
      'No mission "nowhere"',
    );
    await expect(addUser(db, { email: 'not-an-email', name: 'X' })).rejects.toThrow(
      'must be an e-mail address',
    );
    await expect(addUser(db, { email: 'y@example.org', name: 'Y', password: 'short' })).rejects.toThrow(
      'at least 12 characters',
    );
    await expect(
      addUser(db, { email: 'z@example.org', name: 'Z', password: 'Password2024!' }),
    ).rejects.toThrow('is too common');
  });
});
