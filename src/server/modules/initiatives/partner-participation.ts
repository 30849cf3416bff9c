/** The initiatives each organisation and person takes part in, provided to the partners module. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import type { IParticipationReader } from '../partners/index.ts';
import { initiativePolicy } from './policy.ts';
import { initiativeDelegates, initiativePartners, initiatives } from './tables.ts';

export const participationReader: IParticipationReader = {
  ofOrganisation: (db: DbOrTx, actor: TActor, organisationId: string) =>
    db
      .select({
        id: initiatives.id,
        planId: initiatives.planId,
        title: initiatives.title,
        role: initiativePartners.role,
        startDate: initiatives.startDate,
      })
      .from(initiativePartners)
      .innerJoin(initiatives, eq(initiatives.id, initiativePartners.initiativeId))
      .where(
        and(
          eq(initiativePartners.organisationId, organisationId),
          initiativePolicy.scope(actor),
          isNull(initiatives.archivedAt),
        ),
      )
      .orderBy(asc(initiatives.startDate), asc(initiatives.title), asc(initiativePartners.role)),

  async ofPerson(db: DbOrTx, actor: TActor, personId: string) {
    const visible = and(initiativePolicy.scope(actor), isNull(initiatives.archivedAt));
    const columns = { id: initiatives.id, title: initiatives.title, startDate: initiatives.startDate };
    const order = [asc(initiatives.startDate), asc(initiatives.title)];
    const ownedInitiatives = await db
      .select(columns)
      .from(initiatives)
      .where(and(eq(initiatives.ownerId, personId), visible))
      .orderBy(...order);
    const delegatedInitiatives = await db
      .select(columns)
      .from(initiativeDelegates)
      .innerJoin(initiatives, eq(initiatives.id, initiativeDelegates.initiativeId))
      .where(and(eq(initiativeDelegates.personId, personId), visible))
      .orderBy(...order);
    return { ownedInitiatives, delegatedInitiatives };
  },
};
