/**
 * The registry of agenda sources: a meeting's agenda is what these sources collect for its
 * date, in this order. To add a module's items, append its source to the list (one line).
 */
import { composeAgendaSections, type TAgendaSection } from '../../domain/agenda.ts';
import { communicationAgendaSource } from '../communication/agenda-source.ts';
import type { DbOrTx } from '../db/client.ts';
import { riskAgendaSources } from '../risks/agenda-sources.ts';
import {
  initiativesStartingSource,
  overdueActionItemsSource,
  pendingDecisionsSource,
  unownedInitiativesSource,
} from './sources/monitoring.ts';
import type { IAgendaContext, IAgendaSource } from './types.ts';

/** Every agenda source, in the order of the agenda's sections. */
export function agendaSources(): IAgendaSource[] {
  return [
    initiativesStartingSource,
    overdueActionItemsSource,
    unownedInitiativesSource,
    pendingDecisionsSource,
    ...riskAgendaSources,
    communicationAgendaSource,
  ];
}

/**
 * Collects every source's items for the meeting and composes the sections (see
 * `domain/agenda.ts`). Sources run one after the other: in a transaction they share a connection.
 */
export async function composeAgenda(
  db: DbOrTx,
  context: IAgendaContext,
  sources: readonly IAgendaSource[] = agendaSources(),
): Promise<TAgendaSection[]> {
  const collected = [];
  for (const source of sources) {
    collected.push({ key: source.key, label: source.label, items: await source.collect(db, context) });
  }
  return composeAgendaSections(collected);
}
