/**
 * Checks an archive-based file (XLSX, DOCX) from its zip central directory BEFORE anything
 * inflates it: entry count, declared uncompressed size, compression ratio, encryption. Nothing is
 * decompressed here; the declared sizes can lie, which is why the parse itself also runs with
 * bounded memory (`parse-in-worker.ts`).
 */
import yauzl from 'yauzl';
import type { HttpProblem } from '../http/problem.ts';
import { type TUploadLimits, UPLOAD_LIMITS } from './limits.ts';
import { fileRefused } from './problems.ts';

export interface TZipSummary {
  entries: number;
  compressedBytes: number;
  uncompressedBytes: number;
}

const MB = 1024 * 1024;

function openZip(data: Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      { lazyEntries: true, autoClose: true },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

/**
 * Reads the central directory and refuses the archive when it is not a zip, is encrypted, has
 * too many entries, declares too much uncompressed data or compresses too well.
 * @throws HttpProblem 400 naming `field` and the reason.
 * @example await inspectZip(file.data, { field: 'file', name: 'plan.xlsx' });
 */
export async function inspectZip(
  data: Uint8Array,
  options: { field: string; name: string; limits?: Partial<TUploadLimits> },
): Promise<TZipSummary> {
  const limits = { ...UPLOAD_LIMITS, ...options.limits };
  const refuse = (reason: string) => fileRefused(options.field, `"${options.name}" ${reason}`);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(data);
  } catch {
    throw refuse('is not a valid zip archive (an .xlsx or .docx file is one)');
  }
  if (zip.entryCount > limits.maxZipEntries) {
    zip.close();
    throw refuse(`has ${zip.entryCount} entries in its archive: at most ${limits.maxZipEntries} are read`);
  }
  const summary: TZipSummary = { entries: 0, compressedBytes: 0, uncompressedBytes: 0 };
  await new Promise<void>((resolve, reject) => {
    const stop = (problem: HttpProblem) => {
      zip.close();
      reject(problem);
    };
    zip.on('error', () => reject(refuse('is not a valid zip archive: its directory is damaged')));
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      summary.entries += 1;
      summary.compressedBytes += entry.compressedSize;
      summary.uncompressedBytes += entry.uncompressedSize;
      if (entry.isEncrypted())
        return stop(refuse('is encrypted or password-protected: save it without a password'));
      if (summary.uncompressedBytes > limits.maxUncompressedBytes)
        return stop(
          refuse(
            `would inflate to more than ${limits.maxUncompressedBytes / MB} MB when opened: it is too large to read`,
          ),
        );
      if (
        entry.uncompressedSize > limits.ratioFloorBytes &&
        entry.uncompressedSize > limits.maxCompressionRatio * Math.max(entry.compressedSize, 1)
      )
        return stop(
          refuse(
            `has a part ("${entry.fileName.slice(0, 80)}") compressed more than ${limits.maxCompressionRatio}:1, as a zip bomb is`,
          ),
        );
      zip.readEntry();
    });
    zip.readEntry();
  });
  if (
    summary.uncompressedBytes > limits.ratioFloorBytes &&
    summary.uncompressedBytes > limits.maxCompressionRatio * Math.max(summary.compressedBytes, 1)
  )
    throw refuse(`is compressed more than ${limits.maxCompressionRatio}:1 overall, as a zip bomb is`);
  return summary;
}
