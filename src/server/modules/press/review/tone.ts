/**
 * Tone of a clipping (DESIGN.md §10) by a lexicon method, one small lexicon per language; the
 * method is described in docs/press-tone.md. A person can overrule the result (the
 * `tone_override` of a media item), and the person wins.
 */
import type { TMediaTone } from '../../../../shared/enums.ts';
import type { TMediaLanguage } from './language.ts';
import { stemWord } from './stem.ts';

export type TTone = TMediaTone;

/**
 * Words that lean positive or negative in reporting on bilateral relations, written as word
 * beginnings: a word counts when its stem starts with the entry's stem ("rafforz" counts
 * "rafforzare", "rafforzamento").
 */
const LEXICONS: Record<TMediaLanguage, { positive: string[]; negative: string[]; negations: string[] }> = {
  it: {
    positive: [
      'successo',
      'rafforzare',
      'rafforzamento',
      'crescita',
      'crescere',
      'ascesa',
      'amicizia',
      'cooperazione',
      'partenariato',
      'partnership',
      'sviluppo',
      'opportunità',
      'eccellenza',
      'storico',
      'positivo',
      'fiducia',
      'accordo',
      'intesa',
      'solido',
      'prospero',
      'apprezzamento',
      'celebrare',
      'innovazione',
      'dialogo',
      'progresso',
      'slancio',
    ],
    negative: [
      'crisi',
      'conflitto',
      'tensione',
      'sanzioni',
      'calo',
      'diminuzione',
      'fallimento',
      'critica',
      'preoccupazione',
      'rischio',
      'minaccia',
      'protesta',
      'corruzione',
      'scandalo',
      'guerra',
      'violazione',
      'ritardo',
      'problema',
      'negativo',
      'difficoltà',
      'annullare',
      'sospendere',
      'condanna',
    ],
    negations: ['non', 'senza', 'né', 'mai'],
  },
  en: {
    positive: [
      'success',
      'strengthen',
      'growth',
      'grow',
      'rise',
      'friendship',
      'cooperation',
      'partnership',
      'development',
      'opportunity',
      'excellence',
      'historic',
      'positive',
      'trust',
      'agreement',
      'solid',
      'prosperous',
      'appreciation',
      'celebrate',
      'innovation',
      'dialogue',
      'progress',
      'momentum',
      'boost',
    ],
    negative: [
      'crisis',
      'conflict',
      'tension',
      'sanction',
      'decline',
      'decrease',
      'failure',
      'criticism',
      'concern',
      'risk',
      'threat',
      'protest',
      'corruption',
      'scandal',
      'war',
      'violation',
      'delay',
      'problem',
      'negative',
      'difficulty',
      'cancel',
      'suspend',
      'condemn',
    ],
    negations: ['not', 'no', 'without', 'never', "n't"],
  },
  ru: {
    positive: [
      'успех',
      'укреплять',
      'укрепление',
      'рост',
      'расти',
      'дружба',
      'сотрудничество',
      'партнерство',
      'партнёрство',
      'развитие',
      'возможность',
      'исторический',
      'позитивный',
      'доверие',
      'соглашение',
      'прочный',
      'процветание',
      'инновация',
      'диалог',
      'прогресс',
    ],
    negative: [
      'кризис',
      'конфликт',
      'напряженность',
      'санкция',
      'снижение',
      'спад',
      'провал',
      'критика',
      'обеспокоенность',
      'риск',
      'угроза',
      'протест',
      'коррупция',
      'скандал',
      'война',
      'нарушение',
      'задержка',
      'проблема',
      'отмена',
      'приостановить',
    ],
    negations: ['не', 'нет', 'без', 'ни'],
  },
  kk: {
    positive: [
      'табыс',
      'нығайту',
      'өсу',
      'өсім',
      'достық',
      'ынтымақтастық',
      'серіктестік',
      'даму',
      'мүмкіндік',
      'тарихи',
      'сенім',
      'келісім',
      'берік',
      'өркендеу',
      'инновация',
      'диалог',
      'прогресс',
    ],
    negative: [
      'дағдарыс',
      'қақтығыс',
      'шиеленіс',
      'санкция',
      'төмендеу',
      'сәтсіздік',
      'алаңдаушылық',
      'қауіп',
      'наразылық',
      'сыбайлас',
      'жанжал',
      'соғыс',
      'бұзу',
      'кешігу',
      'мәселе',
    ],
    negations: ['емес', 'жоқ'],
  },
};

/** A share of leaning words this far from zero decides the tone. */
const THRESHOLD = 0.2;
/** A negation this many words before a leaning word reverses it. */
const NEGATION_WINDOW = 3;

export interface TToneResult {
  tone: TTone;
  /** (positive − negative) / (positive + negative + 1), from −1 to 1. */
  score: number;
  positive: number;
  negative: number;
}

const stemCache = new Map<string, string[]>();
function stems(lang: TMediaLanguage, words: string[]): string[] {
  const key = `${lang}:${words.join(',')}`;
  let result = stemCache.get(key);
  if (!result) {
    result = words.map((w) => stemWord(w, lang));
    stemCache.set(key, result);
  }
  return result;
}

/**
 * Scores the tone of a text with its language's lexicon.
 *
 * Each word whose stem starts with a positive entry's stem (equals it, for stems under four
 * letters) counts +1, a negative entry's −1;
 * a negation word up to three words before it reverses the sign. The score is
 * (positive − negative) / (positive + negative + 1): at 0.2 or more the tone is positive, at
 * −0.2 or less negative, neutral between (and for a text without language).
 *
 * @example scoreTone({ text: 'Rapporti in continua ascesa e forte crescita', lang: 'it' }).tone // 'positive'
 */
export function scoreTone({ text, lang }: { text: string; lang: TMediaLanguage | null }): TToneResult {
  if (!lang) return { tone: 'neutral', score: 0, positive: 0, negative: 0 };
  const lexicon = LEXICONS[lang];
  const positives = stems(lang, lexicon.positive);
  const negatives = stems(lang, lexicon.negative);
  const negations = new Set(lexicon.negations);
  const words = text.toLowerCase().match(/[\p{L}’']+/gu) ?? [];
  let positive = 0;
  let negative = 0;
  words.forEach((word, index) => {
    if (word.length < 3) return;
    const stem = stemWord(word, lang);
    const sign = positives.some((p) => leans(stem, p)) ? 1 : negatives.some((n) => leans(stem, n)) ? -1 : 0;
    if (sign === 0) return;
    const before = words.slice(Math.max(0, index - NEGATION_WINDOW), index);
    const isNegated = before.some((w) => negations.has(w) || w.endsWith("n't"));
    if (sign * (isNegated ? -1 : 1) > 0) positive++;
    else negative++;
  });
  const score = Math.round(((positive - negative) / (positive + negative + 1)) * 1000) / 1000;
  const tone: TTone = score >= THRESHOLD ? 'positive' : score <= -THRESHOLD ? 'negative' : 'neutral';
  return { tone, score, positive, negative };
}

/** A stem of four letters or more counts the words that start with it; a shorter one only itself. */
function leans(stem: string, entry: string): boolean {
  return stem === entry || (entry.length >= 4 && stem.startsWith(entry));
}

/** The tone that counts: a person's override wins over the computed one. */
export function effectiveTone(item: { tone: TTone | null; toneOverride: TTone | null }): TTone | null {
  return item.toneOverride ?? item.tone;
}
