/**
 * The short "report to headquarters" on a single major initiative (procedure step 7), as DOCX:
 * what it was, when and where, with whom, what it aimed at, what it achieved and how the media
 * reflected it.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { formatCalendarDate } from '../../../../shared/dates.ts';
import { fill, reportText, type TReportLanguage } from '../../../platform/reports/i18n.ts';
import { docxHeading, docxTable, docxText } from './docx.ts';
import { type IVisualIdentity, SOFTPOWER_IDENTITY } from './types.ts';

export interface IInitiativeHqReportData {
  /** The language of the fixed words; type, status, dates and roles below are already in it. */
  lang: TReportLanguage;
  mission: string;
  plan: { title: string; acronym: string };
  initiative: {
    title: string;
    type: string;
    status: string;
    dates: string;
    place: string;
    summary: string | null;
    objectives: string | null;
    keyMessages: string | null;
    targetAudiences: string | null;
    results: string | null;
    mediaCoverage: string | null;
    mediaReflection: string | null;
    mediaLinks: string[];
    partners: { name: string; role: string }[];
  };
  generatedAt: string;
  identity?: IVisualIdentity;
}

/** Renders the initiative's report to headquarters as a DOCX file. */
export async function renderInitiativeHqReportDocx(data: IInitiativeHqReportData): Promise<Uint8Array> {
  const identity = data.identity ?? SOFTPOWER_IDENTITY;
  const primary = identity.primaryColor;
  const { initiative, lang } = data;
  const { hqReport: t } = reportText(lang);
  const grey = '6B7280';
  const prepared = formatCalendarDate(data.generatedAt.slice(0, 10), lang, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const document = new Document({
    creator: 'SoftPower',
    title: fill(t.documentTitle, { title: initiative.title }),
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun({ text: t.band, bold: true, color: grey, size: 18 }),
              new TextRun({ text: `  ·  ${data.mission}  ·  ${data.plan.acronym}`, color: grey, size: 18 }),
            ],
          }),
          new Paragraph({
            spacing: { before: 120, after: 120 },
            children: [
              new TextRun({ text: initiative.title, bold: true, size: 36, color: primary.replace('#', '') }),
            ],
          }),
          docxTable(
            ['', ''],
            [
              [t.fields.dates, initiative.dates || t.notSet],
              [t.fields.place, initiative.place || t.notSet],
              [t.fields.type, initiative.type],
              [t.fields.status, initiative.status],
              [t.fields.plan, `${data.plan.title} (${data.plan.acronym})`],
              [
                t.fields.partners,
                initiative.partners.length
                  ? initiative.partners.map((p) => `${p.name} (${p.role})`).join('; ')
                  : t.noPartners,
              ],
            ],
            [22, 78],
            identity.lightColor,
          ),
          ...(initiative.summary
            ? [docxHeading(t.headings.summary, primary, 2), ...docxText(initiative.summary, '')]
            : []),
          docxHeading(t.headings.objectives, primary, 2),
          ...docxText(initiative.objectives, t.empty.objectives),
          ...(initiative.targetAudiences
            ? [
                docxHeading(t.headings.targetAudiences, primary, 2),
                ...docxText(initiative.targetAudiences, ''),
              ]
            : []),
          ...(initiative.keyMessages
            ? [docxHeading(t.headings.keyMessages, primary, 2), ...docxText(initiative.keyMessages, '')]
            : []),
          docxHeading(t.headings.results, primary, 2),
          ...docxText(initiative.results, t.empty.results),
          docxHeading(t.headings.mediaCoverage, primary, 2),
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({ text: t.mediaReflection, bold: true }),
              new TextRun(initiative.mediaReflection ?? t.notRated),
            ],
          }),
          ...docxText(initiative.mediaCoverage, t.empty.mediaCoverage),
          ...initiative.mediaLinks.map((link) => new Paragraph({ text: link, bullet: { level: 0 } })),
          new Paragraph({
            spacing: { before: 240 },
            children: [
              new TextRun({
                text: fill(t.prepared, { date: prepared }),
                color: grey,
                size: 16,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
