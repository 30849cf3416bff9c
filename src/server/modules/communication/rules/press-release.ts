/**
 * Press releases: the first draft of an initiative's release in one language, filled from the
 * initiative's fields, and the rule for moving a release from draft to sent. Pure functions.
 */
import type { TDatePrecision, TPressReleaseLanguage, TPressReleaseStatus } from '../../../../shared/enums.ts';

export interface TPressReleaseSource {
  planTitle: string;
  missionName: string;
  initiative: {
    title: string;
    summary: string | null;
    datePrecision: TDatePrecision;
    startDate: string | null;
    endDate: string | null;
    cities: string[];
    venues: string[];
    keyMessages: string | null;
  };
  /** Partner names, organiser first (the mission itself is left out). */
  partners: string[];
}

interface TTemplate {
  headline: (title: string) => string;
  when: string;
  where: string;
  partners: string;
  keyMessage: string;
  dateToBeConfirmed: string;
  placeToBeConfirmed: string;
  opening: (v: { mission: string; plan: string; title: string }) => string;
  summaryFallback: string;
  contacts: string;
}

/** The template's words in each language (own wording; the release is edited before it goes out). */
const TEMPLATES: Record<TPressReleaseLanguage, TTemplate> = {
  it: {
    headline: (title) => title,
    when: 'Quando',
    where: 'Dove',
    partners: 'Partner',
    keyMessage: 'Messaggio chiave',
    dateToBeConfirmed: 'data da confermare',
    placeToBeConfirmed: 'luogo da confermare',
    opening: (v) => `${v.mission} presenta «${v.title}», un'iniziativa del piano ${v.plan}.`,
    summaryFallback: "Descrivere qui l'iniziativa in due o tre frasi.",
    contacts: 'Contatti per la stampa',
  },
  en: {
    headline: (title) => title,
    when: 'When',
    where: 'Where',
    partners: 'Partners',
    keyMessage: 'Key message',
    dateToBeConfirmed: 'date to be confirmed',
    placeToBeConfirmed: 'place to be confirmed',
    opening: (v) => `${v.mission} presents "${v.title}", an initiative of the ${v.plan} plan.`,
    summaryFallback: 'Describe the initiative here in two or three sentences.',
    contacts: 'Press contacts',
  },
  ru: {
    headline: (title) => title,
    when: 'Когда',
    where: 'Где',
    partners: 'Партнёры',
    keyMessage: 'Главная мысль',
    dateToBeConfirmed: 'дата уточняется',
    placeToBeConfirmed: 'место уточняется',
    opening: (v) => `${v.mission} представляет «${v.title}» — инициативу плана ${v.plan}.`,
    summaryFallback: 'Опишите здесь инициативу в двух-трёх предложениях.',
    contacts: 'Контакты для прессы',
  },
  kk: {
    headline: (title) => title,
    when: 'Қашан',
    where: 'Қайда',
    partners: 'Серіктестер',
    keyMessage: 'Негізгі хабар',
    dateToBeConfirmed: 'күні нақтыланады',
    placeToBeConfirmed: 'орны нақтыланады',
    opening: (v) => `${v.mission} «${v.title}» бастамасын ұсынады (${v.plan} жоспары).`,
    summaryFallback: 'Бастаманы осында екі-үш сөйлеммен сипаттаңыз.',
    contacts: 'Баспасөзге арналған байланыс',
  },
};

const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

/**
 * The initiative's date written the way a reader of `language` expects: a day, a range of days,
 * or, for month precision, the month(s).
 * @example formatInitiativeDate('it', { datePrecision: 'day', startDate: '2022-05-12', endDate: null }) // '12 maggio 2022'
 */
export function formatInitiativeDate(
  language: TPressReleaseLanguage,
  dates: { datePrecision: TDatePrecision; startDate: string | null; endDate: string | null },
): string | null {
  if (!dates.startDate) return null;
  const options: Intl.DateTimeFormatOptions =
    dates.datePrecision === 'month'
      ? { month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  const format = new Intl.DateTimeFormat(language, options);
  const start = utc(dates.startDate);
  if (!dates.endDate || dates.endDate === dates.startDate) return format.format(start);
  const end = utc(dates.endDate);
  if (
    dates.datePrecision === 'month' &&
    start.getUTCFullYear() === end.getUTCFullYear() &&
    start.getUTCMonth() === end.getUTCMonth()
  )
    return format.format(start);
  return format.formatRange(start, end);
}

const list = (language: TPressReleaseLanguage, items: string[]) =>
  new Intl.ListFormat(language, { type: 'conjunction' }).format(items);

/**
 * The first draft of a press release: the headline is the initiative's title; the body opens
 * with who presents what, then the date, the place, the partners and the key message, each on
 * its own line, and ends with a line for the press contacts. Missing facts are marked "to be
 * confirmed" so that nobody sends a release with a hole in it unnoticed.
 */
export function draftPressRelease(
  language: TPressReleaseLanguage,
  source: TPressReleaseSource,
): { title: string; body: string } {
  const t = TEMPLATES[language];
  const { initiative } = source;
  const date = formatInitiativeDate(language, initiative) ?? t.dateToBeConfirmed;
  const places = [...initiative.venues, ...initiative.cities];
  // The mission presents the initiative: it is not listed again among its partners.
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const partners = source.partners.filter((p) => !same(p, source.missionName));
  const paragraphs = [
    t.opening({ mission: source.missionName, plan: source.planTitle, title: initiative.title }),
    initiative.summary?.trim() || t.summaryFallback,
    `${t.when}: ${date}`,
    `${t.where}: ${places.length ? places.join(', ') : t.placeToBeConfirmed}`,
    ...(partners.length ? [`${t.partners}: ${list(language, partners)}`] : []),
    ...(initiative.keyMessages?.trim() ? [`${t.keyMessage}: ${initiative.keyMessages.trim()}`] : []),
    `${t.contacts}: `,
  ];
  return { title: t.headline(initiative.title), body: paragraphs.join('\n\n') };
}

/** The moves a press release can make: approval can be withdrawn until it is sent; sent is final. */
export const PRESS_RELEASE_TRANSITIONS: Record<TPressReleaseStatus, readonly TPressReleaseStatus[]> = {
  draft: ['approved'],
  approved: ['draft', 'sent'],
  sent: [],
};

/** @example canTransitionPressRelease('draft', 'sent') // false: approve it first */
export function canTransitionPressRelease(from: TPressReleaseStatus, to: TPressReleaseStatus): boolean {
  return PRESS_RELEASE_TRANSITIONS[from].includes(to);
}
