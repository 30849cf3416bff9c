/**
 * The report's data as an XLSX workbook, for headquarters to sort and sum: sheets Plan,
 * Initiatives (the annex), Indicators and Evaluation. Numbers stay numbers.
 */
import ExcelJS from 'exceljs';
import type { IPlanReportData } from './types.ts';
import { progressToTarget } from './values.ts';

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
  for (const row of rows) sheet.addRow(row);
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  return sheet;
}

/** Renders the report's data as an XLSX file. */
export async function renderPlanReportXlsx(data: IPlanReportData): Promise<Uint8Array> {
  const { plan, structure, evaluation } = data;
  const tint = data.identity.lightColor;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SoftPower';
  workbook.created = new Date(data.generatedAt);

  addSheet(
    workbook,
    'Plan',
    [
      { header: 'Field', width: 28 },
      { header: 'Value', width: 90 },
    ],
    [
      ['Title', plan.title],
      ['Acronym', plan.acronym],
      ['Mission', data.mission.name],
      ['Period', plan.period],
      ['Budget envelope', plan.budgetEnvelope],
      ['Mission statement', plan.missionStatement],
      ...structure.overallObjectives.map((t) => ['Overall objective', t]),
      ...structure.specificObjectives.map((t) => ['Specific objective', t]),
      ...structure.phases.filter((p) => p.dates).map((p) => [`Phase: ${p.label}`, p.dates]),
      ...structure.focusAreas.map((a) => [`Focus area: ${a.name}`, `${a.initiativeCount} initiatives`]),
      ...structure.programmes.map((p) => [`Programme: ${p.name}`, `${p.initiativeCount} initiatives`]),
      ['Initiatives in the plan', data.initiativeTotals.total],
      ['Initiatives realised', data.initiativeTotals.realised],
      ...data.communicationImpact.map((f) => [
        `Impact: ${f.label}`,
        f.note ? `${f.value} (${f.note})` : f.value,
      ]),
      ['Generated', data.generatedAt],
    ],
    tint,
  );

  addSheet(
    workbook,
    'Initiatives',
    [
      { header: 'Initiative', width: 50 },
      { header: 'Date', width: 20 },
      { header: 'Start', width: 12 },
      { header: 'Type', width: 18 },
      { header: 'Status', width: 14 },
      { header: 'Focus area', width: 26 },
      { header: 'Actors', width: 60 },
      { header: 'Media reflection', width: 16 },
    ],
    data.annex.map((r) => [
      r.title,
      r.date,
      r.startDate,
      r.type,
      r.status,
      r.focusArea,
      r.actors,
      r.mediaReflection,
    ]),
    tint,
  );

  addSheet(
    workbook,
    'Indicators',
    [
      { header: 'Indicator', width: 45 },
      { header: 'Kind', width: 10 },
      { header: 'Unit', width: 12 },
      { header: 'Baseline', width: 12 },
      { header: 'Target', width: 12 },
      { header: 'Latest', width: 12 },
      { header: 'Progress to target', width: 18 },
      { header: 'Status', width: 10 },
    ],
    data.indicators.map((i) => {
      const progress = progressToTarget(i);
      return [
        i.name,
        i.kind,
        i.unit,
        i.baseline,
        i.target,
        i.latest,
        progress === null ? null : Math.round(progress * 1000) / 1000,
        i.status,
      ];
    }),
    tint,
  ).getColumn(7).numFmt = '0%';

  addSheet(
    workbook,
    'Evaluation',
    [
      { header: 'Criterion', width: 18 },
      { header: 'Rating (1-4)', width: 12 },
      { header: 'Rating', width: 22 },
      { header: 'Findings', width: 90 },
    ],
    [
      ...evaluation.criteria.map((c) => [c.label, c.rating, c.ratingLabel, c.findings]),
      ['Conclusions', null, null, evaluation.conclusions],
      ['Lessons learned', null, null, evaluation.lessonsLearned],
      ...evaluation.lessonsFromMonitoring.map((l) => ['Lesson (monitoring)', null, l.source ?? null, l.text]),
    ],
    tint,
  );

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
