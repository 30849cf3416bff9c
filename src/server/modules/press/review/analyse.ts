/**
 * The one pipeline from a page or a text to a clipping's content (DESIGN.md §10): extraction,
 * language, entities, figures and tone. Ingestion stores its result; `softpower press
 * extract` prints it. Pure: no database, no network.
 */
import { createHash } from 'node:crypto';
import { COUNTRIES, findEntities, type TEntityCandidate, type TEntityMatch } from './entities.ts';
import { extractArticle } from './extract.ts';
import { findFigures, type TFigure } from './figures.ts';
import { detectLanguage, MEDIA_LANGUAGES, type TMediaLanguage } from './language.ts';
import { scoreTone, type TTone } from './tone.ts';

export interface TClippingInput {
  /** A page's HTML; or */
  html?: string;
  /** plain text (pasted, or a .txt file): the first line is the title when it is short. */
  text?: string;
  /** Where it came from (the final URL after redirects). */
  url?: string;
  /** A title given by the person, over the page's. */
  title?: string;
}

export interface TClippingAnalysis {
  title: string | null;
  author: string | null;
  /** ISO 8601 date or date-time. */
  publishedAt: string | null;
  outlet: string | null;
  language: TMediaLanguage | null;
  text: string;
  excerpt: string | null;
  /** The page's canonical URL (or `url`), normalised; null for text without a URL. */
  canonicalUrl: string | null;
  entities: TEntityMatch[];
  figures: TFigure[];
  tone: TTone;
  toneScore: number;
  /** How the text was found: Readability, the fallback, or as given. */
  method: 'readability' | 'fallback' | 'text';
}

/** Characters of text enough to tell the language. */
const LANGUAGE_SAMPLE = 4000;
const TITLE_MAX = 200;

/**
 * Analyses a clipping.
 *
 * @param input - HTML or text, with its URL when known
 * @param candidates - the mission's organisations, people, initiatives and places; the
 *   countries of `COUNTRIES` are always looked for
 * @returns everything found; `text` is empty when nothing readable was found
 * @throws Error when the HTML is larger than 5 MB
 * @example analyseClipping({ text: 'Italia e Kazakistan firmano 29 accordi' }, []).language // 'it'
 */
export function analyseClipping(
  input: TClippingInput,
  candidates: readonly TEntityCandidate[],
): TClippingAnalysis {
  let title: string | null = null;
  let author: string | null = null;
  let publishedAt: string | null = null;
  let outlet: string | null = null;
  let declared: string | null = null;
  let excerpt: string | null = null;
  let text: string;
  let method: TClippingAnalysis['method'] = 'text';
  let canonical: string | null = null;
  if (input.html !== undefined) {
    const article = extractArticle({ html: input.html, url: input.url });
    ({ title, publishedAt, outlet, text, excerpt, method } = article);
    author = article.byline;
    declared = article.lang;
    canonical = readCanonical(input.html, input.url);
  } else {
    const split = splitTitle((input.text ?? '').replace(/\r\n?/g, '\n').trim());
    title = split.title;
    text = split.text;
    excerpt = text.split(/\n\s*\n/)[0]?.slice(0, 300) || null;
  }
  if (input.title?.trim()) title = input.title.trim();
  const language =
    detectLanguage({ text: `${title ?? ''}\n${text}`.slice(0, LANGUAGE_SAMPLE) }) ?? fromDeclared(declared);
  const tone = scoreTone({ text: `${title ?? ''}\n${text}`, lang: language });
  return {
    title,
    author,
    publishedAt,
    outlet: outlet ?? hostOf(canonical ?? input.url ?? null),
    language,
    text,
    excerpt,
    canonicalUrl: normaliseUrl(canonical ?? input.url ?? null),
    entities: findEntities({ text, lang: language, candidates: [...candidates, ...COUNTRIES] }),
    figures: findFigures({ text, lang: language }),
    tone: tone.tone,
    toneScore: tone.score,
    method,
  };
}

function splitTitle(text: string): { title: string | null; text: string } {
  const [first, ...rest] = text.split('\n');
  const line = first?.trim() ?? '';
  const body = rest.join('\n').trim();
  if (line && body && line.length <= TITLE_MAX && !/[.!?:;]$/.test(line)) return { title: line, text: body };
  return { title: null, text };
}

function fromDeclared(lang: string | null): TMediaLanguage | null {
  const code = lang?.slice(0, 2).toLowerCase();
  return (MEDIA_LANGUAGES as readonly string[]).includes(code ?? '') ? (code as TMediaLanguage) : null;
}

/** `<link rel="canonical">`, else `og:url`, resolved against the page's URL. */
function readCanonical(html: string, url: string | undefined): string | null {
  const head = html.slice(0, 200_000);
  const link =
    /<link\b[^>]*\brel=["']?canonical["']?[^>]*>/i.exec(head)?.[0] ??
    /<meta\b[^>]*\bproperty=["']og:url["'][^>]*>/i.exec(head)?.[0];
  const href = link ? /\b(?:href|content)=["']([^"']+)["']/i.exec(link)?.[1] : undefined;
  if (!href) return url ?? null;
  try {
    return new URL(href, url).toString();
  } catch {
    return url ?? null;
  }
}

const TRACKING = /^(utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|ref|ref_src)$/i;

/**
 * A URL in the form used to spot duplicates: http(s) only, no fragment, no tracking
 * parameters, host lower-case without `www.`, no trailing slash.
 * @example normaliseUrl('https://WWW.Example.com/a/?utm_source=x#top') // 'https://example.com/a'
 */
export function normaliseUrl(raw: string | null): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  return url.toString().replace(/\/(?=$|\?)/, '');
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * SHA-256 of a text with case, punctuation and white space evened out, so that the same
 * article pasted twice (or fetched from two addresses) is recognised.
 */
export function textHash(text: string): string | null {
  const normal = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (normal.length < 20) return null;
  return sha256(normal);
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
