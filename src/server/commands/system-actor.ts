import type { TActor } from '../context.ts';
import type { DbOrTx } from '../db/client.ts';
import { missions } from '../db/schema.ts';

/**
 * The actor for the command line: whoever can run `softpower` on the server owns the data, so
 * the CLI acts as an administrator of every mission. Its writes are audited with no user.
 */
export async function createSystemActor(db: DbOrTx): Promise<TActor> {
  const all = await db.select({ id: missions.id, kind: missions.kind }).from(missions);
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    email: 'system',
    name: 'softpower CLI',
    memberships: all.map((m) => ({
      missionId: m.id,
      role: 'admin' as const,
      missionKind: m.kind === 'headquarters' ? 'embassy' : m.kind,
    })),
  };
}
