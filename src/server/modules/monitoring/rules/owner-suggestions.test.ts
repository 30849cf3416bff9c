import { describe, expect, it } from 'vitest';
import { hostLanguages, suggestOwners, type TSuggestionCandidate } from './owner-suggestions.ts';

const concert = {
  type: 'concert',
  focusAreaKey: 'cultural',
  text: 'Violin-making concert with a luthier, and a food tasting after',
  hostLanguages: hostLanguages('KZ'),
};

const person = (overrides: Partial<TSuggestionCandidate> & { id: string }): TSuggestionCandidate => ({
  fullName: overrides.id,
  competences: [],
  languages: [],
  capacity: 5,
  activeOwned: 0,
  ...overrides,
});

describe('hostLanguages', () => {
  it('gives Kazakh and Russian for Kazakhstan, nothing for an unknown or missing country', () => {
    expect(hostLanguages('kz')).toEqual(['kk', 'ru']);
    expect(hostLanguages('ZZ')).toEqual([]);
    expect(hostLanguages(null)).toEqual([]);
  });
});

describe('suggestOwners', () => {
  it('ranks the musician above the trade expert for a concert, with reasons', () => {
    const ranked = suggestOwners({
      initiative: concert,
      people: [
        person({ id: 'trader', competences: [{ tag: 'trade', level: 3 }] }),
        person({ id: 'musician', competences: [{ tag: 'music', level: 3 }] }),
      ],
    });
    expect(ranked.map((r) => r.personId)).toEqual(['musician', 'trader']);
    expect(ranked[0]!.score).toBe(6);
    expect(ranked[0]!.reasons.map((r) => r.text)).toContain('music (level 3) fits a concert');
    expect(ranked[0]!.reasons[0]).toEqual({
      kind: 'type',
      points: 6,
      text: 'music (level 3) fits a concert',
      params: { tag: 'music', level: 3, initiativeType: 'concert' },
    });
    expect(ranked[1]!.score).toBe(0);
  });

  it('weighs the level, the focus area and tags named in the text', () => {
    const [top] = suggestOwners({
      initiative: concert,
      people: [
        person({
          id: 'a',
          competences: [
            { tag: 'culture', level: 2 },
            { tag: 'food', level: 1 },
          ],
        }),
      ],
    });
    // culture is a concert tag (2 × 2) and food is named in the text (1 × 1).
    expect(top!.score).toBe(5);
    expect(top!.reasons.map((r) => r.kind)).toEqual(['type', 'keyword', 'load']);
    expect(top!.reasons.map((r) => r.params)).toEqual([
      { tag: 'culture', level: 2, initiativeType: 'concert' },
      { tag: 'food', level: 1 },
      { owned: 0, capacity: 5 },
    ]);
  });

  it('counts a focus-area competence when the type does not call for it', () => {
    const [top] = suggestOwners({
      initiative: { ...concert, type: 'seminar', focusAreaKey: 'economic_commercial', text: '' },
      people: [person({ id: 'a', competences: [{ tag: 'economy', level: 2 }] })],
    });
    expect(top!.reasons[0]).toMatchObject({
      kind: 'focus_area',
      points: 3,
      params: { tag: 'economy', level: 2, focusAreaKey: 'economic_commercial' },
    });
    expect(top!.reasons[0]!.params.initiativeType).toBeUndefined();
  });

  it('rewards the host-country languages, more for both', () => {
    const ranked = suggestOwners({
      initiative: { ...concert, text: '' },
      people: [
        person({ id: 'none', languages: ['it'] }),
        person({ id: 'russian', languages: ['ru', 'it'] }),
        person({ id: 'both', languages: ['kk', 'ru'] }),
      ],
    });
    expect(ranked.map((r) => [r.personId, r.score])).toEqual([
      ['both', 3],
      ['russian', 2],
      ['none', 0],
    ]);
    expect(ranked[0]!.reasons[0]!.text).toBe("speaks KK and RU, the host country's languages");
    expect(ranked[0]!.reasons[0]!.params).toEqual({ languages: ['kk', 'ru'] });
    expect(ranked[1]!.reasons[0]!.params).toEqual({ languages: ['ru'] });
  });

  it('lowers the score with the load and puts a person at capacity last', () => {
    const music = [{ tag: 'music', level: 3 }];
    const ranked = suggestOwners({
      initiative: concert,
      people: [
        person({ id: 'full', competences: music, capacity: 2, activeOwned: 2 }),
        person({ id: 'busy', competences: music, capacity: 4, activeOwned: 3 }),
        person({ id: 'free', competences: music, capacity: 4, activeOwned: 0 }),
      ],
    });
    expect(ranked.map((r) => r.personId)).toEqual(['free', 'busy', 'full']);
    expect(ranked[1]!.score).toBe(3);
    expect(ranked[2]!.reasons.at(-1)!.text).toBe('at capacity: owns 2 of 2');
    expect(ranked[2]!.reasons.at(-1)!.params).toEqual({ owned: 2, capacity: 2 });
    expect(ranked[1]!.reasons.at(-1)).toMatchObject({ kind: 'load', params: { owned: 3, capacity: 4 } });
  });

  it('breaks ties by load, then by name', () => {
    const ranked = suggestOwners({
      initiative: { ...concert, text: '' },
      people: [
        person({ id: 'b', fullName: 'Bea', capacity: null }),
        person({ id: 'a', fullName: 'Ada', capacity: null }),
      ],
    });
    expect(ranked.map((r) => r.fullName)).toEqual(['Ada', 'Bea']);
    expect(ranked[0]!.reasons[0]!.kind).toBe('capacity');
    expect(ranked[0]!.reasons[0]!.params).toEqual({ owned: 0, capacity: null });
  });
});
