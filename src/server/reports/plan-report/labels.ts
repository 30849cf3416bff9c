/**
 * English labels for the report for headquarters (the web app translates its own; a report is
 * a document sent as it is, so its words are fixed here).
 */
import type {
  TDacCriterion,
  TDacRating,
  TInitiativeStatus,
  TInitiativeType,
  TMediaReflection,
  TPartnerRole,
  TPhaseKind,
} from '../../../shared/enums.ts';

export const INITIATIVE_TYPE_LABELS: Record<TInitiativeType, string> = {
  exhibition: 'Exhibition',
  concert: 'Concert',
  workshop: 'Workshop',
  b2b_meeting: 'B2B meeting',
  masterclass: 'Masterclass',
  fashion_show: 'Fashion show',
  institutional_event: 'Institutional event',
  public_diplomacy: 'Public diplomacy',
  training_module: 'Training module',
  conference: 'Conference',
  seminar: 'Seminar',
  promotion_event: 'Promotion event',
  performance: 'Performance',
  launch: 'Launch',
  publication: 'Publication',
  other: 'Other',
};

export const INITIATIVE_STATUS_LABELS: Record<TInitiativeStatus, string> = {
  proposed: 'Proposed',
  approved: 'Approved',
  planned: 'Planned',
  in_preparation: 'In preparation',
  done: 'Done',
  evaluated: 'Evaluated',
  rejected: 'Rejected',
  parked: 'Parked',
  postponed: 'Postponed',
  cancelled: 'Cancelled',
};

export const MEDIA_REFLECTION_LABELS: Record<TMediaReflection, string> = {
  low: 'Low',
  medium: 'Medium',
  medium_high: 'Medium-high',
  high: 'High',
  very_high: 'Very high',
};

export const PHASE_LABELS: Record<TPhaseKind, string> = {
  programming: 'Programming',
  identification: 'Identification',
  formulation: 'Formulation',
  financing: 'Financing',
  implementation: 'Implementation',
  evaluation: 'Evaluation',
};

export const PARTNER_ROLE_LABELS: Record<TPartnerRole, string> = {
  organiser: 'Organiser',
  institutional_partner: 'Institutional partner',
  private_sponsor: 'Private sponsor',
  media_partner: 'Media partner',
  venue: 'Venue',
  co_organiser: 'Co-organiser',
};

export const DAC_CRITERION_LABELS: Record<TDacCriterion, string> = {
  relevance: 'Relevance',
  coherence: 'Coherence',
  effectiveness: 'Effectiveness',
  efficiency: 'Efficiency',
  impact: 'Impact',
  sustainability: 'Sustainability',
};

/** The question each criterion answers (OECD-DAC, 2019 definitions, in short). */
export const DAC_CRITERION_QUESTIONS: Record<TDacCriterion, string> = {
  relevance: 'Is the plan doing the right things?',
  coherence: 'How well does it fit with other actions of the country system?',
  effectiveness: 'Is it achieving its objectives?',
  efficiency: 'How well are resources used?',
  impact: 'What difference does it make?',
  sustainability: 'Will the benefits last?',
};

export const DAC_RATING_TEXT: Record<TDacRating, string> = {
  1: 'Unsatisfactory',
  2: 'Partly satisfactory',
  3: 'Satisfactory',
  4: 'Highly satisfactory',
};

export const INDICATOR_STATUS_LABELS = {
  green: 'On track',
  amber: 'Needs attention',
  red: 'Off track',
} as const;
