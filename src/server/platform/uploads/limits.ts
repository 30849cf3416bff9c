/**
 * The limits every uploaded file is held to, in one place (docs/security.md, "Uploads and exports", lists them
 * and the tests that prove each). The file-size limits of each route stay where they were
 * (`IMPORT_LIMITS.maxBytes`, `LOGO_MAX_BYTES`…); these bound what a file may become once read.
 */
export const UPLOAD_LIMITS = {
  /** Entries in an archive (XLSX, DOCX): a real workbook has a few dozen. */
  maxZipEntries: 1_000,
  /** Sum of the entries' declared uncompressed sizes. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  /** Uncompressed / compressed, per entry and overall; entries below `ratioFloorBytes` are exempt. */
  maxCompressionRatio: 100,
  /** Small entries (an empty sheet compresses 200:1) cannot hurt, whatever their ratio. */
  ratioFloorBytes: 1024 * 1024,
  /** Old-generation heap of the worker that parses a workbook. */
  parserHeapMb: 256,
  /** A parse that takes longer is stopped and the file refused. */
  parseTimeoutMs: 20_000,
  /** Workbooks parsed at the same time across the server (the machine has two cores). */
  maxConcurrentParses: 2,
  /** Parses that may wait for a free slot; more are refused with 429. */
  maxQueuedParses: 8,
  /** Data rows of one import (the header not counted). */
  maxRows: 5_000,
  /** Cells of one row kept (an XLSX row can claim 16,384 columns). */
  maxColumns: 100,
  /** Bytes of CSV text (also the JSON `csv` fields). */
  maxCsvBytes: 10 * 1024 * 1024,
  /** Errors listed in an import's answer; `errorCount` gives the total. */
  maxListedErrors: 100,
  /** Pixels of an uploaded image (width × height). */
  maxImagePixels: 40_000_000,
  /** Seconds a client is told to wait when its upload is refused for another one running. */
  retryAfterSeconds: 5,
} as const;

/** The limits as numbers (a test or a caller may tighten or lift one). */
export type TUploadLimits = { [K in keyof typeof UPLOAD_LIMITS]: number };
