/**
 * Test support: a minimal zip writer (stored names, deflated data, no zip64) to build archives
 * whose central directory says what the test wants, and XLSX zip bombs made from a real exceljs
 * workbook. Never imported by the app.
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';

export interface TZipPart {
  name: string;
  /** Raw deflate data. */
  deflated: Buffer;
  crc: number;
  /** The real inflated size. */
  size: number;
  /** What the headers declare (the truth when absent). */
  declaredSize?: number;
}

/** A part from plain bytes. */
export const zipPart = (name: string, data: Buffer): TZipPart => ({
  name,
  deflated: deflateRawSync(data),
  crc: crc32(data),
  size: data.length,
});

/**
 * A part of `prefix`, then `chunk` `times` times, then `suffix`, deflated without ever holding
 * the whole: each piece is deflated alone and ends on a byte boundary (sync flush), so the pieces
 * concatenate into one valid deflate stream.
 */
export function repeatedPart(
  name: string,
  prefix: string,
  chunk: string,
  times: number,
  suffix: string,
): TZipPart {
  const sync = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const head = deflateRawSync(Buffer.from(prefix), sync);
  const chunkBytes = Buffer.from(chunk);
  const body = deflateRawSync(chunkBytes, sync);
  const tail = deflateRawSync(Buffer.from(suffix), { level: 9 });
  let crc = crc32(Buffer.from(prefix));
  for (let i = 0; i < times; i++) crc = crc32(chunkBytes, crc);
  crc = crc32(Buffer.from(suffix), crc);
  return {
    name,
    deflated: Buffer.concat([head, ...Array.from({ length: times }, () => body), tail]),
    crc,
    size: prefix.length + chunkBytes.length * times + suffix.length,
  };
}

/** Writes the parts as a zip archive. */
export function writeZip(parts: TZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const declared = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The entries of a zip, inflated (for small real files only). */
export function readZip(data: Buffer): Promise<{ name: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const entries: { name: string; data: Buffer }[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return reject(openError);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
/** 1 MB of rows of inline strings: what makes an XML parser build objects. */
const MB_OF_ROWS = '<row><c t="inlineStr"><is><t>boom</t></is></c></row>'.repeat(
  Math.ceil((1024 * 1024) / 52),
);

/**
 * A real XLSX workbook (exceljs) whose first sheet is replaced by `megabytes` MB of rows.
 * @param options.declaredSize what the headers say the sheet inflates to (a lie when small)
 */
export async function xlsxBomb(megabytes: number, options: { declaredSize?: number } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRow(['initiative', 'date', 'type']);
  const real = Buffer.from(await workbook.xlsx.writeBuffer());
  const parts = (await readZip(real)).map((entry) =>
    entry.name === 'xl/worksheets/sheet1.xml'
      ? {
          ...repeatedPart(entry.name, SHEET_HEAD, MB_OF_ROWS, megabytes, SHEET_TAIL),
          declaredSize: options.declaredSize,
        }
      : zipPart(entry.name, entry.data),
  );
  return writeZip(parts);
}

/** Inflates a part (to check the writer in tests). */
export const inflatePart = (part: TZipPart) => inflateRawSync(part.deflated);
