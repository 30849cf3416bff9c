/**
 * Entities mentioned in a clipping (DESIGN.md §10): the mission's own organisations, people,
 * initiatives and places, and countries, found across inflections by comparing word stems.
 */

import type { TMediaEntityKind } from '../../../../shared/enums.ts';
import type { TMediaLanguage } from './language.ts';
import { stemWord } from './stem.ts';

export type TEntityKind = TMediaEntityKind;

/** Something to look for: a name and its other spellings. */
export interface TEntityCandidate {
  kind: TEntityKind;
  /** The record's id (organisation, person, initiative), the ISO code of a country, the place's name. */
  ref: string;
  name: string;
  aliases?: readonly string[];
}

export interface TEntityMention {
  start: number;
  end: number;
  /** The words as written in the text. */
  text: string;
}

export interface TEntityMatch {
  kind: TEntityKind;
  ref: string;
  name: string;
  /** Every place the entity is named, in text order. */
  mentions: TEntityMention[];
}

interface TToken {
  word: string;
  stem: string;
  start: number;
  end: number;
}

/** Words; an apostrophe separates ("all’Astana", "d'Italia"), a hyphen joins ("Kassym-Jomart"). */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
/** A name stem this long may match a longer stem that starts with it ("ital" in "italian"). */
const MIN_PREFIX_STEM = 4;
/** …as long as the longer stem adds at most this many letters. */
const MAX_PREFIX_EXTRA = 4;
/** Stems of these one-word names are too common to mean the entity. */
const MIN_SINGLE_WORD_STEM = 3;

function tokenize(text: string, lang: TMediaLanguage | null): TToken[] {
  const tokens: TToken[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index ?? 0;
    tokens.push({ word: match[0], stem: stemWord(match[0], lang), start, end: start + match[0].length });
  }
  return tokens;
}

function stemsMatch(nameStem: string, textStem: string): boolean {
  if (nameStem === textStem) return true;
  return (
    nameStem.length >= MIN_PREFIX_STEM &&
    textStem.startsWith(nameStem) &&
    textStem.length - nameStem.length <= MAX_PREFIX_EXTRA
  );
}

/**
 * Finds the candidates named in a text, by stems: each name or alias is split into words,
 * stemmed the way the text is, and matched as a sequence of consecutive words. A name's stem
 * of four letters or more also matches a slightly longer stem that starts with it, so
 * "Italia" is found in "italiani" and "Kazakistan" in "kazakistano". Overlapping matches keep
 * the longest ("Banca d'Italia" over "Italia").
 *
 * @param options.text - the clipping's text
 * @param options.lang - its language (chooses the stemmer)
 * @param options.candidates - what to look for
 * @returns one match per candidate found, with every mention's offsets (`end` exclusive)
 * @example
 * findEntities({ text: 'Visita in Kazakhstan', lang: 'it',
 *   candidates: [{ kind: 'country', ref: 'KZ', name: 'Kazakhstan', aliases: ['Kazakistan'] }] })
 * // [{ kind: 'country', ref: 'KZ', name: 'Kazakhstan', mentions: [{ start: 10, end: 20, text: 'Kazakhstan' }] }]
 */
export function findEntities({
  text,
  lang,
  candidates,
}: {
  text: string;
  lang: TMediaLanguage | null;
  candidates: readonly TEntityCandidate[];
}): TEntityMatch[] {
  const tokens = tokenize(text, lang);
  interface THit {
    candidate: number;
    from: number;
    to: number; // token indices, exclusive
  }
  const hits: THit[] = [];
  candidates.forEach((candidate, index) => {
    const names = [candidate.name, ...(candidate.aliases ?? [])];
    for (const name of names) {
      const nameStems = tokenize(name, lang).map((t) => t.stem);
      if (nameStems.length === 0) continue;
      if (nameStems.length === 1 && nameStems[0]!.length < MIN_SINGLE_WORD_STEM) continue;
      for (let i = 0; i + nameStems.length <= tokens.length; i++) {
        let isMatch = true;
        for (let k = 0; k < nameStems.length; k++) {
          if (!stemsMatch(nameStems[k]!, tokens[i + k]!.stem)) {
            isMatch = false;
            break;
          }
        }
        if (isMatch) hits.push({ candidate: index, from: i, to: i + nameStems.length });
      }
    }
  });
  // longest first, then earliest; a hit overlapping a kept one is dropped
  hits.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken = new Set<number>();
  const kept: THit[] = [];
  for (const hit of hits) {
    let isFree = true;
    for (let i = hit.from; i < hit.to; i++) if (taken.has(i)) isFree = false;
    if (!isFree) continue;
    for (let i = hit.from; i < hit.to; i++) taken.add(i);
    kept.push(hit);
  }
  kept.sort((a, b) => a.from - b.from);
  const matches = new Map<number, TEntityMatch>();
  for (const hit of kept) {
    const candidate = candidates[hit.candidate]!;
    const start = tokens[hit.from]!.start;
    const end = tokens[hit.to - 1]!.end;
    let match = matches.get(hit.candidate);
    if (!match) {
      match = { kind: candidate.kind, ref: candidate.ref, name: candidate.name, mentions: [] };
      matches.set(hit.candidate, match);
    }
    match.mentions.push({ start, end, text: text.slice(start, end) });
  }
  return [...matches.values()];
}

/**
 * Countries the press review recognises by itself, with their names in Italian, English,
 * Russian and Kazakh (and the adjective where it names the country in headlines).
 */
export const COUNTRIES: readonly TEntityCandidate[] = [
  country('IT', 'Italy', ['Italia', 'Италия']),
  country('KZ', 'Kazakhstan', ['Kazakistan', 'Kazakhstan', 'Казахстан', 'Қазақстан', 'RK', 'РК']),
  country('US', 'United States', ['USA', 'Stati Uniti', 'США', 'АҚШ', 'America', 'Соединённые Штаты']),
  country('CN', 'China', ['Cina', 'Китай', 'Қытай']),
  country('RU', 'Russia', ['Россия', 'Ресей', 'Russian Federation', 'Federazione Russa']),
  country('TR', 'Turkey', ['Türkiye', 'Turchia', 'Турция', 'Түркия']),
  country('AZ', 'Azerbaijan', ['Azerbaigian', 'Азербайджан', 'Әзірбайжан']),
  country('EU', 'European Union', [
    'EU',
    'UE',
    'Unione Europea',
    'Евросоюз',
    'Европейский союз',
    'ЕС',
    'Еуроодақ',
  ]),
  country('DE', 'Germany', ['Germania', 'Германия']),
  country('FR', 'France', ['Francia', 'Франция']),
  country('GB', 'United Kingdom', ['UK', 'Regno Unito', 'Britain', 'Великобритания', 'Ұлыбритания']),
  country('UZ', 'Uzbekistan', ['Uzbekistan', 'Узбекистан', 'Өзбекстан']),
  country('KG', 'Kyrgyzstan', ['Kirghizistan', 'Кыргызстан', 'Киргизия', 'Қырғызстан']),
  country('JP', 'Japan', ['Giappone', 'Япония', 'Жапония']),
  country('KR', 'South Korea', ['Corea del Sud', 'Южная Корея', 'Оңтүстік Корея']),
  country('IN', 'India', ['Индия', 'Үндістан']),
  country('AE', 'United Arab Emirates', ['UAE', 'Emirati Arabi Uniti', 'ОАЭ', 'БАӘ']),
];

function country(code: string, name: string, aliases: string[]): TEntityCandidate {
  return { kind: 'country', ref: code, name, aliases: [...new Set(aliases)] };
}
