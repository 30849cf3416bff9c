/**
 * CSV for initiative tables: formula-safe quoting for export, text decoding (UTF-8 or Windows-1252), delimiter sniffing and parsing for import.
 */
import { parse as parseCsvText } from 'csv-parse/sync';

// ---------------------------------------------------------------------------------------------
// CSV text

/** A cell that Excel would run as a formula gets an apostrophe (dropped again by `cleanCell`). */
const guardFormula = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const quoteCsv = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark (so that Excel shows accents right), CRLF line ends.
 * @example toCsv([['a', 'b,c']]) // '\uFEFFa,"b,c"\r\n'
 */
export function toCsv(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.map((v) => quoteCsv(guardFormula(v))).join(',')).join('\r\n')}\r\n`;
}

/** Windows-1252 bytes 0x80–0x9F (Node's decoder maps them as Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/**
 * CSV bytes to text: UTF-8 (with or without BOM) or, when the bytes are not UTF-8, Windows-1252
 * (what Excel on Windows saves as "CSV").
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let text = '';
    for (const b of bytes) text += b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
    return text;
  }
}

/** The delimiter of the header line: ",", ";" (Excel in Italian and other locales) or tab. */
function sniffDelimiter(text: string): string {
  const line = text.slice(0, text.search(/\r?\n|$/));
  const outside = line.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outside.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * Parses CSV text into rows of cells; `rowNumbers[i]` is the spreadsheet row of `rows[i]`.
 * @throws Error with the line number when the text is not valid CSV (e.g. an unclosed quote).
 */
export function parseCsv(text: string): { rows: string[][]; rowNumbers: number[] } {
  const body = text.replace(/^\uFEFF/, '');
  try {
    const rows = parseCsvText(body, {
      delimiter: sniffDelimiter(body),
      relax_column_count: true,
      skip_empty_lines: false,
    }) as string[][];
    return { rows, rowNumbers: rows.map((_, i) => i + 1) };
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new Error(
      `is not valid CSV${e.lines ? ` near line ${e.lines}` : ''}: ${e.message.replace(/^Invalid \w+: /, '')}`,
    );
  }
}
