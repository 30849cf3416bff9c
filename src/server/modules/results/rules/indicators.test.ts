import { describe, expect, it } from 'vitest';
import {
  AMEC_EXPOSURE_MESSAGE,
  checkAmecStage,
  computeChange,
  computeProgress,
  expectedProgress,
  formatChange,
  indicatorStatus,
  isTargetInDirection,
} from './indicators.ts';

describe('computeProgress', () => {
  it('measures an ascending indicator from baseline to target', () => {
    const frame = { baselineValue: 100, targetValue: 200, isAscending: true };
    expect(computeProgress(frame, 150)).toBe(0.5);
    expect(computeProgress(frame, 250)).toBe(1.5);
    expect(computeProgress(frame, 80)).toBe(-0.2);
  });

  it('measures a descending indicator in its own direction', () => {
    const frame = { baselineValue: 10, targetValue: 4, isAscending: false };
    expect(computeProgress(frame, 7)).toBe(0.5);
    expect(computeProgress(frame, 4)).toBe(1);
    expect(computeProgress(frame, 12)).toBeCloseTo(-1 / 3);
  });

  it('counts a missing baseline as 0 and gives null without target, actual, or span', () => {
    expect(computeProgress({ baselineValue: null, targetValue: 30, isAscending: true }, 15)).toBe(0.5);
    expect(computeProgress({ baselineValue: 5, targetValue: null, isAscending: true }, 15)).toBeNull();
    expect(computeProgress({ baselineValue: 5, targetValue: 9, isAscending: true }, null)).toBeNull();
    expect(computeProgress({ baselineValue: 5, targetValue: 5, isAscending: true }, 6)).toBeNull();
  });

  it('flags a target that lies against the direction', () => {
    expect(isTargetInDirection({ baselineValue: 10, targetValue: 5, isAscending: true })).toBe(false);
    expect(isTargetInDirection({ baselineValue: 10, targetValue: 5, isAscending: false })).toBe(true);
    expect(isTargetInDirection({ baselineValue: null, targetValue: 5, isAscending: false })).toBe(true);
  });
});

describe('indicatorStatus', () => {
  it('applies the documented thresholds', () => {
    expect(indicatorStatus(1)).toBe('green');
    expect(indicatorStatus(0.9)).toBe('green');
    expect(indicatorStatus(0.89)).toBe('amber');
    expect(indicatorStatus(0.6)).toBe('amber');
    expect(indicatorStatus(0.59)).toBe('red');
    expect(indicatorStatus(-0.1)).toBe('red');
    expect(indicatorStatus(null)).toBe('none');
  });

  it('judges against the progress expected by now', () => {
    const expected = expectedProgress({
      baselineDate: '2022-01-01',
      targetDate: '2022-12-31',
      asOf: '2022-07-02',
    });
    expect(expected).toBeCloseTo(0.5, 1);
    expect(indicatorStatus(0.5, expected)).toBe('green');
    expect(indicatorStatus(0.35, expected)).toBe('amber');
    expect(indicatorStatus(0.25, expected)).toBe('red');
    expect(indicatorStatus(0, 0)).toBe('green');
    expect(expectedProgress({ baselineDate: null, targetDate: '2022-12-31', asOf: '2022-07-02' })).toBe(1);
    expect(
      expectedProgress({ baselineDate: '2022-01-01', targetDate: '2022-12-31', asOf: '2026-01-01' }),
    ).toBe(1);
  });
});

describe('computeChange', () => {
  it('gives the seed figure: 7,422 accounts reached is +154 % on 2,922', () => {
    const change = computeChange({ previous: 2922, current: 7422 });
    expect(change.absolute).toBe(4500);
    expect(change.percent).toBeCloseTo(154, 0);
    expect(formatChange(change)).toBe('+154 %');
  });

  it('keeps percentage points apart from percent change for a percentage measure', () => {
    const change = computeChange({ previous: 4, current: 6, measure: 'percentage' });
    expect(change).toEqual({ absolute: 2, absoluteUnit: 'pp', percent: 50 });
    expect(formatChange(change)).toBe('+2 pp');
  });

  it('does not divide by a zero baseline: the percent is n/a, the absolute change stays', () => {
    const change = computeChange({ previous: 0, current: 5 });
    expect(change).toEqual({ absolute: 5, absoluteUnit: 'unit', percent: null });
    expect(formatChange(change)).toBe('+5 (n/a %)');
    expect(formatChange(computeChange({ previous: 10, current: 4 }))).toBe('−60 %');
  });
});

describe('checkAmecStage', () => {
  it('refuses exposure metrics filed as outcome or impact, with the reason', () => {
    for (const name of [
      'Instagram reach',
      'Impressions per month',
      'Video views',
      'Followers',
      'Print circulation',
    ])
      expect(checkAmecStage({ name, unit: null, amecStage: 'outcome' })).toBe(AMEC_EXPOSURE_MESSAGE);
    expect(checkAmecStage({ name: 'Digital insert', unit: 'views', amecStage: 'impact' })).toMatch(/outputs/);
  });

  it('accepts exposure as output and effects as outcome', () => {
    expect(checkAmecStage({ name: 'Instagram reach', unit: 'accounts', amecStage: 'output' })).toBeNull();
    expect(checkAmecStage({ name: 'Student visas issued', unit: 'visas', amecStage: 'outcome' })).toBeNull();
    expect(checkAmecStage({ name: 'Preview of the programme', unit: null, amecStage: 'impact' })).toBeNull();
  });
});
