/**
 * RSS 2.0 and Atom feeds, read with linkedom's XML parser: the channel's title and each item's
 * link, title, date and summary. Pure: the caller fetches the feed (safely).
 */
import { DOMParser } from 'linkedom';
import { normalizeDate } from './metadata.ts';

export interface TFeedEntry {
  title: string | null;
  url: string;
  publishedAt: string | null;
  summary: string | null;
}

export interface TParsedFeed {
  title: string | null;
  entries: TFeedEntry[];
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() || null;

/**
 * Parses an RSS or Atom document; entries without an http(s) link are skipped.
 * @param options.xml - the feed
 * @param options.baseUrl - the feed's URL, to resolve relative links
 * @throws Error when the document is neither RSS nor Atom
 * @example parseFeed({ xml }).entries[0].url // 'https://www.italpress.com/…'
 */
export function parseFeed({ xml, baseUrl }: { xml: string; baseUrl?: string }): TParsedFeed {
  const document = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
  const items = Array.from(document.querySelectorAll('item'));
  const atomEntries = Array.from(document.querySelectorAll('entry'));
  if (items.length === 0 && atomEntries.length === 0 && !document.querySelector('rss, feed, channel'))
    throw new Error('This is not an RSS or Atom feed.');
  const entries: TFeedEntry[] = [];
  const add = (title: string | null, link: string | null, date: string | null, summary: string | null) => {
    if (!link) return;
    let url: URL;
    try {
      url = new URL(link, baseUrl);
    } catch {
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    entries.push({ title, url: url.toString(), publishedAt: normalizeDate({ value: date }), summary });
  };
  for (const item of items) {
    const link = text(item.querySelector('link')) ?? text(item.querySelector('guid'));
    const date = text(item.querySelector('pubDate')) ?? text(item.getElementsByTagName('dc:date')[0]);
    add(text(item.querySelector('title')), link, date, text(item.querySelector('description')));
  }
  for (const entry of atomEntries) {
    const links = Array.from(entry.querySelectorAll('link'));
    const link = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
    const date = text(entry.querySelector('published')) ?? text(entry.querySelector('updated'));
    add(
      text(entry.querySelector('title')),
      link?.getAttribute('href') ?? null,
      date,
      text(entry.querySelector('summary')) ?? text(entry.querySelector('content')),
    );
  }
  const channelTitle = document.querySelector('channel > title, feed > title');
  return { title: text(channelTitle), entries };
}
