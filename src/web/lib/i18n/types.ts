import type { TTranslation } from './en.ts';

type TDeepPartial<T> = { [K in keyof T]?: T[K] extends object ? TDeepPartial<T[K]> : T[K] };

/** A language that translates part of the keys; i18next falls back to English for the rest. */
export type TPartialTranslation = TDeepPartial<TTranslation>;
