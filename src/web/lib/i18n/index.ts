/**
 * i18next set-up: English, Italian, Russian and Kazakh are complete (test/web/translations.test.ts
 * checks every key, placeholder and plural form); a key missing in future falls back to English.
 * The chosen language is remembered and mirrored on <html lang>.
 */
import 'dayjs/locale/it';
import 'dayjs/locale/kk';
import 'dayjs/locale/ru';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type TLocale } from '../../../shared/enums.ts';
import { en } from './en.ts';
import { it } from './it.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';

const STORAGE_KEY = 'softpower.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export const isLocale = (value: unknown): value is TLocale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

function initialLanguage(): TLocale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return isLocale(browser) ? browser : 'en';
}

function applyLanguage(language: string) {
  document.documentElement.lang = language;
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: en },
    it: { translation: it },
    ru: { translation: ru },
    kk: { translation: kk },
  },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

/** The current language as one of the app's locales. */
export const currentLocale = (): TLocale => (isLocale(i18n.language) ? i18n.language : 'en');

export { i18n };
