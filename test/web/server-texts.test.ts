/**
 * The sentences the server composes in English are worded in the user's language from their
 * codes and parameters, with the server's English kept when a code is unknown.
 */
import i18next from 'i18next';
import { describe, expect, it as test } from 'vitest';
import { en } from '../../src/web/lib/i18n/en.ts';
import { it } from '../../src/web/lib/i18n/it.ts';
import { kk } from '../../src/web/lib/i18n/kk.ts';
import { ru } from '../../src/web/lib/i18n/ru.ts';
import { createServerTexts } from '../../src/web/lib/server-texts.ts';

async function textsIn(lng: string) {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng,
    fallbackLng: 'en',
    resources: {
      en: { translation: en },
      it: { translation: it },
      ru: { translation: ru },
      kk: { translation: kk },
    },
    interpolation: { escapeValue: false },
  });
  return createServerTexts({
    t: (key, options) => i18n.t(key, options as never) as unknown as string,
    exists: (key) => i18n.exists(key),
    number: (value) => new Intl.NumberFormat(lng).format(value),
    day: (isoDate) => `day ${isoDate}`,
  });
}

const typeReason = {
  kind: 'type',
  text: 'trade (level 3) fits a promotion event',
  params: { tag: 'trade', level: 3, initiativeType: 'promotion_event' },
};
const languageReason = {
  kind: 'language',
  text: "speaks KK and RU, the host country's languages",
  params: { languages: ['kk', 'ru'] },
};
const loadReason = { kind: 'load', text: 'owns 0 of 7: room for 7 more', params: { owned: 0, capacity: 7 } };

describe('owner suggestion reasons', () => {
  test('are worded in Italian, Russian and Kazakh, with the type translated and languages in capitals', async () => {
    const italian = await textsIn('it');
    expect(italian.suggestionReason(typeReason)).toBe(
      'trade (livello 3) adatto al tipo «Evento promozionale»',
    );
    expect(italian.suggestionReason(languageReason)).toBe('parla KK e RU, le lingue del paese ospite');
    expect(italian.suggestionReason(loadReason)).toBe('responsabile di 0 su 7: può prenderne altre 7');
    const russian = await textsIn('ru');
    expect(russian.suggestionReason({ ...languageReason, params: { languages: ['ru'] } })).toBe(
      'говорит на RU — языке страны пребывания',
    );
    expect(russian.suggestionReason({ kind: 'capacity', text: '', params: { owned: 2, capacity: 2 } })).toBe(
      'лимит исчерпан: ведёт 2 из 2',
    );
    const kazakh = await textsIn('kk');
    expect(
      kazakh.suggestionReason({ kind: 'capacity', text: '', params: { owned: 1, capacity: null } }),
    ).toBe('жүктеме белгіленбеген; қазір жауапты: 1');
    expect(
      kazakh.suggestionReason({
        kind: 'focus_area',
        text: '',
        params: { tag: 'media_relations', level: 2, focusAreaKey: 'cultural' },
      }),
    ).toBe('media relations (2-деңгей) «Мәдени» бағытына сай');
  });

  test('keep the English text when the parameters are missing or the kind is new', async () => {
    const italian = await textsIn('it');
    expect(italian.suggestionReason({ kind: 'type', text: 'as sent' })).toBe('as sent');
    expect(italian.suggestionReason({ kind: 'mentor', text: 'as sent', params: {} })).toBe('as sent');
  });
});

describe('agenda items', () => {
  test('word the title and the detail, dates and counts included; data titles stay', async () => {
    const russian = await textsIn('ru');
    expect(
      russian.agendaTitle({
        title: 'Days to get a permit is red',
        message: { key: 'agenda.alarm.red', params: { metric: 'Days to get a permit' } },
      }),
    ).toBe('Days to get a permit: красный уровень');
    expect(
      russian.agendaDetail({
        title: 'x',
        detail: 'Owner: Olga · 5 days late',
        detailMessages: [
          { key: 'agenda.detail.owner', params: { name: 'Olga' } },
          { key: 'agenda.detail.daysLate', params: { count: 5 } },
          { key: 'agenda.detail.agreedOn', params: { date: '2022-05-02' } },
        ],
      }),
    ).toBe('Ответственный: Olga · просрочено на 5 дней · согласовано day 2022-05-02');
    expect(russian.agendaTitle({ title: 'Violin concert: 4. Press release' })).toBe(
      'Violin concert: 4. Press release',
    );
    expect(russian.agendaTitle({ title: 'As sent', message: { key: 'agenda.unknown', params: {} } })).toBe(
      'As sent',
    );
    expect(russian.agendaDetail({ title: 'x', detail: 'Risk · Olga' })).toBe('Risk · Olga');
  });
});

describe('selection and press-link reasons', () => {
  test('are worded with the criterion and numbers of the language', async () => {
    const italian = await textsIn('it');
    expect(
      italian.selectionReason({
        code: 'criterion_below',
        params: { criterion: 'feasibility', value: 2.5, min: 3 },
        text: 'feasibility mean 2.50 is below 3',
      }),
    ).toBe('Fattibilità: media 2,5 sotto 3');
    const kazakh = await textsIn('kk');
    expect(kazakh.selectionReason({ code: 'no_scores', params: {}, text: 'no scores yet' })).toBe(
      'әзірге баға жоқ',
    );
    const russian = await textsIn('ru');
    expect(russian.linkReason({ code: 'person', params: { name: 'Aida' }, text: 'person: Aida' })).toBe(
      'человек: Aida',
    );
    expect(russian.linkReason({ code: 'date_distance', params: { days: 3 }, text: '' })).toBe(
      'опубликовано за 3 дня от дат мероприятия',
    );
    expect(russian.linkReason({ code: 'other', params: {}, text: 'an old phrase' })).toBe('an old phrase');
  });
});
