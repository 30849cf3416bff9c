/**
 * Word stems for matching names across inflections: Snowball for Italian, English and Russian,
 * a small suffix stripper for Kazakh (Snowball has none). "Казахстана" and "Казахстан" share
 * the stem "казахста"; "Қазақстанның" and "Қазақстан" share "қазақстан".
 */
import { createRequire } from 'node:module';
import type { TMediaLanguage } from './language.ts';

interface TStemmer {
  stem(word: string): string;
}
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(name: string): TStemmer };

const stemmers = {
  it: snowball.newStemmer('italian'),
  en: snowball.newStemmer('english'),
  ru: snowball.newStemmer('russian'),
};

/**
 * Kazakh endings, longest first: case (genitive, dative, accusative, locative, ablative,
 * instrumental), plural and possessive. Vowel harmony and the consonant alternations give
 * each its variants.
 */
const KAZAKH_SUFFIXES = [
  'лардың',
  'лердің',
  'дардың',
  'дердің',
  'тардың',
  'тердің',
  'ларға',
  'лерге',
  'ларда',
  'лерде',
  'лардан',
  'лерден',
  'ның',
  'нің',
  'дың',
  'дің',
  'тың',
  'тің',
  'нан',
  'нен',
  'дан',
  'ден',
  'тан',
  'тен',
  'мен',
  'бен',
  'пен',
  'нда',
  'нде',
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'ға',
  'ге',
  'қа',
  'ке',
  'на',
  'не',
  'да',
  'де',
  'та',
  'те',
  'ны',
  'ні',
  'ды',
  'ді',
  'ты',
  'ті',
  'сы',
  'сі',
  'ы',
  'і',
  'а',
  'е',
  'н',
];
const KAZAKH_MIN_STEM = 4;

/**
 * Strips Kazakh inflectional endings (at most two, keeping at least four letters).
 * @example stemKazakh('қазақстанның') // 'қазақстан'
 */
export function stemKazakh(word: string): string {
  let stem = word;
  for (let round = 0; round < 2; round++) {
    const suffix = KAZAKH_SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= KAZAKH_MIN_STEM);
    if (!suffix) break;
    stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The stem of one word, lower-cased. The stemmer follows the word's script and the text's
 * language: Cyrillic words are Russian (or Kazakh in a Kazakh text), Latin words Italian in
 * an Italian text and English otherwise.
 * @example stemWord('Казахстана', 'ru') // 'казахста'
 */
export function stemWord(word: string, lang: TMediaLanguage | null): string {
  const lower = word.toLowerCase();
  if (CYRILLIC.test(lower)) return lang === 'kk' ? stemKazakh(lower) : stemmers.ru.stem(lower);
  return (lang === 'it' ? stemmers.it : stemmers.en).stem(lower);
}
