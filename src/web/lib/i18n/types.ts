import type { TTranslation } from './en.ts';

/** Plural forms some languages have and English does not (Russian: `_few`, `_many`). */
type TExtraPluralKey = `${string}_${'zero' | 'two' | 'few' | 'many'}`;

type TDeepPartial<T> = { [K in keyof T]?: T[K] extends object ? TDeepPartial<T[K]> : T[K] } & {
  [key: TExtraPluralKey]: string;
};

/** A language that translates part of the keys; i18next falls back to English for the rest. */
export type TPartialTranslation = TDeepPartial<TTranslation>;
