/**
 * A staff meeting's agenda and minutes as a PDF (pdfmake, Roboto: Latin and Cyrillic): the
 * agenda by section, the status of each initiative, the decisions and the action items.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatCalendarDate } from '../../../shared/dates.ts';
import type { TAgenda, TMeetingDetail } from '../../../shared/schemas/monitoring.ts';
import {
  fill,
  intlLocale,
  reportText,
  type TReportDictionary,
  type TReportLanguage,
} from '../../platform/reports/i18n.ts';
import { STARTING_WINDOW_DAYS } from './agenda/sources.ts';

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

type TAgendaItemView = TAgenda['sections'][number]['items'][number];
type TAgendaMessageView = NonNullable<TAgendaItemView['message']>;

/**
 * An agenda message (`agenda.detail.owner`, `agenda.alarm.red`…) in the document's language, or
 * null when the dictionary does not know it (the item's English text is used then). A count
 * picks its plural form; an ISO date param is written as a date.
 */
export function wordAgendaMessage(
  message: TAgendaMessageView,
  words: TReportDictionary['minutes']['messages'],
  lang: TReportLanguage,
): string | null {
  let node: unknown = words;
  for (const part of message.key.replace(/^agenda\./, '').split('.'))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  if (node && typeof node === 'object' && 'other' in node) {
    const forms = node as Record<string, string>;
    node = forms[new Intl.PluralRules(intlLocale(lang)).select(Number(message.params.count))] ?? forms.other;
  }
  if (typeof node !== 'string') return null;
  const params = Object.fromEntries(
    Object.entries(message.params).map(([key, value]) => [
      key,
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? formatCalendarDate(value, lang, { day: 'numeric', month: 'short', year: 'numeric' })
        : value,
    ]),
  );
  return fill(node, params);
}

const none = (text: string): Content => ({ text, italics: true, color: '#666666', margin: [0, 2, 0, 10] });

/**
 * Builds the PDF of a meeting's agenda and minutes, its fixed words and dates in `lang`
 * (default English). Agenda sections of unknown sources keep the source's own label.
 * @example const pdf = await renderMeetingMinutesPdf({ meeting, agenda, lang: 'it' });
 */
export async function renderMeetingMinutesPdf(input: {
  meeting: TMeetingDetail;
  agenda: TAgenda;
  lang?: TReportLanguage;
}): Promise<Uint8Array> {
  const { meeting, agenda } = input;
  const lang = input.lang ?? 'en';
  const { enums, common, minutes: t } = reportText(lang);
  const longDate = (iso: string) =>
    formatCalendarDate(iso, lang, { day: 'numeric', month: 'long', year: 'numeric' });
  const shortDate = (iso: string) =>
    formatCalendarDate(iso, lang, { day: 'numeric', month: 'short', year: 'numeric' });
  const sectionLabel = (section: TAgenda['sections'][number]) => {
    const known = t.sections[section.key as keyof typeof t.sections];
    return known ? fill(known, { days: STARTING_WINDOW_DAYS }) : section.label;
  };
  const itemTitle = (i: TAgendaItemView) =>
    (i.message && wordAgendaMessage(i.message, t.messages, lang)) || i.title;
  const itemDetail = (i: TAgendaItemView) => {
    const worded = (i.detailMessages ?? []).map((m) => wordAgendaMessage(m, t.messages, lang));
    return worded.length > 0 && worded.every(Boolean) ? worded.join(' · ') : i.detail;
  };
  const title = meeting.title || t.defaultTitle;
  const heading = `${title}, ${longDate(meeting.meetingDate)}`;
  const content: Content[] = [
    { text: `${meeting.plan.acronym} — ${meeting.plan.title}`, style: 'eyebrow' },
    { text: heading, style: 'h1' },
  ];
  if (meeting.attendees)
    content.push({ text: fill(t.attendees, { names: meeting.attendees }), margin: [0, 0, 0, 8] });

  content.push({ text: t.agenda, style: 'h2' });
  for (const section of agenda.sections) {
    content.push({ text: sectionLabel(section), style: 'h3' });
    if (section.items.length === 0) content.push(none(t.nothing));
    else
      content.push({
        ul: section.items.map((i) => ({
          text: [
            { text: `${SEVERITY_MARK[i.severity]} `, bold: true },
            { text: itemTitle(i), bold: i.severity !== 'info' },
            i.dueDate ? ` (${shortDate(i.dueDate)})` : '',
            itemDetail(i) ? { text: ` — ${itemDetail(i)}`, color: '#555555' } : '',
          ],
        })),
        margin: [0, 2, 0, 8],
      });
  }

  content.push({ text: t.status, style: 'h2' });
  const checked = meeting.checkIns.filter((c) => c.status);
  if (checked.length === 0) content.push(none(t.noStatus));
  else
    content.push(
      table(
        [t.columns.initiative, t.columns.owner, t.columns.status, t.columns.note],
        checked.map((c) => {
          const status = c.status ? enums.checkInStatus[c.status] : '';
          return [
            c.title,
            c.owner?.fullName ?? '—',
            c.source === 'carried' ? fill(t.unchanged, { status }) : status,
            c.note ?? '',
          ];
        }),
        ['*', 'auto', 'auto', '*'],
      ),
    );

  content.push({ text: t.decisions, style: 'h2' });
  if (meeting.decisions.length === 0) content.push(none(t.noDecisions));
  else
    content.push({
      ol: meeting.decisions.map((d) => (d.initiative ? `${d.text} (${d.initiative.title})` : d.text)),
      margin: [0, 2, 0, 12],
    });

  content.push({ text: t.actionItems, style: 'h2' });
  if (meeting.actionItems.length === 0) content.push(none(t.noActionItems));
  else
    content.push(
      table(
        [t.columns.action, t.columns.owner, t.columns.due, t.columns.done],
        meeting.actionItems.map((a) => [
          a.initiative ? `${a.text} (${a.initiative.title})` : a.text,
          a.owner?.fullName ?? '—',
          a.dueDate ? shortDate(a.dueDate) : '—',
          a.isDone ? t.yes : t.no,
        ]),
        ['*', 'auto', 'auto', 'auto'],
      ),
    );

  const doc: TDocumentDefinitions = {
    info: { title: heading, creator: 'SoftPower' },
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
      text: `${heading} — ${fill(common.pageOf, { page, pages })}`,
      alignment: 'center',
      fontSize: 8,
      color: '#777777',
    }),
    content,
  };
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer);
}
