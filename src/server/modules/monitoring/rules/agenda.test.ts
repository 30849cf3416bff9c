import { describe, expect, it } from 'vitest';
import { composeAgendaSections, countAgenda, type TAgendaEntry } from './agenda.ts';

const item = (overrides: Partial<TAgendaEntry>): TAgendaEntry => ({
  source: 'initiatives.starting',
  title: 'x',
  severity: 'info',
  ...overrides,
});

describe('composeAgendaSections', () => {
  it('keeps the sources in order, empty ones included, and sorts by severity, due date, title', () => {
    const sections = composeAgendaSections([
      {
        key: 'initiatives.starting',
        label: 'Starting',
        items: [
          item({ title: 'Concert', dueDate: '2022-05-20' }),
          item({ title: 'Undated', dueDate: null }),
          item({ title: 'Workshop', dueDate: '2022-05-12' }),
          item({ title: 'Fashion show', dueDate: '2022-05-30', severity: 'danger' }),
          item({ title: 'Alpha', dueDate: '2022-05-20' }),
        ],
      },
      { key: 'initiatives.unowned', label: 'No owner', items: [] },
    ]);
    expect(sections.map((s) => s.key)).toEqual(['initiatives.starting', 'initiatives.unowned']);
    expect(sections[0]!.items.map((i) => i.title)).toEqual([
      'Fashion show',
      'Workshop',
      'Alpha',
      'Concert',
      'Undated',
    ]);
    expect(sections[1]!.items).toEqual([]);
  });

  it('files an item under the section it names and drops duplicates', () => {
    const sections = composeAgendaSections([
      {
        key: 'a',
        label: 'A',
        items: [
          item({ source: 'b', title: 'moved', initiativeId: '1' }),
          item({ source: 'a', title: 'same', initiativeId: '2' }),
          item({ source: 'a', title: 'same', initiativeId: '2' }),
        ],
      },
      { key: 'b', label: 'B', items: [item({ source: 'b', title: 'moved', initiativeId: '1' })] },
    ]);
    expect(sections[0]!.items.map((i) => i.title)).toEqual(['same']);
    expect(sections[1]!.items.map((i) => i.title)).toEqual(['moved']);
  });

  it('counts items and those needing attention', () => {
    const sections = composeAgendaSections([
      {
        key: 'a',
        label: 'A',
        items: [item({ source: 'a', severity: 'warning' }), item({ source: 'a', title: 'y' })],
      },
    ]);
    expect(countAgenda(sections)).toEqual({ total: 2, attention: 1 });
  });
});
