/**
 * Article metadata read from the page's own declarations: JSON-LD, OpenGraph, `<meta>`
 * tags, `<time datetime>` and `<html lang>`. Structured data is what the publisher states,
 * so it is preferred over anything guessed from the layout.
 */

export interface TPageMetadata {
  title: string | null;
  byline: string | null;
  /** ISO 8601: `YYYY-MM-DD` when the source gives only a day, else a UTC date-time. */
  publishedAt: string | null;
  outlet: string | null;
  lang: string | null;
  excerpt: string | null;
}

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'blogposting',
  'socialmediaposting',
  'liveblogposting',
  'report',
  'scholarlyarticle',
  'techarticle',
]);

type TJson = Record<string, unknown>;

const DATE_META_NAMES = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'dc.date',
  'dc.date.issued',
  'dc.date.created',
  'dcterms.created',
  'dcterms.issued',
  'dcterms.date',
  'citation_publication_date',
  'citation_date',
  'sailthru.date',
  'parsely-pub-date',
  'article.published',
  'originalpublicationdate',
];

/**
 * Reads the metadata a page declares about itself.
 *
 * @param options.document - the parsed page (read before Readability mutates it)
 * @returns each field, or null when the page does not declare it
 */
export function readPageMetadata({ document }: { document: Document }): TPageMetadata {
  const metas = collectMetas(document);
  const article = findJsonLdArticle(document);
  const meta = (...names: string[]) => {
    for (const name of names) {
      const value = metas.get(name);
      if (value) return value;
    }
    return null;
  };

  const jsonLdDate = article ? normalizeDate({ value: asString(article.datePublished) }) : null;
  let publishedAt = jsonLdDate;
  for (const name of DATE_META_NAMES) {
    if (publishedAt) break;
    publishedAt = normalizeDate({ value: metas.get(name) ?? null });
  }
  if (!publishedAt) publishedAt = readTimeElement(document);

  const publisher = article?.publisher as TJson | TJson[] | string | undefined;
  const lang =
    clean(document.documentElement?.getAttribute('lang')) ??
    clean(document.documentElement?.getAttribute('xml:lang')) ??
    meta('content-language', 'dc.language', 'language') ??
    localeToLang(meta('og:locale'));

  return {
    title: clean(asString(article?.headline)) ?? meta('og:title', 'twitter:title', 'dc.title'),
    byline:
      namesOf(article?.author) ?? meta('author', 'article:author', 'dc.creator', 'byl', 'parsely-author'),
    publishedAt,
    outlet:
      namesOf(publisher) ??
      meta('og:site_name', 'application-name', 'publisher') ??
      findWebSiteName(document),
    lang,
    excerpt:
      clean(asString(article?.description)) ??
      meta('og:description', 'description', 'twitter:description', 'dc.description'),
  };
}

function collectMetas(document: Document): Map<string, string> {
  const metas = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = clean(el.getAttribute('content'));
    if (!content) continue;
    const keys = [el.getAttribute('property'), el.getAttribute('name'), el.getAttribute('itemprop')];
    const httpEquiv = el.getAttribute('http-equiv');
    if (httpEquiv) keys.push(httpEquiv);
    for (const key of keys) {
      // a "property" attribute may hold several space-separated properties
      for (const name of (key ?? '').toLowerCase().split(/\s+/)) {
        if (name && !metas.has(name)) metas.set(name, content);
      }
    }
  }
  return metas;
}

function readJsonLdNodes(document: Document): TJson[] {
  const nodes: TJson[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value && typeof value === 'object') {
      const node = value as TJson;
      nodes.push(node);
      if (node['@graph']) visit(node['@graph']);
      if (node.mainEntity && typeof node.mainEntity === 'object') visit(node.mainEntity);
    }
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      // CDATA wrappers and trailing semicolons are common in the wild
      const source = (script.textContent ?? '')
        .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
        .replace(/;\s*$/, '');
      visit(JSON.parse(source));
    } catch {
      // malformed JSON-LD is ignored; the other sources still apply
    }
  }
  return nodes;
}

function typesOf(node: TJson): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase());
}

function findJsonLdArticle(document: Document): TJson | null {
  const nodes = readJsonLdNodes(document);
  return nodes.find((node) => typesOf(node).some((t) => ARTICLE_TYPES.has(t))) ?? null;
}

function findWebSiteName(document: Document): string | null {
  const site = readJsonLdNodes(document).find((node) => typesOf(node).includes('website'));
  return site ? clean(asString(site.name)) : null;
}

function namesOf(value: unknown): string | null {
  const list = Array.isArray(value) ? value : [value];
  const names = list
    .map((item) => (typeof item === 'string' ? item : asString((item as TJson | null)?.name)))
    .map(clean)
    .filter((name): name is string => name !== null && !/^https?:\/\//.test(name));
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

function readTimeElement(document: Document): string | null {
  const scopes = [document.querySelector('article'), document.querySelector('main'), document.body];
  for (const scope of scopes) {
    const time = scope?.querySelector('time[datetime]');
    const date = normalizeDate({ value: time?.getAttribute('datetime') ?? null });
    if (date) return date;
  }
  return null;
}

function localeToLang(locale: string | null): string | null {
  return locale ? locale.replace('_', '-') : null;
}

function asString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return null;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  ['january', 'gennaio', 'января', 'январь'],
  ['february', 'febbraio', 'февраля', 'февраль'],
  ['march', 'marzo', 'марта', 'март'],
  ['april', 'aprile', 'апреля', 'апрель'],
  ['may', 'maggio', 'мая', 'май'],
  ['june', 'giugno', 'июня', 'июнь'],
  ['july', 'luglio', 'июля', 'июль'],
  ['august', 'agosto', 'августа', 'август'],
  ['september', 'settembre', 'сентября', 'сентябрь'],
  ['october', 'ottobre', 'октября', 'октябрь'],
  ['november', 'novembre', 'ноября', 'ноябрь'],
  ['december', 'dicembre', 'декабря', 'декабрь'],
];
MONTH_NAMES.forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Normalizes a published date to ISO 8601: `YYYY-MM-DD` for a bare day, a UTC date-time
 * otherwise. Accepts ISO forms, RFC 2822 and "10 gennaio 2026" / "10 января 2026" /
 * "January 10, 2026".
 *
 * @param options.value - the date as the page writes it
 * @returns the ISO string, or null when it is not a plausible date
 * @example
 * normalizeDate({ value: '2026-01-10T08:00:00+01:00' }) // '2026-01-10T07:00:00.000Z'
 */
export function normalizeDate({ value }: { value: string | null }): string | null {
  const text = value?.trim();
  if (!text) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (day) return validDay(Number(day[1]), Number(day[2]), Number(day[3]));
  if (/^\d{4}-\d{2}-\d{2}[T ]\d/.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T'));
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  const named = /(\d{1,2})\.?\s+([\p{L}]+),?\s+(\d{4})/u.exec(text);
  const namedMonth = named ? MONTHS[named[2]!.toLowerCase()] : undefined;
  if (named && namedMonth) return validDay(Number(named[3]), namedMonth, Number(named[1]));
  const english = /([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})/u.exec(text);
  const englishMonth = english ? MONTHS[english[1]!.toLowerCase()] : undefined;
  if (english && englishMonth) return validDay(Number(english[3]), englishMonth, Number(english[2]));
  const ms = Date.parse(text);
  if (Number.isFinite(ms) && /\d{4}/.test(text)) {
    const year = new Date(ms).getUTCFullYear();
    if (year >= 1900 && year <= 2100) return new Date(ms).toISOString();
  }
  return null;
}

function validDay(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}
