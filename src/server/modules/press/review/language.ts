/**
 * Language of a clipping, among the four the press review covers (DESIGN.md §10).
 */
import { detect } from 'tinyld';

import type { TMediaLanguage } from '../../../../shared/enums.ts';

export { MEDIA_LANGUAGES, type TMediaLanguage } from '../../../../shared/enums.ts';

/** Letters of the Kazakh Cyrillic alphabet that Russian does not have. */
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
/** Latin i typed for Kazakh і inside a Cyrillic word (a common keyboard substitute). */
const KAZAKH_LATIN_I = /\p{Script=Cyrillic}[iI]|[iI]\p{Script=Cyrillic}/u;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * Detects whether a text is Italian, English, Russian or Kazakh.
 *
 * Cyrillic text is Kazakh when it uses a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і), else
 * Russian; Latin text goes to tinyld restricted to Italian and English.
 *
 * @param options.text - the text (a sentence or more)
 * @returns the language, or null when the text has no letters of either script
 * @example
 * detectLanguage({ text: 'Қазақстан мен Италия' }) // 'kk'
 */
export function detectLanguage({ text }: { text: string }): TMediaLanguage | null {
  const cyrillic = text.match(CYRILLIC)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (cyrillic === 0 && latin === 0) return null;
  if (cyrillic >= latin) {
    return KAZAKH_LETTERS.test(text) || KAZAKH_LATIN_I.test(text) ? 'kk' : 'ru';
  }
  const detected = detect(text, { only: ['it', 'en'] });
  return detected === 'it' || detected === 'en' ? detected : null;
}
