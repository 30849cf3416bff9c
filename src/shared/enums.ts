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

/** A membership counts only once `active`; an `invited` one waits for the person to accept. */
export const MEMBERSHIP_STATUSES = ['active', 'invited'] as const;
export type TMembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** What a one-time link does: sign in (hand-over, first start) or reset a forgotten password. */
export const SIGN_IN_TOKEN_PURPOSES = ['sign_in', 'password_reset'] as const;
export type TSignInTokenPurpose = (typeof SIGN_IN_TOKEN_PURPOSES)[number];

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

// ── Final evaluation and logframe (issue 7b) ────────────────────────────────
/** The OECD-DAC evaluation criteria, in the order the DAC lists them. */
export const DAC_CRITERIA = [
  'relevance',
  'coherence',
  'effectiveness',
  'efficiency',
  'impact',
  'sustainability',
] as const;
export type TDacCriterion = (typeof DAC_CRITERIA)[number];

/**
 * The rating of a DAC criterion: a 4-point scale with no middle step, so that every rating
 * leans one way (see docs/decisions/0007-evaluation-and-report.md). 1 unsatisfactory, 2 partly
 * satisfactory, 3 satisfactory, 4 highly satisfactory.
 */
export const DAC_RATINGS = [1, 2, 3, 4] as const;
export type TDacRating = (typeof DAC_RATINGS)[number];
export const DAC_RATING_LABELS = {
  1: 'unsatisfactory',
  2: 'partly_satisfactory',
  3: 'satisfactory',
  4: 'highly_satisfactory',
} as const satisfies Record<TDacRating, string>;

/** Levels of the logframe matrix whose indicators, sources and assumptions are written by hand. */
export const LOGFRAME_LEVELS = ['overall_objective', 'specific_objective', 'activities'] as const;
export type TLogframeLevel = (typeof LOGFRAME_LEVELS)[number];

/** The files the report for headquarters comes in. */
export const REPORT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];
// ── Results and impact (DESIGN §9): indicators and social metrics ──

/** `result`: did we do what we planned; `impact`: did perceptions move. */
export const INDICATOR_KINDS = ['result', 'impact'] as const;
export type TIndicatorKind = (typeof INDICATOR_KINDS)[number];

/** The stages of the AMEC integrated evaluation framework, lowest first. */
export const AMEC_STAGES = ['input', 'activity', 'output', 'out_take', 'outcome', 'impact'] as const;
export type TAmecStage = (typeof AMEC_STAGES)[number];

export const INDICATOR_MEASURES = ['unit', 'percentage', 'ordinal', 'qualitative'] as const;
export type TIndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

export const COLLECTION_FREQUENCIES = [
  'once',
  'weekly',
  'monthly',
  'quarterly',
  'yearly',
  'per_initiative',
] as const;
export type TCollectionFrequency = (typeof COLLECTION_FREQUENCIES)[number];

/** Green/amber/red against the target; `none` until an actual value exists. */
export const INDICATOR_STATUSES = ['green', 'amber', 'red', 'none'] as const;
export type TIndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const SOCIAL_PLATFORMS = [
  'instagram',
  'facebook',
  'x',
  'linkedin',
  'youtube',
  'telegram',
  'tiktok',
  'vk',
  'other',
] as const;
export type TSocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

/** The denominator of an engagement rate; `reach` is the common definition and the default. */
export const ENGAGEMENT_BASES = ['reach', 'followers', 'impressions'] as const;
export type TEngagementBasis = (typeof ENGAGEMENT_BASES)[number];
// ——— Team, delegation and weekly monitoring (DESIGN §4, §7) ———

/** The status an initiative gets at a weekly staff meeting (check-in). */
export const CHECK_IN_STATUSES = ['on_track', 'at_risk', 'late', 'done', 'cancelled'] as const;
export type TCheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** Initiatives still being worked on: checked at every meeting, and owned against a person's capacity. */
export const ACTIVE_INITIATIVE_STATUSES = ['approved', 'planned', 'in_preparation', 'postponed'] as const;

/** How a person is assigned to an initiative, and what happened in the assignment history. */
export const ASSIGNMENT_ROLES = ['owner', 'delegate'] as const;
export type TAssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ASSIGNMENT_ACTIONS = ['assigned', 'unassigned'] as const;
export type TAssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];
// ——— Risks and alarm variables (DESIGN §5) ———

/** Likelihood of a risk, from the least to the most likely (ISO 31000 vocabulary). */
export const LIKELIHOODS = ['rare', 'unlikely', 'possible', 'likely', 'almost_certain'] as const;
export type TLikelihood = (typeof LIKELIHOODS)[number];

/** Impact of a risk, from the least to the most severe. */
export const IMPACTS = ['insignificant', 'minor', 'moderate', 'major', 'catastrophic'] as const;
export type TImpact = (typeof IMPACTS)[number];

/** A risk's level, read from the plan's 5×5 matrix. */
export const RISK_LEVELS = ['low', 'moderate', 'high', 'extreme'] as const;
export type TRiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_RESPONSES = ['avoid', 'reduce', 'transfer', 'accept', 'escalate'] as const;
export type TRiskResponse = (typeof RISK_RESPONSES)[number];

/** The plan's risk areas when it has not edited them (the seed's three). */
export const DEFAULT_RISK_AREAS = ['internal_stability', 'pandemic', 'implementation'] as const;

/** Which way an alarm variable gets worse. */
export const ALARM_DIRECTIONS = ['higher_is_worse', 'lower_is_worse'] as const;
export type TAlarmDirection = (typeof ALARM_DIRECTIONS)[number];

/** An alarm variable's status: its latest value's band, `stale` when an observation is overdue, `no_data` before the first. */
export const ALARM_STATUSES = ['green', 'amber', 'red', 'stale', 'no_data'] as const;
export type TAlarmStatus = (typeof ALARM_STATUSES)[number];

/** The bands an observation falls into. */
export const ALARM_LEVELS = ['green', 'amber', 'red'] as const;
export type TAlarmLevel = (typeof ALARM_LEVELS)[number];

/** Named observation frequencies and their length in days (any whole number of days is allowed). */
export const OBSERVATION_FREQUENCIES = {
  daily: 1,
  weekly: 7,
  fortnightly: 14,
  monthly: 30,
  quarterly: 91,
} as const;
export type TObservationFrequency = keyof typeof OBSERVATION_FREQUENCIES;

export const ALERT_STATUSES = ['open', 'resolved'] as const;
export type TAlertStatus = (typeof ALERT_STATUSES)[number];

export const TASK_STATUSES = ['open', 'done'] as const;
export type TTaskStatus = (typeof TASK_STATUSES)[number];
// ——— Communication procedure (DESIGN §8) ———

/** What a step's due date is counted from: the initiative's first or last day. */
export const COMMUNICATION_ANCHORS = ['start', 'end'] as const;
export type TCommunicationAnchor = (typeof COMMUNICATION_ANCHORS)[number];

/**
 * Who owns a step by default: the initiative's owner, the mission's head (a person of kind
 * `head_of_mission`), or the plan's communication officer (named on the template; the
 * initiative's owner when none is named).
 */
export const COMMUNICATION_OWNER_ROLES = [
  'initiative_owner',
  'head_of_mission',
  'communication_officer',
] as const;
export type TCommunicationOwnerRole = (typeof COMMUNICATION_OWNER_ROLES)[number];

export const COMMUNICATION_STEP_STATUSES = ['todo', 'done', 'skipped'] as const;
export type TCommunicationStepStatus = (typeof COMMUNICATION_STEP_STATUSES)[number];
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

// --- Bilateral knowledge base (issue 6, DESIGN.md §11) ---

/** What a bilateral fact records: a high-level visit, an agreement signed, or an economic figure. */
export const BILATERAL_FACT_KINDS = ['visit', 'agreement', 'economic_figure'] as const;
export type TBilateralFactKind = (typeof BILATERAL_FACT_KINDS)[number];

/** How exact a bilateral fact's date is: the day, only the month, or only the year (sources often give less than a day). */
export const BILATERAL_DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type TBilateralDatePrecision = (typeof BILATERAL_DATE_PRECISIONS)[number];
