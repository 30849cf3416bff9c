// Parses one XLSX workbook into rows of string cells, inside a worker thread whose heap is
// capped by the caller (`parse-in-worker.ts`). Plain JavaScript on purpose: the app runs under
// tsx, a worker does not inherit its loader, and this file needs nothing but exceljs.
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

/**
 * Inflates every entry as a stream, keeping nothing, and resolves false when an entry inflates
 * to more than its declared size (yauzl checks) or all of them to more than `maxBytes`. exceljs
 * (JSZip) inflates a whole entry into buffers outside the capped heap before it reads a byte, so
 * an archive whose directory lies must be stopped here.
 */
function sizesAreTrue(buffer, maxBytes) {
  return new Promise((resolve) => {
    let total = 0;
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return resolve(true); // not a zip: exceljs says so
      zip.on('error', () => resolve(false));
      zip.on('end', () => resolve(true));
      zip.on('entry', (entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return resolve(false);
          stream.on('data', (chunk) => {
            total += chunk.length;
            if (total > maxBytes) {
              stream.destroy();
              zip.close();
              resolve(false);
            }
          });
          stream.on('error', () => {
            zip.close();
            resolve(false);
          });
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

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

const { data, preferredSheet, maxRows, maxColumns, maxUncompressedBytes } = workerData;
const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
if (!(await sizesAreTrue(buffer, maxUncompressedBytes))) {
  parentPort.postMessage({ kind: 'too-complex' });
  process.exit(0);
}
const workbook = new ExcelJS.Workbook();
try {
  await workbook.xlsx.load(buffer);
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
