import { describe, expect, it } from 'vitest';
import { carryForwardStatuses } from './check-ins.ts';

describe('carryForwardStatuses', () => {
  it('carries the previous status and note when nothing was recorded', () => {
    expect(
      carryForwardStatuses({
        activeInitiativeIds: ['a', 'b'],
        previous: [{ initiativeId: 'a', status: 'at_risk', note: 'venue not confirmed' }],
        recorded: [],
      }),
    ).toEqual([
      { initiativeId: 'a', status: 'at_risk', note: 'venue not confirmed', source: 'carried' },
      { initiativeId: 'b', status: null, note: null, source: 'none' },
    ]);
  });

  it('lets a recorded status win over the previous one', () => {
    const [a] = carryForwardStatuses({
      activeInitiativeIds: ['a'],
      previous: [{ initiativeId: 'a', status: 'late', note: 'old' }],
      recorded: [{ initiativeId: 'a', status: 'on_track', note: null }],
    });
    expect(a).toEqual({ initiativeId: 'a', status: 'on_track', note: null, source: 'recorded' });
  });

  it('does not carry done or cancelled, nor initiatives no longer active', () => {
    const result = carryForwardStatuses({
      activeInitiativeIds: ['a', 'b'],
      previous: [
        { initiativeId: 'a', status: 'done', note: null },
        { initiativeId: 'b', status: 'cancelled', note: null },
        { initiativeId: 'gone', status: 'late', note: null },
      ],
      recorded: [],
    });
    expect(result.map((r) => [r.initiativeId, r.source])).toEqual([
      ['a', 'none'],
      ['b', 'none'],
    ]);
  });

  it('keeps statuses recorded for initiatives that are not active any more', () => {
    const result = carryForwardStatuses({
      activeInitiativeIds: ['a'],
      previous: [],
      recorded: [{ initiativeId: 'z', status: 'done', note: 'closed today' }],
    });
    expect(result.map((r) => r.initiativeId)).toEqual(['a', 'z']);
    expect(result[1]!.source).toBe('recorded');
  });
});
