/**
 * A meeting's agenda from the items its sources collected: one section per source, in the
 * sources' order, the most severe and most urgent items first. Empty sections are kept (with no
 * items) so that the agenda shows what was checked.
 */

export type TAgendaSeverityLevel = 'info' | 'warning' | 'danger';

export interface TAgendaEntry {
  source: string;
  title: string;
  /** The title as a message key and parameters, for the interface to word (see `agenda/types.ts`). */
  message?: { key: string; params: Record<string, string | number> } | null;
  detail?: string | null;
  detailMessages?: Array<{ key: string; params: Record<string, string | number> }> | null;
  dueDate?: string | null;
  initiativeId?: string | null;
  severity: TAgendaSeverityLevel;
}

export interface TAgendaSection {
  key: string;
  label: string;
  items: TAgendaEntry[];
}

const SEVERITY_RANK: Record<TAgendaSeverityLevel, number> = { danger: 0, warning: 1, info: 2 };

/** Danger before warning before info; then the earliest due date (undated last); then by title. */
export function compareAgendaEntries(a: TAgendaEntry, b: TAgendaEntry): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') ||
    a.title.localeCompare(b.title)
  );
}

/**
 * Groups the collected items into sections. Items whose `source` is not the section's key are
 * filed under the source they name (a source may hand over items for another heading), and
 * duplicates (same source, initiative and title) are dropped.
 * @example composeAgendaSections([{ key: 'initiatives.starting', label: 'Starting soon', items }])
 */
export function composeAgendaSections(
  collected: ReadonlyArray<{ key: string; label: string; items: readonly TAgendaEntry[] }>,
): TAgendaSection[] {
  const sections = collected.map((c) => ({ key: c.key, label: c.label, items: [] as TAgendaEntry[] }));
  const byKey = new Map(sections.map((s) => [s.key, s]));
  const seen = new Set<string>();
  for (const c of collected) {
    for (const item of c.items) {
      const section = byKey.get(item.source) ?? byKey.get(c.key)!;
      const identity = `${section.key}|${item.initiativeId ?? ''}|${item.title}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      section.items.push(item);
    }
  }
  for (const s of sections) s.items.sort(compareAgendaEntries);
  return sections;
}

/** How many items the agenda has in all, and how many need attention (warning or danger). */
export function countAgenda(sections: readonly TAgendaSection[]): { total: number; attention: number } {
  const items = sections.flatMap((s) => s.items);
  return { total: items.length, attention: items.filter((i) => i.severity !== 'info').length };
}
