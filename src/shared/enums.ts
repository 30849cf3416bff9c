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

// ——— Communication: strategy, media contacts, press releases (DESIGN §8, issue 5) ———

/** Channels of a plan's communication strategy (Instagram is the most used network in Kazakhstan). */
export const COMMS_CHANNELS = [
  'website',
  'instagram',
  'facebook',
  'telegram',
  'youtube',
  'press',
  'tv',
] as const;
export type TCommsChannel = (typeof COMMS_CHANNELS)[number];

/** Where a media contact publishes: the strategy's channels plus the networks bloggers use. */
export const MEDIA_CONTACT_CHANNELS = [...COMMS_CHANNELS, 'tiktok', 'vk', 'x', 'radio', 'other'] as const;
export type TMediaContactChannel = (typeof MEDIA_CONTACT_CHANNELS)[number];

/** People kinds that are media contacts, and the organisation kind of an outlet. */
export const MEDIA_PERSON_KINDS = ['journalist', 'blogger', 'influencer'] as const;
export type TMediaPersonKind = (typeof MEDIA_PERSON_KINDS)[number];
export const MEDIA_ORGANISATION_KIND = 'media_outlet' as const;

/** The languages a press release is written in. */
export const PRESS_RELEASE_LANGUAGES = ['it', 'en', 'ru', 'kk'] as const;
export type TPressReleaseLanguage = (typeof PRESS_RELEASE_LANGUAGES)[number];

/** A press release's way: drafted, approved by the head of mission, sent to the media. */
export const PRESS_RELEASE_STATUSES = ['draft', 'approved', 'sent'] as const;
export type TPressReleaseStatus = (typeof PRESS_RELEASE_STATUSES)[number];

/** Logo files: PNG or JPEG (both embed in DOCX and PDF), at most 1 MB. */
export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg'] as const;
export type TLogoMimeType = (typeof LOGO_MIME_TYPES)[number];
export const LOGO_MAX_BYTES = 1024 * 1024;
