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

export interface TLinkSuggestion {
  initiativeId: string;
  /** 0–1. */
  score: number;
  /** Why, one short phrase each: "names the initiative", "organisation: Astana Opera", "3 days after it". */
  reasons: string[];
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
  const reasons: string[] = [];
  let score = 0;
  const cityStems = new Set(initiative.cities.map((c) => c.toLowerCase()));
  const organisations = new Set(initiative.organisationIds);
  const persons = new Set(initiative.personIds);
  for (const entity of clipping.entities) {
    if (entity.kind === 'initiative' && entity.ref === initiative.id) {
      score += LINK_WEIGHTS.initiative;
      reasons.push('names the initiative');
    } else if (entity.kind === 'organisation' && organisations.has(entity.ref)) {
      score += LINK_WEIGHTS.organisation;
      reasons.push(`organisation: ${entity.name}`);
    } else if (entity.kind === 'person' && persons.has(entity.ref)) {
      score += LINK_WEIGHTS.person;
      reasons.push(`person: ${entity.name}`);
    } else if (entity.kind === 'place' && cityStems.has(entity.ref.toLowerCase())) {
      score += LINK_WEIGHTS.place;
      reasons.push(`place: ${entity.name}`);
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
      reasons.push(
        distance === 0
          ? 'published around its dates'
          : `published ${Math.round(distance)} days from its dates`,
      );
    }
  }
  return { initiativeId: initiative.id, score: Math.min(1, Math.round(score * 1000) / 1000), reasons };
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
