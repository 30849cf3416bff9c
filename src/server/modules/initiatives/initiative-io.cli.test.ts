import { describe, expect, it } from 'vitest';
import { setupCli } from '../../../../test/helpers/cli.ts';

// Each start of the CLI opens (and on first use creates) an embedded database: a few seconds,
// so this file keeps to a few runs sharing one data folder.
const softpower = setupCli();

describe('softpower import/export initiatives', () => {
  it('exports the demo as CSV to standard output: the header and 30 initiatives', {
    timeout: 90_000,
  }, async () => {
    expect((await softpower('demo')).code).toBe(0);
    const { code, stdout, stderr } = await softpower(
      'export',
      'initiatives',
      '--plan',
      'tt2050',
      '--format',
      'csv',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(31);
    expect(lines[0]).toBe(
      '\uFEFFinitiative,date,type,actors involved,media reflection,status,focus area,vectors,programme,cities,importance,summary,key',
    );
  });

  it('prints each error as FILE:ROW: column C: message and exits 1', { timeout: 60_000 }, async () => {
    const { code, stdout, stderr } = await softpower(
      'import',
      'initiatives',
      'test/fixtures/initiatives-bad-row.csv',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter((l) => l.startsWith('test/fixtures'));
    expect(lines).toEqual([
      expect.stringMatching(
        /^test\/fixtures\/initiatives-bad-row\.csv:4: column date: must be a date such as .*\(found "Primavera"\)$/,
      ),
      expect.stringMatching(
        /^test\/fixtures\/initiatives-bad-row\.csv:4: column type: must be one of exhibition, .*\(found "festival"\)$/,
      ),
    ]);
    expect(stderr).toContain(
      'softpower: 2 errors in test/fixtures/initiatives-bad-row.csv: nothing was imported.',
    );
  });
});
