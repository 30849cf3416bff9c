import { describe, expect, it } from 'vitest';
import { placeIndicators } from './logframe.ts';
import type { IReportIndicator } from './report/types.ts';

const indicator = (name: string, kind: string, objectiveId: string | null = null): IReportIndicator => ({
  name,
  kind,
  unit: '%',
  baseline: 0,
  target: 30,
  latest: null,
  status: null,
  source: 'Instagram statistics',
  objectiveId,
});

describe('placeIndicators', () => {
  it("puts an objective's indicators at its level, the plan's by kind (impact overall, result specific)", () => {
    const levels = new Map([
      ['o1', 1],
      ['o2', 2],
    ]);
    const placed = placeIndicators(
      [
        indicator('Follower growth', 'impact'),
        indicator('Initiatives realised', 'result'),
        indicator('Media exposure', 'result', 'o1'),
        indicator('Staff trained', 'impact', 'o2'),
        indicator('Orphan', 'impact', 'gone'),
      ],
      levels,
    );
    expect(placed.overall.map((i) => i.name)).toEqual(['Follower growth', 'Media exposure', 'Orphan']);
    expect(placed.specific.map((i) => i.name)).toEqual(['Initiatives realised', 'Staff trained']);
    expect(placed.overall[0]).toEqual({
      name: 'Follower growth',
      kind: 'impact',
      baseline: '0%',
      target: '30%',
      source: 'Instagram statistics',
    });
  });
});
