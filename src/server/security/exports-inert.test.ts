import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { TRoundResults } from '../../shared/schemas/scoring.ts';
import type { TVisualIdentity } from '../modules/communication/index.ts';
import { renderPressReleaseDocx } from '../modules/communication/index.ts';
import { buildRoundResultsWorkbook } from '../modules/selection/index.ts';
import { inertValue, neutraliseCell } from '../platform/reports/inert-cells.ts';
import { LOGO_NOT_DRAWN } from '../platform/reports/logo.ts';

describe('neutraliseCell', () => {
  it('prefixes text that a spreadsheet would run, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseCell('Concert = success')).toBe('Concert = success');
    expect(neutraliseCell('')).toBe('');
    expect(inertValue(-3)).toBe(-3);
    expect(inertValue(null)).toBeNull();
  });
});

describe('round results XLSX', () => {
  it('stores a proposal title, an evaluator name and a reason that start with "=" as text', async () => {
    const results = {
      items: [
        {
          rank: 1,
          proposal: { id: 'p1', title: '=HYPERLINK("http://evil.example","Open")' },
          scores: [],
          criteria: {},
          overall: -1.5,
          disagreementCriteria: [],
          isCandidate: false,
          decision: { outcome: 'rejected', reason: '@SUM(A1:A9)' },
        },
      ],
    } as unknown as TRoundResults;
    const data = await buildRoundResultsWorkbook({ results, evaluators: [{ id: 'e1', name: '+Evil' }] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Results')!;
    const title = sheet.getCell('B2');
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.value).toBe('\'=HYPERLINK("http://evil.example","Open")');
    expect(sheet.getCell('C1').value).toMatch(/^'\+Evil: /);
    const row = sheet.getRow(2).values as unknown[];
    expect(row.at(-1)).toBe("'@SUM(A1:A9)");
    // Numbers stay numbers.
    expect(sheet.getCell('A2').value).toBe(1);
    expect(row).toContain(-1.5);
    sheet.eachRow((r) => r.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe('press release DOCX', () => {
  const identity = (logo: Uint8Array | null): TVisualIdentity => ({
    planTitle: 'Together towards 2050',
    logo: logo ? { data: logo, mimeType: 'image/png' } : null,
    primaryColour: null,
    secondaryColour: null,
    programmeColours: {},
    programmeLogos: {},
  });
  const release = { title: 'Concert', body: 'Text.', language: 'en' as const, date: new Date('2026-05-01') };

  async function render(logo: Uint8Array | null) {
    const data = await renderPressReleaseDocx({ identity: identity(logo), missionName: 'Embassy', release });
    const zip = await JSZip.loadAsync(data);
    const xml = (
      await Promise.all(
        Object.keys(zip.files)
          .filter((n) => /^word\/(document|header\d*)\.xml$/.test(n))
          .map((n) => zip.file(n)!.async('string')),
      )
    ).join(' ');
    return {
      text: xml.replace(/<[^>]+>/g, ''),
      media: Object.keys(zip.files).filter((n) => n.startsWith('word/media/')),
    };
  }

  it('writes a title that looks like WordprocessingML as text, not markup', async () => {
    const title = '</w:t></w:r><w:r><w:t>injected';
    const data = await renderPressReleaseDocx({
      identity: identity(null),
      missionName: 'Embassy',
      release: { ...release, title },
    });
    const xml = await (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
    expect(xml).toContain('&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;injected');
    expect(xml).not.toContain('<w:t>injected');
  });

  it('draws a good logo, and says so when a stored one cannot be drawn', async () => {
    const noise = Buffer.from(Array.from({ length: 32 * 32 * 3 }, (_, i) => (i * 7919) % 251));
    const png = await sharp(noise, { raw: { width: 32, height: 32, channels: 3 } })
      .png()
      .toBuffer();
    const good = await render(new Uint8Array(png));
    expect(good.media).toHaveLength(1);
    expect(good.text).not.toContain(LOGO_NOT_DRAWN);
    const broken = await render(new Uint8Array(png.subarray(0, Math.floor(png.length / 2))));
    expect(broken.media).toHaveLength(0);
    expect(broken.text).toContain(LOGO_NOT_DRAWN);
    expect(broken.text).toContain('Together towards 2050');
  });
});
