import { describe, expect, it } from 'vitest';
import { REPORT_DICTIONARIES } from '../../platform/reports/i18n.ts';
import { wordAgendaMessage } from './meeting-minutes-pdf.ts';

describe('wordAgendaMessage', () => {
  const word = (lang: 'it' | 'en' | 'ru' | 'kk', key: string, params: Record<string, string | number> = {}) =>
    wordAgendaMessage({ key, params }, REPORT_DICTIONARIES[lang].minutes.messages, lang);

  it('words the agenda sentences in the document language', () => {
    expect(word('it', 'agenda.alarm.red', { metric: 'Casi al giorno' })).toBe('Casi al giorno è in rosso');
    expect(word('en', 'agenda.detail.owner', { name: 'Dinara Omarova' })).toBe('Owner: Dinara Omarova');
    expect(word('kk', 'agenda.proposalAwaitsDecision', { title: 'Fair' })).toBe(
      '«Fair» ұсынысы шешім күтуде',
    );
  });

  it('picks the plural form of the language, and writes ISO dates as dates', () => {
    expect([1, 3, 5, 21].map((count) => word('ru', 'agenda.detail.daysLate', { count }))).toEqual([
      'просрочено на 1 день',
      'просрочено на 3 дня',
      'просрочено на 5 дней',
      'просрочено на 21 день',
    ]);
    expect(word('en', 'agenda.detail.daysLate', { count: 1 })).toBe('1 day late');
    expect(word('it', 'agenda.detail.agreedOn', { date: '2022-06-20' })).toBe('concordata il 20 giu 2022');
  });

  it('gives null for a key it does not know, so the English text is kept', () => {
    expect(word('it', 'agenda.somethingNew')).toBeNull();
    expect(word('it', 'agenda.detail')).toBeNull();
  });
});
