/**
 * The providers the API and the CLI pass to the report and the logframe: the one place where
 * other modules' data is wired in — indicators and communication impact from the results
 * module, lessons from monitoring, the visual identity from the communication strategy.
 */

import { formatCalendarDate, formatDateRange, ISO_DATE } from '../../../../shared/dates.ts';
import { fill, formatNumber, reportText, type TReportLanguage } from '../../../platform/reports/i18n.ts';
import { loadVisualIdentity } from '../../communication/index.ts';
import { listPlanLessons } from '../../monitoring/index.ts';
import { loadResultsSummary } from '../../results/index.ts';
import type {
  IPlanReportProviders,
  IReportImpactFigure,
  IReportIndicator,
  IVisualIdentity,
} from './types.ts';
import { SOFTPOWER_IDENTITY } from './types.ts';

type TPeriod = { from: string; to: string };

const HEX = /^#[0-9a-f]{6}$/i;

/** Mixes a colour with white: a light tint for table headers and bands. */
export function tintOf(hex: string, share = 0.88): string {
  const channel = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
  const mixed = [1, 3, 5].map((i) => Math.round(channel(i) + (255 - channel(i)) * share));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

export const defaultReportProviders: IPlanReportProviders = {
  indicators: async (db, actor, planId) => {
    const summary = await loadResultsSummary(db, actor, planId);
    return summary.indicators.map(
      (i): IReportIndicator => ({
        name: i.name,
        kind: i.kind,
        unit: i.unit,
        baseline: i.baseline.value,
        target: i.target.value,
        latest: i.latest?.value ?? null,
        status: i.status === 'none' ? null : i.status,
        source: i.sourceOfVerification,
        objectiveId: i.objectiveId,
      }),
    );
  },
  communicationImpact: async (db, actor, planId, lang: TReportLanguage = 'en') => {
    const summary = await loadResultsSummary(db, actor, planId);
    const { impact: t } = reportText(lang);
    const number = (n: number) => formatNumber(n, lang, { maximumFractionDigits: 1 });
    const signedPercent = (p: number) => `${p > 0 ? '+' : ''}${number(p)}%`;
    const range = (p: { from: string; to: string }) =>
      formatDateRange({ datePrecision: 'day', startDate: p.from, endDate: p.to }, lang);
    const againstNote = (period: TPeriod, baseline: TPeriod, points: boolean) => {
      const note = fill(t.against, { period: range(period), baseline: range(baseline) });
      return points ? fill(t.percentagePoints, { text: note }) : note;
    };
    const figures: IReportImpactFigure[] = [];
    for (const d of summary.derived) {
      if (d.value === null && !d.change) continue;
      const label = t[d.key as keyof typeof t] ?? d.key;
      if (d.change) {
        const { absolute, absoluteUnit, percent } = d.change;
        figures.push({
          label,
          value: percent === null ? `${absolute > 0 ? '+' : ''}${number(absolute)}` : signedPercent(percent),
          note:
            d.baselinePeriod && d.period
              ? againstNote(d.period, d.baselinePeriod, absoluteUnit === 'pp')
              : null,
        });
      } else if (d.value !== null) {
        figures.push({
          label,
          value:
            d.reference !== null
              ? fill(t.outOf, { value: number(d.value), reference: number(d.reference) })
              : number(d.value),
        });
      }
    }
    for (const account of summary.social.accounts) {
      const rate = account.latestEngagementRate;
      if (rate?.value != null && account.latestMonth)
        figures.push({
          label: `${account.platform} ${account.handle}: ${rate.label}`,
          value: `${number(rate.value)}%`,
          note: ISO_DATE.test(account.latestMonth)
            ? formatCalendarDate(account.latestMonth, lang, { month: 'long', year: 'numeric' })
            : account.latestMonth,
        });
    }
    return figures;
  },
  lessons: async (db, actor, planId) =>
    (await listPlanLessons(db, actor, planId)).map((l) => ({
      text: `${l.lesson} (${l.whatHappened})`,
      source: l.initiative.title,
    })),
  visualIdentity: async (db, _actor, planId): Promise<IVisualIdentity> => {
    const identity = await loadVisualIdentity(db, planId);
    const primary =
      identity.primaryColour && HEX.test(identity.primaryColour) ? identity.primaryColour : null;
    const accent =
      identity.secondaryColour && HEX.test(identity.secondaryColour) ? identity.secondaryColour : null;
    return {
      primaryColor: primary ?? SOFTPOWER_IDENTITY.primaryColor,
      accentColor: accent ?? SOFTPOWER_IDENTITY.accentColor,
      lightColor: primary ? tintOf(primary) : SOFTPOWER_IDENTITY.lightColor,
      logo: identity.logo
        ? { data: identity.logo.data, mimeType: identity.logo.mimeType as 'image/png' | 'image/jpeg' }
        : null,
    };
  },
};
