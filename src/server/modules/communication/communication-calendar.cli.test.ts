import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { setupCli } from '../../../../test/helpers/cli.ts';

const softpower = setupCli();

const summaries = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('softpower export calendar', () => {
  it('writes the plan calendar and one person’s part of it', { timeout: 120_000 }, async () => {
    expect((await softpower('demo')).code).toBe(0);
    const out = join(mkdtempSync(join(tmpdir(), 'softpower-ics-')), 'tt2050.ics');
    const plan = await softpower('export', 'calendar', '--plan', 'tt2050', '--out', out);
    expect(plan).toMatchObject({ code: 0, stderr: '' });
    // 30 initiatives and 281 steps (11 major × 10 + 19 × 9).
    expect(plan.stdout).toContain(`Wrote 311 events of TT2050 to ${out}.`);
    const events = summaries(readFileSync(out, 'utf8'));
    expect(events).toHaveLength(311);
    expect(events.filter((e) => e.uid.startsWith('initiative-'))).toHaveLength(30);
    const person = await softpower(
      'export',
      'calendar',
      '--plan',
      'TT2050',
      '--person',
      'dinara.omarova@example.org',
    );
    expect(person.code).toBe(0);
    const mine = summaries(person.stdout);
    expect(mine.length).toBeLessThan(events.length);
    // Dinara is the demo's communication officer: most steps are hers.
    expect(mine.filter((e) => e.uid.startsWith('communication-step-')).length).toBeGreaterThan(100);
    expect(mine.every((e) => e.startDate.isDate)).toBe(true);
    const unknown = await softpower(
      'export',
      'calendar',
      '--plan',
      'TT2050',
      '--person',
      'nobody@example.org',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No person with the e-mail nobody@example.org in the plan's mission.");
  });
});
