/**
 * `npm run bench:press` — the press-review extraction core against shared/media-dev, side by
 * side with plain Readability.js on linkedom; a benchmark, not a test. About a minute.
 *
 * 1. Article text: the shingle F1 of shared/media-dev/README.md (\w+ tokens, 4-token shingles
 *    as multisets, per-page P and R averaged, F1 of the averages) on the Readability test
 *    pages (expected.html → text) and on CLEANEVAL (GoldStandard without URL line and
 *    markers). "plain" is `new Readability(parseHTML(html).document).parse().textContent`.
 *    Two more rows show where the gain comes from: "plain, wrapped doc" runs Readability on
 *    parseDocument (fragments and pages without <body> wrapped, as CLEANEVAL's <text> pages
 *    need), "plain, block text" also serializes paragraph by paragraph.
 * 2. Pages per second over both sets: three rounds alternating between the extractors, the
 *    best round of each (the scoring pass before serves as warm-up).
 * 3. Title and date accuracy against each Readability page's expected-metadata.json (title:
 *    white space collapsed, case-insensitive; date: same calendar day, over pages that have one).
 * 4. Language accuracy per language on the sentence files, tinyld unrestricted as reference.
 * 5. A table and one line per goal: F1 ≥ plain + 0.01 on both sets, pages/s ≥ 0.8 × plain,
 *    language ≥ 99 % per language.
 *
 * MEDIA_DEV points at another copy of the sets (default ../shared/media-dev).
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { detect } from 'tinyld';
import {
  detectLanguage,
  extractArticle,
  MEDIA_LANGUAGES,
  normalizeDate,
  parseDocument,
  toBlockText,
} from '../src/server/modules/press/index.ts';
import { loadCleanevalPages, loadReadabilityPages, loadSentences, type TPage } from './press/datasets.ts';
import { averageScores, scorePage } from './press/shingles.ts';

const ROOT = process.env.MEDIA_DEV ?? join(import.meta.dirname, '..', '..', 'shared', 'media-dev');
const F1_MARGIN = 0.01;
const SPEED_RATIO_GOAL = 0.8;
const LANGUAGE_GOAL = 0.99;
const SPEED_ROUNDS = 3;

interface TPrediction {
  text: string;
  title: string | null;
  date: string | null;
}
type TExtractor = (page: TPage) => TPrediction;

const extractors: Record<string, TExtractor> = {
  plain: (page) => {
    const article = safeParse(page.html, (node) => node.textContent ?? '');
    return {
      text: article?.content ?? '',
      title: article?.title ?? null,
      date: article?.publishedTime ?? null,
    };
  },
  'plain, wrapped doc': (page) => {
    const article = safeParse(page.html, (node) => node.textContent ?? '', true);
    return {
      text: article?.content ?? '',
      title: article?.title ?? null,
      date: article?.publishedTime ?? null,
    };
  },
  'plain, block text': (page) => {
    const article = safeParse(page.html, (node) => toBlockText({ node }), true);
    return {
      text: article?.content ?? '',
      title: article?.title ?? null,
      date: article?.publishedTime ?? null,
    };
  },
  softpower: (page) => {
    const article = extractArticle({ html: page.html });
    return { text: article.text, title: article.title, date: article.publishedAt };
  },
};

function safeParse(html: string, serializer: (node: Node) => string, isWrapped = false) {
  try {
    const document = isWrapped ? parseDocument({ html }) : (parseHTML(html).document as unknown as Document);
    return new Readability<string>(document, { serializer }).parse();
  } catch {
    return null;
  }
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const fixed = (value: number, digits = 3) => value.toFixed(digits);
const verdict = (isMet: boolean) => (isMet ? 'met' : 'NOT met');
const sameTitle = (a: string | null, b: string | null) =>
  (a ?? '').replace(/\s+/g, ' ').trim().toLowerCase() === (b ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const dayOf = (value: string | null) => normalizeDate({ value })?.slice(0, 10) ?? null;

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows.slice(1)) console.log(line(row));
}

function main(): void {
  const readabilityPages = loadReadabilityPages({ root: ROOT });
  const cleanevalPages = loadCleanevalPages({ root: ROOT });
  const pages = [...readabilityPages, ...cleanevalPages];
  console.log(
    `press extraction: ${readabilityPages.length} Readability pages, ${cleanevalPages.length} CLEANEVAL pages`,
  );

  const results: Record<
    string,
    { f1: Record<string, ReturnType<typeof averageScores>>; pps: number; title: number; date: number }
  > = {};
  const datedPages = readabilityPages.filter((page) => page.goldDate);
  for (const [name, extract] of Object.entries(extractors)) {
    const predictions = new Map<TPage, TPrediction>();
    for (const page of pages) predictions.set(page, extract(page));
    const f1: Record<string, ReturnType<typeof averageScores>> = {};
    for (const [set, list] of [
      ['readability', readabilityPages],
      ['cleaneval', cleanevalPages],
    ] as const) {
      f1[set] = averageScores({
        scores: list.map((page) =>
          scorePage({ predicted: predictions.get(page)!.text, gold: page.goldText }),
        ),
      });
    }
    const titleHits = readabilityPages.filter((page) =>
      sameTitle(predictions.get(page)!.title, page.goldTitle),
    );
    const dateHits = datedPages.filter((page) => dayOf(predictions.get(page)!.date) === dayOf(page.goldDate));
    results[name] = {
      f1,
      pps: 0,
      title: titleHits.length / readabilityPages.length,
      date: datedPages.length ? dateHits.length / datedPages.length : 1,
    };
  }

  // speed: rounds alternate between the extractors (JIT and GC state would favour whichever
  // runs last), each extractor's best round counts
  for (let round = 0; round < SPEED_ROUNDS; round++) {
    for (const [name, extract] of Object.entries(extractors)) {
      const started = performance.now();
      for (const page of pages) extract(page);
      const pps = pages.length / ((performance.now() - started) / 1000);
      results[name]!.pps = Math.max(results[name]!.pps, pps);
    }
  }

  const header = ['extractor', 'Readability P/R/F1', 'CLEANEVAL P/R/F1', 'pages/s', 'title', 'date'];
  const rows = Object.entries(results).map(([name, r]) => [
    name,
    `${fixed(r.f1.readability!.precision)} / ${fixed(r.f1.readability!.recall)} / ${fixed(r.f1.readability!.f1)}`,
    `${fixed(r.f1.cleaneval!.precision)} / ${fixed(r.f1.cleaneval!.recall)} / ${fixed(r.f1.cleaneval!.f1)}`,
    r.pps.toFixed(1),
    pct(r.title),
    pct(r.date),
  ]);
  console.log('');
  printTable([header, ...rows]);
  console.log(`(date accuracy over the ${datedPages.length} Readability pages whose metadata has a date)`);

  console.log('');
  const languageRows = [['language', 'sentences', 'softpower', 'tinyld unrestricted']];
  const languageAccuracy: Record<string, number> = {};
  for (const lang of MEDIA_LANGUAGES) {
    const sentences = loadSentences({ root: ROOT, lang });
    const ours = sentences.filter((text) => detectLanguage({ text }) === lang).length / sentences.length;
    const reference = sentences.filter((text) => detect(text) === lang).length / sentences.length;
    languageAccuracy[lang] = ours;
    languageRows.push([lang, String(sentences.length), pct(ours), pct(reference)]);
  }
  printTable(languageRows);

  const ours = results.softpower!;
  const plain = results.plain!;
  console.log('');
  for (const set of ['readability', 'cleaneval'] as const) {
    const delta = ours.f1[set]!.f1 - plain.f1[set]!.f1;
    console.log(
      `goal ${set} F1 ≥ plain + ${F1_MARGIN}: ${fixed(ours.f1[set]!.f1)} vs ${fixed(plain.f1[set]!.f1)} (${delta >= 0 ? '+' : ''}${fixed(delta)}) — ${verdict(delta >= F1_MARGIN)}`,
    );
  }
  const ratio = ours.pps / plain.pps;
  console.log(
    `goal pages/s ≥ ${SPEED_RATIO_GOAL} × plain: ${fixed(ratio, 2)} × — ${verdict(ratio >= SPEED_RATIO_GOAL)}`,
  );
  for (const lang of MEDIA_LANGUAGES) {
    const accuracy = languageAccuracy[lang]!;
    console.log(
      `goal language ${lang} ≥ ${pct(LANGUAGE_GOAL)}: ${pct(accuracy)} — ${verdict(accuracy >= LANGUAGE_GOAL)}`,
    );
  }
}

main();
