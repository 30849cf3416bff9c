/**
 * Main-text and metadata extraction for press clippings (DESIGN.md §10): the article's text
 * without page boilerplate, plus title, byline, date, outlet and declared language.
 */
import { Readability } from '@mozilla/readability';
import { MAX_HTML_BYTES, parseDocument, toBlockText } from './html-document.ts';
import { normalizeDate, readPageMetadata } from './metadata.ts';

export interface TExtractedArticle {
  title: string | null;
  byline: string | null;
  /** ISO 8601 (`YYYY-MM-DD`, or a UTC date-time when the page gives the time). */
  publishedAt: string | null;
  /** The outlet (site name) that published the article. */
  outlet: string | null;
  /** The language the page declares (`<html lang>`, meta), as written; null when undeclared. */
  lang: string | null;
  /** The main text, paragraphs separated by a blank line. */
  text: string;
  excerpt: string | null;
  /** `readability` when Mozilla Readability found the article, `fallback` for the densest block. */
  method: 'readability' | 'fallback';
}

/** Below this many characters a Readability result is treated as a miss. */
const MIN_ARTICLE_CHARS = 140;

/** Containers that are page furniture, never the article (class/id/role). */
const BOILERPLATE =
  /(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|sidebar|side-bar|related|popular|trending|more-news|most-read|read-more|recommended|share|sharing|social|cookies?|consent|gdpr|newsletter|subscribe|banner|advert|ads?|promo|footer|header|masthead|comments?|widget|tags?|pagination|pager)([\s_-]|$)/i;
/** Class/id of menus, acted on only when mostly links. */
const MENU = /(^|[\s_-])(menu|navbar|navigation|nav|breadcrumbs?)([\s_-]|$)/i;
/** Class/id of cookie and consent banners. */
const CHROME = /(^|[\s_-])(cookies?|cookie-?(notice|banner|consent|law|bar)|consent|gdpr|cmp)([\s_-]|$)/i;
const BOILERPLATE_TAGS =
  'nav, aside, footer, header, form, script, style, noscript, template, iframe, svg, button';

/**
 * Extracts the main article from an HTML page.
 *
 * Runs Mozilla Readability on a linkedom DOM, then drops the furniture it kept (menus, cookie
 * banners, lists of related headlines). Date, byline, outlet, language and excerpt come from
 * the page's JSON-LD, OpenGraph, meta tags and `<time>` first, Readability's guesses second;
 * the title is Readability's (it reads JSON-LD and meta titles first) without the outlet's
 * suffix. When Readability finds under 140 characters, the densest block of paragraph text
 * (text minus link text, furniture removed) is taken instead.
 *
 * @param options.html - the page's HTML (decoded text)
 * @param options.url - where the page came from; used for the outlet when the page names none
 * @returns the article; `text` is empty when the page has no readable text
 * @throws Error when `html` is larger than 5 MB
 * @example
 * const article = extractArticle({ html, url: 'https://www.italpress.com/…' });
 * article.title; // 'Ambasciatore Sembayev …'
 */
export function extractArticle({ html, url }: { html: string; url?: string }): TExtractedArticle {
  assertSize(html);
  const document = parseDocument({ html });
  const metadata = readPageMetadata({ document });
  const documentTitle = document.title?.trim() || null;

  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    article = new Readability<Node>(document, { serializer: (node) => node, keepClasses: true }).parse();
  } catch {
    // Readability throws on some pathological trees; the fallback below still applies
    article = null;
  }
  let text = article?.content ? cleanText(toBlockText({ node: removeLeftovers(article.content) })) : '';
  let method: TExtractedArticle['method'] = 'readability';
  if (text.length < MIN_ARTICLE_CHARS) {
    const fallback = extractDensestBlock({ html });
    if (fallback.length >= text.length) {
      text = fallback;
      method = 'fallback';
    }
  }

  const outlet = metadata.outlet ?? clean(article?.siteName) ?? hostnameOf(url);
  return {
    // Readability's title already prefers JSON-LD and meta titles, and picks between JSON-LD
    // name and headline by the <title>; the outlet's suffix ("… | Outlet") is removed
    title: stripOutlet(clean(article?.title) ?? metadata.title ?? documentTitle, outlet),
    byline: metadata.byline ?? clean(article?.byline),
    publishedAt: metadata.publishedAt ?? normalizeDate({ value: article?.publishedTime ?? null }),
    outlet,
    lang: metadata.lang ?? clean(article?.lang),
    text,
    excerpt: metadata.excerpt ?? shorten(text.split('\n\n')[0] ?? null),
    method,
  };
}

function assertSize(html: string): void {
  // a string's UTF-8 size is at least its length and at most three times it
  if (
    html.length > MAX_HTML_BYTES ||
    (html.length * 3 > MAX_HTML_BYTES && byteLength(html) > MAX_HTML_BYTES)
  ) {
    throw new Error(`HTML too large: the press review accepts at most ${MAX_HTML_BYTES / 1024 / 1024} MB`);
  }
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * The fallback: the element whose paragraphs carry the most text that is not link text.
 * Each paragraph's score goes to its parent in full and to its grandparent in half, so a
 * container of many paragraphs wins over any single one of them.
 */
function extractDensestBlock({ html }: { html: string }): string {
  const document = parseDocument({ html });
  const body = document.body;
  if (!body) return '';
  removeBoilerplate(body);
  const scores = new Map<Element, number>();
  const add = (el: Element | null, score: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  let blocks = Array.from(body.querySelectorAll('p, pre, blockquote, li, h2, h3, td'));
  if (blocks.length === 0) blocks = Array.from(body.querySelectorAll('div, span')).concat(body);
  for (const block of blocks) {
    const score = ownTextLength(block) - linkTextLength(block);
    if (score <= 0) continue;
    add(block.parentElement, score);
    add(block.parentElement?.parentElement ?? null, score / 2);
  }
  let best: Element = body;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return cleanText(toBlockText({ node: best }));
}

function ownTextLength(el: Element): number {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
}

function linkTextLength(el: Element): number {
  let total = 0;
  for (const link of Array.from(el.querySelectorAll('a'))) total += ownTextLength(link);
  return total;
}

function removeBoilerplate(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(BOILERPLATE_TAGS))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[class], [id], [role]'))) {
    const role = el.getAttribute('role') ?? '';
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (/^(navigation|banner|contentinfo|complementary|search|menu|dialog|alertdialog)$/.test(role))
      el.remove();
    else if (BOILERPLATE.test(label) && el.tagName !== 'BODY' && el.tagName !== 'ARTICLE') el.remove();
  }
}

/**
 * After Readability: drops the page furniture it kept — on short pages it keeps the whole
 * body. Navigation and menus (when mostly links), cookie and consent banners, dialogs, and
 * lists of headlines (three or more items of four words or more on average, nearly every
 * one nothing but a link). Lists whose
 * items merely contain links (changelogs, references) stay. Cleaning before Readability
 * instead would shift its scoring, which is fragile.
 */
function removeLeftovers(content: Node): Node {
  const root = content as Element;
  if (typeof root.querySelectorAll !== 'function') return content;
  for (const el of Array.from(root.querySelectorAll('[role="dialog"], [aria-modal="true"]'))) el.remove();
  for (const el of Array.from(root.querySelectorAll('nav, [role="navigation"], [class], [id]'))) {
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CHROME.test(label)) el.remove();
    else if (el.tagName === 'NAV' || el.getAttribute('role') === 'navigation' || MENU.test(label)) {
      const length = ownTextLength(el);
      if (length === 0 || linkTextLength(el) / length > 0.5) el.remove();
    }
  }
  for (const list of Array.from(root.querySelectorAll('ul, ol'))) {
    const items = Array.from(list.children).filter((item) => item.tagName === 'LI');
    if (items.length < 3) continue;
    const linkOnly = items.filter((item) => {
      const length = ownTextLength(item);
      return length === 0 || linkTextLength(item) / length > 0.9;
    });
    const words = items.reduce(
      (sum, item) => sum + (item.textContent ?? '').split(/\s+/).filter(Boolean).length,
      0,
    );
    // headlines run to several words; one- or two-word links are a list of names (apps, tags)
    if (linkOnly.length / items.length >= 0.9 && words / items.length >= 4) list.remove();
  }
  return content;
}

function cleanText(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** "Title | Outlet" → "Title", when the suffix (or prefix) is the outlet. */
function stripOutlet(title: string | null, outlet: string | null): string | null {
  if (!title || !outlet) return title;
  const escaped = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title
    .replace(new RegExp(`\\s+[|\\-–—:·]\\s+${escaped}\\s*$`, 'i'), '')
    .replace(new RegExp(`^${escaped}\\s+[|\\-–—:·]\\s+`, 'i'), '')
    .trim();
  return stripped || title;
}

function hostnameOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function shorten(text: string | null): string | null {
  if (!text) return null;
  return text.length > 300 ? `${text.slice(0, 299).trimEnd()}…` : text;
}
