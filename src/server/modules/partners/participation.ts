/**
 * The initiatives an organisation or a person takes part in, for their detail pages. Partners
 * does not read initiatives itself (initiatives depend on partners): the initiatives module
 * provides this reader from its `index.ts`.
 */
import type { TOrganisationDetail } from '../../../shared/schemas/organisation.ts';
import type { TPersonDetail } from '../../../shared/schemas/person.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';

export interface IParticipationReader {
  /** The initiatives (visible to the actor, not archived) the organisation is a partner of, with its role. */
  ofOrganisation(
    db: DbOrTx,
    actor: TActor,
    organisationId: string,
  ): Promise<TOrganisationDetail['initiatives']>;
  /** The initiatives (visible to the actor, not archived) the person owns or is a delegate of. */
  ofPerson(
    db: DbOrTx,
    actor: TActor,
    personId: string,
  ): Promise<Pick<TPersonDetail, 'ownedInitiatives' | 'delegatedInitiatives'>>;
}

let reader: IParticipationReader | null = null;

export function provideParticipationReader(provided: IParticipationReader): void {
  reader = provided;
}

export function participation(): IParticipationReader {
  if (!reader)
    throw new Error('No participation reader: load the initiatives module (src/server/routes.ts).');
  return reader;
}
