/**
 * The report for headquarters as DOCX (docx 9): the same sections as the PDF, in a document
 * the mission can still edit before sending it. Headings use Word's built-in styles, so the
 * navigation pane and a table of contents work.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { fill, formatNumber, reportText } from '../../../platform/reports/i18n.ts';
import { LOGO_NOT_DRAWN, withDrawableLogo } from '../../../platform/reports/logo.ts';
import type { IPlanReportData } from './types.ts';
import { formatValue, kindLabel, progressToTarget } from './values.ts';

const hex = (colour: string) => colour.replace('#', '').toUpperCase();
const GREY = '6B7280';

export function docxHeading(text: string, colour: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    spacing: { before: level === 1 ? 320 : 200, after: 120 },
    children: [new TextRun({ text, color: hex(colour), bold: true })],
  });
}

/** Paragraphs of a free text (blank lines separate them); an italic grey note when empty. */
export function docxText(text: string | null, empty: string): Paragraph[] {
  if (!text) return [new Paragraph({ children: [new TextRun({ text: empty, italics: true, color: GREY })] })];
  return text
    .split(/\n{2,}/)
    .map((p) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun(p.trim())] }));
}

const thinBorder = { style: BorderStyle.SINGLE, size: 4, color: 'CBD5E0' };
const noBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * A table with a tinted header row; `widths` in percent of the page width.
 * @example docxTable(['Phase', 'Dates'], [['Financing', 'Jan – Feb 2022']], [40, 60], '#E9EEF3')
 */
export function docxTable(
  header: string[],
  rows: (string | Paragraph[])[][],
  widths: number[],
  tint: string,
): Table {
  const cell = (value: string | Paragraph[], i: number, isHeader: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 10, type: WidthType.PERCENTAGE },
      shading: isHeader ? { type: ShadingType.CLEAR, fill: hex(tint), color: 'auto' } : undefined,
      margins: { top: 60, bottom: 60, left: 80, right: 80 },
      children:
        typeof value === 'string'
          ? [
              new Paragraph({
                children: [new TextRun({ text: value, bold: isHeader, size: isHeader ? 18 : 19 })],
              }),
            ]
          : value,
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: thinBorder,
      bottom: thinBorder,
      left: noBorder,
      right: noBorder,
      insideHorizontal: thinBorder,
      insideVertical: noBorder,
    },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, i, false)) })),
    ],
  });
}

/** "page {{page}}" as runs, the number a field Word fills in: "page 3", "pag. 3", "3-бет". */
function docxPageNumber(template: string, colour: string): TextRun[] {
  const [before = '', after = ''] = template.split('{{page}}');
  return [
    ...(before ? [new TextRun({ text: before, color: colour, size: 16 })] : []),
    new TextRun({ children: [PageNumber.CURRENT], color: colour, size: 16 }),
    ...(after ? [new TextRun({ text: after, color: colour, size: 16 })] : []),
  ];
}

const gap = () => new Paragraph({ spacing: { after: 120 }, children: [] });

/** Renders the report as a DOCX file. */
export async function renderPlanReportDocx(input: IPlanReportData): Promise<Uint8Array> {
  const data = await withDrawableLogo(input);
  const { plan, structure, identity, evaluation, lang } = data;
  const { enums, common, planReport: t } = reportText(lang);
  const value = (v: number | null, unit: string | null) => formatValue(v, unit, lang);
  const count = (n: number) => formatNumber(n, lang);
  const primary = identity.primaryColor;
  const tint = identity.lightColor;
  const phases = structure.phases.filter((p) => p.dates);

  const main = [
    ...(identity.logo
      ? [
          new Paragraph({
            children: [
              new ImageRun({
                type: identity.logo.mimeType === 'image/png' ? 'png' : 'jpg',
                data: identity.logo.data,
                transformation: { width: 64, height: 64 },
              }),
            ],
          }),
        ]
      : []),
    ...(identity.isLogoBroken
      ? [new Paragraph({ children: [new TextRun({ text: LOGO_NOT_DRAWN, italics: true })] })]
      : []),
    new Paragraph({
      shading: { type: ShadingType.CLEAR, fill: hex(primary), color: 'auto' },
      spacing: { after: 240 },
      children: [
        new TextRun({ text: t.band, bold: true, color: 'FFFFFF', size: 18 }),
        new TextRun({ text: `  ·  ${data.mission.name}`, color: 'FFFFFF', size: 18 }),
      ],
    }),
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: plan.title, color: hex(primary), bold: true })],
    }),
    new Paragraph({
      spacing: { after: 200 },
      children: [
        new TextRun({ text: plan.acronym, bold: true, color: GREY }),
        new TextRun({ text: plan.period ? `  ·  ${plan.period}` : '', color: GREY }),
        new TextRun({
          text: plan.budgetEnvelope ? `  ·  ${fill(t.budgetEnvelope, { amount: plan.budgetEnvelope })}` : '',
          color: GREY,
        }),
      ],
    }),
    ...(plan.missionStatement
      ? [
          new Paragraph({
            spacing: { after: 200 },
            children: [new TextRun({ text: plan.missionStatement, italics: true })],
          }),
        ]
      : []),
    new Paragraph({
      children: [
        new TextRun({
          text: fill(t.totals, {
            total: count(data.initiativeTotals.total),
            realised: count(data.initiativeTotals.realised),
            indicators: count(data.indicators.length),
          }),
          bold: true,
        }),
      ],
    }),

    docxHeading(t.headings.plan, primary),
    docxHeading(t.headings.overallObjective, primary, 2),
    ...structure.overallObjectives.map((t) => new Paragraph({ text: t, bullet: { level: 0 } })),
    docxHeading(t.headings.specificObjectives, primary, 2),
    ...structure.specificObjectives.map((t) => new Paragraph({ text: t, bullet: { level: 0 } })),
    ...(phases.length
      ? [
          docxHeading(t.headings.phases, primary, 2),
          docxTable(
            [t.columns.phase, t.columns.dates],
            phases.map((p) => [p.label, p.dates]),
            [35, 65],
            tint,
          ),
        ]
      : []),
    docxHeading(t.headings.focusAreas, primary, 2),
    docxTable(
      [t.columns.focusArea, t.columns.description, t.columns.initiatives],
      structure.focusAreas.map((a) => [a.name, a.description ?? '', count(a.initiativeCount)]),
      [28, 58, 14],
      tint,
    ),
    ...(structure.programmes.length
      ? [
          docxHeading(t.headings.programmes, primary, 2),
          docxTable(
            [t.columns.programme, t.columns.hashtag, t.columns.initiatives],
            structure.programmes.map((p) => [p.name, p.hashtag ?? '', count(p.initiativeCount)]),
            [50, 36, 14],
            tint,
          ),
        ]
      : []),

    docxHeading(t.headings.impact, primary),
    ...(data.communicationImpact.length
      ? [
          docxTable(
            [t.columns.measure, t.columns.figure, t.columns.note],
            data.communicationImpact.map((f) => [f.label, f.value, f.note ?? '']),
            [35, 20, 45],
            tint,
          ),
        ]
      : docxText(null, t.empty.impact)),

    docxHeading(t.headings.indicators, primary),
    ...(data.indicators.length
      ? [
          docxTable(
            [
              t.columns.indicator,
              t.columns.kind,
              t.columns.baseline,
              t.columns.target,
              t.columns.latest,
              t.columns.progress,
              t.columns.status,
            ],
            data.indicators.map((i) => {
              const progress = progressToTarget(i);
              return [
                i.name,
                kindLabel(i.kind, lang),
                value(i.baseline, i.unit),
                value(i.target, i.unit),
                value(i.latest, i.unit),
                progress === null ? '—' : `${count(Math.round(progress * 100))}%`,
                i.status ? enums.indicatorStatus[i.status] : '—',
              ];
            }),
            [30, 10, 12, 12, 12, 10, 14],
            tint,
          ),
        ]
      : docxText(null, t.empty.indicators)),

    docxHeading(t.headings.evaluation, primary),
    new Paragraph({ children: [new TextRun({ text: t.scale, color: GREY, size: 17 })] }),
    gap(),
    docxTable(
      [t.columns.criterion, t.columns.rating, t.columns.findings],
      evaluation.criteria.map((c) => [
        [
          new Paragraph({ children: [new TextRun({ text: c.label, bold: true, size: 19 })] }),
          new Paragraph({ children: [new TextRun({ text: c.question, color: GREY, size: 16 })] }),
        ],
        c.rating
          ? `${'■'.repeat(c.rating)}${'□'.repeat(4 - c.rating)} ${c.rating} · ${c.ratingLabel}`
          : t.empty.notRated,
        c.findings ?? '—',
      ]),
      [20, 24, 56],
      tint,
    ),
    docxHeading(t.headings.conclusions, primary, 2),
    ...docxText(evaluation.conclusions, t.empty.conclusions),
    docxHeading(t.headings.lessonsLearned, primary, 2),
    ...docxText(evaluation.lessonsLearned, t.empty.lessons),
    ...(evaluation.lessonsFromMonitoring.length
      ? [
          docxHeading(t.headings.lessonsFromMonitoring, primary, 2),
          ...evaluation.lessonsFromMonitoring.map(
            (l) =>
              new Paragraph({ text: l.source ? `${l.text} (${l.source})` : l.text, bullet: { level: 0 } }),
          ),
        ]
      : []),
  ];

  const annex = [
    docxHeading(t.headings.annex, primary),
    docxTable(
      [t.columns.initiative, t.columns.date, t.columns.type, t.columns.actors, t.columns.mediaReflection],
      data.annex.map((r) => [r.title, r.date, r.type, r.actors, r.mediaReflection ?? '—']),
      [28, 13, 11, 36, 12],
      tint,
    ),
  ];

  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({ text: fill(t.footerDocx, { acronym: plan.acronym }), color: GREY, size: 16 }),
          ...docxPageNumber(common.page, GREY),
        ],
      }),
    ],
  });

  const document = new Document({
    creator: 'SoftPower',
    title: fill(t.documentTitle, { title: plan.title, acronym: plan.acronym }),
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      { properties: {}, footers: { default: footer }, children: main },
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        footers: { default: footer },
        children: annex,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
