/**
 * Every reason the shared input primitives give is worded in the reader's language: the
 * messages are collected by parsing hostile values with the primitives themselves, so a new
 * message without a translation fails here.
 */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  ZIsoDate,
  ZIsoMonth,
  ZKey,
  ZMoney,
  ZRecordKey,
  ZText,
  ZTitle,
  ZVersion,
  zFiniteNumber,
  zHttpUrl,
  zInteger,
} from '../../src/shared/schemas/common.ts';
import { en } from '../../src/web/lib/i18n/en.ts';
import { it as italian } from '../../src/web/lib/i18n/it.ts';
import { kk } from '../../src/web/lib/i18n/kk.ts';
import { ru } from '../../src/web/lib/i18n/ru.ts';
import { translateMessage } from '../../src/web/lib/validation.ts';

const HOSTILE: [
  { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } },
  unknown,
][] = [
  [ZTitle, 'Gala\u0000'],
  [ZTitle, '\ud800x'],
  [ZTitle, 'two\nlines'],
  [ZTitle, 'x'.repeat(301)],
  [ZText, ''.padEnd(10_001, 'x')],
  [ZIsoDate, '9999-12-31'],
  [ZIsoDate, '2022-02-30'],
  [ZIsoMonth, '1899-12'],
  [ZIsoMonth, '2022-13'],
  [zHttpUrl(), 'javascript:alert(1)'],
  [zHttpUrl(), 'https://exa mple.org'],
  [zHttpUrl(), 'not a url'],
  [zHttpUrl(), 'example.org'],
  [zInteger(), 1.5],
  [zInteger({ min: 0 }), -1],
  [zInteger(), 9007199254740992],
  [zFiniteNumber(), 1e308],
  [ZMoney, 1e12],
  [ZMoney, 1.005],
  [ZMoney, -1],
  [ZVersion, 0],
  [ZKey, 'Not a key'],
  [ZRecordKey, '   '],
];

async function translatorFor(lng: string): Promise<TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    resources: {
      en: { translation: en },
      it: { translation: italian },
      ru: { translation: ru },
      kk: { translation: kk },
    },
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const messages = [
  ...new Set(
    HOSTILE.flatMap(([schema, value]) => {
      const result = schema.safeParse(value);
      expect(result.success, String(value).slice(0, 40)).toBe(false);
      return result.error!.issues.map((issue) => issue.message);
    }),
  ),
];

describe('server validation messages', () => {
  it.each(['it', 'ru', 'kk'])('are translated into %s, none shown in English', async (lng) => {
    const t = await translatorFor(lng);
    const english = await translatorFor('en');
    for (const message of messages) {
      const translated = translateMessage(t, message);
      expect(translated, message).not.toBe(message);
      expect(translated, message).not.toBe(translateMessage(english, message));
      expect(translated, message).not.toMatch(/\{\{|validation\./);
    }
  });

  it('keep the figures of the limit', async () => {
    const t = await translatorFor('it');
    expect(translateMessage(t, 'must be between 1900-01-01 and 2200-12-31')).toBe(
      'Deve essere tra il 1900-01-01 e il 2200-12-31',
    );
    expect(translateMessage(t, 'must be at most 2147483647')).toBe('Deve essere al massimo 2147483647');
    expect(translateMessage(t, 'must be at most 300 characters')).toBe('Al massimo 300 caratteri');
  });
});
