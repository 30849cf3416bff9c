/**
 * Figures stated in a clipping (DESIGN.md §10): sums of money with their currency and scale
 * ("17 miliardi di dollari", "$17 billion", "1 миллиард долларов") and counts with what they
 * count ("29 accordi", "24 agreements").
 */
import type { TMediaLanguage } from './language.ts';

export interface TFigure {
  kind: 'money' | 'count';
  /** The number with its scale applied: "17 miliardi" → 17000000000. */
  value: number;
  /** ISO 4217 code, for money. */
  currency?: string;
  /** What is counted, as written ("agreements", "accordi"), for counts. */
  unit?: string;
  /** Character offsets of `raw` in the text (`end` exclusive). */
  start: number;
  end: number;
  raw: string;
}

/** Number formats: Italian 1.234,5 · English 1,234.5 · Russian/Kazakh 1 234,5. */
const NUMBER_PATTERNS: Record<TMediaLanguage, string> = {
  it: String.raw`\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?`,
  en: String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`,
  ru: String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?`,
  kk: String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?`,
};

/** Scale words, matched case-insensitively; longest spellings first. */
const SCALES: [RegExp, number][] = [
  [/^(?:trillions?|trilioni|trilione|триллион(?:ов|а)?|трлн\.?|tn)$/i, 1e12],
  [/^(?:billions?|miliardi|miliardo|mld\.?|mrd\.?|миллиард(?:ов|а)?|млрд\.?|bn|b)$/i, 1e9],
  [/^(?:millions?|milioni|milione|mln\.?|миллион(?:ов|а)?|млн\.?|mn|m)$/i, 1e6],
  [/^(?:thousands?|mila|mille|тысяч[аи]?|тыс\.?|мың|k)$/i, 1e3],
];
const SCALE_PATTERN = String.raw`trillions?|trilioni|trilione|триллион(?:ов|а)?|трлн\.?|billions?|miliardi|miliardo|mld\.?|mrd\.?|миллиард(?:ов|а)?|млрд\.?|millions?|milioni|milione|mln\.?|миллион(?:ов|а)?|млн\.?|thousands?|mila|mille|тысяч[аи]?|тыс\.?|мың`;
/** Abbreviations written right after the number ("$17bn", "$3m"): only with a currency symbol. */
const SHORT_SCALE_PATTERN = 'bn|tn|mn|m|b|k';

/** Currencies: symbols and codes, and words in the four languages. */
const CURRENCIES: [RegExp, string][] = [
  [/^(?:US\$|\$|USD|dollars?|dollari|dollaro|доллар(?:ов|а|ы)?|долл\.?)$/i, 'USD'],
  [/^(?:€|EUR|euros?|евро|еуро)$/i, 'EUR'],
  [/^(?:₸|KZT|tenge|тенге|теңге)$/i, 'KZT'],
  [/^(?:₽|RUB|r(?:o)?ubles?|rubli|rublo|рубл(?:ей|я|ь)|руб\.?)$/i, 'RUB'],
  [/^(?:£|GBP|sterline|sterlina|фунт(?:ов|а)? стерлингов)$/i, 'GBP'],
  [/^(?:CNY|yuan|юан(?:ей|я|ь)|renminbi)$/i, 'CNY'],
  [/^(?:CHF|franchi svizzeri|swiss francs?)$/i, 'CHF'],
];
const SYMBOL_PATTERN = String.raw`US\$|\$|€|£|₸|₽|USD|EUR|KZT|RUB|GBP|CNY|CHF`;
const CURRENCY_WORD_PATTERN = String.raw`US\$|\$|€|£|₸|₽|USD|EUR|KZT|RUB|GBP|CNY|CHF|dollars?|dollari|dollaro|доллар(?:ов|а|ы)?|долл\.?|euros?|евро|еуро|tenge|тенге|теңге|r(?:o)?ubles?|rubli|rublo|рубл(?:ей|я|ь)|руб\.?|sterline|sterlina|фунт(?:ов|а)? стерлингов|yuan|юан(?:ей|я|ь)|renminbi|franchi svizzeri|swiss francs?`;
/** Between scale and currency word: "miliardi di dollari", "billion of dollars", "mld. di euro". */
const LINK_PATTERN = String.raw`(?:(?:di|of|d['’])\s*)?`;

/** Words after a number that say it is not counting anything (articles, verbs, months, units). */
const NOT_UNITS = new Set(
  (
    'a an the and or of to in on at by for from with per is are was were has have had be will ' +
    'percent per-cent cent years-old am pm ' +
    'il lo la i gli le un una uno e o di da del della dei degli delle al alla ai agli alle nel nella nei ' +
    'negli nelle con su tra fra per che ha hanno è sono era erano sarà non più circa ' +
    'и или в во на с со по к из от до за для о об что как не это был была были будет года году год ' +
    'мен және да де бен пен жылы жыл ' +
    'january february march april may june july august september october november december ' +
    'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre ' +
    'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'
  ).split(' '),
);
/** Adjectives skipped to reach the counted noun: "15 nuovi accordi", "3 new agreements". */
const SKIPPED_ADJECTIVES = new Set(
  'new other more major key nuovi nuove nuovo nuova altri altre importanti principali новых новые других крупных жаңа'.split(
    ' ',
  ),
);

/**
 * Finds sums of money and counted things in a text.
 *
 * @param options.text - the clipping's text
 * @param options.lang - its language, which fixes the number format (1.234,5 / 1,234.5 / 1 234,5);
 *   null reads numbers the English way
 * @returns the figures in text order, without overlaps
 * @example
 * findFigures({ text: 'firmato 29 accordi per quasi 17 miliardi di dollari', lang: 'it' })
 * // [{ kind: 'count', value: 29, unit: 'accordi', … },
 * //  { kind: 'money', value: 17000000000, currency: 'USD', raw: '17 miliardi di dollari', … }]
 */
export function findFigures({ text, lang }: { text: string; lang: TMediaLanguage | null }): TFigure[] {
  const number = NUMBER_PATTERNS[lang ?? 'en'];
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}.,])` +
      String.raw`(?:(?<symbol>${SYMBOL_PATTERN})\s?)?` +
      String.raw`(?<number>${number})(?![.,]?\d)` +
      String.raw`(?:\s?(?<scale>${SCALE_PATTERN})(?![\p{L}])|(?<short>${SHORT_SCALE_PATTERN})(?![\p{L}]))?` +
      String.raw`(?:\s+${LINK_PATTERN}(?<currency>${CURRENCY_WORD_PATTERN})(?![\p{L}])|\s?(?<after>${SYMBOL_PATTERN})(?![\p{L}]))?`,
    'giu',
  );
  const figures: TFigure[] = [];
  for (const match of text.matchAll(pattern)) {
    const groups = match.groups ?? {};
    const start = match.index ?? 0;
    const base = parseNumber(groups.number!, lang);
    if (!Number.isFinite(base)) continue;
    const currencyToken = groups.symbol ?? groups.currency ?? groups.after;
    // "17m" without a currency is not a scale (could be metres)
    if (groups.short && !groups.symbol) continue;
    const scale = scaleOf(groups.scale ?? groups.short);
    const value = roundValue(base * scale);
    const raw = match[0];
    if (currencyToken) {
      const currency = currencyOf(currencyToken);
      if (currency) {
        figures.push({ kind: 'money', value, currency, start, end: start + raw.length, raw });
        continue;
      }
    }
    // "Badamsha 2 wind farm", "Expo 2017 site": a number after a name is part of the name
    if (followsName(text, start)) continue;
    const count = readCountedNoun(text, start + raw.length);
    if (count) {
      const end = count.end;
      figures.push({ kind: 'count', value, unit: count.unit, start, end, raw: text.slice(start, end) });
    }
  }
  return figures;
}

const NAME_BEFORE = /(?:^|([\s\S]))(\p{Lu}[\p{L}'’-]*)\s+$/u;

/** True when the number comes right after a capitalised word that does not open a sentence. */
function followsName(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  const match = NAME_BEFORE.exec(before);
  if (!match) return false;
  const head = before.slice(0, before.length - match[0].length + (match[1] ? 1 : 0)).trimEnd();
  return head !== '' && !/[.!?:;\n«“"(]$/.test(head);
}

function parseNumber(raw: string, lang: TMediaLanguage | null): number {
  const compact = raw.replace(/[ \u00a0\u202f]/g, '');
  if (lang === 'it') return Number(compact.replace(/\./g, '').replace(',', '.'));
  if (lang === 'ru' || lang === 'kk') return Number(compact.replace(',', '.'));
  return Number(compact.replace(/,/g, ''));
}

function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  return SCALES.find(([pattern]) => pattern.test(word))?.[1] ?? 1;
}

function currencyOf(token: string): string | null {
  const normalized = token.replace(/\s+/g, ' ');
  return CURRENCIES.find(([pattern]) => pattern.test(normalized))?.[1] ?? null;
}

/** Avoids 3.7 × 1e9 = 3700000000.0000005. */
function roundValue(value: number): number {
  return Number(value.toPrecision(12));
}

const WORD_AFTER = /^\s+(?:(?:di|of)\s+)?([\p{L}][\p{L}'’-]*)/u;

/** The noun after a number ("29 accordi", "15 nuovi accordi"), or null when none follows. */
function readCountedNoun(text: string, from: number): { unit: string; end: number } | null {
  let position = from;
  for (let step = 0; step < 2; step++) {
    const match = WORD_AFTER.exec(text.slice(position, position + 80));
    if (!match) return null;
    const word = match[1]!;
    const lower = word.toLowerCase();
    const end = position + match[0].length;
    if (SKIPPED_ADJECTIVES.has(lower) && step === 0) {
      position = end;
      continue;
    }
    if (word.length < 3 || NOT_UNITS.has(lower) || /^\p{Lu}/u.test(word)) return null;
    return { unit: word, end };
  }
  return null;
}
