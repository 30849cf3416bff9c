/**
 * Exports are inert: a spreadsheet cell whose text begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return could be run as a formula by Excel or LibreOffice when the file is opened
 * (CSV injection). Such text gets a leading apostrophe, which spreadsheets show as plain text
 * and the importers drop again (`cleanCell` in domain/initiative-table.ts).
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The text as an inert cell.
 * @example neutraliseCell('=HYPERLINK("http://evil")') // "'=HYPERLINK(\"http://evil\")"
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value as an inert one: strings neutralised, numbers, dates and empties kept. */
export function inertValue<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseCell(value) : value;
}
