/**
 * The report for headquarters as PDF (pdfmake 0.3 on Node). Roboto, shipped with pdfmake,
 * covers Latin and Cyrillic, so Russian and Kazakh names print as written. The indicators'
 * chart is drawn as vectors (pdfmake canvas): one bar per indicator, progress from baseline to
 * target in the indicator's own direction.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatCalendarDate } from '../../../../shared/dates.ts';
import { DAC_RATINGS } from '../../../../shared/enums.ts';
import { fill, formatNumber, reportText } from '../../../platform/reports/i18n.ts';
import { LOGO_NOT_DRAWN, withDrawableLogo, withoutLogo } from '../../../platform/reports/logo.ts';
import type { IPlanReportData, IReportIndicator } from './types.ts';
import { formatValue, kindLabel, progressToTarget } from './values.ts';

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
  const { enums, planReport: t } = reportText(data.lang);
  const value = (v: number | null, unit: string | null) => formatValue(v, unit, data.lang);
  const content: Content[] = [heading(t.headings.indicators, data)];
  if (data.indicators.length === 0) {
    content.push({
      text: t.empty.indicators,
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
      [
        t.columns.indicator,
        t.columns.kind,
        t.columns.baseline,
        t.columns.target,
        t.columns.latest,
        t.columns.status,
      ],
      data.indicators.map((i) => [
        i.name,
        kindLabel(i.kind, data.lang),
        value(i.baseline, i.unit),
        value(i.target, i.unit),
        value(i.latest, i.unit),
        i.status
          ? { text: enums.indicatorStatus[i.status], color: STATUS_COLOURS[i.status], bold: true }
          : { text: '—', color: GREY },
      ]),
    ),
    { text: t.headings.progress, style: 'h2' },
    { text: t.progressNote, style: 'note' },
    {
      table: {
        widths: ['*', BAR_WIDTH, 65],
        body: data.indicators.map((i) => {
          const progress = progressToTarget(i);
          return [
            { text: i.name, fontSize: 8 },
            progressBar(i, i.status ? STATUS_COLOURS[i.status] : data.identity.accentColor),
            {
              text:
                progress === null
                  ? t.empty.noValue
                  : `${formatNumber(Math.round(progress * 100), data.lang)}%`,
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
  const { plan, structure, identity, lang } = data;
  const { common, planReport: t } = reportText(lang);
  const generated = formatCalendarDate(data.generatedAt.slice(0, 10), lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const count = (n: number) => formatNumber(n, lang);
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
              ...(identity.isLogoBroken
                ? [{ text: LOGO_NOT_DRAWN, fontSize: 8, italics: true, color: '#FFFFFF' }]
                : []),
              {
                text: t.band,
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
        plan.budgetEnvelope ? `  ·  ${fill(t.budgetEnvelope, { amount: plan.budgetEnvelope })}` : '',
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
            { text: count(data.initiativeTotals.total), style: 'figure', color: identity.accentColor },
            { text: t.figures.initiatives, style: 'note' },
          ],
        },
        {
          stack: [
            { text: count(data.initiativeTotals.realised), style: 'figure', color: identity.accentColor },
            { text: t.figures.realised, style: 'note' },
          ],
        },
        {
          stack: [
            { text: count(data.indicators.length), style: 'figure', color: identity.accentColor },
            { text: t.figures.indicators, style: 'note' },
          ],
        },
      ],
      margin: [0, 0, 0, 16],
    },

    heading(t.headings.plan, data),
    { text: t.headings.overallObjective, style: 'h2' },
    structure.overallObjectives.length
      ? { ul: structure.overallObjectives, margin: [0, 0, 0, 6] }
      : { text: t.empty.notStated, italics: true, color: GREY },
    { text: t.headings.specificObjectives, style: 'h2' },
    structure.specificObjectives.length
      ? { ul: structure.specificObjectives, margin: [0, 0, 0, 8] }
      : { text: t.empty.notStated, italics: true, color: GREY },
    ...(phases.length
      ? [
          { text: t.headings.phases, style: 'h2' } as Content,
          table(
            data,
            [120, '*'],
            [t.columns.phase, t.columns.dates],
            phases.map((p) => [p.label, p.dates]),
          ),
        ]
      : []),
    { text: t.headings.focusAreas, style: 'h2' },
    table(
      data,
      [130, '*', 60],
      [t.columns.focusArea, t.columns.description, t.columns.initiatives],
      structure.focusAreas.map((a) => [
        { text: a.name, bold: true },
        a.description ?? '',
        { text: count(a.initiativeCount), alignment: 'right' },
      ]),
    ),
    ...(structure.programmes.length
      ? [
          { text: t.headings.programmes, style: 'h2' } as Content,
          table(
            data,
            ['*', 120, 60],
            [t.columns.programme, t.columns.hashtag, t.columns.initiatives],
            structure.programmes.map((p) => [
              p.name,
              p.hashtag ?? '',
              { text: count(p.initiativeCount), alignment: 'right' },
            ]),
          ),
        ]
      : []),

    heading(t.headings.impact, data),
    data.communicationImpact.length
      ? table(
          data,
          [170, 80, '*'],
          [t.columns.measure, t.columns.figure, t.columns.note],
          data.communicationImpact.map((f) => [
            f.label,
            { text: f.value, bold: true, color: identity.accentColor },
            f.note ?? '',
          ]),
        )
      : {
          text: t.empty.impact,
          italics: true,
          color: GREY,
          margin: [0, 0, 0, 10],
        },

    ...indicatorsSection(data),

    heading(t.headings.evaluation, data),
    { text: t.scale, style: 'note' },
    table(
      data,
      [95, 95, '*'],
      [t.columns.criterion, t.columns.rating, t.columns.findings],
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
          : { text: t.empty.notRated, italics: true, color: GREY },
        c.findings ?? { text: '—', color: GREY },
      ]),
    ),
    { text: t.headings.conclusions, style: 'h2' },
    paragraphs(data.evaluation.conclusions, t.empty.conclusions),
    { text: t.headings.lessonsLearned, style: 'h2' },
    paragraphs(data.evaluation.lessonsLearned, t.empty.lessons),
    ...(data.evaluation.lessonsFromMonitoring.length
      ? [
          { text: t.headings.lessonsFromMonitoring, style: 'h2' } as Content,
          {
            ul: data.evaluation.lessonsFromMonitoring.map((l) =>
              l.source ? `${l.text} (${l.source})` : l.text,
            ),
          } as Content,
        ]
      : []),

    {
      text: t.headings.annex,
      style: 'h1',
      color: identity.primaryColor,
      pageBreak: 'before',
      pageOrientation: 'landscape',
    },
    table(
      data,
      [200, 90, 80, '*', 60],
      [t.columns.initiative, t.columns.date, t.columns.type, t.columns.actors, t.columns.mediaReflection],
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
    info: {
      title: fill(t.documentTitle, { title: plan.title, acronym: plan.acronym }),
      creator: 'SoftPower',
    },
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
        { text: fill(t.footer, { acronym: plan.acronym, date: generated }), color: GREY, fontSize: 7.5 },
        {
          text: fill(common.pageOf, { page: current, pages: total }),
          alignment: 'right',
          color: GREY,
          fontSize: 7.5,
          width: 'auto',
        },
      ],
      margin: [48, 20, 48, 0],
    }),
    content,
  };
}

/** Renders the report as a PDF file. */
export async function renderPlanReportPdf(data: IPlanReportData): Promise<Uint8Array> {
  const drawable = await withDrawableLogo(data);
  let buffer: Buffer;
  try {
    buffer = await loadPdfMake().createPdf(buildPlanReportPdfDefinition(drawable)).getBuffer();
  } catch (error) {
    // A logo sharp decodes but pdfkit cannot embed: render without it rather than fail.
    if (!drawable.identity.logo) throw error;
    buffer = await loadPdfMake()
      .createPdf(buildPlanReportPdfDefinition(withoutLogo(drawable)))
      .getBuffer();
  }
  return new Uint8Array(buffer);
}
