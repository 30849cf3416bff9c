import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { setupCli } from '../../../../test/helpers/cli.ts';
import { reportFormatOf, reportLanguageOf } from './report.cli.ts';

// Each start of the CLI opens (and on first use creates) an embedded database: a few seconds,
// so this file keeps to a few runs sharing one data folder.
const softpower = setupCli();

describe('reportFormatOf', () => {
  it('takes --format, else the extension, else explains', () => {
    expect(reportFormatOf('PDF', 'x.docx')).toBe('pdf');
    expect(reportFormatOf(undefined, 'out/tt2050.xlsx')).toBe('xlsx');
    expect(() => reportFormatOf('odt', 'x.odt')).toThrow('--format must be pdf, docx or xlsx, not "odt".');
    expect(() => reportFormatOf(undefined, 'report')).toThrow(/Give --format pdf, docx or xlsx/);
  });
});

describe('reportLanguageOf', () => {
  it('takes it, en, ru or kk (English when absent), else names the allowed values', () => {
    expect(reportLanguageOf(undefined)).toBe('en');
    expect(reportLanguageOf('KK')).toBe('kk');
    expect(() => reportLanguageOf('fr')).toThrow('--lang must be one of it, en, ru, kk, not "fr".');
  });
});

describe('softpower report', () => {
  it('writes the demo plan report as PDF, with the evaluation of the demo', {
    timeout: 120_000,
  }, async () => {
    expect((await softpower('demo')).code).toBe(0);
    const out = join(tmpdir(), `softpower-report-${process.pid}.pdf`);
    const { code, stdout, stderr } = await softpower(
      'report',
      '--plan',
      'tt2050',
      '--format',
      'pdf',
      '--out',
      out,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Wrote the PDF report of TT2050 to .+\.pdf \(\d+ KB\)\.\n$/);
    const { text } = await extractText(new Uint8Array(readFileSync(out)), { mergePages: true });
    expect(text).toContain('Together towards 2050');
    expect(text).toContain('Sustainability');
    expect(text).toContain('2 · Partly satisfactory');
    rmSync(out, { force: true });
  });

  it('refuses --lang fr with the allowed languages, and exits 1', { timeout: 60_000 }, async () => {
    const out = join(tmpdir(), `softpower-report-fr-${process.pid}.pdf`);
    const { code, stderr } = await softpower('report', '--lang', 'fr', '--out', out);
    expect(code).toBe(1);
    expect(stderr).toContain('softpower: --lang must be one of it, en, ru, kk, not "fr".');
    expect(existsSync(out)).toBe(false);
  });

  it('writes the report in Italian with --lang it', { timeout: 60_000 }, async () => {
    const out = join(tmpdir(), `softpower-report-it-${process.pid}.docx`);
    const { code, stderr } = await softpower('report', '--plan', 'TT2050', '--lang', 'it', '--out', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Valutazione finale (criteri OCSE-DAC)');
    expect(xml).toContain('Parzialmente soddisfacente');
    rmSync(out, { force: true });
  });

  it('names the plans when the acronym is unknown, and exits 1', { timeout: 60_000 }, async () => {
    const { code, stderr } = await softpower(
      'report',
      '--plan',
      'NOPE',
      '--out',
      join(tmpdir(), 'never-written.pdf'),
    );
    expect(code).toBe(1);
    expect(stderr).toContain('softpower: No plan NOPE. The plans are: TT2050 (it-astana).');
  });
});
