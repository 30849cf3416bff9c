/**
 * The domain's vocabulary (DESIGN.md). Every enumeration used by the database, the API,
 * the CLI and the web app is declared here once; UI labels are translated, these are not.
 */

export const MISSION_KINDS = [
  'embassy',
  'consulate',
  'cultural_institute',
  'trade_office',
  'headquarters',
] as const;
export type TMissionKind = (typeof MISSION_KINDS)[number];

/** Roles per mission, from most to least powerful. */
export const ROLES = ['admin', 'head_of_mission', 'officer', 'collaborator', 'viewer'] as const;
export type TRole = (typeof ROLES)[number];

export const OBJECTIVE_LEVELS = [1, 2] as const;

/** The six phases of the project cycle, in order. */
export const PHASE_KINDS = [
  'programming',
  'identification',
  'formulation',
  'financing',
  'implementation',
  'evaluation',
] as const;
export type TPhaseKind = (typeof PHASE_KINDS)[number];

export const DEFAULT_FOCUS_AREAS = ['political_institutional', 'economic_commercial', 'cultural'] as const;
export const DEFAULT_VECTORS = ['cooperation', 'innovation', 'education'] as const;
export const INNOVATION_KINDS = ['product', 'process'] as const;
export type TInnovationKind = (typeof INNOVATION_KINDS)[number];

export const INITIATIVE_TYPES = [
  'exhibition',
  'concert',
  'workshop',
  'b2b_meeting',
  'masterclass',
  'fashion_show',
  'institutional_event',
  'public_diplomacy',
  'training_module',
  'conference',
  'seminar',
  'promotion_event',
  'performance',
  'launch',
  'publication',
  'other',
] as const;
export type TInitiativeType = (typeof INITIATIVE_TYPES)[number];

/** Lifecycle: the main path first, then the side exits. */
export const INITIATIVE_STATUSES = [
  'proposed',
  'approved',
  'planned',
  'in_preparation',
  'done',
  'evaluated',
  'rejected',
  'parked',
  'postponed',
  'cancelled',
] as const;
export type TInitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** The annex's "riflesso mediatico", lowest first (Basso … Molto elevato). */
export const MEDIA_REFLECTIONS = ['low', 'medium', 'medium_high', 'high', 'very_high'] as const;
export type TMediaReflection = (typeof MEDIA_REFLECTIONS)[number];

export const IMPORTANCES = ['standard', 'major'] as const;
export type TImportance = (typeof IMPORTANCES)[number];

/** `day`: start/end are exact days; `month`: start is the 1st of a month, end the last day of a month. */
export const DATE_PRECISIONS = ['day', 'month'] as const;
export type TDatePrecision = (typeof DATE_PRECISIONS)[number];

export const PARTNER_ROLES = [
  'organiser',
  'institutional_partner',
  'private_sponsor',
  'media_partner',
  'venue',
  'co_organiser',
] as const;
export type TPartnerRole = (typeof PARTNER_ROLES)[number];

export const ORGANISATION_KINDS = [
  'public_institution',
  'ministry',
  'agency',
  'university',
  'foundation',
  'company',
  'media_outlet',
  'international_organisation',
  'association',
  'cultural_venue',
  'embassy',
  'other',
] as const;
export type TOrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Status of a "new actor" the plan helped create. */
export const NEW_ACTOR_STATUSES = ['proposed', 'in_constitution', 'constituted', 'operating'] as const;
export type TNewActorStatus = (typeof NEW_ACTOR_STATUSES)[number];

export const PERSON_KINDS = [
  'head_of_mission',
  'diplomat',
  'staff',
  'local_staff',
  'external_collaborator',
  'agency_staff',
  'journalist',
  'blogger',
  'influencer',
  'artist',
  'other',
] as const;
export type TPersonKind = (typeof PERSON_KINDS)[number];

export const LOCALES = ['en', 'it', 'ru', 'kk'] as const;
export type TLocale = (typeof LOCALES)[number];

/** The three criteria every evaluator scores from 1 to 5 (DESIGN §2). */
export const SCORE_CRITERIA = ['relevance', 'effectiveness', 'feasibility'] as const;
export type TScoreCriterion = (typeof SCORE_CRITERIA)[number];
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** A proposal's way through selection: the decision's outcome is its last state. */
export const PROPOSAL_STATUSES = [
  'draft',
  'submitted',
  'in_round',
  'approved',
  'rejected',
  'parked',
] as const;
export type TProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const DECISION_OUTCOMES = ['approved', 'rejected', 'parked'] as const;
export type TDecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type TRoundStatus = (typeof ROUND_STATUSES)[number];

// ── Press review and media monitor (issue 6, DESIGN §10) ─────────────────────────────────────
/** The languages the press review reads. */
export const MEDIA_LANGUAGES = ['it', 'en', 'ru', 'kk'] as const;
export type TMediaLanguage = (typeof MEDIA_LANGUAGES)[number];

/** How a clipping reached the press review. */
export const MEDIA_SOURCE_KINDS = ['url', 'file', 'paste', 'feed'] as const;
export type TMediaSourceKind = (typeof MEDIA_SOURCE_KINDS)[number];

/** The medium the clipping appeared in. */
export const MEDIA_KINDS = ['online', 'print', 'tv', 'radio', 'social'] as const;
export type TMediaKind = (typeof MEDIA_KINDS)[number];

/** Tone of a clipping: computed by the lexicon method, or set by a person (who wins). */
export const MEDIA_TONES = ['positive', 'neutral', 'negative'] as const;
export type TMediaTone = (typeof MEDIA_TONES)[number];

/** Whether the server could read the clipping's URL (`failed` keeps the reason). */
export const MEDIA_FETCH_STATUSES = ['ok', 'failed'] as const;
export type TMediaFetchStatus = (typeof MEDIA_FETCH_STATUSES)[number];

/** What a clipping's link to an initiative is: proposed by the system, or decided by a person. */
export const MEDIA_LINK_STATUSES = ['suggested', 'confirmed', 'rejected'] as const;
export type TMediaLinkStatus = (typeof MEDIA_LINK_STATUSES)[number];

/** What an entity found in a clipping is. */
export const MEDIA_ENTITY_KINDS = ['organisation', 'person', 'initiative', 'place', 'country'] as const;
export type TMediaEntityKind = (typeof MEDIA_ENTITY_KINDS)[number];
