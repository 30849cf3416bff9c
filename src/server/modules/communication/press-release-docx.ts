/**
 * A press release as a Word document (DOCX) carrying the plan's identity: the plan's logo and
 * title in the header, the headline in the plan's primary colour, a rule in the secondary colour.
 * The logo is decoded first (`uploads/image.ts`): one that cannot be drawn (stored truncated or
 * corrupt) is left out and the header says so, instead of a 500 or a file Word cannot open.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import type { TPressReleaseLanguage } from '../../../shared/enums.ts';
import { LOGO_NOT_DRAWN } from '../../platform/reports/logo.ts';
import { tryDecodeImage } from '../../platform/uploads/image.ts';
import { fitWithin } from '../../platform/uploads/image-sniff.ts';
import type { TVisualIdentity } from './comms-strategy.ts';

const DEFAULT_PRIMARY = '1F4E99';
const DEFAULT_SECONDARY = '8C8C8C';
const hex = (colour: string | null, fallback: string) =>
  colour ? colour.replace('#', '').toUpperCase() : fallback;

const LABELS: Record<TPressReleaseLanguage, { pressRelease: string; date: string }> = {
  it: { pressRelease: 'Comunicato stampa', date: 'Data' },
  en: { pressRelease: 'Press release', date: 'Date' },
  ru: { pressRelease: 'Пресс-релиз', date: 'Дата' },
  kk: { pressRelease: 'Баспасөз релизі', date: 'Күні' },
};

/**
 * Renders the release; paragraphs of the body are separated by blank lines, single line breaks
 * are kept.
 * @example const bytes = await renderPressReleaseDocx({ identity, missionName, release }); // a .docx file
 */
export async function renderPressReleaseDocx(options: {
  identity: TVisualIdentity;
  missionName: string;
  release: { title: string; body: string; language: TPressReleaseLanguage; date: Date };
}): Promise<Uint8Array> {
  const { identity, release } = options;
  const primary = hex(identity.primaryColour, DEFAULT_PRIMARY);
  const secondary = hex(identity.secondaryColour, DEFAULT_SECONDARY);
  const labels = LABELS[release.language];

  const headerChildren: Paragraph[] = [];
  const logo = identity.logo ? await tryDecodeImage(identity.logo.data) : null;
  if (identity.logo && !logo) {
    headerChildren.push(new Paragraph({ children: [new TextRun({ text: LOGO_NOT_DRAWN, italics: true })] }));
  }
  if (identity.logo && logo) {
    headerChildren.push(
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [
          new ImageRun({
            type: logo.format === 'png' ? 'png' : 'jpg',
            data: identity.logo.data,
            transformation: fitWithin(logo, { width: 180, height: 60 }),
            altText: { name: 'logo', title: identity.planTitle, description: `${identity.planTitle} logo` },
          }),
        ],
      }),
    );
  }
  headerChildren.push(
    new Paragraph({
      children: [new TextRun({ text: identity.planTitle, bold: true, color: primary, size: 20 })],
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: secondary, space: 4 } },
    }),
  );

  const dateText = new Intl.DateTimeFormat(release.language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(release.date);
  const paragraphs = release.body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(
      (p) =>
        new Paragraph({
          spacing: { after: 160 },
          children: p
            .split('\n')
            .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, size: 22 })),
        }),
    );

  const document = new Document({
    creator: options.missionName,
    title: release.title,
    description: `${labels.pressRelease} — ${identity.planTitle}`,
    styles: { default: { document: { run: { font: 'Calibri' } } } },
    sections: [
      {
        headers: { default: new Header({ children: headerChildren }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ text: options.missionName, color: secondary, size: 16 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            children: [
              new TextRun({
                text: labels.pressRelease.toUpperCase(),
                bold: true,
                color: secondary,
                size: 18,
              }),
              new TextRun({ text: `  ·  ${labels.date}: ${dateText}`, color: secondary, size: 18 }),
            ],
          }),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            spacing: { before: 200, after: 240 },
            children: [new TextRun({ text: release.title, bold: true, color: primary, size: 36 })],
          }),
          ...paragraphs,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
