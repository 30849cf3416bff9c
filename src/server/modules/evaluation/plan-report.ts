/**
 * The report for headquarters (plan, as PDF, DOCX or XLSX) and the short report to
 * headquarters on one initiative (DOCX): the one code path of the API and the CLI.
 */
import { and, asc, eq } from 'drizzle-orm';
import { formatDateRange } from '../../../shared/dates.ts';
import type { TReportFormat } from '../../../shared/enums.ts';
import type { TActor } from '../../platform/context.ts';
import type { DbOrTx } from '../../platform/db/client.ts';
import { loadScoped } from '../../platform/records.ts';
import { reportText, type TReportLanguage } from '../../platform/reports/i18n.ts';
import { authorize } from '../../platform/scope.ts';
import { initiativePartners, initiativePolicy, initiatives } from '../initiatives/index.ts';
import { missions } from '../missions/index.ts';
import { organisations } from '../partners/index.ts';
import { plans } from '../plans/index.ts';
import { EVALUATION_READ_DENIED, evaluationPolicy } from './policy.ts';
import {
  type IPlanReportProviders,
  loadPlanReportData,
  REPORT_CONTENT_TYPES,
  renderPlanReport,
  reportFileName,
} from './report/index.ts';
import { renderInitiativeHqReportDocx } from './report/initiative-hq-report.ts';
import { defaultReportProviders } from './report/providers.ts';
import { SOFTPOWER_IDENTITY } from './report/types.ts';

export interface TReportFile {
  data: Uint8Array;
  contentType: string;
  filename: string;
}

/**
 * The plan's report for headquarters in one format and language (default English).
 * @throws 404 unknown plan, 403 external collaborator
 */
export async function exportPlanReport(
  db: DbOrTx,
  actor: TActor,
  options: {
    planId: string;
    format: TReportFormat;
    lang?: TReportLanguage;
    providers?: IPlanReportProviders;
  },
): Promise<TReportFile> {
  const data = await loadPlanReportData(
    db,
    actor,
    options.planId,
    options.providers ?? defaultReportProviders,
    options.lang ?? 'en',
  );
  return renderPlanReport(data, options.format);
}

/**
 * The short report to headquarters on one initiative, as DOCX, in a language (default English).
 * @throws 404 unknown or unseen initiative, 403 external collaborator
 */
export async function exportInitiativeHqReport(
  db: DbOrTx,
  actor: TActor,
  initiativeId: string,
  providers: IPlanReportProviders = defaultReportProviders,
  lang: TReportLanguage = 'en',
): Promise<TReportFile> {
  const { enums } = reportText(lang);
  const initiative = await loadScoped(
    db,
    initiatives,
    initiativeId,
    initiativePolicy.scope(actor),
    'Initiative',
  );
  authorize(evaluationPolicy.canRead(actor, initiative), EVALUATION_READ_DENIED);
  const [plan] = await db
    .select({ title: plans.title, acronym: plans.acronym })
    .from(plans)
    .where(eq(plans.id, initiative.planId));
  const [mission] = await db
    .select({ name: missions.name })
    .from(missions)
    .where(eq(missions.id, initiative.missionId));
  const partners = await db
    .select({ name: organisations.name, role: initiativePartners.role })
    .from(initiativePartners)
    .innerJoin(organisations, eq(organisations.id, initiativePartners.organisationId))
    .where(and(eq(initiativePartners.initiativeId, initiativeId)))
    .orderBy(asc(initiativePartners.role), asc(organisations.name));
  const identity = providers.visualIdentity
    ? await providers.visualIdentity(db, actor, initiative.planId, lang)
    : SOFTPOWER_IDENTITY;
  const data = await renderInitiativeHqReportDocx({
    lang,
    mission: mission?.name ?? '',
    plan: { title: plan?.title ?? '', acronym: plan?.acronym ?? '' },
    generatedAt: new Date().toISOString(),
    identity,
    initiative: {
      title: initiative.title,
      type: enums.initiativeType[initiative.type],
      status: enums.initiativeStatus[initiative.status],
      dates: formatDateRange(initiative, lang),
      place: [...initiative.venues, ...initiative.cities].join(', '),
      summary: initiative.summary,
      objectives: initiative.objectives,
      keyMessages: initiative.keyMessages,
      targetAudiences: initiative.targetAudiences,
      results: initiative.results,
      mediaCoverage: initiative.mediaCoverage,
      mediaReflection: initiative.mediaReflection ? enums.mediaReflection[initiative.mediaReflection] : null,
      mediaLinks: initiative.mediaLinks,
      partners: partners.map((p) => ({ name: p.name, role: enums.partnerRole[p.role] })),
    },
  });
  const slug =
    initiative.key ??
    initiative.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 50);
  return {
    data,
    contentType: REPORT_CONTENT_TYPES.docx,
    filename: reportFileName(`${plan?.acronym ?? 'plan'}-${slug}`, 'docx', 'hq-report'),
  };
}
