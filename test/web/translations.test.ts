/**
 * Every language the app offers is complete: each English key has a translation, with the same
 * placeholders, and every plural form the language needs (CLDR: Russian one/few/many/other,
 * Kazakh and Italian one/other).
 */
import { describe, expect, it as test } from 'vitest';
import { en } from '../../src/web/lib/i18n/en.ts';
import { it } from '../../src/web/lib/i18n/it.ts';
import { kk } from '../../src/web/lib/i18n/kk.ts';
import { ru } from '../../src/web/lib/i18n/ru.ts';

type TTree = { [key: string]: string | TTree };

function flatten(tree: TTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const PLURAL = /_(zero|one|two|few|many|other)$/;
const english = flatten(en as unknown as TTree);

describe.each([
  ['it', it, ['one', 'other']],
  ['ru', ru, ['one', 'few', 'many', 'other']],
  ['kk', kk, ['one', 'other']],
] as const)('%s', (_name, translation, forms) => {
  const translated = flatten(translation as unknown as TTree);

  test('translates every key that is not a plural form', () => {
    const missing = [...english.keys()].filter((k) => !PLURAL.test(k) && !translated.has(k));
    expect(missing).toEqual([]);
  });

  test('has every plural form the language needs', () => {
    const bases = new Set(
      [...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')),
    );
    const missing = [...bases].flatMap((base) =>
      forms.map((form) => `${base}_${form}`).filter((k) => !translated.has(k)),
    );
    expect(missing).toEqual([]);
  });

  test('keeps the placeholders of the English text', () => {
    const wrong = [...translated]
      .filter(([key]) => english.has(key) || PLURAL.test(key))
      .filter(([key, text]) => {
        const source = english.get(key) ?? english.get(key.replace(PLURAL, '_other')) ?? '';
        const expected = placeholders(source).filter((p) => p !== 'count');
        return (
          placeholders(text)
            .filter((p) => p !== 'count')
            .join() !== expected.join()
        );
      })
      .map(([key]) => key);
    expect(wrong).toEqual([]);
  });

  test('has no keys English does not have', () => {
    const extra = [...translated.keys()].filter(
      (k) => !english.has(k) && !english.has(k.replace(PLURAL, '_other')),
    );
    expect(extra).toEqual([]);
  });
});
