import { describe, expect, it } from 'vitest';
import { effectiveTone, scoreTone } from './tone.ts';

describe('scoreTone', () => {
  it('reads positive reporting in each language', () => {
    expect(
      scoreTone({ text: 'Rapporti in continua ascesa: crescita e cooperazione rafforzata.', lang: 'it' })
        .tone,
    ).toBe('positive');
    expect(
      scoreTone({ text: 'A historic partnership: trade growth and strong cooperation.', lang: 'en' }).tone,
    ).toBe('positive');
    expect(
      scoreTone({ text: 'Сотрудничество и партнерство укрепляются, рост торговли.', lang: 'ru' }).tone,
    ).toBe('positive');
    expect(scoreTone({ text: 'Ынтымақтастық пен серіктестік нығайту, даму.', lang: 'kk' }).tone).toBe(
      'positive',
    );
  });

  it('reads negative reporting', () => {
    expect(
      scoreTone({ text: 'Crisi e tensione: il conflitto blocca gli scambi, preoccupazione.', lang: 'it' })
        .tone,
    ).toBe('negative');
    expect(scoreTone({ text: 'Sanctions, a scandal and a sharp decline in trade.', lang: 'en' }).tone).toBe(
      'negative',
    );
    expect(scoreTone({ text: 'Кризис и конфликт, санкции и угроза.', lang: 'ru' }).tone).toBe('negative');
  });

  it('is neutral on plain facts, and reverses negated words', () => {
    expect(scoreTone({ text: 'The meeting took place on Tuesday in Astana.', lang: 'en' }).tone).toBe(
      'neutral',
    );
    const negated = scoreTone({ text: 'There was no crisis and no conflict.', lang: 'en' });
    expect(negated.negative).toBe(0);
    expect(negated.positive).toBe(2);
    expect(scoreTone({ text: 'anything', lang: null }).tone).toBe('neutral');
  });

  it('lets a person overrule the computed tone', () => {
    expect(effectiveTone({ tone: 'positive', toneOverride: 'negative' })).toBe('negative');
    expect(effectiveTone({ tone: 'positive', toneOverride: null })).toBe('positive');
  });
});
