/**
 * HTML → DOM with linkedom, made robust to fragments and pages without `<body>`, plus a
 * block-aware text serializer shared by the extractor and the benchmark.
 */
import { parseHTML } from 'linkedom';

/** Largest HTML accepted by the press-review pipeline (bytes, UTF-8). */
export const MAX_HTML_BYTES = 5 * 1024 * 1024;

/**
 * Parses HTML into a document that always has `<html>`, `<head>` and `<body>`.
 *
 * linkedom treats a fragment's first element as the document element and drops the content
 * of an `<html>` without `<body>`, so such inputs are rewrapped first.
 *
 * @param options.html - the page or fragment
 * @returns the parsed document
 * @example
 * parseDocument({ html: '<p>x' }).body.textContent // 'x'
 */
export function parseDocument({ html }: { html: string }): Document {
  const { document } = parseHTML(normalizeHtml(html));
  return document as unknown as Document;
}

function normalizeHtml(html: string): string {
  if (/<body[\s>]/i.test(html)) {
    return /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html>${html}</html>`;
  }
  const htmlTag = /<html(\s[^>]*)?>/i.exec(html);
  const head = /<head[\s>][\s\S]*?<\/head>/i.exec(html);
  let rest = html;
  if (head) rest = rest.replace(head[0], '');
  rest = rest.replace(/<!doctype[^>]*>/i, '').replace(/<\/?html(\s[^>]*)?>/gi, '');
  return `<!DOCTYPE html><html${htmlTag?.[1] ?? ''}>${head?.[0] ?? '<head></head>'}<body>${rest}</body></html>`;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD']);

/**
 * The visible text of a node, one paragraph per block element, paragraphs separated by a
 * blank line, a `<br>` as a line break, runs of white space collapsed.
 *
 * @param options.node - an element or document
 * @returns the text, trimmed
 * @example
 * toBlockText({ node: parseDocument({ html: '<p>a</p><p>b</p>' }).body }) // 'a\n\nb'
 */
export function toBlockText({ node }: { node: Node }): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const line = current
      .split('\n')
      .map((part) => part.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
      .filter(Boolean)
      .join('\n');
    if (line) paragraphs.push(line);
    current = '';
  };
  const walk = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += (child.nodeValue ?? '').replace(/\s+/g, ' ');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      if (tag === 'BR') {
        current += '\n';
        continue;
      }
      const isBlock = BLOCK_TAGS.has(tag);
      if (isBlock) flush();
      walk(child);
      if (isBlock) flush();
    }
  };
  walk(node);
  flush();
  return paragraphs.join('\n\n');
}
