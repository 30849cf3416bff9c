/**
 * A scoring round's results as an XLSX workbook: one row per proposal (in ranking order), one
 * column per criterion per evaluator, then per criterion the mean, standard deviation and number
 * of scores, the overall score, whether it is a candidate, and the decision with its reason.
 * Text cells are inert (`inert-cells.ts`): a title starting with `=` stays text.
 */
import ExcelJS from 'exceljs';
import { SCORE_CRITERIA } from '../../../shared/enums.ts';
import type { TRoundResults } from '../../../shared/schemas/scoring.ts';
import { inertValue, neutraliseCell } from '../../platform/reports/inert-cells.ts';

/** Rounded for reading; the workbook keeps numbers as numbers. */
const round2 = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/**
 * Builds the workbook.
 * @param options.evaluators every evaluator of the round, in column order
 * @example const data = await buildRoundResultsWorkbook({ results, evaluators });
 */
export async function buildRoundResultsWorkbook(options: {
  results: TRoundResults;
  evaluators: { id: string; name: string }[];
}): Promise<Uint8Array> {
  const { results, evaluators } = options;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SoftPower';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Results', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const headers = [
    'rank',
    'proposal',
    ...evaluators.flatMap((e) => SCORE_CRITERIA.map((c) => `${e.name}: ${c}`)),
    ...SCORE_CRITERIA.flatMap((c) => [`${c} mean`, `${c} std dev`, `${c} scores`]),
    'overall',
    'disagreement',
    'candidate',
    'decision',
    'reason',
  ];
  sheet.columns = headers.map((header, i) => ({
    // Evaluator names are users' text too.
    header: neutraliseCell(header),
    key: String(i),
    width: i === 1 || header === 'reason' ? 40 : Math.min(Math.max(header.length + 2, 10), 28),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const item of results.items) {
    const byEvaluator = new Map(item.scores.map((s) => [s.evaluator.id, s]));
    const cells = [
      item.rank,
      item.proposal.title,
      ...evaluators.flatMap((e) => SCORE_CRITERIA.map((c) => byEvaluator.get(e.id)?.[c] ?? null)),
      ...SCORE_CRITERIA.flatMap((c) => [
        round2(item.criteria[c]?.mean ?? null),
        round2(item.criteria[c]?.stdDev ?? null),
        item.criteria[c]?.count ?? 0,
      ]),
      round2(item.overall),
      item.disagreementCriteria.join(', '),
      item.isCandidate ? 'yes' : 'no',
      item.decision?.outcome ?? '',
      item.decision?.reason ?? '',
    ];
    sheet.addRow(cells.map(inertValue));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
