/**
 * Gathers the report for headquarters from the database and the providers, once, for every
 * file format.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { formatDateRange } from '../../../shared/dates.ts';
import { DAC_CRITERIA, type TDacRating } from '../../../shared/enums.ts';
import { loadPlanForEvaluation, selectEvaluationRow } from '../../commands/evaluation.ts';
import { loadPlanStructure } from '../../commands/plans.ts';
import type { TActor } from '../../context.ts';
import type { DbOrTx } from '../../db/client.ts';
import { focusAreas, initiativePartners, initiatives, missions, organisations } from '../../db/schema.ts';
import { initiativePolicy } from '../../policies/initiative.ts';
import {
  DAC_CRITERION_LABELS,
  DAC_CRITERION_QUESTIONS,
  DAC_RATING_TEXT,
  INITIATIVE_STATUS_LABELS,
  INITIATIVE_TYPE_LABELS,
  MEDIA_REFLECTION_LABELS,
  PARTNER_ROLE_LABELS,
  PHASE_LABELS,
} from './labels.ts';
import {
  type IPlanReportData,
  type IPlanReportProviders,
  type IReportAnnexRow,
  SOFTPOWER_IDENTITY,
} from './types.ts';

/** Initiatives that never became part of the plan stay out of the annex. */
const LEFT_OUT = new Set(['proposed', 'rejected', 'parked']);

/** "1 Sep 2021 – 31 Dec 2022" for a period; empty when it has no start. */
export function formatPeriod(start: string | null, end: string | null): string {
  return formatDateRange({ datePrecision: 'day', startDate: start, endDate: end }, 'en');
}

/**
 * Partners of each initiative as "Name (role)", by role. The mission itself is left out: it
 * takes part in every initiative, and headquarters reads the report to learn who else did.
 */
async function loadActors(
  db: DbOrTx,
  initiativeIds: string[],
  missionName: string,
): Promise<Map<string, string[]>> {
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
    list.push(`${row.name} (${PARTNER_ROLE_LABELS[row.role].toLowerCase()})`);
    actors.set(row.initiativeId, list);
  }
  return actors;
}

/**
 * Loads everything the report shows, as the actor may see it.
 * @param providers fill the sections other modules own; each defaults to empty (or SoftPower's
 *   neutral colours for the visual identity).
 * @throws 404 unknown plan, 403 external collaborator
 * @example const data = await loadPlanReportData(db, actor, planId, { indicators: loadResultsSummary });
 */
export async function loadPlanReportData(
  db: DbOrTx,
  actor: TActor,
  planId: string,
  providers: IPlanReportProviders = {},
): Promise<IPlanReportData> {
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
  );
  const annex: IReportAnnexRow[] = inAnnex.map((r) => ({
    initiativeId: r.id,
    title: r.title,
    date: formatDateRange(r, 'en'),
    startDate: r.startDate,
    type: INITIATIVE_TYPE_LABELS[r.type],
    status: INITIATIVE_STATUS_LABELS[r.status],
    focusArea: r.focusArea,
    actors: (actors.get(r.id) ?? []).join('; '),
    mediaReflection: r.mediaReflection ? MEDIA_REFLECTION_LABELS[r.mediaReflection] : null,
  }));
  const evaluation = await selectEvaluationRow(db, planId);
  const none = async () => [];
  return {
    generatedAt: new Date().toISOString(),
    mission: { name: mission?.name ?? '', hostCountry: mission?.hostCountry ?? null },
    plan: {
      id: plan.id,
      title: plan.title,
      acronym: plan.acronym,
      missionStatement: plan.missionStatement,
      period: formatPeriod(plan.periodStart, plan.periodEnd),
      budgetEnvelope:
        plan.budgetEnvelope === null
          ? null
          : new Intl.NumberFormat('en-GB', {
              style: 'currency',
              currency: mission?.currency ?? 'EUR',
            }).format(Number(plan.budgetEnvelope)),
    },
    structure: {
      overallObjectives: structure.objectives.filter((o) => o.level === 1).map((o) => o.text),
      specificObjectives: structure.objectives.filter((o) => o.level === 2).map((o) => o.text),
      phases: structure.phases.map((p) => ({
        label: PHASE_LABELS[p.kind],
        dates: formatPeriod(p.startDate, p.endDate),
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
    indicators: await (providers.indicators ?? none)(db, actor, planId),
    communicationImpact: await (providers.communicationImpact ?? none)(db, actor, planId),
    evaluation: {
      criteria: DAC_CRITERIA.map((criterion) => {
        const rating = (evaluation?.criteria[criterion]?.rating ?? null) as TDacRating | null;
        return {
          criterion,
          label: DAC_CRITERION_LABELS[criterion],
          question: DAC_CRITERION_QUESTIONS[criterion],
          rating,
          ratingLabel: rating ? DAC_RATING_TEXT[rating] : null,
          findings: evaluation?.criteria[criterion]?.findings ?? null,
        };
      }),
      conclusions: evaluation?.conclusions ?? null,
      lessonsLearned: evaluation?.lessonsLearned ?? null,
      lessonsFromMonitoring: await (providers.lessons ?? none)(db, actor, planId),
    },
    identity: providers.visualIdentity
      ? await providers.visualIdentity(db, actor, planId)
      : SOFTPOWER_IDENTITY,
  };
}
