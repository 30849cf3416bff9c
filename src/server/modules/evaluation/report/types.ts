/**
 * The data of the report for headquarters, independent of its file format, and the providers
 * through which other modules fill its sections (indicators, communication impact, lessons
 * from monitoring, the plan's visual identity). Each provider defaults to an empty section or
 * SoftPower's neutral identity, so the report works before those modules are wired in.
 */
import type { TDacCriterion, TDacRating } from '../../../../shared/enums.ts';
import type { TActor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import type { TReportLanguage } from '../../../platform/reports/i18n.ts';

/** One row of the indicators section. Values are numbers in the indicator's unit. */
export interface IReportIndicator {
  name: string;
  /** `result` or `impact` (DESIGN §9). */
  kind: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  latest: number | null;
  /** Green/amber/red in the indicator's direction; null when there is no value yet. */
  status: 'green' | 'amber' | 'red' | null;
  /** Source of verification, shown in the logframe. */
  source?: string | null;
  /** The objective the indicator belongs to, if any (places it in the logframe). */
  objectiveId?: string | null;
}

/** A free figure of the communication impact section, e.g. "Media exposure" "+350%". */
export interface IReportImpactFigure {
  label: string;
  value: string;
  note?: string | null;
}

/** A lesson learned, e.g. from the monitoring module's check-ins. */
export interface IReportLesson {
  text: string;
  source?: string | null;
}

/** Colours as #RRGGBB; the logo a PNG or JPEG. */
export interface IVisualIdentity {
  primaryColor: string;
  accentColor: string;
  /** A light tint for table headers and bands. */
  lightColor: string;
  logo?: { data: Uint8Array; mimeType: 'image/png' | 'image/jpeg' } | null;
  /** A logo was stored but cannot be drawn: the report says so instead. */
  isLogoBroken?: boolean;
}

/** `lang`: the language of the report, for the words a provider writes itself (labels, notes). */
type TProvider<T> = (db: DbOrTx, actor: TActor, planId: string, lang?: TReportLanguage) => Promise<T>;
export type TIndicatorProvider = TProvider<IReportIndicator[]>;
export type TImpactProvider = TProvider<IReportImpactFigure[]>;
export type TLessonsProvider = TProvider<IReportLesson[]>;
export type TVisualIdentityProvider = TProvider<IVisualIdentity>;

export interface IPlanReportProviders {
  indicators?: TIndicatorProvider;
  communicationImpact?: TImpactProvider;
  lessons?: TLessonsProvider;
  visualIdentity?: TVisualIdentityProvider;
}

export interface IReportAnnexRow {
  initiativeId: string;
  title: string;
  /** Formatted by the initiative's date precision ("14 May 2022", "March 2022"). */
  date: string;
  startDate: string | null;
  type: string;
  status: string;
  focusArea: string | null;
  /** Partners with their role, e.g. "Astana Opera (venue)". */
  actors: string;
  mediaReflection: string | null;
}

export interface IReportCriterion {
  criterion: TDacCriterion;
  label: string;
  question: string;
  rating: TDacRating | null;
  ratingLabel: string | null;
  findings: string | null;
}

export interface IPlanReportData {
  /** The language of the report's fixed words; the labels below are already in it. */
  lang: TReportLanguage;
  generatedAt: string;
  mission: { name: string; hostCountry: string | null };
  plan: {
    id: string;
    title: string;
    acronym: string;
    missionStatement: string | null;
    period: string;
    budgetEnvelope: string | null;
  };
  structure: {
    overallObjectives: string[];
    specificObjectives: string[];
    phases: { label: string; dates: string }[];
    focusAreas: { name: string; description: string | null; initiativeCount: number }[];
    vectors: { name: string; initiativeCount: number }[];
    programmes: { name: string; hashtag: string | null; initiativeCount: number }[];
  };
  annex: IReportAnnexRow[];
  /** Initiatives realised (done or evaluated) out of those in the annex. */
  initiativeTotals: { total: number; realised: number };
  indicators: IReportIndicator[];
  communicationImpact: IReportImpactFigure[];
  evaluation: {
    criteria: IReportCriterion[];
    conclusions: string | null;
    lessonsLearned: string | null;
    lessonsFromMonitoring: IReportLesson[];
  };
  identity: IVisualIdentity;
}

/** SoftPower's neutral colours: slate, steel blue, a pale grey-blue. */
export const SOFTPOWER_IDENTITY: IVisualIdentity = {
  primaryColor: '#2E3A4B',
  accentColor: '#3B7EA1',
  lightColor: '#E9EEF3',
  logo: null,
};
