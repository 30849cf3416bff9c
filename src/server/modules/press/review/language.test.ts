import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it('tells the four languages apart', () => {
    expect(
      detectLanguage({ text: 'Il Kazakistan e gli Stati Uniti hanno firmato 29 accordi di cooperazione.' }),
    ).toBe('it');
    expect(
      detectLanguage({ text: 'Kazakhstan and the United States signed 29 agreements during the visit.' }),
    ).toBe('en');
    expect(detectLanguage({ text: 'Казахстан и США подписали 29 соглашений во время визита.' })).toBe('ru');
    expect(detectLanguage({ text: 'Қазақстан мен АҚШ сапар барысында 29 келісімге қол қойды.' })).toBe('kk');
  });

  it('takes a Kazakh-only letter, or a Latin i typed for і, as Kazakh', () => {
    expect(detectLanguage({ text: 'Бұл жаңа кезең' })).toBe('kk');
    expect(detectLanguage({ text: 'Кептiру барысында бiрнеше рет аударады.' })).toBe('kk');
  });

  it('returns null without letters', () => {
    expect(detectLanguage({ text: '' })).toBeNull();
    expect(detectLanguage({ text: '2025 — 17 000 000 $' })).toBeNull();
  });
});
