/**
 * Media contacts as a table (CSV/XLSX): reading and validating the rows, and the keys by which
 * a contact is recognised again (its e-mail, its handle on each channel). Pure functions: the
 * command resolves outlets and writes.
 */
import {
  MEDIA_CONTACT_CHANNELS,
  MEDIA_PERSON_KINDS,
  type TMediaContactChannel,
  type TMediaPersonKind,
} from '../../../../shared/enums.ts';
import { cleanCell, splitList, type TTableError } from '../../initiatives/index.ts';

/** The columns of a media-contacts file, in order. `name` is required; the rest may be empty. */
export const MEDIA_CONTACT_COLUMNS = [
  'name',
  'kind',
  'email',
  'outlet',
  'languages',
  'channels',
  'audience',
  'topics',
  'list',
  'notes',
] as const;
export type TMediaContactColumn = (typeof MEDIA_CONTACT_COLUMNS)[number];

/** `outlet` is a media organisation; the others are people. */
export const MEDIA_CONTACT_KINDS = [...MEDIA_PERSON_KINDS, 'outlet'] as const;
export type TMediaContactKind = (typeof MEDIA_CONTACT_KINDS)[number];

const HEADER_ALIASES: Record<string, TMediaContactColumn> = {
  'full name': 'name',
  nome: 'name',
  tipo: 'kind',
  type: 'kind',
  'e-mail': 'email',
  mail: 'email',
  testata: 'outlet',
  media: 'outlet',
  lingue: 'languages',
  language: 'languages',
  canali: 'channels',
  handles: 'channels',
  'audience size': 'audience',
  followers: 'audience',
  pubblico: 'audience',
  temi: 'topics',
  lista: 'list',
  lists: 'list',
  note: 'notes',
};

export interface TMediaChannel {
  kind: TMediaContactChannel;
  handle: string | null;
  url: string | null;
}

export interface TMediaContactRow {
  /** Row number in the spreadsheet (header = 1). */
  row: number;
  name: string;
  kind: TMediaContactKind;
  email: string | null;
  outlet: string | null;
  languages: string[];
  channels: TMediaChannel[];
  audienceSize: number | null;
  topics: string[];
  list: string | null;
  notes: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const LANGUAGE = /^[a-z]{2}$/;

/**
 * A handle as compared: lower case, without the leading "@" and spaces.
 * @example normaliseHandle(' @Aigerim.Eats ') // 'aigerim.eats'
 */
export const normaliseHandle = (handle: string) =>
  handle.trim().replace(/^@/, '').replace(/\s+/g, '').toLowerCase();

/**
 * The keys that identify a contact: its e-mail and each channel's handle (or address). Two
 * contacts sharing any key are the same contact.
 * @example contactKeys({ email: 'A@b.kz', channels: [{ kind: 'instagram', handle: '@aa', url: null }] }) // ['email:a@b.kz', 'instagram:aa']
 */
export function contactKeys(contact: { email: string | null; channels: readonly TMediaChannel[] }): string[] {
  const keys: string[] = [];
  if (contact.email) keys.push(`email:${contact.email.trim().toLowerCase()}`);
  for (const channel of contact.channels) {
    const value = channel.handle
      ? normaliseHandle(channel.handle)
      : channel.url?.trim().toLowerCase().replace(/\/+$/, '');
    if (value) keys.push(`${channel.kind}:${value}`);
  }
  return keys;
}

/**
 * Reads a channels cell: entries separated by ";" or new lines, each `kind:handle` or
 * `kind:https://…` (`instagram:@aigerim.eats; telegram:https://t.me/aigerim`).
 */
export function parseChannelsCell(cell: string): { value: TMediaChannel[]; error?: string } {
  const value: TMediaChannel[] = [];
  for (const entry of cell
    .split(/;|\r?\n/)
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([a-z]+)\s*[:=]\s*(.+)$/i.exec(entry);
    if (!match) return { value, error: `"${entry}" must be written channel:handle, e.g. instagram:@name` };
    const kind = match[1]!.toLowerCase() as TMediaContactChannel;
    if (!MEDIA_CONTACT_CHANNELS.includes(kind))
      return { value, error: `"${match[1]}" is not a channel: use ${MEDIA_CONTACT_CHANNELS.join(', ')}` };
    const target = match[2]!.trim();
    const isUrl = /^https?:\/\//i.test(target);
    value.push({ kind, handle: isUrl ? null : target, url: isUrl ? target : null });
  }
  return { value };
}

function parseAudience(cell: string): { value: number | null; error?: string } {
  const text = cell
    .trim()
    .toLowerCase()
    .replace(/[\s,.'’]/g, '');
  if (!text) return { value: null };
  const match = /^(\d+)(k|m)?$/.exec(text);
  if (!match) return { value: null, error: `"${cell.trim()}" must be a number of people, e.g. 12000 or 12k` };
  const factor = match[2] === 'k' ? 1_000 : match[2] === 'm' ? 1_000_000 : 1;
  const value = Number(match[1]) * factor;
  if (!Number.isSafeInteger(value) || value > 2_000_000_000) return { value: null, error: 'is too large' };
  return { value };
}

function parseKind(cell: string): { value: TMediaContactKind; error?: string } {
  const text = cell.trim().toLowerCase();
  if (!text) return { value: 'journalist' };
  const aliases: Record<string, TMediaContactKind> = {
    giornalista: 'journalist',
    testata: 'outlet',
    media_outlet: 'outlet',
    'media outlet': 'outlet',
  };
  const kind = (aliases[text] ?? text) as TMediaContactKind;
  if (!MEDIA_CONTACT_KINDS.includes(kind))
    return {
      value: 'journalist',
      error: `"${cell.trim()}" must be one of ${MEDIA_CONTACT_KINDS.join(', ')}`,
    };
  return { value: kind };
}

const normaliseHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/**
 * Validates every row of a media-contacts table and reports every error with its row and column.
 * Empty rows are skipped.
 */
export function readMediaContactRows(
  rows: string[][],
  rowNumbers: number[],
): { contacts: TMediaContactRow[]; errors: TTableError[] } {
  const errors: TTableError[] = [];
  const [header = [], ...data] = rows;
  const positions = new Map<TMediaContactColumn, number>();
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    const column = (MEDIA_CONTACT_COLUMNS as readonly string[]).includes(name)
      ? (name as TMediaContactColumn)
      : HEADER_ALIASES[name];
    if (column && !positions.has(column)) positions.set(column, index);
  });
  if (!positions.has('name')) {
    errors.push({ row: rowNumbers[0] ?? 1, column: 'name', message: 'the header has no "name" column' });
    return { contacts: [], errors };
  }
  const contacts: TMediaContactRow[] = [];
  data.forEach((cells, index) => {
    const row = rowNumbers[index + 1] ?? index + 2;
    const cell = (column: TMediaContactColumn) => {
      const at = positions.get(column);
      return at === undefined ? '' : cleanCell(cells[at]).trim();
    };
    if (MEDIA_CONTACT_COLUMNS.every((c) => cell(c) === '')) return;
    const fail = (column: TMediaContactColumn, message: string) => errors.push({ row, column, message });
    const name = cell('name').replace(/\s+/g, ' ');
    if (!name) fail('name', 'is required');
    else if (name.length > 200) fail('name', 'must be at most 200 characters');
    const kind = parseKind(cell('kind'));
    if (kind.error) fail('kind', kind.error);
    const email = cell('email') || null;
    if (email && !EMAIL.test(email)) fail('email', `"${email}" is not an e-mail address`);
    if (email && kind.value === 'outlet')
      fail('email', 'outlets have no e-mail here: put it on a journalist');
    const languages = splitList(cell('languages')).map((l) => l.toLowerCase());
    const badLanguage = languages.find((l) => !LANGUAGE.test(l));
    if (badLanguage)
      fail('languages', `"${badLanguage}" must be a two-letter language code such as kk, ru, en or it`);
    const channels = parseChannelsCell(cell('channels'));
    if (channels.error) fail('channels', channels.error);
    const audience = parseAudience(cell('audience'));
    if (audience.error) fail('audience', audience.error);
    const outlet = cell('outlet') || null;
    if (outlet && kind.value === 'outlet') fail('outlet', 'an outlet does not belong to another outlet');
    contacts.push({
      row,
      name,
      kind: kind.value,
      email: email?.toLowerCase() ?? null,
      outlet,
      languages,
      channels: channels.value,
      audienceSize: audience.value,
      topics: splitList(cell('topics')),
      list: cell('list') || null,
      notes: cell('notes') || null,
    });
  });
  return { contacts, errors };
}

/** True for kinds that are people (journalists, bloggers, influencers). */
export const isMediaPersonKind = (kind: TMediaContactKind): kind is TMediaPersonKind => kind !== 'outlet';
