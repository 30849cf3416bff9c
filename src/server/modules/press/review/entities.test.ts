import { describe, expect, it } from 'vitest';
import { COUNTRIES, findEntities, type TEntityCandidate } from './entities.ts';
import { stemKazakh, stemWord } from './stem.ts';

const mission: TEntityCandidate[] = [
  { kind: 'organisation', ref: 'org-opera', name: 'Astana Opera', aliases: ['Астана Опера'] },
  { kind: 'person', ref: 'p-sembayev', name: 'Yerbolat Sembayev', aliases: ['Sembayev', 'Сембаев'] },
  { kind: 'place', ref: 'Astana', name: 'Astana', aliases: ['Астана'] },
  { kind: 'place', ref: 'Almaty', name: 'Almaty', aliases: ['Алматы'] },
];
const candidates = [...mission, ...COUNTRIES];
const refs = (text: string, lang: 'it' | 'en' | 'ru' | 'kk') =>
  findEntities({ text, lang, candidates }).map((m) => m.ref);

describe('findEntities', () => {
  it('finds countries across Italian word forms, with positions', () => {
    const text = 'Gli italiani guardano al Kazakistan: rapporti tra Italia e Kazakistan in ascesa.';
    const matches = findEntities({ text, lang: 'it', candidates });
    const italy = matches.find((m) => m.ref === 'IT')!;
    expect(italy.mentions.map((m) => m.text)).toEqual(['italiani', 'Italia']);
    const kz = matches.find((m) => m.ref === 'KZ')!;
    expect(kz.mentions).toHaveLength(2);
    for (const mention of kz.mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  });

  it('finds Russian inflections: Казахстана, Италии, Сембаева', () => {
    const text =
      'Посол Казахстана в Италии Сембаев встретился с министром. Сотрудничество Италии и Казахстана растёт.';
    expect(refs(text, 'ru').sort()).toEqual(['IT', 'KZ', 'p-sembayev']);
    const kz = findEntities({ text, lang: 'ru', candidates }).find((m) => m.ref === 'KZ')!;
    expect(kz.mentions.map((m) => m.text)).toEqual(['Казахстана', 'Казахстана']);
  });

  it('finds Kazakh inflections: Қазақстанның, Италиямен, Астанада', () => {
    const text = 'Қазақстанның Италиямен ынтымақтастығы Астанада талқыланды.';
    expect(refs(text, 'kk').sort()).toEqual(['Astana', 'IT', 'KZ']);
  });

  it('finds English forms and multi-word names, preferring the longest', () => {
    const text =
      'The Astana Opera hosted Italian singers; Kazakhstan and the United States signed 29 agreements.';
    const found = findEntities({ text, lang: 'en', candidates });
    expect(found.map((m) => m.ref)).toEqual(['org-opera', 'IT', 'KZ', 'US']);
    // "Astana" inside "Astana Opera" is not a separate place mention
    expect(found.find((m) => m.ref === 'Astana')).toBeUndefined();
  });

  it('does not match unrelated words that share a short beginning', () => {
    expect(refs('Il cinema italiano al festival.', 'it')).toEqual(['IT']);
    expect(refs('Almaz and Almanac are not Almaty.', 'en')).toEqual(['Almaty']);
  });
});

describe('stemming', () => {
  it('gives word forms one stem', () => {
    expect(stemWord('Казахстана', 'ru')).toBe(stemWord('Казахстан', 'ru'));
    expect(stemWord('italiani', 'it')).toBe(stemWord('italiana', 'it'));
    expect(stemKazakh('қазақстанның')).toBe(stemKazakh('қазақстан'));
    expect(stemKazakh('қазақстанға')).toBe(stemKazakh('қазақстан'));
  });
});
