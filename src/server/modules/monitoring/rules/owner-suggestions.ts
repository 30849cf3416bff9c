/**
 * Suggested owners and delegates for an initiative (DESIGN §4, "map competences, delegate
 * execution"): people ranked by how well their competences and languages match the initiative
 * and by how much room they have left. Pure: the caller loads the people and their load.
 */

export interface TSuggestionInitiative {
  type: string;
  /** Key of the focus area, e.g. `cultural`. */
  focusAreaKey: string | null;
  /** Free text to look for competence tags in: title, summary, key messages… */
  text: string;
  /** Languages of the host country (see `hostLanguages`). */
  hostLanguages: readonly string[];
}

export interface TSuggestionCandidate {
  id: string;
  fullName: string;
  competences: ReadonlyArray<{ tag: string; level: number }>;
  languages: readonly string[];
  /** How many initiatives the person can own at once; null when nobody set it. */
  capacity: number | null;
  /** Active initiatives the person owns now. */
  activeOwned: number;
}

export type TSuggestionReasonKind = 'type' | 'focus_area' | 'keyword' | 'language' | 'load' | 'capacity';

/**
 * What a reason is made of, for an interface to word it in its own language: the competence
 * (`tag`, `level`) and what it fits (`initiativeType` or `focusAreaKey`); the host-country
 * `languages` spoken; the load (`owned` of `capacity`, null when capacity is not set).
 */
export interface TSuggestionReasonParams {
  tag?: string;
  level?: number;
  initiativeType?: string;
  focusAreaKey?: string;
  languages?: string[];
  owned?: number;
  capacity?: number | null;
}

export interface TSuggestionReason {
  kind: TSuggestionReasonKind;
  /** Positive raises the score, negative lowers it. */
  points: number;
  /** The reason in English, for API clients and the command line. */
  text: string;
  params: TSuggestionReasonParams;
}

export interface TOwnerSuggestion {
  personId: string;
  fullName: string;
  score: number;
  activeOwned: number;
  capacity: number | null;
  reasons: TSuggestionReason[];
}

/** Competence tags that an initiative of each type calls for. */
export const TYPE_COMPETENCES: Readonly<Record<string, readonly string[]>> = {
  exhibition: ['culture', 'art'],
  concert: ['music', 'culture'],
  workshop: ['education', 'trade'],
  b2b_meeting: ['trade', 'economy'],
  masterclass: ['education', 'music'],
  fashion_show: ['fashion', 'trade'],
  institutional_event: ['protocol'],
  public_diplomacy: ['communication', 'media_relations'],
  training_module: ['education'],
  conference: ['protocol', 'communication'],
  seminar: ['education'],
  promotion_event: ['trade', 'communication'],
  performance: ['culture', 'music'],
  launch: ['communication', 'trade'],
  publication: ['communication', 'culture'],
};

/** Competence tags that each default focus area calls for. */
export const FOCUS_AREA_COMPETENCES: Readonly<Record<string, readonly string[]>> = {
  political_institutional: ['protocol'],
  economic_commercial: ['economy', 'trade'],
  cultural: ['culture'],
};

/** Languages spoken in a host country, most useful first (ISO 3166 → ISO 639-1). */
const COUNTRY_LANGUAGES: Readonly<Record<string, readonly string[]>> = {
  KZ: ['kk', 'ru'],
  KG: ['ky', 'ru'],
  UZ: ['uz', 'ru'],
  TJ: ['tg', 'ru'],
  TM: ['tk', 'ru'],
  AZ: ['az'],
  RU: ['ru'],
  BY: ['be', 'ru'],
  UA: ['uk'],
  IT: ['it'],
  FR: ['fr'],
  DE: ['de'],
  ES: ['es'],
  CN: ['zh'],
  TR: ['tr'],
  US: ['en'],
  GB: ['en'],
};

/**
 * The languages of a host country.
 * @example hostLanguages('KZ') // ['kk', 'ru']
 */
export function hostLanguages(country: string | null | undefined): readonly string[] {
  return country ? (COUNTRY_LANGUAGES[country.toUpperCase()] ?? []) : [];
}

const WEIGHTS = { type: 2, focus_area: 1.5, keyword: 1 } as const;
const LANGUAGE_POINTS = 2;
const EXTRA_LANGUAGE_POINTS = 1;
const FULL_LOAD_PENALTY = 4;
const OVER_CAPACITY_PENALTY = 6;

const round = (n: number) => Math.round(n * 10) / 10;

/** True when the tag (`social_media` → "social media") appears as a word in the text. */
function mentions(text: string, tag: string): boolean {
  const words = tag.replaceAll('_', ' ').toLowerCase();
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}])${escaped}`, 'u').test(text);
}

function scoreCandidate(initiative: TSuggestionInitiative, person: TSuggestionCandidate): TOwnerSuggestion {
  const reasons: TSuggestionReason[] = [];
  const text = initiative.text.toLowerCase();
  const typeTags = TYPE_COMPETENCES[initiative.type] ?? [];
  const focusTags = initiative.focusAreaKey ? (FOCUS_AREA_COMPETENCES[initiative.focusAreaKey] ?? []) : [];
  for (const c of person.competences) {
    // Each competence counts once, for its strongest reason.
    const kind: keyof typeof WEIGHTS | null = typeTags.includes(c.tag)
      ? 'type'
      : focusTags.includes(c.tag)
        ? 'focus_area'
        : mentions(text, c.tag)
          ? 'keyword'
          : null;
    if (!kind) continue;
    const why =
      kind === 'type'
        ? `fits a ${initiative.type.replaceAll('_', ' ')}`
        : kind === 'focus_area'
          ? `fits the ${initiative.focusAreaKey?.replaceAll('_', ' ')} focus area`
          : 'named in the initiative';
    reasons.push({
      kind,
      points: round(WEIGHTS[kind] * c.level),
      text: `${c.tag.replaceAll('_', ' ')} (level ${c.level}) ${why}`,
      params: {
        tag: c.tag,
        level: c.level,
        ...(kind === 'type' ? { initiativeType: initiative.type } : {}),
        ...(kind === 'focus_area' && initiative.focusAreaKey
          ? { focusAreaKey: initiative.focusAreaKey }
          : {}),
      },
    });
  }
  const spoken = initiative.hostLanguages.filter((l) => person.languages.includes(l));
  if (spoken.length) {
    reasons.push({
      kind: 'language',
      points: LANGUAGE_POINTS + EXTRA_LANGUAGE_POINTS * (spoken.length - 1),
      text: `speaks ${spoken.map((l) => l.toUpperCase()).join(' and ')}, the host country's language${spoken.length > 1 ? 's' : ''}`,
      params: { languages: [...spoken] },
    });
  }
  if (person.capacity === null) {
    reasons.push({
      kind: 'capacity',
      points: 0,
      text: `capacity not set; owns ${person.activeOwned} now`,
      params: { owned: person.activeOwned, capacity: null },
    });
  } else if (person.activeOwned >= person.capacity) {
    reasons.push({
      kind: 'capacity',
      points: -OVER_CAPACITY_PENALTY,
      text: `at capacity: owns ${person.activeOwned} of ${person.capacity}`,
      params: { owned: person.activeOwned, capacity: person.capacity },
    });
  } else {
    const ratio = person.activeOwned / person.capacity;
    reasons.push({
      kind: 'load',
      points: round(-FULL_LOAD_PENALTY * ratio),
      text: `owns ${person.activeOwned} of ${person.capacity}: room for ${person.capacity - person.activeOwned} more`,
      params: { owned: person.activeOwned, capacity: person.capacity },
    });
  }
  return {
    personId: person.id,
    fullName: person.fullName,
    score: round(reasons.reduce((sum, r) => sum + r.points, 0)),
    activeOwned: person.activeOwned,
    capacity: person.capacity,
    reasons,
  };
}

/**
 * Ranks people for owning (or helping with) an initiative: competence match (type, focus area,
 * tags named in its text) weighted by level, host-country languages, minus their current load.
 * Ties go to the less loaded person, then by name.
 * @example suggestOwners({ initiative, people }).slice(0, 3)
 */
export function suggestOwners(input: {
  initiative: TSuggestionInitiative;
  people: readonly TSuggestionCandidate[];
}): TOwnerSuggestion[] {
  const ratio = (s: TOwnerSuggestion) =>
    s.capacity ? s.activeOwned / s.capacity : s.capacity === 0 ? Number.POSITIVE_INFINITY : 0;
  return input.people
    .map((p) => scoreCandidate(input.initiative, p))
    .sort((a, b) => b.score - a.score || ratio(a) - ratio(b) || a.fullName.localeCompare(b.fullName));
}
