import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZHttpUrl, ZIsoDate, ZMoney, ZName, ZText, ZVersion } from './common.ts';

describe('input primitives', () => {
  it('never accepts a text containing NUL', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(ZText.safeParse(`${a}\u0000${b}`).success).toBe(false);
        expect(ZName.safeParse(`x${a}\u0000${b}`).success).toBe(false);
      }),
      { seed: 12, numRuns: 500 },
    );
  });
  it('refuses lone surrogates and control characters, keeps tabs and newlines in text', () => {
    expect(ZText.safeParse('\ud800x').error?.issues[0]?.message).toMatch(/surrogate/);
    expect(ZName.safeParse('a\u0007b').error?.issues[0]?.message).toBe('must not contain control characters');
    expect(ZText.parse(' a\tb\r\nc ')).toBe('a\tb\nc');
    expect(ZName.safeParse('a\nb').success).toBe(false);
    expect(ZName.parse('Museo 🎻')).toBe('Museo 🎻');
  });
  it('bounds numbers, money and versions', () => {
    for (const v of [1e308, -1e308, 9007199254740992, 1e12, -1, 0.001])
      expect(ZMoney.safeParse(v).success).toBe(false);
    expect(ZMoney.parse(999999999999.99)).toBe(999999999999.99);
    expect(ZVersion.safeParse(2147483648).success).toBe(false);
  });
  it('accepts dates from 1900-01-01 to 2200-12-31 only', () => {
    expect(ZIsoDate.safeParse('9999-12-31').error?.issues[0]?.message).toBe(
      'must be between 1900-01-01 and 2200-12-31',
    );
    expect(ZIsoDate.safeParse('1899-12-31').success).toBe(false);
    expect(ZIsoDate.parse('2200-12-31')).toBe('2200-12-31');
  });
  it('accepts http(s) addresses only', () => {
    expect(ZHttpUrl.safeParse('javascript:alert(1)').error?.issues[0]?.message).toBe(
      'must use http or https',
    );
    expect(ZHttpUrl.safeParse('file:///etc/passwd').error?.issues[0]?.message).toBe('must use http or https');
    expect(ZHttpUrl.parse('https://ice.it/a?b=1')).toBe('https://ice.it/a?b=1');
  });
});
