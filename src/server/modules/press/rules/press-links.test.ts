import { describe, expect, it } from 'vitest';
import {
  linkReasonFromText,
  scoreInitiativeLink,
  suggestInitiativeLinks,
  type TLinkInitiative,
} from './press-links.ts';

const concert: TLinkInitiative = {
  id: 'i-concert',
  startDate: '2025-12-05',
  endDate: '2025-12-05',
  organisationIds: ['org-opera'],
  personIds: ['p-ambassador'],
  cities: ['Astana'],
};
const film: TLinkInitiative = {
  id: 'i-film',
  startDate: '2025-03-01',
  endDate: '2025-03-10',
  organisationIds: ['org-cinema'],
  personIds: [],
  cities: ['Almaty'],
};
const opera = { kind: 'organisation', ref: 'org-opera', name: 'Astana Opera' };
const astana = { kind: 'place', ref: 'Astana', name: 'Astana' };

describe('scoreInitiativeLink', () => {
  it('adds entity overlap and date proximity', () => {
    const result = scoreInitiativeLink({ publishedAt: '2025-12-08', entities: [opera, astana] }, concert);
    expect(result.score).toBeCloseTo(0.25 + 0.1 + 0.3);
    expect(result.reasons).toEqual([
      'organisation: Astana Opera',
      'place: Astana',
      'published around its dates',
    ]);
    expect(result.details.map((d) => [d.code, d.params])).toEqual([
      ['organisation', { name: 'Astana Opera' }],
      ['place', { name: 'Astana' }],
      ['date_window', {}],
    ]);
    expect(result.details.map((d) => d.text)).toEqual(result.reasons);
  });

  it('gives the days from the initiative when outside its window', () => {
    // The window ends a fortnight after 5 December: 19 December; 29 December is 10 days out.
    const result = scoreInitiativeLink({ publishedAt: '2025-12-29', entities: [opera] }, concert);
    expect(result.details.at(-1)).toEqual({
      code: 'date_distance',
      params: { days: 10 },
      text: 'published 10 days from its dates',
    });
  });

  it('fades the date score with distance and ignores dates without shared entities', () => {
    const near = scoreInitiativeLink({ publishedAt: '2025-12-19', entities: [opera] }, concert).score;
    const far = scoreInitiativeLink({ publishedAt: '2026-01-19', entities: [opera] }, concert).score;
    const gone = scoreInitiativeLink({ publishedAt: '2026-06-01', entities: [opera] }, concert).score;
    expect(near).toBeCloseTo(0.55);
    expect(far).toBeGreaterThan(0.25);
    expect(far).toBeLessThan(near);
    expect(gone).toBeCloseTo(0.25);
    expect(scoreInitiativeLink({ publishedAt: '2025-12-05', entities: [] }, concert).score).toBe(0);
  });

  it('weighs the initiative named outright highest, capped at 1', () => {
    const named = { kind: 'initiative', ref: 'i-concert', name: 'Concert' };
    const result = scoreInitiativeLink(
      {
        publishedAt: '2025-12-05',
        entities: [named, opera, astana, { kind: 'person', ref: 'p-ambassador', name: 'A' }],
      },
      concert,
    );
    expect(result.score).toBe(1);
    expect(result.details.map((d) => d.code)).toEqual([
      'initiative',
      'organisation',
      'place',
      'person',
      'date_window',
    ]);
    expect(result.details[3]!.params).toEqual({ name: 'A' });
  });
});

describe('linkReasonFromText', () => {
  it('recovers the structure of reasons stored as English phrases', () => {
    expect(linkReasonFromText('names the initiative')).toMatchObject({ code: 'initiative', params: {} });
    expect(linkReasonFromText('organisation: Astana Opera: Main Hall')).toMatchObject({
      code: 'organisation',
      params: { name: 'Astana Opera: Main Hall' },
    });
    expect(linkReasonFromText('published 12 days from its dates')).toMatchObject({
      code: 'date_distance',
      params: { days: 12 },
    });
    expect(linkReasonFromText('published around its dates').code).toBe('date_window');
    expect(linkReasonFromText('something else')).toEqual({
      code: 'other',
      params: {},
      text: 'something else',
    });
  });
});

describe('suggestInitiativeLinks', () => {
  it('suggests only initiatives above the threshold, best first', () => {
    const suggestions = suggestInitiativeLinks({ publishedAt: '2025-12-06', entities: [opera, astana] }, [
      film,
      concert,
    ]);
    expect(suggestions.map((s) => s.initiativeId)).toEqual(['i-concert']);
    expect(
      suggestInitiativeLinks({ publishedAt: '2025-12-06', entities: [astana] }, [film, concert]),
    ).toEqual([]);
  });
});
