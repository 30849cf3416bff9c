/**
 * Which initiatives a clipping is probably about (DESIGN.md §10, issue 6): a score from the
 * entities they share and how close the clipping's date is to the initiative's dates. The
 * system only suggests; a person confirms or rejects.
 */

export interface TLinkClipping {
  /** `YYYY-MM-DD` (or a date-time; only the day counts); null when unknown. */
  publishedAt: string | null;
  entities: readonly { kind: string; ref: string; name: string }[];
}

export interface TLinkInitiative {
  id: string;
  startDate: string | null;
  endDate: string | null;
  /** Partner organisations' ids. */
  organisationIds: readonly string[];
  /** Owner and delegates. */
  personIds: readonly string[];
  cities: readonly string[];
}

/**
 * One reason, structured for an interface to word in its own language: the initiative named,
 * a shared organisation, person or place (`name`), published within the initiative's window
 * (`date_window`) or `days` away from it (`date_distance`). `text` is the English phrase.
 */
export type TLinkReason =
  | { code: 'initiative' | 'date_window'; params: Record<string, never>; text: string }
  | { code: 'organisation' | 'person' | 'place'; params: { name: string }; text: string }
  | { code: 'date_distance'; params: { days: number }; text: string };

export interface TLinkSuggestion {
  initiativeId: string;
  /** 0–1. */
  score: number;
  /** Why, one short phrase each: "names the initiative", "organisation: Astana Opera", "published 3 days from its dates". */
  reasons: string[];
  /** The same reasons, structured. */
  details: TLinkReason[];
}

const named = (code: 'organisation' | 'person' | 'place', name: string): TLinkReason => ({
  code,
  params: { name },
  text: `${code}: ${name}`,
});

/** A reason as read back: structured, or `other` for a phrase not recognised. */
export type TStoredLinkReason = TLinkReason | { code: 'other'; params: Record<string, never>; text: string };

/**
 * The structured form of a reason stored as an English phrase (links suggested before reasons
 * were stored structured); a phrase it does not recognise stays as text under `other`.
 * @example linkReasonFromText('person: Aida Bekova') // { code: 'person', params: { name: 'Aida Bekova' }, text }
 */
export function linkReasonFromText(text: string): TStoredLinkReason {
  if (text === 'names the initiative') return { code: 'initiative', params: {}, text };
  if (text === 'published around its dates') return { code: 'date_window', params: {}, text };
  const days = /^published (\d+) days from its dates$/.exec(text);
  if (days) return { code: 'date_distance', params: { days: Number(days[1]) }, text };
  const entity = /^(organisation|person|place): (.+)$/s.exec(text);
  if (entity) return named(entity[1] as 'organisation' | 'person' | 'place', entity[2]!);
  return { code: 'other', params: {}, text };
}

/** Weights: the initiative named outright outweighs everything else. */
export const LINK_WEIGHTS = {
  initiative: 0.6,
  organisation: 0.25,
  person: 0.2,
  place: 0.1,
  /** Best date score, for a clipping within the window around the initiative. */
  date: 0.3,
} as const;
/** Coverage usually appears from a week before (announcements) to a fortnight after. */
const DAYS_BEFORE = 7;
const DAYS_AFTER = 14;
/** The date score falls to zero this many days beyond the window. */
const DATE_FADE_DAYS = 60;
/** Below this, nothing is suggested. */
export const SUGGESTION_THRESHOLD = 0.45;

const DAY_MS = 86_400_000;
const dayOf = (value: string) => Date.parse(`${value.slice(0, 10)}T00:00:00Z`);

/**
 * Scores how likely a clipping is about an initiative.
 *
 * Entities: the initiative named (0.6), each partner organisation (0.25), each owner or
 * delegate (0.2), each of its cities (0.1). Date: 0.3 when the clipping falls between a week
 * before the start and a fortnight after the end, fading linearly to 0 sixty days beyond;
 * the date counts only when some entity is shared, so that a clipping of the same week
 * about something else is not suggested. The total is capped at 1.
 *
 * @returns the score and its reasons
 * @example scoreInitiativeLink(clipping, initiative) // { initiativeId, score: 0.85, reasons: [...] }
 */
export function scoreInitiativeLink(clipping: TLinkClipping, initiative: TLinkInitiative): TLinkSuggestion {
  const reasons: TLinkReason[] = [];
  let score = 0;
  const cityStems = new Set(initiative.cities.map((c) => c.toLowerCase()));
  const organisations = new Set(initiative.organisationIds);
  const persons = new Set(initiative.personIds);
  for (const entity of clipping.entities) {
    if (entity.kind === 'initiative' && entity.ref === initiative.id) {
      score += LINK_WEIGHTS.initiative;
      reasons.push({ code: 'initiative', params: {}, text: 'names the initiative' });
    } else if (entity.kind === 'organisation' && organisations.has(entity.ref)) {
      score += LINK_WEIGHTS.organisation;
      reasons.push(named('organisation', entity.name));
    } else if (entity.kind === 'person' && persons.has(entity.ref)) {
      score += LINK_WEIGHTS.person;
      reasons.push(named('person', entity.name));
    } else if (entity.kind === 'place' && cityStems.has(entity.ref.toLowerCase())) {
      score += LINK_WEIGHTS.place;
      reasons.push(named('place', entity.name));
    }
  }
  if (score > 0 && clipping.publishedAt && (initiative.startDate || initiative.endDate)) {
    const day = dayOf(clipping.publishedAt);
    const start = dayOf((initiative.startDate ?? initiative.endDate)!) - DAYS_BEFORE * DAY_MS;
    const end = dayOf((initiative.endDate ?? initiative.startDate)!) + DAYS_AFTER * DAY_MS;
    const distance = day < start ? (start - day) / DAY_MS : day > end ? (day - end) / DAY_MS : 0;
    const dateScore = LINK_WEIGHTS.date * Math.max(0, 1 - distance / DATE_FADE_DAYS);
    if (dateScore > 0) {
      score += dateScore;
      const days = Math.round(distance);
      reasons.push(
        distance === 0
          ? { code: 'date_window', params: {}, text: 'published around its dates' }
          : { code: 'date_distance', params: { days }, text: `published ${days} days from its dates` },
      );
    }
  }
  return {
    initiativeId: initiative.id,
    score: Math.min(1, Math.round(score * 1000) / 1000),
    reasons: reasons.map((r) => r.text),
    details: reasons,
  };
}

/**
 * The initiatives worth suggesting for a clipping, best first.
 * @param limit - at most this many (default 5)
 */
export function suggestInitiativeLinks(
  clipping: TLinkClipping,
  initiatives: readonly TLinkInitiative[],
  limit = 5,
): TLinkSuggestion[] {
  return initiatives
    .map((initiative) => scoreInitiativeLink(clipping, initiative))
    .filter((s) => s.score >= SUGGESTION_THRESHOLD)
    .sort((a, b) => b.score - a.score || a.initiativeId.localeCompare(b.initiativeId))
    .slice(0, limit);
}
