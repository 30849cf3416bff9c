import { describe, expect, it } from 'vitest';
import { setupCli } from '../../../../test/helpers/cli.ts';

const cli = setupCli();

describe('softpower press', () => {
  it('extract prints what the analysis finds, as JSON, storing nothing', async () => {
    const { code, stdout } = await cli('press', 'extract', 'test/fixtures/press/seed-001.html', '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.language).toBe('it');
    expect(result.outlet).toBe('The Astana Times');
    expect(result.figures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'money', value: 17e9, currency: 'USD' }),
        expect.objectContaining({ kind: 'count', value: 29, unit: 'accordi' }),
      ]),
    );
    expect(result.entities.map((e: { ref: string }) => e.ref)).toEqual(
      expect.arrayContaining(['KZ', 'US', 'CN']),
    );
    expect(['positive', 'neutral', 'negative']).toContain(result.tone);
  });

  it('ingest stores a folder of clippings with a progress line, and reports duplicates', {
    timeout: 180_000,
  }, async () => {
    expect((await cli('demo')).code).toBe(0);
    const first = await cli('press', 'ingest', 'test/fixtures/press');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/\[2\/2\] 100% seed-002\.html: it · Ambasciatore Sembayev/);
    expect(first.stdout).toContain('2 added, 0 duplicates, 0 failed');
    const again = await cli('press', 'ingest', 'test/fixtures/press/seed-002.html');
    expect(again.stdout).toContain('0 added, 1 duplicates, 0 failed');
  });
});
