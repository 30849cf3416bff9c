import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract.ts';
import { findFigures } from './figures.ts';
import { MAX_HTML_BYTES } from './html-document.ts';
import { detectLanguage } from './language.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'press');
const readFixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('extractArticle on seed 002 (Italpress, page with sidebar, navigation, footer)', () => {
  const article = extractArticle({ html: readFixture('seed-002.html'), url: 'https://www.italpress.com/x/' });

  it('reads title, date, outlet, byline and declared language from the metadata', () => {
    expect(article.title).toBe('Ambasciatore Sembayev “Rapporti tra Italia e Kazakistan in continua ascesa”');
    expect(article.publishedAt).toBe('2025-12-10T09:30:00.000Z');
    expect(article.outlet).toBe('Italpress');
    expect(article.byline).toBe('Redazione');
    expect(article.lang).toBe('it-IT');
    expect(article.method).toBe('readability');
  });

  it("keeps the article's paragraphs, separated by blank lines", () => {
    expect(article.text.startsWith('ROMA (ITALPRESS) – I rapporti politici e diplomatici')).toBe(true);
    expect(article.text).toContain(
      'In 20 anni, per quanto riguarda questo settore di cooperazione, l’Italia ha investito quasi 8 miliardi di dollari nell’economia kazaka',
    );
    expect(article.text).toContain('ha dichiarato infine l’ambasciatore.');
    expect(article.text.split('\n\n').length).toBeGreaterThanOrEqual(8);
  });

  it('leaves out the sidebar headlines, the next articles, navigation, cookie banner and footer', () => {
    for (const boilerplate of [
      'Nel 2024 la spesa per le pensioni di invalidità pari a 34 miliardi di euro',
      'Alcaraz batte Sinner',
      'Potrebbero interessarti',
      'Terremoti, scossa 5.1',
      'Forte scossa di terremoto',
      'La stazione spaziale cinese',
      'Oggi in edicola',
      'Primo piano',
      'Crans-Montana',
      'utilizza cookie',
      'Politica',
      'P.IVA',
    ]) {
      expect(article.text).not.toContain(boilerplate);
    }
  });

  it('detects Italian in the text and finds the stated figures with their positions', () => {
    expect(detectLanguage({ text: article.text })).toBe('it');
    const money = findFigures({ text: article.text, lang: 'it' }).filter((f) => f.kind === 'money');
    expect(money).toHaveLength(1);
    expect(money[0]).toMatchObject({ value: 8_000_000_000, currency: 'USD', raw: '8 miliardi di dollari' });
    expect(article.text.slice(money[0]!.start, money[0]!.end)).toBe('8 miliardi di dollari');
  });
});

describe('extractArticle on seed 001 (The Astana Times, OpenGraph and <time> only)', () => {
  const article = extractArticle({ html: readFixture('seed-001.html') });

  it('reads the metadata without JSON-LD', () => {
    expect(article.title).toBe('La diplomazia del Kazakistan nel 2025: anno di ricalibrazione strategica');
    expect(article.outlet).toBe('The Astana Times');
    expect(article.byline).toBe('Aida Haidar');
    expect(article.publishedAt).toBe('2026-01-03T04:00:00.000Z');
    expect(article.lang).toBe('it');
  });

  it('keeps paragraphs and section headings, not the navigation or footer', () => {
    expect(article.text).toContain('Stati Uniti: prima il riconoscimento diplomatico e strategico');
    expect(article.text).toContain('Un punto di svolta, non un finale');
    expect(article.text).not.toContain('Chi siamo');
    expect(article.text).not.toContain('Opinioni');
  });

  it('finds "29 accordi per un valore di quasi 17 miliardi di dollari" with value, currency and offsets', () => {
    expect(detectLanguage({ text: article.text })).toBe('it');
    const figures = findFigures({ text: article.text, lang: 'it' });
    const agreements = figures.find((f) => f.raw === '29 accordi');
    const dollars = figures.find((f) => f.raw === '17 miliardi di dollari');
    expect(agreements).toMatchObject({ kind: 'count', value: 29, unit: 'accordi' });
    expect(dollars).toMatchObject({ kind: 'money', value: 17_000_000_000, currency: 'USD' });
    const sentence = 'hanno firmato 29 accordi per un valore di quasi 17 miliardi di dollari';
    const at = article.text.indexOf(sentence);
    expect(at).toBeGreaterThan(0);
    expect(agreements!.start).toBe(at + 'hanno firmato '.length);
    expect(article.text.slice(dollars!.start, dollars!.end)).toBe('17 miliardi di dollari');
    expect(figures.find((f) => f.raw === '24 accordi')).toMatchObject({ kind: 'count', value: 24 });
    expect(figures.find((f) => f.raw === '18 accordi')).toMatchObject({ kind: 'count', value: 18 });
    expect(figures.filter((f) => f.raw === '1 miliardo di dollari')).toHaveLength(2);
    expect(figures.find((f) => f.raw === '6 miliardi di dollari')).toMatchObject({ value: 6_000_000_000 });
  });
});

describe('extractArticle on hard input', () => {
  it('survives malformed HTML: unclosed tags, stray closers, broken JSON-LD', () => {
    const paragraph = 'Il Kazakistan e l’Italia hanno firmato nuovi accordi di cooperazione culturale.';
    const html =
      '<html><head><title>Rotto</title><script type="application/ld+json">{"@type": "NewsArticle", </script>' +
      `<body><div class="content"><p>${paragraph} <b>Forte<p>${paragraph} </td></span><p>${paragraph}</div></table>`;
    const article = extractArticle({ html });
    expect(article.title).toBe('Rotto');
    expect(article.text).toContain('nuovi accordi di cooperazione culturale');
    expect(article.publishedAt).toBeNull();
  });

  it('reads a fragment without <html> or <body>', () => {
    const paragraph =
      'Una lunga frase sul partenariato strategico tra i due Paesi, ripetuta per avere testo. ';
    const article = extractArticle({ html: `<p>${paragraph.repeat(4)}</p><p>${paragraph.repeat(3)}</p>` });
    expect(article.text).toContain('partenariato strategico');
    expect(article.text.split('\n\n')).toHaveLength(2);
  });

  it('returns empty text for an empty page, through the fallback, without throwing', () => {
    for (const html of ['', '<html></html>', '<html><body>   </body></html>']) {
      const article = extractArticle({ html, url: 'https://www.example.org/a' });
      expect(article).toMatchObject({ text: '', method: 'fallback', title: null, outlet: 'example.org' });
    }
  });

  it('falls back to the densest block when Readability finds no article', () => {
    const text =
      'Testo principale della notizia senza paragrafi, con abbastanza parole per essere il blocco più denso.';
    const html = `<html><body><nav><a href="/">Home</a> <a href="/b">Sport</a></nav><div><span>${text}</span></div></body></html>`;
    const article = extractArticle({ html });
    expect(article.method).toBe('fallback');
    expect(article.text).toBe(text);
  });

  it('drops a menu and an in-article list of related headlines that Readability keeps', () => {
    const text = 'Testo principale della notizia, con abbastanza parole per essere scelto da Readability.';
    const related = [
      'Il ministro incontra gli imprenditori a Milano',
      'Nuovo volo diretto tra Roma e Astana',
      'La Borsa chiude in rialzo oggi',
    ];
    const html =
      `<html><body><div class="menu"><a href="/">Home</a> <a href="/b">Sport</a></div>` +
      `<div class="story"><p>${text} ${text}</p><h3>Leggi anche</h3><ul>${related.map((r, i) => `<li><a href="/${i}">${r}</a></li>`).join('')}</ul>` +
      `<p>${text}</p><ul><li><a href="/a">BBEdit</a></li><li><a href="/b">Transmit</a></li><li><a href="/c">Acorn</a></li></ul></div></body></html>`;
    const article = extractArticle({ html });
    expect(article.method).toBe('readability');
    expect(article.text).toContain('Testo principale della notizia');
    for (const boilerplate of ['Home', 'Sport', ...related]) expect(article.text).not.toContain(boilerplate);
    // short link lists (names, not headlines) are content
    expect(article.text).toContain('BBEdit');
  });

  it('refuses input over 5 MB with a clear error', () => {
    const html = `<html><body><p>${'x'.repeat(MAX_HTML_BYTES)}</p></body></html>`;
    expect(() => extractArticle({ html })).toThrow(/too large.*5 MB/);
    // multi-byte characters count as their UTF-8 size
    const cyrillic = `<p>${'ж'.repeat(MAX_HTML_BYTES / 2 + 10)}</p>`;
    expect(() => extractArticle({ html: cyrillic })).toThrow(/too large/);
  });
});
