/**
 * The report for headquarters: load once (`loadPlanReportData`), render as PDF, DOCX or XLSX.
 * The API and the CLI both call `renderPlanReport`, so they produce the same files.
 */
import type { TReportFormat } from '../../../../shared/enums.ts';
import { renderPlanReportDocx } from './docx.ts';
import { renderPlanReportPdf } from './pdf.ts';
import type { IPlanReportData } from './types.ts';
import { renderPlanReportXlsx } from './xlsx.ts';

export { loadPlanReportData } from './load.ts';
export type * from './types.ts';
export { SOFTPOWER_IDENTITY } from './types.ts';

export const REPORT_CONTENT_TYPES: Record<TReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file name safe on every system: the acronym's letters, digits, dashes. @example reportFileName('TT2050', 'pdf') // 'TT2050-report.pdf' */
export function reportFileName(acronym: string, format: TReportFormat, suffix = 'report'): string {
  const safe = acronym.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'plan';
  return `${safe}-${suffix}.${format}`;
}

/** Renders the report in one format. */
export async function renderPlanReport(
  data: IPlanReportData,
  format: TReportFormat,
): Promise<{ data: Uint8Array; contentType: string; filename: string }> {
  const render = { pdf: renderPlanReportPdf, docx: renderPlanReportDocx, xlsx: renderPlanReportXlsx }[format];
  return {
    data: await render(data),
    contentType: REPORT_CONTENT_TYPES[format],
    filename: reportFileName(data.plan.acronym, format),
  };
}
