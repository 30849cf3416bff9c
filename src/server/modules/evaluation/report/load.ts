/**
 * Gathers the report for headquarters from the database and the providers, once, for every
 * file format.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { formatDateRange } from '../../../../shared/dates.ts';
import { DAC_CRITERIA, type TDacRating } from '../../../../shared/enums.ts';
import type { TActor } from '../../../platform/context.ts';
import type { DbOrTx } from '../../../platform/db/client.ts';
import { formatNumber, reportText, type TReportLanguage } from '../../../platform/reports/i18n.ts';
import { initiativePartners, initiativePolicy, initiatives } from '../../initiatives/index.ts';
import { missions } from '../../missions/index.ts';
import { organisations } from '../../partners/index.ts';
import { focusAreas, loadPlanStructure } from '../../plans/index.ts';
import { loadPlanForEvaluation, selectEvaluationRow } from '../evaluation.ts';
import {
  type IPlanReportData,
  type IPlanReportProviders,
  type IReportAnnexRow,
  SOFTPOWER_IDENTITY,
} from './types.ts';

/** Initiatives that never became part of the plan stay out of the annex. */
const LEFT_OUT = new Set(['proposed', 'rejected', 'parked']);

/** "1 Sep 2021 – 31 Dec 2022" for a period; empty when it has no start. */
export function formatPeriod(start: string | null, end: string | null, lang: TReportLanguage = 'en'): string {
  return formatDateRange({ datePrecision: 'day', startDate: start, endDate: end }, lang);
}

/**
 * Partners of each initiative as "Name (role)", by role. The mission itself is left out: it
 * takes part in every initiative, and headquarters reads the report to learn who else did.
 */
async function loadActors(
  db: DbOrTx,
  initiativeIds: string[],
  missionName: string,
  lang: TReportLanguage,
): Promise<Map<string, string[]>> {
  const roles = reportText(lang).enums.partnerRole;
  const actors = new Map<string, string[]>();
  if (initiativeIds.length === 0) return actors;
  const rows = await db
    .select({
      initiativeId: initiativePartners.initiativeId,
      name: organisations.name,
      role: initiativePartners.role,
    })
    .from(initiativePartners)
    .innerJoin(organisations, eq(organisations.id, initiativePartners.organisationId))
    .where(inArray(initiativePartners.initiativeId, initiativeIds))
    .orderBy(asc(initiativePartners.role), asc(organisations.name));
  for (const row of rows) {
    if (row.name === missionName) continue;
    const list = actors.get(row.initiativeId) ?? [];
    list.push(`${row.name} (${roles[row.role]})`);
    actors.set(row.initiativeId, list);
  }
  return actors;
}

/**
 * Loads everything the report shows, as the actor may see it.
 * @param providers fill the sections other modules own; each defaults to empty (or SoftPower's
 *   neutral colours for the visual identity).
 * @throws 404 unknown plan, 403 external collaborator
 * @param lang the language of the labels, dates and numbers (data stays as stored).
 * @example const data = await loadPlanReportData(db, actor, planId, { indicators: loadResultsSummary }, 'it');
 */
export async function loadPlanReportData(
  db: DbOrTx,
  actor: TActor,
  planId: string,
  providers: IPlanReportProviders = {},
  lang: TReportLanguage = 'en',
): Promise<IPlanReportData> {
  const { enums } = reportText(lang);
  const plan = await loadPlanForEvaluation(db, actor, planId);
  const [mission] = await db
    .select({ name: missions.name, hostCountry: missions.hostCountry, currency: missions.currency })
    .from(missions)
    .where(eq(missions.id, plan.missionId));
  const structure = await loadPlanStructure(db, actor, planId);
  const rows = await db
    .select({
      id: initiatives.id,
      title: initiatives.title,
      type: initiatives.type,
      status: initiatives.status,
      datePrecision: initiatives.datePrecision,
      startDate: initiatives.startDate,
      endDate: initiatives.endDate,
      mediaReflection: initiatives.mediaReflection,
      focusArea: focusAreas.name,
    })
    .from(initiatives)
    .leftJoin(focusAreas, eq(focusAreas.id, initiatives.focusAreaId))
    .where(and(eq(initiatives.planId, planId), initiativePolicy.scope(actor), isNull(initiatives.archivedAt)))
    .orderBy(asc(initiatives.startDate), asc(initiatives.title));
  const inAnnex = rows.filter((r) => !LEFT_OUT.has(r.status));
  const actors = await loadActors(
    db,
    inAnnex.map((r) => r.id),
    mission?.name ?? '',
    lang,
  );
  const annex: IReportAnnexRow[] = inAnnex.map((r) => ({
    initiativeId: r.id,
    title: r.title,
    date: formatDateRange(r, lang),
    startDate: r.startDate,
    type: enums.initiativeType[r.type],
    status: enums.initiativeStatus[r.status],
    focusArea: r.focusArea,
    actors: (actors.get(r.id) ?? []).join('; '),
    mediaReflection: r.mediaReflection ? enums.mediaReflection[r.mediaReflection] : null,
  }));
  const evaluation = await selectEvaluationRow(db, planId);
  const none = async () => [];
  return {
    lang,
    generatedAt: new Date().toISOString(),
    mission: { name: mission?.name ?? '', hostCountry: mission?.hostCountry ?? null },
    plan: {
      id: plan.id,
      title: plan.title,
      acronym: plan.acronym,
      missionStatement: plan.missionStatement,
      period: formatPeriod(plan.periodStart, plan.periodEnd, lang),
      budgetEnvelope:
        plan.budgetEnvelope === null
          ? null
          : formatNumber(Number(plan.budgetEnvelope), lang, {
              style: 'currency',
              currency: mission?.currency ?? 'EUR',
            }),
    },
    structure: {
      overallObjectives: structure.objectives.filter((o) => o.level === 1).map((o) => o.text),
      specificObjectives: structure.objectives.filter((o) => o.level === 2).map((o) => o.text),
      phases: structure.phases.map((p) => ({
        label: enums.phase[p.kind],
        dates: formatPeriod(p.startDate, p.endDate, lang),
      })),
      focusAreas: structure.focusAreas.map((a) => ({
        name: a.name,
        description: a.description,
        initiativeCount: a.initiativeCount,
      })),
      vectors: structure.vectors.map((v) => ({ name: v.name, initiativeCount: v.initiativeCount })),
      programmes: structure.programmes.map((p) => ({
        name: p.name,
        hashtag: p.hashtag,
        initiativeCount: p.initiativeCount,
      })),
    },
    annex,
    initiativeTotals: {
      total: inAnnex.length,
      realised: inAnnex.filter((r) => r.status === 'done' || r.status === 'evaluated').length,
    },
    indicators: await (providers.indicators ?? none)(db, actor, planId, lang),
    communicationImpact: await (providers.communicationImpact ?? none)(db, actor, planId, lang),
    evaluation: {
      criteria: DAC_CRITERIA.map((criterion) => {
        const rating = (evaluation?.criteria[criterion]?.rating ?? null) as TDacRating | null;
        return {
          criterion,
          label: enums.dacCriterion[criterion],
          question: enums.dacQuestion[criterion],
          rating,
          ratingLabel: rating ? enums.dacRating[rating] : null,
          findings: evaluation?.criteria[criterion]?.findings ?? null,
        };
      }),
      conclusions: evaluation?.conclusions ?? null,
      lessonsLearned: evaluation?.lessonsLearned ?? null,
      lessonsFromMonitoring: await (providers.lessons ?? none)(db, actor, planId, lang),
    },
    identity: providers.visualIdentity
      ? await providers.visualIdentity(db, actor, planId, lang)
      : SOFTPOWER_IDENTITY,
  };
}
