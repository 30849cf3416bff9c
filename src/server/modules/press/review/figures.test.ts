import { describe, expect, it } from 'vitest';
import { findFigures } from './figures.ts';

const summary = (text: string, lang: 'it' | 'en' | 'ru' | 'kk') =>
  findFigures({ text, lang }).map(({ kind, value, currency, unit, raw }) => ({
    kind,
    value,
    currency,
    unit,
    raw,
  }));

describe('findFigures', () => {
  it('reads Italian money and counts, with the scale applied', () => {
    expect(summary('hanno firmato 29 accordi per un valore di quasi 17 miliardi di dollari.', 'it')).toEqual([
      { kind: 'count', value: 29, currency: undefined, unit: 'accordi', raw: '29 accordi' },
      {
        kind: 'money',
        value: 17_000_000_000,
        currency: 'USD',
        unit: undefined,
        raw: '17 miliardi di dollari',
      },
    ]);
    expect(summary('un investimento di €3,7 miliardi e 30 iniziative', 'it')).toEqual([
      { kind: 'money', value: 3_700_000_000, currency: 'EUR', unit: undefined, raw: '€3,7 miliardi' },
      { kind: 'count', value: 30, currency: undefined, unit: 'iniziative', raw: '30 iniziative' },
    ]);
  });

  it('reads English money before and after the number', () => {
    expect(summary('signed 24 agreements worth nearly $17 billion and 3.7 billion euros', 'en')).toEqual([
      { kind: 'count', value: 24, currency: undefined, unit: 'agreements', raw: '24 agreements' },
      { kind: 'money', value: 17_000_000_000, currency: 'USD', unit: undefined, raw: '$17 billion' },
      { kind: 'money', value: 3_700_000_000, currency: 'EUR', unit: undefined, raw: '3.7 billion euros' },
    ]);
    expect(summary('a $17bn deal and 1,234.5 tenge', 'en').map((f) => [f.value, f.currency])).toEqual([
      [17_000_000_000, 'USD'],
      [1234.5, 'KZT'],
    ]);
  });

  it('reads Russian and Kazakh money, with spaces as thousands separators', () => {
    expect(summary('инвестиции на 1 миллиард долларов и 1 234,5 тенге, 2 млрд руб.', 'ru')).toEqual([
      { kind: 'money', value: 1_000_000_000, currency: 'USD', unit: undefined, raw: '1 миллиард долларов' },
      { kind: 'money', value: 1234.5, currency: 'KZT', unit: undefined, raw: '1 234,5 тенге' },
      { kind: 'money', value: 2_000_000_000, currency: 'RUB', unit: undefined, raw: '2 млрд руб.' },
    ]);
    expect(summary('подписано 30 соглашений', 'ru')[0]).toMatchObject({ value: 30, unit: 'соглашений' });
    expect(summary('5 млрд теңге', 'kk')[0]).toMatchObject({ value: 5_000_000_000, currency: 'KZT' });
  });

  it('applies each language its number format', () => {
    expect(summary('il lancio di 1.179 chili di materiali', 'it')[0]).toMatchObject({
      value: 1179,
      unit: 'chili',
    });
    expect(summary('4,5 milioni di tonnellate', 'it')[0]).toMatchObject({
      value: 4_500_000,
      unit: 'tonnellate',
    });
    expect(summary('1,179 kilos of samples', 'en')[0]).toMatchObject({ value: 1179, unit: 'kilos' });
  });

  it('skips an adjective to reach the counted noun', () => {
    expect(summary('hanno firmato 15 nuovi accordi', 'it')[0]).toMatchObject({ value: 15, unit: 'accordi' });
  });

  it('ignores years, dates, percentages, decimals that are not counts, and bare abbreviations', () => {
    expect(
      summary('Nel 2025, il 10 gennaio 2026 la crescita del 62% e una scossa 5.1 al largo', 'it'),
    ).toEqual([]);
    expect(summary('In 2024 the 17m tower was built', 'en')).toEqual([]);
  });

  it('gives offsets that slice back to the raw text', () => {
    const text = 'Durante la visita: 29 accordi, quasi 17 miliardi di dollari; poi €3,7 miliardi.';
    for (const figure of findFigures({ text, lang: 'it' })) {
      expect(text.slice(figure.start, figure.end)).toBe(figure.raw);
    }
  });
});

describe('numbers that belong to names', () => {
  it('does not count the number of a name ("Badamsha 2 wind farm")', () => {
    const figures = findFigures({
      text: 'The Badamsha 2 wind farm opened; they signed 3 agreements.',
      lang: 'en',
    });
    expect(figures.map((f) => f.raw)).toEqual(['3 agreements']);
  });

  it('still counts after a capitalised word that opens a sentence', () => {
    const figures = findFigures({ text: 'Firmati. Oltre 29 accordi sono stati firmati.', lang: 'it' });
    expect(figures.map((f) => f.raw)).toEqual(['29 accordi']);
  });
});
