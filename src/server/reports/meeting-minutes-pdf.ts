/**
 * A staff meeting's agenda and minutes as a PDF (pdfmake, Roboto: Latin and Cyrillic): the
 * agenda by section, the status of each initiative, the decisions and the action items.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { TAgenda, TMeetingDetail } from '../../shared/schemas/monitoring.ts';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');
const robotoFonts = require('pdfmake/fonts/Roboto.js') as {
  Roboto: { normal: string; bold: string; italics: string; bolditalics: string };
};
const fontDir = dirname(robotoFonts.Roboto.normal);
pdfmake.setFonts(robotoFonts);
// The document needs only the bundled fonts: no downloads, no other files.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontDir));

const STATUS_LABELS: Record<string, string> = {
  on_track: 'On track',
  at_risk: 'At risk',
  late: 'Late',
  done: 'Done',
  cancelled: 'Cancelled',
};

const SEVERITY_MARK = { danger: '!!', warning: '!', info: '·' } as const;

const table = (header: string[], rows: string[][], widths: (string | number)[]): Content => ({
  table: {
    headerRows: 1,
    widths,
    body: [header.map((h) => ({ text: h, style: 'th' })), ...rows],
  },
  layout: 'lightHorizontalLines',
  margin: [0, 4, 0, 12],
});

const none = (text: string): Content => ({ text, italics: true, color: '#666666', margin: [0, 2, 0, 10] });

/**
 * Builds the PDF of a meeting's agenda and minutes.
 * @example const pdf = await renderMeetingMinutesPdf({ meeting, agenda });
 */
export async function renderMeetingMinutesPdf(input: {
  meeting: TMeetingDetail;
  agenda: TAgenda;
}): Promise<Uint8Array> {
  const { meeting, agenda } = input;
  const title = meeting.title || 'Staff meeting';
  const content: Content[] = [
    { text: `${meeting.plan.acronym} — ${meeting.plan.title}`, style: 'eyebrow' },
    { text: `${title}, ${meeting.meetingDate}`, style: 'h1' },
  ];
  if (meeting.attendees) content.push({ text: `Attendees: ${meeting.attendees}`, margin: [0, 0, 0, 8] });

  content.push({ text: 'Agenda', style: 'h2' });
  for (const section of agenda.sections) {
    content.push({ text: section.label, style: 'h3' });
    if (section.items.length === 0) content.push(none('Nothing.'));
    else
      content.push({
        ul: section.items.map((i) => ({
          text: [
            { text: `${SEVERITY_MARK[i.severity]} `, bold: true },
            { text: i.title, bold: i.severity !== 'info' },
            i.dueDate ? ` (${i.dueDate})` : '',
            i.detail ? { text: ` — ${i.detail}`, color: '#555555' } : '',
          ],
        })),
        margin: [0, 2, 0, 8],
      });
  }

  content.push({ text: 'Status of the initiatives', style: 'h2' });
  const checked = meeting.checkIns.filter((c) => c.status);
  if (checked.length === 0) content.push(none('No status recorded.'));
  else
    content.push(
      table(
        ['Initiative', 'Owner', 'Status', 'Note'],
        checked.map((c) => [
          c.title,
          c.owner?.fullName ?? '—',
          `${STATUS_LABELS[c.status!] ?? c.status}${c.source === 'carried' ? ' (unchanged)' : ''}`,
          c.note ?? '',
        ]),
        ['*', 'auto', 'auto', '*'],
      ),
    );

  content.push({ text: 'Decisions', style: 'h2' });
  if (meeting.decisions.length === 0) content.push(none('No decisions.'));
  else
    content.push({
      ol: meeting.decisions.map((d) => (d.initiative ? `${d.text} (${d.initiative.title})` : d.text)),
      margin: [0, 2, 0, 12],
    });

  content.push({ text: 'Action items', style: 'h2' });
  if (meeting.actionItems.length === 0) content.push(none('No action items.'));
  else
    content.push(
      table(
        ['Action', 'Owner', 'Due', 'Done'],
        meeting.actionItems.map((a) => [
          a.initiative ? `${a.text} (${a.initiative.title})` : a.text,
          a.owner?.fullName ?? '—',
          a.dueDate ?? '—',
          a.isDone ? 'yes' : 'no',
        ]),
        ['*', 'auto', 'auto', 'auto'],
      ),
    );

  const doc: TDocumentDefinitions = {
    info: { title: `${title} ${meeting.meetingDate}`, creator: 'SoftPower' },
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      eyebrow: { fontSize: 9, color: '#555555' },
      h1: { fontSize: 18, bold: true, margin: [0, 2, 0, 8] },
      h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 4, 0, 2] },
      th: { bold: true },
    },
    footer: (page, pages) => ({
      text: `${title}, ${meeting.meetingDate} — ${page}/${pages}`,
      alignment: 'center',
      fontSize: 8,
      color: '#777777',
    }),
    content,
  };
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer);
}
