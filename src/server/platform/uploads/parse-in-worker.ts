/**
 * Reads an XLSX workbook with bounded memory and time: the archive is checked first
 * (`inspectZip`), then exceljs parses it in a worker thread whose heap is capped; a worker that
 * runs out of memory, crashes or takes too long is stopped and the file refused (413), and the
 * server carries on. Only plain rows of strings come back.
 */
import { Worker } from 'node:worker_threads';
import { parseSlots } from './gate.ts';
import { type TUploadLimits, UPLOAD_LIMITS } from './limits.ts';
import { fileRefused, tooManyRows } from './problems.ts';
import { inspectZip } from './zip-inspection.ts';

export interface TTable {
  rows: string[][];
  /** The spreadsheet row number of each row (1 = the header). */
  rowNumbers: number[];
}

type TWorkerAnswer =
  | { kind: 'rows'; rows: string[][]; rowNumbers: number[] }
  | { kind: 'too-many-rows'; count: number }
  | { kind: 'invalid' }
  /** An entry inflated to more than its archive declared, or the whole to too much. */
  | { kind: 'too-complex' };

const WORKER_URL = new URL('./parse-worker.mjs', import.meta.url);

const tooComplex = (field: string, name: string) =>
  fileRefused(field, `"${name}" is too large or too complex to read: split it or save it again as .csv`, 413);

/** Runs the worker once; resolves with its answer or rejects with the 413 it earned. */
function runWorker(
  data: Uint8Array,
  options: { field: string; name: string; preferredSheet?: string },
  limits: TUploadLimits,
): Promise<TWorkerAnswer> {
  return new Promise((resolve, reject) => {
    const copy = new Uint8Array(data);
    const worker = new Worker(WORKER_URL, {
      workerData: {
        data: copy,
        preferredSheet: options.preferredSheet ?? null,
        maxRows: limits.maxRows,
        maxColumns: limits.maxColumns,
        maxUncompressedBytes: limits.maxUncompressedBytes,
      },
      transferList: [copy.buffer],
      resourceLimits: {
        maxOldGenerationSizeMb: limits.parserHeapMb,
        maxYoungGenerationSizeMb: 32,
        stackSizeMb: 4,
      },
      // The worker needs no loader: it is plain JavaScript (see parse-worker.mjs).
      execArgv: [],
      stdout: true,
      stderr: true,
    });
    let isSettled = false;
    const settle = (fn: () => void) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(tooComplex(options.field, options.name))),
      limits.parseTimeoutMs,
    );
    worker.once('message', (answer: TWorkerAnswer) => settle(() => resolve(answer)));
    // ERR_WORKER_OUT_OF_MEMORY and any crash of the parser end here, not in the server.
    worker.once('error', () => settle(() => reject(tooComplex(options.field, options.name))));
    worker.once('exit', () => settle(() => reject(tooComplex(options.field, options.name))));
  });
}

/**
 * Checks and parses an XLSX file into rows of string cells.
 * @param options.field the form field named in errors; `preferredSheet` the sheet read when it
 *   exists (else the first).
 * @throws 400 not a workbook, a suspicious archive, more rows than `maxRows`; 413 too large or too
 *   complex to read in the worker's limits; 429 when the server's parse queue is full.
 * @example const { rows } = await parseWorkbook(data, { field: 'file', name: 'a.xlsx' });
 */
export async function parseWorkbook(
  data: Uint8Array,
  options: { field: string; name: string; preferredSheet?: string; limits?: Partial<TUploadLimits> },
): Promise<TTable> {
  const limits = { ...UPLOAD_LIMITS, ...options.limits };
  await inspectZip(data, { field: options.field, name: options.name, limits });
  const answer = await parseSlots.run(() => runWorker(data, options, limits));
  if (answer.kind === 'invalid')
    throw fileRefused(options.field, `"${options.name}" is not a valid .xlsx workbook`);
  if (answer.kind === 'too-complex') throw tooComplex(options.field, options.name);
  if (answer.kind === 'too-many-rows') throw tooManyRows(options.field, answer.count, limits.maxRows);
  return { rows: answer.rows, rowNumbers: answer.rowNumbers };
}
