/**
 * The report's data as an XLSX workbook, for headquarters to sort and sum: sheets Plan,
 * Initiatives (the annex), Indicators and Evaluation. Numbers stay numbers; text that a
 * spreadsheet would run as a formula is neutralised (`inert-cells.ts`).
 */
import ExcelJS from 'exceljs';
import { fill, formatNumber, reportText } from '../../../platform/reports/i18n.ts';
import { inertValue } from '../../../platform/reports/inert-cells.ts';
import type { IPlanReportData } from './types.ts';
import { kindLabel, progressToTarget } from './values.ts';

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: { header: string; width: number }[],
  rows: (string | number | null)[][],
  tint: string,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${tint.replace('#', '')}` } };
  // Text from users never becomes a formula when the file is opened.
  for (const row of rows) sheet.addRow(row.map(inertValue));
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  return sheet;
}

/** Renders the report's data as an XLSX file, its headers and labels in the report's language. */
export async function renderPlanReportXlsx(data: IPlanReportData): Promise<Uint8Array> {
  const { plan, structure, evaluation, lang } = data;
  const { enums, planReport } = reportText(lang);
  const { columns: c, rows: r, sheets } = planReport;
  const tint = data.identity.lightColor;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SoftPower';
  workbook.created = new Date(data.generatedAt);
  const count = (n: number) => fill(r.initiativeCount, { count: formatNumber(n, lang) });

  addSheet(
    workbook,
    sheets.plan,
    [
      { header: r.field, width: 28 },
      { header: r.value, width: 90 },
    ],
    [
      [r.title, plan.title],
      [r.acronym, plan.acronym],
      [r.mission, data.mission.name],
      [r.period, plan.period],
      [r.budgetEnvelope, plan.budgetEnvelope],
      [r.missionStatement, plan.missionStatement],
      ...structure.overallObjectives.map((text) => [r.overallObjective, text]),
      ...structure.specificObjectives.map((text) => [r.specificObjective, text]),
      ...structure.phases.filter((p) => p.dates).map((p) => [fill(r.phase, { name: p.label }), p.dates]),
      ...structure.focusAreas.map((a) => [fill(r.focusArea, { name: a.name }), count(a.initiativeCount)]),
      ...structure.programmes.map((p) => [fill(r.programme, { name: p.name }), count(p.initiativeCount)]),
      [r.initiativesInPlan, data.initiativeTotals.total],
      [r.initiativesRealised, data.initiativeTotals.realised],
      ...data.communicationImpact.map((f) => [
        fill(r.impact, { label: f.label }),
        f.note ? `${f.value} (${f.note})` : f.value,
      ]),
      [r.generated, data.generatedAt],
    ],
    tint,
  );

  addSheet(
    workbook,
    sheets.initiatives,
    [
      { header: c.initiative, width: 50 },
      { header: c.date, width: 20 },
      { header: c.start, width: 12 },
      { header: c.type, width: 18 },
      { header: c.status, width: 14 },
      { header: c.focusArea, width: 26 },
      { header: c.actors, width: 60 },
      { header: c.mediaReflection, width: 16 },
    ],
    data.annex.map((row) => [
      row.title,
      row.date,
      row.startDate,
      row.type,
      row.status,
      row.focusArea,
      row.actors,
      row.mediaReflection,
    ]),
    tint,
  );

  addSheet(
    workbook,
    sheets.indicators,
    [
      { header: c.indicator, width: 45 },
      { header: c.kind, width: 10 },
      { header: c.unit, width: 12 },
      { header: c.baseline, width: 12 },
      { header: c.target, width: 12 },
      { header: c.latest, width: 12 },
      { header: c.progressToTarget, width: 18 },
      { header: c.status, width: 10 },
    ],
    data.indicators.map((i) => {
      const progress = progressToTarget(i);
      return [
        i.name,
        kindLabel(i.kind, lang),
        i.unit,
        i.baseline,
        i.target,
        i.latest,
        progress === null ? null : Math.round(progress * 1000) / 1000,
        i.status ? enums.indicatorColour[i.status] : null,
      ];
    }),
    tint,
  ).getColumn(7).numFmt = '0%';

  addSheet(
    workbook,
    sheets.evaluation,
    [
      { header: c.criterion, width: 18 },
      { header: c.ratingScale, width: 12 },
      { header: c.rating, width: 22 },
      { header: c.findings, width: 90 },
    ],
    [
      ...evaluation.criteria.map((k) => [k.label, k.rating, k.ratingLabel, k.findings]),
      [r.conclusions, null, null, evaluation.conclusions],
      [r.lessonsLearned, null, null, evaluation.lessonsLearned],
      ...evaluation.lessonsFromMonitoring.map((l) => [
        r.lessonFromMonitoring,
        null,
        l.source ?? null,
        l.text,
      ]),
    ],
    tint,
  );

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
