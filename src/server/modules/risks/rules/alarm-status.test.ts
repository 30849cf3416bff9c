import { describe, expect, it } from 'vitest';
import {
  checkAlarmBounds,
  computeAlarmStatus,
  daysBetween,
  findAlarmLevel,
  isWorsening,
  latestObservation,
} from './alarm-status.ts';

const cases = { higher: { direction: 'higher_is_worse', amberBound: 100, redBound: 500 } } as const;
const lower = { direction: 'lower_is_worse', amberBound: 60, redBound: 30 } as const;

describe('findAlarmLevel', () => {
  it('higher is worse: green below amber, amber from the amber bound, red from the red bound', () => {
    expect(findAlarmLevel({ ...cases.higher, value: 99 })).toBe('green');
    expect(findAlarmLevel({ ...cases.higher, value: 100 })).toBe('amber');
    expect(findAlarmLevel({ ...cases.higher, value: 499.9 })).toBe('amber');
    expect(findAlarmLevel({ ...cases.higher, value: 500 })).toBe('red');
    expect(findAlarmLevel({ ...cases.higher, value: 10_000 })).toBe('red');
  });

  it('lower is worse: the same bands mirrored', () => {
    expect(findAlarmLevel({ ...lower, value: 61 })).toBe('green');
    expect(findAlarmLevel({ ...lower, value: 60 })).toBe('amber');
    expect(findAlarmLevel({ ...lower, value: 31 })).toBe('amber');
    expect(findAlarmLevel({ ...lower, value: 30 })).toBe('red');
    expect(findAlarmLevel({ ...lower, value: -5 })).toBe('red');
  });
});

describe('checkAlarmBounds', () => {
  it('accepts red beyond amber in the direction of worse', () => {
    expect(checkAlarmBounds(cases.higher)).toBeNull();
    expect(checkAlarmBounds(lower)).toBeNull();
  });

  it('refuses bounds in the wrong order or equal', () => {
    expect(checkAlarmBounds({ direction: 'higher_is_worse', amberBound: 500, redBound: 100 })).toMatch(
      /above/,
    );
    expect(checkAlarmBounds({ direction: 'lower_is_worse', amberBound: 30, redBound: 60 })).toMatch(/below/);
    expect(checkAlarmBounds({ direction: 'higher_is_worse', amberBound: 5, redBound: 5 })).not.toBeNull();
  });
});

describe('computeAlarmStatus', () => {
  const weekly = { ...cases.higher, frequencyDays: 7 };

  it('is no_data before the first observation', () => {
    expect(computeAlarmStatus({ ...weekly, latest: null, asOf: '2022-03-01' })).toEqual({
      status: 'no_data',
      level: null,
      nextDueOn: null,
    });
  });

  it("gives the latest value's band while the observation is fresh, in both directions", () => {
    const latest = { observedOn: '2022-03-01', value: 650 };
    expect(computeAlarmStatus({ ...weekly, latest, asOf: '2022-03-08' })).toEqual({
      status: 'red',
      level: 'red',
      nextDueOn: '2022-03-08',
    });
    expect(
      computeAlarmStatus({
        ...lower,
        frequencyDays: 30,
        latest: { observedOn: '2022-03-01', value: 45 },
        asOf: '2022-03-10',
      }).status,
    ).toBe('amber');
  });

  it('is stale once the next observation is overdue for the frequency, keeping the band', () => {
    const latest = { observedOn: '2022-03-01', value: 20 };
    expect(computeAlarmStatus({ ...weekly, latest, asOf: '2022-03-08' }).status).toBe('green');
    const overdue = computeAlarmStatus({ ...weekly, latest, asOf: '2022-03-09' });
    expect(overdue.status).toBe('stale');
    expect(overdue.level).toBe('green');
    expect(computeAlarmStatus({ ...weekly, frequencyDays: 30, latest, asOf: '2022-03-09' }).status).toBe(
      'green',
    );
  });
});

describe('isWorsening', () => {
  it('raises on entering amber or red from a better band', () => {
    expect(isWorsening({ before: null, after: 'amber' })).toBe(true);
    expect(isWorsening({ before: 'green', after: 'red' })).toBe(true);
    expect(isWorsening({ before: 'amber', after: 'red' })).toBe(true);
  });

  it('does not raise when staying, improving or green', () => {
    expect(isWorsening({ before: 'red', after: 'red' })).toBe(false);
    expect(isWorsening({ before: 'red', after: 'amber' })).toBe(false);
    expect(isWorsening({ before: 'amber', after: 'green' })).toBe(false);
    expect(isWorsening({ before: null, after: null })).toBe(false);
  });
});

describe('helpers', () => {
  it('counts days and picks the latest observation by date, then by recording time', () => {
    expect(daysBetween('2022-02-25', '2022-03-01')).toBe(4);
    const picked = latestObservation([
      { id: 'a', observedOn: '2022-03-02', recordedAt: 1 },
      { id: 'b', observedOn: '2022-03-02', recordedAt: 5 },
      { id: 'c', observedOn: '2022-02-28', recordedAt: 9 },
    ]);
    expect(picked?.id).toBe('b');
    expect(latestObservation([])).toBeNull();
  });
});
