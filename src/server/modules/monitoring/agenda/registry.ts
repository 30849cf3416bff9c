/**
 * The registry of agenda sources: a meeting's agenda is what these sources collect for its
 * date. Monitoring's own sources come first; another module adds its items by registering its
 * sources from its own `index.ts` (risks, communication), with a rank that fixes where its
 * sections stand whatever the order in which modules are loaded.
 */
import type { DbOrTx } from '../../../platform/db/client.ts';
import { composeAgendaSections, type TAgendaSection } from '../rules/agenda.ts';
import {
  initiativesStartingSource,
  overdueActionItemsSource,
  pendingDecisionsSource,
  unownedInitiativesSource,
} from './sources.ts';
import type { IAgendaContext, IAgendaSource } from './types.ts';

/** Monitoring's own sections rank 0; registered modules rank after them (risks 10, communication 20). */
const registered: { rank: number; sources: readonly IAgendaSource[] }[] = [
  {
    rank: 0,
    sources: [
      initiativesStartingSource,
      overdueActionItemsSource,
      unownedInitiativesSource,
      pendingDecisionsSource,
    ],
  },
];

/**
 * Adds a module's sources to every meeting's agenda. Registering the same source key twice
 * (a module loaded twice, say) replaces it instead of listing it twice.
 * @example registerAgendaSources(10, riskAgendaSources)
 */
export function registerAgendaSources(rank: number, sources: readonly IAgendaSource[]): void {
  const keys = new Set(sources.map((source) => source.key));
  for (const entry of registered) entry.sources = entry.sources.filter((source) => !keys.has(source.key));
  registered.push({ rank, sources });
  registered.sort((a, b) => a.rank - b.rank);
}

/** Every agenda source, in the order of the agenda's sections. */
export function agendaSources(): IAgendaSource[] {
  return registered.flatMap((entry) => entry.sources);
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
