import { describe, expect, it } from 'vitest';
import { canTransitionPressRelease, draftPressRelease, formatInitiativeDate } from './press-release.ts';

const initiative = {
  title: 'Marche cuisine masterclass',
  summary: null,
  datePrecision: 'day' as const,
  startDate: '2022-11-21',
  endDate: '2022-11-23',
  cities: ['Astana', 'Almaty'],
  venues: [],
  keyMessages: null,
};

describe('formatInitiativeDate', () => {
  it('writes a day, a range and months in each language', () => {
    expect(formatInitiativeDate('it', { datePrecision: 'day', startDate: '2022-05-12', endDate: null })).toBe(
      '12 maggio 2022',
    );
    expect(
      formatInitiativeDate('en', { datePrecision: 'day', startDate: '2022-05-12', endDate: '2022-05-12' }),
    ).toBe('May 12, 2022');
    expect(
      formatInitiativeDate('it', { datePrecision: 'day', startDate: '2022-05-12', endDate: '2022-05-14' }),
    ).toBe('12–14 maggio 2022');
    expect(
      formatInitiativeDate('it', { datePrecision: 'month', startDate: '2022-05-01', endDate: '2022-05-31' }),
    ).toBe('maggio 2022');
    expect(
      formatInitiativeDate('it', { datePrecision: 'month', startDate: '2022-01-01', endDate: '2022-03-31' }),
    ).toBe('gennaio–marzo 2022');
    expect(
      formatInitiativeDate('ru', { datePrecision: 'day', startDate: '2022-05-12', endDate: null }),
    ).toContain('12 мая 2022');
    expect(
      formatInitiativeDate('kk', { datePrecision: 'day', startDate: '2022-05-12', endDate: null }),
    ).toContain('мамыр');
    expect(formatInitiativeDate('en', { datePrecision: 'day', startDate: null, endDate: null })).toBeNull();
  });
});

describe('draftPressRelease', () => {
  it('fills the template and marks missing facts to be confirmed', () => {
    const draft = draftPressRelease('en', {
      planTitle: 'Together towards 2050',
      missionName: 'The Embassy of Italy',
      initiative: { ...initiative, startDate: null, endDate: null, cities: [] },
      partners: [],
    });
    expect(draft.title).toBe('Marche cuisine masterclass');
    expect(draft.body).toContain('When: date to be confirmed');
    expect(draft.body).toContain('Where: place to be confirmed');
    expect(draft.body).not.toContain('Partners:');
  });

  it('lists the places and the partners in the language', () => {
    const draft = draftPressRelease('it', {
      planTitle: 'TT2050',
      missionName: "L'Ambasciata d'Italia",
      initiative,
      partners: ["L'Ambasciata d'Italia", 'ICE', 'Regione Marche'],
    });
    expect(draft.body).toContain('Quando: 21–23 novembre 2022');
    expect(draft.body).toContain('Dove: Astana, Almaty');
    expect(draft.body).toContain('Partner: ICE e Regione Marche');
  });
});

describe('canTransitionPressRelease', () => {
  it('allows draft → approved → sent, approved → draft, and nothing after sent', () => {
    expect(canTransitionPressRelease('draft', 'approved')).toBe(true);
    expect(canTransitionPressRelease('draft', 'sent')).toBe(false);
    expect(canTransitionPressRelease('approved', 'draft')).toBe(true);
    expect(canTransitionPressRelease('approved', 'sent')).toBe(true);
    expect(canTransitionPressRelease('sent', 'draft')).toBe(false);
    expect(canTransitionPressRelease('draft', 'draft')).toBe(false);
  });
});
