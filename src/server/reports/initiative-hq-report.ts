/**
 * The short "report to headquarters" on a single major initiative (procedure step 7), as DOCX:
 * what it was, when and where, with whom, what it aimed at, what it achieved and how the media
 * reflected it.
 */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { docxHeading, docxTable, docxText } from './plan-report/docx.ts';
import { type IVisualIdentity, SOFTPOWER_IDENTITY } from './plan-report/types.ts';

export interface IInitiativeHqReportData {
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
  const { initiative } = data;
  const grey = '6B7280';
  const document = new Document({
    creator: 'SoftPower',
    title: `${initiative.title}: report to headquarters`,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun({ text: 'REPORT TO HEADQUARTERS', bold: true, color: grey, size: 18 }),
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
              ['Dates', initiative.dates || 'not set'],
              ['Place', initiative.place || 'not set'],
              ['Type', initiative.type],
              ['Status', initiative.status],
              ['Plan', `${data.plan.title} (${data.plan.acronym})`],
              [
                'Partners',
                initiative.partners.length
                  ? initiative.partners.map((p) => `${p.name} (${p.role})`).join('; ')
                  : 'none recorded',
              ],
            ],
            [22, 78],
            identity.lightColor,
          ),
          ...(initiative.summary
            ? [docxHeading('Summary', primary, 2), ...docxText(initiative.summary, '')]
            : []),
          docxHeading('Objectives', primary, 2),
          ...docxText(initiative.objectives, 'No objectives recorded.'),
          ...(initiative.targetAudiences
            ? [docxHeading('Target audiences', primary, 2), ...docxText(initiative.targetAudiences, '')]
            : []),
          ...(initiative.keyMessages
            ? [docxHeading('Key messages', primary, 2), ...docxText(initiative.keyMessages, '')]
            : []),
          docxHeading('Results', primary, 2),
          ...docxText(initiative.results, 'No results recorded yet.'),
          docxHeading('Media coverage', primary, 2),
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({ text: 'Media reflection: ', bold: true }),
              new TextRun(initiative.mediaReflection ?? 'not rated'),
            ],
          }),
          ...docxText(initiative.mediaCoverage, 'No media coverage recorded.'),
          ...initiative.mediaLinks.map((link) => new Paragraph({ text: link, bullet: { level: 0 } })),
          new Paragraph({
            spacing: { before: 240 },
            children: [
              new TextRun({
                text: `Prepared with SoftPower on ${new Date(data.generatedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })}.`,
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
