/**
 * Demo data of the monitoring module (`demo/tt2050-monitoring.json`): past staff meetings with
 * statuses, decisions and action items, and lessons learned. Refers to initiatives and people by
 * key; loaded once, into the plan of the same acronym (nothing happens when it already has meetings).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { CHECK_IN_STATUSES } from '../../../shared/enums.ts';
import { ZIsoDate } from '../../../shared/schemas/common.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { initiatives } from '../initiatives/index.ts';
import { people } from '../partners/index.ts';
import { lessons, meetingActionItems, meetingDecisions, meetingStatuses, staffMeetings } from './tables.ts';

export const MONITORING_DEMO_FILE = fileURLToPath(new URL('./demo/tt2050-monitoring.json', import.meta.url));

const ZMonitoringDemo = z.object({
  /** The plan these meetings and lessons belong to: other plans get none. */
  planAcronym: z.string(),
  meetings: z.array(
    z.object({
      meetingDate: ZIsoDate,
      title: z.string().nullable(),
      attendees: z.string().nullable(),
      statuses: z.array(
        z.object({
          initiative: z.string(),
          status: z.enum(CHECK_IN_STATUSES),
          note: z.string().nullable(),
          isCarried: z.boolean().default(false),
        }),
      ),
      decisions: z.array(z.object({ text: z.string(), initiative: z.string().nullable().default(null) })),
      actionItems: z.array(
        z.object({
          text: z.string(),
          owner: z.string().nullable(),
          dueDate: ZIsoDate.nullable(),
          initiative: z.string().nullable().default(null),
          isDone: z.boolean(),
        }),
      ),
    }),
  ),
  lessons: z.array(
    z.object({
      initiative: z.string(),
      whatHappened: z.string(),
      lesson: z.string(),
      tag: z.string().nullable(),
    }),
  ),
});
export type TMonitoringDemo = z.infer<typeof ZMonitoringDemo>;

export function readMonitoringDemo(path = MONITORING_DEMO_FILE): TMonitoringDemo {
  return ZMonitoringDemo.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/**
 * Loads the demo meetings and lessons into a plan (inside the caller's transaction).
 * @throws Error when the file names an initiative or person the plan does not have.
 */
export async function loadMonitoringDemo(
  db: DbOrTx,
  target: { missionId: string; planId: string; acronym: string },
  data: TMonitoringDemo = readMonitoringDemo(),
): Promise<void> {
  const { missionId, planId } = target;
  if (target.acronym.toUpperCase() !== data.planAcronym.toUpperCase()) return;
  const [existing] = await db
    .select({ id: staffMeetings.id })
    .from(staffMeetings)
    .where(eq(staffMeetings.planId, planId))
    .limit(1);
  if (existing) return;
  const initiativeKeys = [
    ...data.meetings.flatMap((m) => [
      ...m.statuses.map((s) => s.initiative),
      ...m.decisions.map((d) => d.initiative),
      ...m.actionItems.map((a) => a.initiative),
    ]),
    ...data.lessons.map((l) => l.initiative),
  ].filter((k): k is string => !!k);
  const initiativeRows = initiativeKeys.length
    ? await db
        .select({ id: initiatives.id, key: initiatives.key })
        .from(initiatives)
        .where(and(eq(initiatives.planId, planId), inArray(initiatives.key, [...new Set(initiativeKeys)])))
    : [];
  const personRows = await db
    .select({ id: people.id, key: people.key })
    .from(people)
    .where(eq(people.missionId, missionId));
  const need = (rows: { id: string; key: string | null }[], key: string, what: string) => {
    const row = rows.find((r) => r.key === key);
    if (!row) throw new Error(`Monitoring demo: unknown ${what} "${key}".`);
    return row.id;
  };
  const initiativeId = (key: string | null) => (key ? need(initiativeRows, key, 'initiative') : null);

  for (const m of data.meetings) {
    const [meeting] = await db
      .insert(staffMeetings)
      .values({ missionId, planId, meetingDate: m.meetingDate, title: m.title, attendees: m.attendees })
      .returning({ id: staffMeetings.id });
    const meetingId = meeting!.id;
    if (m.statuses.length)
      await db.insert(meetingStatuses).values(
        m.statuses.map((s) => ({
          missionId,
          meetingId,
          initiativeId: initiativeId(s.initiative)!,
          status: s.status,
          note: s.note,
          isCarried: s.isCarried,
        })),
      );
    if (m.decisions.length)
      await db.insert(meetingDecisions).values(
        m.decisions.map((d, position) => ({
          missionId,
          meetingId,
          text: d.text,
          initiativeId: initiativeId(d.initiative),
          position,
        })),
      );
    if (m.actionItems.length)
      await db.insert(meetingActionItems).values(
        m.actionItems.map((a) => ({
          missionId,
          meetingId,
          text: a.text,
          ownerId: a.owner ? need(personRows, a.owner, 'person') : null,
          dueDate: a.dueDate,
          initiativeId: initiativeId(a.initiative),
          isDone: a.isDone,
          doneAt: a.isDone && a.dueDate ? new Date(`${a.dueDate}T12:00:00Z`) : null,
        })),
      );
  }
  if (data.lessons.length)
    await db.insert(lessons).values(
      data.lessons.map((l) => ({
        missionId,
        planId,
        initiativeId: initiativeId(l.initiative)!,
        whatHappened: l.whatHappened,
        lesson: l.lesson,
        tag: l.tag,
        // Written at the final evaluation, after the last initiatives of the year.
        createdAt: new Date('2022-12-20T09:00:00Z'),
        updatedAt: new Date('2022-12-20T09:00:00Z'),
      })),
    );
}
