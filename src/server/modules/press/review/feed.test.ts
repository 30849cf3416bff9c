import { describe, expect, it } from 'vitest';
import { parseFeed } from './feed.ts';

describe('parseFeed', () => {
  it('reads RSS 2.0 items', () => {
    const feed = parseFeed({
      xml: `<?xml version="1.0"?><rss version="2.0"><channel><title>Italpress Esteri</title>
        <item><title>Italia e Kazakistan</title><link>https://www.italpress.com/a/</link>
        <pubDate>Wed, 10 Dec 2025 09:30:00 GMT</pubDate><description>Rapporti in ascesa</description></item>
        <item><title>Senza link</title></item>
        <item><title>Relativo</title><link>/b/</link></item></channel></rss>`,
      baseUrl: 'https://www.italpress.com/feed/',
    });
    expect(feed.title).toBe('Italpress Esteri');
    expect(feed.entries.map((e) => e.url)).toEqual([
      'https://www.italpress.com/a/',
      'https://www.italpress.com/b/',
    ]);
    expect(feed.entries[0]).toMatchObject({ title: 'Italia e Kazakistan', summary: 'Rapporti in ascesa' });
    expect(feed.entries[0]!.publishedAt?.slice(0, 10)).toBe('2025-12-10');
  });

  it('reads Atom entries and their alternate link', () => {
    const feed = parseFeed({
      xml: `<feed xmlns="http://www.w3.org/2005/Atom"><title>Astana Times</title>
        <entry><title>Diplomacy 2025</title><link rel="self" href="https://x.example/self"/>
        <link rel="alternate" href="https://astanatimes.com/diplomacy"/><updated>2026-01-03T09:00:00Z</updated></entry></feed>`,
    });
    expect(feed.title).toBe('Astana Times');
    expect(feed.entries).toEqual([
      expect.objectContaining({ url: 'https://astanatimes.com/diplomacy', title: 'Diplomacy 2025' }),
    ]);
  });

  it('refuses what is not a feed, and skips links that are not http', () => {
    expect(() => parseFeed({ xml: '<html><body><p>x</p></body></html>' })).toThrow(/not an RSS/);
    const feed = parseFeed({
      xml: '<rss><channel><item><link>javascript:alert(1)</link></item></channel></rss>',
    });
    expect(feed.entries).toEqual([]);
  });
});
