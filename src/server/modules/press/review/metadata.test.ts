import { describe, expect, it } from 'vitest';
import { parseDocument } from './html-document.ts';
import { normalizeDate, readPageMetadata } from './metadata.ts';

const read = (html: string) => readPageMetadata({ document: parseDocument({ html }) });

describe('readPageMetadata', () => {
  it('reads a NewsArticle inside @graph, with authors and publisher as arrays and objects', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Sito' },
        {
          '@type': ['NewsArticle'],
          headline: 'Titolo JSON-LD',
          datePublished: '2025-12-10T10:30:00+01:00',
          author: [{ '@type': 'Person', name: 'Anna Rossi' }, 'Luca Bianchi'],
          publisher: { '@type': 'Organization', name: 'Agenzia' },
          description: 'Sommario',
        },
      ],
    };
    const html = `<html lang="it"><head><meta property="og:title" content="OG"><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body></body></html>`;
    expect(read(html)).toEqual({
      title: 'Titolo JSON-LD',
      byline: 'Anna Rossi, Luca Bianchi',
      publishedAt: '2025-12-10T09:30:00.000Z',
      outlet: 'Agenzia',
      lang: 'it',
      excerpt: 'Sommario',
    });
  });

  it('falls back to OpenGraph, meta tags and <time datetime>', () => {
    const html =
      '<html><head><meta property="og:title" content="OG title"><meta property="og:site_name" content="The Site">' +
      '<meta name="author" content="A. Author"><meta property="og:locale" content="ru_RU"></head>' +
      '<body><article><time datetime="2024-06-25">25 June</time></article></body></html>';
    expect(read(html)).toMatchObject({
      title: 'OG title',
      outlet: 'The Site',
      byline: 'A. Author',
      publishedAt: '2024-06-25',
      lang: 'ru-RU',
    });
  });

  it('reads dates from meta names (dc.date, pubdate) and ignores broken JSON-LD', () => {
    const html =
      '<html><head><script type="application/ld+json">{"@type": "NewsArticle",</script>' +
      '<meta name="DC.date" content="2023-03-01"></head><body></body></html>';
    expect(read(html).publishedAt).toBe('2023-03-01');
  });
});

describe('normalizeDate', () => {
  it('reads ISO, named months in it/en/ru, and refuses nonsense', () => {
    expect(normalizeDate({ value: '2026-01-10' })).toBe('2026-01-10');
    expect(normalizeDate({ value: '2026-01-10T08:00:00+01:00' })).toBe('2026-01-10T07:00:00.000Z');
    expect(normalizeDate({ value: '10 Gennaio 2026' })).toBe('2026-01-10');
    expect(normalizeDate({ value: '10 января 2026 г.' })).toBe('2026-01-10');
    expect(normalizeDate({ value: 'January 10, 2026' })).toBe('2026-01-10');
    expect(normalizeDate({ value: 'yesterday' })).toBeNull();
    expect(normalizeDate({ value: '2026-13-45' })).toBeNull();
    expect(normalizeDate({ value: null })).toBeNull();
  });
});
