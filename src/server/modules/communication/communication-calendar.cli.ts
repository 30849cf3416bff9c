/**
 * `softpower export calendar --plan ACRONYM [--person EMAIL] [--out FILE]`: the communication
 * calendar as iCalendar, written by the same code as the API's download and feeds.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { readEnvConfig } from '../../platform/config.ts';
import type { TDatabase } from '../../platform/db/client.ts';
import { findPlanByAcronym } from '../initiatives/index.ts';
import { createSystemActor, users } from '../missions/index.ts';
import { people } from '../partners/index.ts';
import { plans } from '../plans/index.ts';
import { exportCommunicationCalendar } from './communication-calendar.ts';

type TWithDatabase = <T>(work: (database: TDatabase) => Promise<T>) => Promise<T>;

/** Registers `calendar` under the program's `export` command (creating it if absent). */
export function registerCommunicationCalendarCommand(program: Command, withDatabase: TWithDatabase): void {
  const exportCommand =
    program.commands.find((c) => c.name() === 'export') ??
    program.command('export').description('Export data to files.');
  exportCommand
    .command('calendar')
    .description(
      "Export a plan's communication calendar (initiatives and the steps of the procedure, with reminders) as iCalendar; to standard output without --out.",
    )
    .option('--plan <acronym>', 'the plan (default: the only plan)')
    .option('--mission <slug>', 'the mission, when several have a plan with that acronym')
    .option(
      '--person <email>',
      "only this person's steps and initiatives (the person's or their account's e-mail)",
    )
    .option('--out <file>', 'the .ics file to write')
    .action(async (options: { plan?: string; mission?: string; person?: string; out?: string }) => {
      await withDatabase(async ({ db }) => {
        const plan = await findPlanByAcronym(db, { acronym: options.plan, missionSlug: options.mission });
        const [{ missionId } = { missionId: '' }] = await db
          .select({ missionId: plans.missionId })
          .from(plans)
          .where(eq(plans.id, plan.id));
        let personId: string | undefined;
        if (options.person) {
          const email = options.person.trim().toLowerCase();
          const [person] = await db
            .select({ id: people.id })
            .from(people)
            .leftJoin(users, eq(users.id, people.userId))
            .where(
              and(
                eq(people.missionId, missionId),
                isNull(people.archivedAt),
                sql`(lower(${people.email}) = ${email} or lower(${users.email}) = ${email})`,
              ),
            )
            .limit(1);
          if (!person) throw new Error(`No person with the e-mail ${options.person} in the plan's mission.`);
          personId = person.id;
        }
        const actor = await createSystemActor(db);
        const file = await exportCommunicationCalendar(db, actor, {
          planId: plan.id,
          personId,
          baseUrl: readEnvConfig().publicUrl,
        });
        if (!options.out) {
          process.stdout.write(file.ics);
          return;
        }
        writeFileSync(options.out, file.ics);
        console.log(
          `Wrote ${file.events} event${file.events === 1 ? '' : 's'} of ${plan.acronym} to ${options.out}.`,
        );
      });
    });
}
