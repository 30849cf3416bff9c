/**
 * The report for headquarters as PDF (pdfmake 0.3 on Node). Roboto, shipped with pdfmake,
 * covers Latin and Cyrillic, so Russian and Kazakh names print as written. The indicators'
 * chart is drawn as vectors (pdfmake canvas): one bar per indicator, progress from baseline to
 * target in the indicator's own direction.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { DAC_RATINGS } from '../../../shared/enums.ts';
import { INDICATOR_STATUS_LABELS } from './labels.ts';
import type { IPlanReportData, IReportIndicator } from './types.ts';
import { formatValue, progressToTarget } from './values.ts';

const require = createRequire(import.meta.url);
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

type TPdfMake = {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};

let pdfmake: TPdfMake | null = null;
function loadPdfMake(): TPdfMake {
  if (pdfmake) return pdfmake;
  pdfmake = require('pdfmake') as TPdfMake;
  pdfmake.setFonts({
    Roboto: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  });
  // The report embeds no remote resources and reads only the fonts.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIR));
  return pdfmake;
}

const GREY = '#6B7280';
const STATUS_COLOURS = { green: '#2F855A', amber: '#B7791F', red: '#C53030' } as const;

const paragraphs = (text: string | null, empty: string): Content =>
  text
    ? text
        .split(/\n{2,}/)
        .map((p) => ({ text: p.trim(), margin: [0, 0, 0, 6] as [number, number, number, number] }))
    : { text: empty, italics: true, color: GREY };

function heading(text: string, data: IPlanReportData): Content {
  return { text, style: 'h1', color: data.identity.primaryColor, headlineLevel: 1 };
}

/** A table with a tinted header row and thin rules. */
function table(
  data: IPlanReportData,
  widths: (string | number)[],
  header: string[],
  rows: Content[][],
): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [header.map((h) => ({ text: h, style: 'th', fillColor: data.identity.lightColor })), ...rows],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0,
      hLineColor: () => '#CBD5E0',
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 0, 0, 10],
  };
}

const BAR_WIDTH = 150;

/** One bar: the track is baseline→target; the fill is how far the latest value got (capped at 120%). */
function progressBar(indicator: IReportIndicator, colour: string): Content {
  const progress = progressToTarget(indicator);
  const shown = progress === null ? 0 : Math.max(0, Math.min(progress, 1.2));
  const target = BAR_WIDTH / 1.2;
  return {
    canvas: [
      { type: 'rect', x: 0, y: 2, w: target, h: 9, color: '#EDF2F7' },
      ...(shown > 0 ? [{ type: 'rect' as const, x: 0, y: 2, w: shown * target, h: 9, color: colour }] : []),
      { type: 'line', x1: target, y1: 0, x2: target, y2: 13, lineWidth: 1, lineColor: '#1A202C' },
    ],
  };
}

function indicatorsSection(data: IPlanReportData): Content[] {
  const content: Content[] = [heading('3. Indicators against targets', data)];
  if (data.indicators.length === 0) {
    content.push({
      text: 'No indicators have been recorded for this plan yet.',
      italics: true,
      color: GREY,
      margin: [0, 0, 0, 10],
    });
    return content;
  }
  content.push(
    table(
      data,
      ['*', 45, 60, 60, 60, 55],
      ['Indicator', 'Kind', 'Baseline', 'Target', 'Latest', 'Status'],
      data.indicators.map((i) => [
        i.name,
        i.kind,
        formatValue(i.baseline, i.unit),
        formatValue(i.target, i.unit),
        formatValue(i.latest, i.unit),
        i.status
          ? { text: INDICATOR_STATUS_LABELS[i.status], color: STATUS_COLOURS[i.status], bold: true }
          : { text: '—', color: GREY },
      ]),
    ),
    { text: 'Progress to target', style: 'h2' },
    {
      text: 'Each bar runs from the baseline (left edge) to the target (black mark); the fill is the latest value.',
      style: 'note',
    },
    {
      table: {
        widths: ['*', BAR_WIDTH, 45],
        body: data.indicators.map((i) => {
          const progress = progressToTarget(i);
          return [
            { text: i.name, fontSize: 8 },
            progressBar(i, i.status ? STATUS_COLOURS[i.status] : data.identity.accentColor),
            {
              text: progress === null ? 'no value' : `${Math.round(progress * 100)}%`,
              fontSize: 8,
              alignment: 'right',
            },
          ];
        }),
      },
      layout: 'noBorders',
      margin: [0, 0, 0, 10],
    },
  );
  return content;
}

/** Four squares, the first `rating` filled: readable in black and white too. */
function ratingMarks(rating: number | null, colour: string): Content {
  return {
    canvas: DAC_RATINGS.map((step, i) => ({
      type: 'rect' as const,
      x: i * 11,
      y: 1,
      w: 8,
      h: 8,
      lineWidth: 0.8,
      lineColor: colour,
      ...(rating !== null && step <= rating ? { color: colour } : {}),
    })),
  };
}

/**
 * Builds the document definition (exported for tests and for a look at the layout).
 * @example const doc = buildPlanReportPdfDefinition(data);
 */
export function buildPlanReportPdfDefinition(data: IPlanReportData): TDocumentDefinitions {
  const { plan, structure, identity } = data;
  const generated = new Date(data.generatedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const band: Content = {
    table: {
      widths: identity.logo ? [60, '*'] : ['*'],
      body: [
        [
          ...(identity.logo
            ? [
                {
                  image: `data:${identity.logo.mimeType};base64,${Buffer.from(identity.logo.data).toString('base64')}`,
                  fit: [52, 52] as [number, number],
                },
              ]
            : []),
          {
            stack: [
              {
                text: 'REPORT FOR HEADQUARTERS',
                fontSize: 9,
                bold: true,
                characterSpacing: 1.5,
                color: '#FFFFFF',
              },
              { text: data.mission.name, fontSize: 11, color: '#FFFFFF', margin: [0, 2, 0, 0] },
            ],
            margin: [6, 6, 6, 6],
          },
        ],
      ],
    },
    layout: { fillColor: () => identity.primaryColor, hLineWidth: () => 0, vLineWidth: () => 0 },
    margin: [0, 0, 0, 18],
  };

  const phases = structure.phases.filter((p) => p.dates);
  const content: Content[] = [
    band,
    { text: plan.title, style: 'title', color: identity.primaryColor },
    {
      text: [
        { text: plan.acronym, bold: true },
        plan.period ? `  ·  ${plan.period}` : '',
        plan.budgetEnvelope ? `  ·  budget envelope ${plan.budgetEnvelope}` : '',
      ],
      color: GREY,
      margin: [0, 0, 0, 12],
    },
    ...(plan.missionStatement
      ? [
          {
            text: plan.missionStatement,
            italics: true,
            margin: [0, 0, 0, 14] as [number, number, number, number],
          },
        ]
      : []),
    {
      columns: [
        {
          stack: [
            { text: `${data.initiativeTotals.total}`, style: 'figure', color: identity.accentColor },
            { text: 'initiatives in the plan', style: 'note' },
          ],
        },
        {
          stack: [
            { text: `${data.initiativeTotals.realised}`, style: 'figure', color: identity.accentColor },
            { text: 'realised (done or evaluated)', style: 'note' },
          ],
        },
        {
          stack: [
            { text: `${data.indicators.length}`, style: 'figure', color: identity.accentColor },
            { text: 'indicators followed', style: 'note' },
          ],
        },
      ],
      margin: [0, 0, 0, 16],
    },

    heading('1. The plan and its structure', data),
    { text: 'Overall objective', style: 'h2' },
    structure.overallObjectives.length
      ? { ul: structure.overallObjectives, margin: [0, 0, 0, 6] }
      : { text: 'Not stated.', italics: true, color: GREY },
    { text: 'Specific objectives', style: 'h2' },
    structure.specificObjectives.length
      ? { ul: structure.specificObjectives, margin: [0, 0, 0, 8] }
      : { text: 'Not stated.', italics: true, color: GREY },
    ...(phases.length
      ? [
          { text: 'Phases of the project cycle', style: 'h2' } as Content,
          table(
            data,
            [120, '*'],
            ['Phase', 'Dates'],
            phases.map((p) => [p.label, p.dates]),
          ),
        ]
      : []),
    { text: 'Focus areas', style: 'h2' },
    table(
      data,
      [130, '*', 55],
      ['Focus area', 'Description', 'Initiatives'],
      structure.focusAreas.map((a) => [
        { text: a.name, bold: true },
        a.description ?? '',
        { text: String(a.initiativeCount), alignment: 'right' },
      ]),
    ),
    ...(structure.programmes.length
      ? [
          { text: 'Programmes', style: 'h2' } as Content,
          table(
            data,
            ['*', 120, 55],
            ['Programme', 'Hashtag', 'Initiatives'],
            structure.programmes.map((p) => [
              p.name,
              p.hashtag ?? '',
              { text: String(p.initiativeCount), alignment: 'right' },
            ]),
          ),
        ]
      : []),

    heading('2. Communication impact', data),
    data.communicationImpact.length
      ? table(
          data,
          [170, 80, '*'],
          ['Measure', 'Figure', 'Note'],
          data.communicationImpact.map((f) => [
            f.label,
            { text: f.value, bold: true, color: identity.accentColor },
            f.note ?? '',
          ]),
        )
      : {
          text: 'No communication-impact figures have been recorded yet.',
          italics: true,
          color: GREY,
          margin: [0, 0, 0, 10],
        },

    ...indicatorsSection(data),

    heading('4. Final evaluation (OECD-DAC criteria)', data),
    {
      text: 'Scale: 1 unsatisfactory · 2 partly satisfactory · 3 satisfactory · 4 highly satisfactory.',
      style: 'note',
    },
    table(
      data,
      [95, 95, '*'],
      ['Criterion', 'Rating', 'Findings'],
      data.evaluation.criteria.map((c) => [
        {
          stack: [
            { text: c.label, bold: true },
            { text: c.question, style: 'note' },
          ],
        },
        c.rating
          ? {
              stack: [
                ratingMarks(c.rating, identity.accentColor),
                { text: `${c.rating} · ${c.ratingLabel}`, fontSize: 8, margin: [0, 2, 0, 0] },
              ],
            }
          : { text: 'Not rated', italics: true, color: GREY },
        c.findings ?? { text: '—', color: GREY },
      ]),
    ),
    { text: 'Conclusions', style: 'h2' },
    paragraphs(data.evaluation.conclusions, 'No conclusions written yet.'),
    { text: 'Lessons learned', style: 'h2' },
    paragraphs(data.evaluation.lessonsLearned, 'No lessons written yet.'),
    ...(data.evaluation.lessonsFromMonitoring.length
      ? [
          { text: 'Lessons from monitoring', style: 'h2' } as Content,
          {
            ul: data.evaluation.lessonsFromMonitoring.map((l) =>
              l.source ? `${l.text} (${l.source})` : l.text,
            ),
          } as Content,
        ]
      : []),

    {
      text: 'Annex: the initiatives of the plan',
      style: 'h1',
      color: identity.primaryColor,
      pageBreak: 'before',
      pageOrientation: 'landscape',
    },
    table(
      data,
      [200, 90, 80, '*', 60],
      ['Initiative', 'Date', 'Type', 'Actors', 'Media reflection'],
      data.annex.map((r) => [
        { text: r.title, bold: true },
        r.date,
        r.type,
        { text: r.actors, fontSize: 7.5 },
        r.mediaReflection ?? { text: '—', color: GREY },
      ]),
    ),
  ];

  return {
    info: { title: `${plan.title} (${plan.acronym}): report for headquarters`, creator: 'SoftPower' },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 54],
    defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 22, bold: true, margin: [0, 0, 0, 4] },
      h1: { fontSize: 14, bold: true, margin: [0, 14, 0, 8] },
      h2: { fontSize: 10.5, bold: true, margin: [0, 6, 0, 4] },
      th: { bold: true, fontSize: 8.5 },
      note: { fontSize: 8, color: GREY, margin: [0, 0, 0, 4] },
      figure: { fontSize: 20, bold: true },
    },
    // A heading never ends a page: it moves to the next one with what it introduces.
    pageBreakBefore: (node, nodes) =>
      node.headlineLevel === 1 &&
      ((node.startPosition as { verticalRatio?: number }).verticalRatio ?? 0) > 0.8 &&
      nodes.getFollowingNodesOnPage().length < 6,
    footer: (current: number, total: number) => ({
      columns: [
        { text: `${plan.acronym} · report for headquarters · ${generated}`, color: GREY, fontSize: 7.5 },
        { text: `${current} / ${total}`, alignment: 'right', color: GREY, fontSize: 7.5 },
      ],
      margin: [48, 20, 48, 0],
    }),
    content,
  };
}

/** Renders the report as a PDF file. */
export async function renderPlanReportPdf(data: IPlanReportData): Promise<Uint8Array> {
  const buffer = await loadPdfMake().createPdf(buildPlanReportPdfDefinition(data)).getBuffer();
  return new Uint8Array(buffer);
}
