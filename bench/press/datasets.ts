/**
 * Loading the press-review development sets (shared/media-dev, see its README): pages decoded
 * from their declared or sniffed charset, gold texts turned into plain text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, toBlockText } from '../../src/server/modules/press/index.ts';

export interface TPage {
  set: 'readability' | 'cleaneval';
  name: string;
  html: string;
  goldText: string;
  goldTitle: string | null;
  goldDate: string | null;
}

/**
 * Decodes page bytes: UTF-8 when the bytes are valid UTF-8 (pages are often re-encoded
 * without their meta tag being updated), else the charset the page declares, else
 * windows-1252.
 */
export function decodeHtml({ bytes }: { bytes: Buffer }): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: the declared charset below
  }
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'windows-1252').decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Mozilla Readability's test pages: source.html, expected.html → text, expected-metadata.json. */
export function loadReadabilityPages({ root }: { root: string }): TPage[] {
  const dir = join(root, 'readability-pages');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'source.html')))
    .map((entry) => {
      const folder = join(dir, entry.name);
      const expected = readFileSync(join(folder, 'expected.html'), 'utf8');
      const metaPath = join(folder, 'expected-metadata.json');
      const meta = existsSync(metaPath)
        ? (JSON.parse(readFileSync(metaPath, 'utf8')) as {
            title?: string | null;
            publishedTime?: string | null;
          })
        : {};
      return {
        set: 'readability' as const,
        name: entry.name,
        html: decodeHtml({ bytes: readFileSync(join(folder, 'source.html')) }),
        goldText: toBlockText({ node: parseDocument({ html: expected }).body }),
        goldTitle: meta.title ?? null,
        goldDate: meta.publishedTime ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** CLEANEVAL's development set: input/N.html and GoldStandard/N.txt without URL line and markers. */
export function loadCleanevalPages({ root }: { root: string }): TPage[] {
  const dir = join(root, 'cleaneval-dev');
  return readdirSync(join(dir, 'input'))
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.replace(/\.html$/, ''))
    .filter((name) => existsSync(join(dir, 'GoldStandard', `${name}.txt`)))
    .map((name) => ({
      set: 'cleaneval' as const,
      name,
      html: decodeHtml({ bytes: readFileSync(join(dir, 'input', `${name}.html`)) }),
      goldText: cleanGold(decodeHtml({ bytes: readFileSync(join(dir, 'GoldStandard', `${name}.txt`)) })),
      goldTitle: null,
      goldDate: null,
    }))
    .sort((a, b) => Number(a.name) - Number(b.name));
}

function cleanGold(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/^\s*URL:[^\n]*\n/, '')
    .replace(/<[phl]>/g, ' ');
}

/** The sentence files: one sentence per line, per language. */
export function loadSentences({ root, lang }: { root: string; lang: string }): string[] {
  return readFileSync(join(root, 'language-sentences', `${lang}.txt`), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
