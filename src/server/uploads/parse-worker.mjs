// Parses one XLSX workbook into rows of string cells, inside a worker thread whose heap is
// capped by the caller (`parse-in-worker.ts`). Plain JavaScript on purpose: the app runs under
// tsx, a worker does not inherit its loader, and this file needs nothing but exceljs.
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

/** A cell's value as the text an import reads (dates as YYYY-MM-DD, formulas by their result). */
function cellText(value) {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return String(value.text ?? '');
  if ('result' in value) return cellText(value.result ?? null);
  if ('error' in value) return String(value.error);
  return '';
}

const { data, preferredSheet, maxRows, maxColumns } = workerData;
const workbook = new ExcelJS.Workbook();
try {
  await workbook.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
} catch {
  parentPort.postMessage({ kind: 'invalid' });
  process.exit(0);
}
const sheet = (preferredSheet && workbook.getWorksheet(preferredSheet)) || workbook.worksheets[0];
if (!sheet) {
  parentPort.postMessage({ kind: 'rows', rows: [], rowNumbers: [] });
} else if (sheet.actualRowCount > maxRows + 1) {
  parentPort.postMessage({ kind: 'too-many-rows', count: sheet.actualRowCount - 1 });
} else {
  const rows = [];
  const rowNumbers = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = [];
    const count = Math.min(row.cellCount, maxColumns);
    for (let c = 1; c <= count; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
    rowNumbers.push(rowNumber);
  });
  parentPort.postMessage({ kind: 'rows', rows, rowNumbers });
}
