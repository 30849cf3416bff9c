import { describe, expect, it } from 'vitest';
import { fill, REPORT_DICTIONARIES, REPORT_LANGUAGES, type TReportDictionary } from './i18n.ts';

/** Every [path, text] of a dictionary. */
function entries(node: object, path = ''): [string, string][] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${path}${key}`, value] as [string, string]]
      : entries(value, `${path}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('report dictionaries', () => {
  it('have every key of English (a missing key does not compile)', () => {
    // @ts-expect-error a dictionary without `common.page` is not a report dictionary
    const incomplete: TReportDictionary = { ...REPORT_DICTIONARIES.it, common: { pageOf: '{{page}}' } };
    expect(incomplete.common.pageOf).toBe('{{page}}');
    const keys = entries(REPORT_DICTIONARIES.en).map(([path]) => path);
    for (const lang of REPORT_LANGUAGES)
      expect(entries(REPORT_DICTIONARIES[lang]).map(([path]) => path)).toEqual(keys);
  });

  it('have no empty text, and the same placeholders as English', () => {
    const english = new Map(entries(REPORT_DICTIONARIES.en));
    for (const lang of REPORT_LANGUAGES)
      for (const [path, text] of entries(REPORT_DICTIONARIES[lang])) {
        expect(text.trim(), `${lang} ${path}`).not.toBe('');
        expect(placeholders(text), `${lang} ${path}`).toEqual(placeholders(english.get(path)!));
      }
  });

  it('write Kazakh and Russian in Cyrillic', () => {
    for (const lang of ['ru', 'kk'] as const)
      expect(REPORT_DICTIONARIES[lang].planReport.headings.indicators).toMatch(/[\u0400-\u04FF]/);
  });
});

describe('fill', () => {
  it('puts values into placeholders and leaves unknown ones', () => {
    expect(fill('pag. {{page}} di {{pages}}', { page: 1, pages: 3 })).toBe('pag. 1 di 3');
    expect(fill('{{x}} and {{y}}', { x: 'a' })).toBe('a and {{y}}');
  });
});
