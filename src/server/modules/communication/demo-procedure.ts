/**
 * The communication procedure of the demo plan: the ten steps with a communication officer,
 * scheduled for every dated initiative. TT2050 already ran, so the steps of its finished
 * initiatives are marked done on their day.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../../platform/db/client.ts';
import { people } from '../partners/index.ts';
import { schedulePlanCommunication } from './communication-procedure.ts';
import { communicationTemplates } from './procedure-tables.ts';
import { DEFAULT_COMMUNICATION_TEMPLATE } from './rules/communication-schedule.ts';

export const COMMUNICATION_DEMO_FILE = fileURLToPath(
  new URL('./demo/tt2050-communication-procedure.json', import.meta.url),
);

const ZCommunicationDemo = z.object({
  /** Key of the person the communication officer's steps go to. */
  communicationOfficer: z.string().nullable().default(null),
  finishedInitiativesDone: z.boolean().default(false),
});

/** Sets up the plan's procedure and schedules its initiatives (once: the template row is the marker). */
export async function loadCommunicationDemo(
  db: DbOrTx,
  target: { missionId: string; planId: string },
  path = COMMUNICATION_DEMO_FILE,
): Promise<void> {
  const data = ZCommunicationDemo.parse(JSON.parse(readFileSync(path, 'utf8')));
  const [existing] = await db
    .select({ id: communicationTemplates.id })
    .from(communicationTemplates)
    .where(eq(communicationTemplates.planId, target.planId));
  if (existing) return;
  const [officer] = data.communicationOfficer
    ? await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.missionId, target.missionId), eq(people.key, data.communicationOfficer)))
    : [];
  await db.insert(communicationTemplates).values({
    missionId: target.missionId,
    planId: target.planId,
    steps: [...DEFAULT_COMMUNICATION_TEMPLATE],
    communicationOfficerId: officer?.id ?? null,
  });
  await schedulePlanCommunication(db, target.planId, {
    markFinishedInitiativesDone: data.finishedInitiativesDone,
  });
}
