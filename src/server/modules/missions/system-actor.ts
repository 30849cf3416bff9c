import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { missions } from './tables.ts';

/**
 * The actor for the command line: whoever can run `softpower` on the server owns the data, so
 * the CLI acts as an administrator of every mission. Its writes are audited with no user.
 */
/** The system actor's id: no user row has it, so its audit entries record no user. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

export async function createSystemActor(db: DbOrTx): Promise<TActor> {
  const all = await db.select({ id: missions.id, kind: missions.kind }).from(missions);
  return {
    userId: SYSTEM_USER_ID,
    email: 'system',
    name: 'softpower CLI',
    isNetworkAdmin: true,
    memberships: all.map((m) => ({
      missionId: m.id,
      role: 'admin' as const,
      missionKind: m.kind === 'headquarters' ? 'embassy' : m.kind,
    })),
  };
}
