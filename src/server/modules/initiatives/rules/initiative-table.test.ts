import { describe, expect, it } from 'vitest';
import {
  cleanCell,
  formatInitiativeRow,
  INITIATIVE_COLUMNS,
  readHeader,
  readInitiativeRows,
  type TReadContext,
} from './initiative-table.ts';
import {
  parseMediaReflectionCell,
  parseStatusCell,
  parseTypeCell,
  splitActors,
  splitList,
} from './table-cells.ts';
import { decodeText, parseCsv, toCsv } from './table-csv.ts';
import { formatDateCell, parseDateCell } from './table-dates.ts';

const in2022 = { year: 2022, fallbackYear: 2030 };
const month = (startDate: string, endDate: string) => ({
  value: { datePrecision: 'month', startDate, endDate },
});
const day = (startDate: string, endDate = startDate) => ({
  value: { datePrecision: 'day', startDate, endDate },
});

describe('parseDateCell', () => {
  it.each([
    ['2022-05', month('2022-05-01', '2022-05-31')],
    ['2022-01..2022-03', month('2022-01-01', '2022-03-31')],
    ['2022-02', month('2022-02-01', '2022-02-28')],
    ['2022-05-14', day('2022-05-14')],
    ['2022-05-14..2022-05-16', day('2022-05-14', '2022-05-16')],
    ['2022-05-14 – 2022-05-16', day('2022-05-14', '2022-05-16')],
    ['2022-01/2022-03', month('2022-01-01', '2022-03-31')],
    ['14/05/2022', day('2022-05-14')],
    ['14.05.2022 - 16.05.2022', day('2022-05-14', '2022-05-16')],
  ])('reads the numeric form %s', (cell, expected) => {
    expect(parseDateCell(cell, in2022)).toEqual(expected);
  });

  it.each([
    ['Gennaio Marzo', month('2022-01-01', '2022-03-31')],
    ['Gennaio–Marzo', month('2022-01-01', '2022-03-31')],
    ['Marzo-Aprile', month('2022-03-01', '2022-04-30')],
    ['Luglio-Agosto', month('2022-07-01', '2022-08-31')],
    ['January–March', month('2022-01-01', '2022-03-31')],
    ['Febbraio', month('2022-02-01', '2022-02-28')],
    ['  novembre ', month('2022-11-01', '2022-11-30')],
    ['Jan - Mar 2023', month('2023-01-01', '2023-03-31')],
    ['Gennaio 2022 – Marzo 2022', month('2022-01-01', '2022-03-31')],
    ['May 2021', month('2021-05-01', '2021-05-31')],
    ['Maggio 2022', month('2022-05-01', '2022-05-31')],
    ['14 maggio 2022', day('2022-05-14')],
    ['14–16 May', day('2022-05-14', '2022-05-16')],
    ['30 Nov – 2 Dec 2022', day('2022-11-30', '2022-12-02')],
  ])('reads month names: %s', (cell, expected) => {
    expect(parseDateCell(cell, in2022)).toEqual(expected);
  });

  it('takes a missing year from the plan period: the latest occurrence not after its end', () => {
    const plan = { periodEnd: '2023-08-31', fallbackYear: 2030 };
    expect(parseDateCell('Ottobre', plan)).toEqual(month('2022-10-01', '2022-10-31'));
    expect(parseDateCell('Gennaio', plan)).toEqual(month('2023-01-01', '2023-01-31'));
    expect(parseDateCell('Novembre–Febbraio', plan)).toEqual(month('2022-11-01', '2023-02-28'));
    expect(parseDateCell('Dicembre', { fallbackYear: 2030 })).toEqual(month('2030-12-01', '2030-12-31'));
    expect(parseDateCell('Dicembre', { ...plan, year: 2021 })).toEqual(month('2021-12-01', '2021-12-31'));
  });

  it('leaves an empty cell empty and explains what it cannot read', () => {
    expect(parseDateCell('  ', in2022)).toEqual({ value: null });
    const bad = parseDateCell('Novembre Astana e Almaty', in2022);
    expect(bad).toEqual({
      error:
        'must be a date such as 2022-05, 2022-05-14, 2022-01..2022-03, 2022-05-14..2022-05-16 or Gennaio–Marzo (found "Novembre Astana e Almaty")',
    });
    expect(parseDateCell('2022-02-30', in2022)).toEqual({
      error: 'is not a real calendar day (found "2022-02-30")',
    });
    expect(parseDateCell('2022-13', in2022)).toHaveProperty('error');
    expect(parseDateCell('2022-05..2022-03', in2022)).toEqual({
      error: 'ends before it starts (found "2022-05..2022-03")',
    });
    expect(parseDateCell('2022-05..2022-06-03', in2022)).toHaveProperty('error');
  });

  it('writes what it reads', () => {
    for (const cell of ['2022-05', '2022-01..2022-03', '2022-05-14', '2022-05-14..2022-05-16']) {
      const parsed = parseDateCell(cell, in2022) as { value: Parameters<typeof formatDateCell>[0] };
      expect(formatDateCell(parsed.value)).toBe(cell);
    }
    expect(formatDateCell({ datePrecision: 'day', startDate: null, endDate: null })).toBe('');
  });
});

describe('labels', () => {
  it('reads types from values, English labels and the annex Italian labels', () => {
    expect(parseTypeCell('b2b meeting')).toEqual({ value: 'b2b_meeting' });
    expect(parseTypeCell('B2B_Meeting')).toEqual({ value: 'b2b_meeting' });
    expect(parseTypeCell('Fashion show')).toEqual({ value: 'fashion_show' });
    expect(parseTypeCell('Mostra')).toEqual({ value: 'exhibition' });
    expect(parseTypeCell('Evento promozione')).toEqual({ value: 'promotion_event' });
    expect(parseTypeCell('Master class')).toEqual({ value: 'masterclass' });
    const bad = parseTypeCell('party');
    expect('error' in bad && bad.error).toMatch(/^must be one of exhibition, concert, .* \(found "party"\)$/);
  });

  it('reads media reflection in Italian and English', () => {
    const cases: [string, string | null][] = [
      ['Basso', 'low'],
      ['medio', 'medium'],
      ['Medio-alto', 'medium_high'],
      ['medium high', 'medium_high'],
      ['medium_high', 'medium_high'],
      ['Elevato', 'high'],
      ['HIGH', 'high'],
      ['Molto elevato', 'very_high'],
      ['very high', 'very_high'],
      ['', null],
    ];
    for (const [cell, value] of cases) expect(parseMediaReflectionCell(cell)).toEqual({ value });
    expect(parseMediaReflectionCell('huge')).toHaveProperty('error');
  });

  it('reads statuses with spaces', () => {
    expect(parseStatusCell('In preparation')).toEqual({ value: 'in_preparation' });
    expect(parseStatusCell('')).toEqual({ value: undefined });
    expect(parseStatusCell('finished')).toHaveProperty('error');
  });
});

describe('lists', () => {
  it('splits partners on " / ", ";" and line breaks, never on commas or dashes', () => {
    expect(splitActors('Fondazione Torino Musei / Partner kazaki')).toEqual([
      'Fondazione Torino Musei',
      'Partner kazaki',
    ]);
    expect(splitActors('Museo del Violino, Cremona;  ICE – Italian Trade Agency\nEni ; eni')).toEqual([
      'Museo del Violino, Cremona',
      'ICE – Italian Trade Agency',
      'Eni',
    ]);
    expect(splitActors(' ')).toEqual([]);
    expect(splitList('Astana; Almaty,Astana')).toEqual(['Astana', 'Almaty']);
  });
});

describe('CSV text', () => {
  it('writes RFC 4180 with a BOM and reads it back', () => {
    const rows = [
      ['initiative', 'summary'],
      ['Moda & Sostenibilità', 'Line one\nline "two", three'],
      ['=HYPERLINK("x")', '-minus'],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFFinitiative,summary\r\n')).toBe(true);
    expect(text).toContain('"Line one\nline ""two"", three"');
    expect(text).toContain(`"'=HYPERLINK(""x"")",'-minus`);
    const parsed = parseCsv(text);
    expect(parsed.rows.map((r) => r.map(cleanCell))).toEqual(rows);
    expect(parsed.rowNumbers).toEqual([1, 2, 3]);
  });

  it('reads semicolon-separated files and Windows-1252 bytes', () => {
    const bytes = new Uint8Array([
      ...Buffer.from('initiative;type\r\nCaff'),
      0xe8,
      0x20,
      0x93,
      0x78,
      0x94,
      ...Buffer.from(';concert'),
    ]);
    const { rows } = parseCsv(decodeText(bytes));
    expect(rows).toEqual([
      ['initiative', 'type'],
      ['Caffè “x”', 'concert'],
    ]);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
  });

  it('names the line of a broken file', () => {
    expect(() => parseCsv('a,b\n1,"open')).toThrow(/near line/);
  });
});

describe('readHeader', () => {
  it('accepts the annex Italian headers, warns about unknown ones, requires initiative and type', () => {
    const header = readHeader(['Iniziativa', 'Data', 'Tipologia', 'Soggetti coinvolti', 'Budget']);
    expect(header.index).toEqual({ initiative: 0, date: 1, type: 2, 'actors involved': 3 });
    expect(header.warnings).toEqual(['Column "Budget" is not known and was ignored.']);
    expect(readHeader(['initiative', 'date']).errors).toEqual([
      expect.objectContaining({ row: 1, column: 'type' }),
    ]);
    expect(readHeader(['type', 'title', 'initiative']).errors[0]).toMatchObject({
      row: 1,
      column: 'initiative',
      message: 'is a second "initiative" column: keep one',
    });
  });
});

describe('readInitiativeRows', () => {
  const ctx: TReadContext = {
    focusAreas: [{ id: 'fa-1', key: 'cultural', name: 'Cultural' }],
    vectors: [
      { id: 'v-1', key: 'cooperation', name: 'Cooperation' },
      { id: 'v-2', key: 'innovation', name: 'Innovation' },
    ],
    programmes: [{ id: 'p-1', key: 'mani-esperte', name: 'Mani esperte' }],
    organisations: [{ id: 'o-1', key: 'eni', name: 'Eni' }],
    initiatives: [
      { id: '11111111-1111-4111-8111-111111111111', key: 'concert', isArchived: false },
      { id: '22222222-2222-4222-8222-222222222222', key: null, isArchived: false },
      { id: '33333333-3333-4333-8333-333333333333', key: 'old', isArchived: true },
    ],
    years: in2022,
  };
  const header = [...INITIATIVE_COLUMNS];

  it('resolves names, keys and ids, and skips empty rows', () => {
    const result = readInitiativeRows(
      [
        header,
        [
          'Gala',
          'Maggio',
          'Concerto',
          'ENI / New Partner',
          'Elevato',
          'done',
          'Cultural',
          'cooperation; Innovation',
          'Mani esperte',
          'Astana',
          'major',
          '',
          'concert',
        ],
        ['', '', '', '', '', '', '', '', '', '', '', '', ''],
        ['By id', '', 'workshop', '', '', '', '', '', '', '', '', '', '22222222-2222-4222-8222-222222222222'],
        ['Fresh', '', 'seminar', 'new partner', '', '', '', '', '', '', '', 'About it', 'fresh'],
      ],
      ctx,
    );
    expect(result.errors).toEqual([]);
    expect(result.newOrganisations).toEqual(['New Partner']);
    expect(result.rows.map((r) => [r.row, r.key, r.initiativeId])).toEqual([
      [2, 'concert', '11111111-1111-4111-8111-111111111111'],
      [4, null, '22222222-2222-4222-8222-222222222222'],
      [5, 'fresh', null],
    ]);
    expect(result.rows[0]!.fields).toEqual({
      title: 'Gala',
      type: 'concert',
      dates: { datePrecision: 'month', startDate: '2022-05-01', endDate: '2022-05-31' },
      mediaReflection: 'high',
      status: 'done',
      focusAreaId: 'fa-1',
      vectorIds: ['v-1', 'v-2'],
      programmeId: 'p-1',
      cities: ['Astana'],
      importance: 'major',
      summary: null,
      actors: [
        { organisationId: 'o-1', name: 'Eni' },
        { organisationId: null, name: 'New Partner' },
      ],
    });
  });

  it('reports every error with its row and column', () => {
    const result = readInitiativeRows(
      [
        ['Iniziativa', 'Data', 'Tipologia', 'focus area', 'vectors', 'key'],
        ['', 'Primavera', 'party', 'sport', 'cooperation; luck', 'concert'],
        ['Again', '', 'concert', '', '', 'concert'],
        ['Archived', '', 'concert', '', '', 'old'],
        ['Twice', '', 'concert', '', '', '11111111-1111-4111-8111-111111111111'],
      ],
      ctx,
    );
    expect(result.rows).toEqual([]);
    expect(result.errors.map((e) => `${e.row}/${e.column}`)).toEqual([
      '2/Iniziativa',
      '2/Data',
      '2/Tipologia',
      '2/focus area',
      '2/vectors',
      '3/key',
      '4/key',
      '5/key',
    ]);
    expect(result.errors[0]!.message).toBe('must not be empty');
    expect(result.errors[5]!.message).toBe('repeats the key of row 2: each row needs its own key');
    expect(result.errors[7]!.message).toBe('updates the same initiative as row 2');
  });

  it('checks each actor name like a typed name: no control characters, one line, 200 characters', () => {
    const result = readInitiativeRows(
      [
        ['initiative', 'type', 'actors involved'],
        ['Gala', 'concert', 'Eni / Bad\u0007Name'],
        ['Expo', 'concert', `Eni; ${'x'.repeat(201)}`],
        ['Fair', 'concert', 'Eni / Museo del Violino, Cremona'],
      ],
      ctx,
    );
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'actors involved', 'each name must not contain control characters (found "Bad\u0007Name")'],
      [3, 'actors involved', `each name must be at most 200 characters (found "${'x'.repeat(80)}…")`],
    ]);
  });

  it('leaves absent columns out (unchanged on update)', () => {
    const result = readInitiativeRows(
      [
        ['initiative', 'type', 'status'],
        ['Only title', 'workshop', ''],
      ],
      ctx,
    );
    expect(result.rows[0]!.fields).toEqual({ title: 'Only title', type: 'workshop', status: undefined });
  });
});

describe('formatInitiativeRow', () => {
  it('writes the columns in order, the id when there is no key', () => {
    const row = formatInitiativeRow({
      id: 'abc',
      key: null,
      title: 'Gala',
      summary: null,
      type: 'concert',
      status: 'done',
      datePrecision: 'month',
      startDate: '2022-01-01',
      endDate: '2022-03-31',
      cities: ['Astana', 'Almaty'],
      focusArea: { key: 'cultural', name: 'Cultural' },
      vectors: [
        { key: 'cooperation', name: 'Cooperation' },
        { key: 'innovation', name: 'Innovation' },
      ],
      programme: null,
      mediaReflection: 'very_high',
      importance: 'major',
      partners: [
        { name: 'Eni', role: 'private_sponsor' },
        { name: 'Astana Opera', role: 'venue' },
        { name: 'Eni', role: 'venue' },
        { name: 'Embassy', role: 'organiser' },
      ],
    });
    expect(row).toEqual([
      'Gala',
      '2022-01..2022-03',
      'concert',
      'Embassy / Eni / Astana Opera',
      'very_high',
      'done',
      'cultural',
      'cooperation; innovation',
      '',
      'Astana; Almaty',
      'major',
      '',
      'abc',
    ]);
  });
});
