import { describe, expect, it } from 'vitest';
import { parseWorkbook } from './parse-in-worker.ts';
import { inflatePart, readZip, repeatedPart, xlsxBomb } from './test-zip.ts';
import { inspectZip } from './zip-inspection.ts';

const MB = 1024 * 1024;

/** The HttpProblem a promise rejects with. */
async function refusal(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { status: number; errors: { field: string; message: string }[] } | null;
  expect(error, 'the file was accepted').not.toBeNull();
  return error as NonNullable<typeof error>;
}

describe('the test zip writer', () => {
  it('concatenates deflated pieces into one valid stream of the declared size', async () => {
    const part = repeatedPart('a.xml', '<a>', '<b/>', 1000, '</a>');
    const text = inflatePart(part).toString();
    expect(text).toBe(`<a>${'<b/>'.repeat(1000)}</a>`);
    expect(part.size).toBe(text.length);
    const bomb = await xlsxBomb(2);
    const entries = await readZip(bomb);
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    expect(sheet?.data.length).toBeGreaterThan(2 * MB);
    expect(entries.map((e) => e.name)).toContain('xl/workbook.xml');
  });
});

describe('XLSX zip bombs', () => {
  it('refuses a 400 MB bomb from its central directory, fast and without inflating it (400 naming `file`)', async () => {
    const bomb = await xlsxBomb(400);
    expect(bomb.length).toBeLessThan(2 * MB);
    const rss = process.memoryUsage().rss;
    const started = Date.now();
    const error = await refusal(parseWorkbook(bomb, { field: 'file', name: 'bomb.xlsx' }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * MB);
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      {
        field: 'file',
        message: '"bomb.xlsx" would inflate to more than 100 MB when opened: it is too large to read',
      },
    ]);
  });

  it('refuses a smaller bomb for its compression ratio', async () => {
    const error = await refusal(inspectZip(await xlsxBomb(60), { field: 'file', name: 'b.xlsx' }));
    expect(error.status).toBe(400);
    expect(error.errors[0]?.field).toBe('file');
    expect(error.errors[0]?.message).toMatch(/compressed more than 100:1, as a zip bomb is/);
  });

  it('stops an archive whose directory lies about sizes in the worker (413), and the process carries on', async () => {
    const liar = await xlsxBomb(300, { declaredSize: 4_000 });
    // The directory looks harmless: the inspection lets it through.
    await expect(inspectZip(liar, { field: 'file', name: 'liar.xlsx' })).resolves.toMatchObject({
      entries: expect.any(Number),
    });
    const rss = process.memoryUsage().rss;
    const error = await refusal(parseWorkbook(liar, { field: 'file', name: 'liar.xlsx' }));
    expect(error.status).toBe(413);
    expect(error.errors).toEqual([
      {
        field: 'file',
        message: '"liar.xlsx" is too large or too complex to read: split it or save it again as .csv',
      },
    ]);
    expect(process.memoryUsage().rss - rss).toBeLessThan(150 * MB);
    // The server still parses a good workbook afterwards.
    const good = await xlsxBomb(0);
    await expect(parseWorkbook(good, { field: 'file', name: 'good.xlsx' })).resolves.toEqual({
      rows: [],
      rowNumbers: [],
    });
  }, 30_000);

  it('stops in the worker a sheet that tells the truth but is too much for the capped heap (413)', async () => {
    // 90 MB of rows: under the 100 MB declared limit and only a little over 100:1 is refused, so
    // here the ratio check is lifted to reach the worker.
    const heavy = await xlsxBomb(90);
    const error = await refusal(
      parseWorkbook(heavy, { field: 'file', name: 'heavy.xlsx', limits: { maxCompressionRatio: 1e9 } }),
    );
    expect(error.status).toBe(413);
    expect(error.errors[0]?.field).toBe('file');
  }, 40_000);
});
