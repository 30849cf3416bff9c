import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { reportText, type TReportLanguage } from '../../../platform/reports/i18n.ts';
import { renderPlanReport, reportFileName } from './index.ts';
import { type IPlanReportData, SOFTPOWER_IDENTITY } from './types.ts';
import { progressToTarget } from './values.ts';

/** A report as the loader would give it, with every section filled, labels in `lang`. */
function sampleReportData(lang: TReportLanguage = 'en'): IPlanReportData {
  const { enums } = reportText(lang);
  return {
    lang,
    generatedAt: '2023-01-20T10:00:00.000Z',
    mission: { name: 'Embassy of Italy in Astana', hostCountry: 'KZ' },
    plan: {
      id: 'p1',
      title: 'Together towards 2050',
      acronym: 'TT2050',
      missionStatement: 'A year of initiatives for the anniversary.',
      period: '1 Sep 2021 – 31 Dec 2022',
      budgetEnvelope: null,
    },
    structure: {
      overallObjectives: ['Strengthen soft power'],
      specificObjectives: ['Work by projects'],
      phases: [{ label: 'Financing', dates: '1 Jan – 28 Feb 2022' }],
      focusAreas: [{ name: 'Cultural', description: 'Музыка и искусство', initiativeCount: 12 }],
      vectors: [],
      programmes: [],
    },
    annex: [
      {
        initiativeId: 'i1',
        title: 'Marzadori masterclass',
        date: 'May 2022',
        startDate: '2022-05-01',
        type: enums.initiativeType.masterclass,
        status: enums.initiativeStatus.done,
        focusArea: 'Cultural',
        actors: `Казахский национальный университет искусств (${enums.partnerRole.venue})`,
        mediaReflection: enums.mediaReflection.medium,
      },
    ],
    initiativeTotals: { total: 1, realised: 1 },
    indicators: [
      {
        name: 'Media exposure',
        kind: 'impact',
        unit: '%',
        baseline: 0,
        target: 200,
        latest: 350,
        status: 'green',
      },
      {
        name: 'Instagram followers',
        kind: 'impact',
        unit: null,
        baseline: 10000,
        target: 13000,
        latest: 12000,
        status: 'amber',
      },
      {
        name: 'Waiting time (days)',
        kind: 'result',
        unit: 'days',
        baseline: 30,
        target: 10,
        latest: 25,
        status: 'red',
      },
      {
        name: 'Scholarships',
        kind: 'result',
        unit: null,
        baseline: null,
        target: 5,
        latest: null,
        status: null,
      },
    ],
    communicationImpact: [
      { label: 'Accounts reached, December 2022', value: '7,422', note: '+154% on December 2021' },
    ],
    evaluation: {
      criteria: [
        {
          criterion: 'relevance',
          label: enums.dacCriterion.relevance,
          question: enums.dacQuestion.relevance,
          rating: 4,
          ratingLabel: enums.dacRating[4],
          findings: 'Fitted the anniversary.',
        },
      ],
      conclusions: 'Planning paid off.',
      lessonsLearned: 'Measure before the event.',
      lessonsFromMonitoring: [{ text: 'Check in weekly', source: 'staff meeting' }],
    },
    identity: SOFTPOWER_IDENTITY,
  };
}

describe('progressToTarget', () => {
  it('runs from baseline to target in either direction', () => {
    expect(progressToTarget({ baseline: 10000, target: 13000, latest: 12000 })).toBeCloseTo(2 / 3);
    expect(progressToTarget({ baseline: 30, target: 10, latest: 25 })).toBeCloseTo(0.25);
    expect(progressToTarget({ baseline: null, target: 200, latest: 350 })).toBeCloseTo(1.75);
    expect(progressToTarget({ baseline: 5, target: 5, latest: 5 })).toBeNull();
    expect(progressToTarget({ baseline: 0, target: 5, latest: null })).toBeNull();
  });
});

describe('reportFileName', () => {
  it('keeps letters, digits and dashes of the acronym', () => {
    expect(reportFileName('TT2050', 'pdf')).toBe('TT2050-report.pdf');
    expect(reportFileName('A/B "x"', 'docx')).toBe('A-B-x-report.docx');
    expect(reportFileName('', 'xlsx')).toBe('plan-report.xlsx');
  });
});

describe('renderPlanReport', () => {
  it('writes a PDF whose text holds the sections, the chart legend and Cyrillic', async () => {
    const file = await renderPlanReport(sampleReportData(), 'pdf');
    if (process.env.SOFTPOWER_KEEP_REPORT) writeFileSync(process.env.SOFTPOWER_KEEP_REPORT, file.data);
    const { text } = await extractText(file.data, { mergePages: true });
    for (const part of [
      'Together towards 2050',
      'Indicators against targets',
      'Progress to target',
      'Media exposure',
      '175%',
      '67%',
      '25%',
      'no value',
      '7,422',
      'Музыка и искусство',
      'Check in weekly (staff meeting)',
    ])
      expect(text).toContain(part);
  }, 30_000);

  it('writes a DOCX with the indicators and impact figures', async () => {
    const file = await renderPlanReport(sampleReportData(), 'docx');
    const zip = await JSZip.loadAsync(file.data);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Instagram followers');
    expect(xml).toContain('+154% on December 2021');
    expect(xml).toContain('Казахский национальный университет искусств (venue)');
  });

  it('writes an XLSX whose Indicators sheet keeps numbers as numbers', async () => {
    const file = await renderPlanReport(sampleReportData(), 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.data.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Indicators')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Indicator',
      'Kind',
      'Unit',
      'Baseline',
      'Target',
      'Latest',
      'Progress to target',
      'Status',
    ]);
    expect(sheet.getCell('F3').value).toBe(12000);
    expect(sheet.getCell('G3').value).toBeCloseTo(0.667, 3);
    expect(sheet.getCell('H4').value).toBe('red');
  });

  it('writes users’ text that starts like a formula as inert text in the XLSX', async () => {
    const data = sampleReportData();
    const evil = '=HYPERLINK("http://evil.example","x")';
    data.plan.title = evil;
    data.annex[0]!.title = '+cmd|calc';
    data.annex[0]!.actors = '@SUM(1)';
    data.indicators[0]!.name = '-2+3';
    data.evaluation.conclusions = '\tTab';
    const file = await renderPlanReport(data, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.data.buffer as ArrayBuffer);
    const plan = workbook.getWorksheet('Plan')!;
    const title = plan.getCell('B2');
    expect(title.type).toBe(ExcelJS.ValueType.String);
    expect(title.formula).toBeUndefined();
    expect(title.value).toBe(`'${evil}`);
    const annex = workbook.getWorksheet('Initiatives')!.getRow(2);
    expect(annex.getCell(1).value).toBe("'+cmd|calc");
    expect(annex.getCell(7).value).toBe("'@SUM(1)");
    const indicators = workbook.getWorksheet('Indicators')!;
    expect(indicators.getCell('A2').value).toBe("'-2+3");
    // Numbers stay numbers, negative ones too.
    expect(indicators.getCell('D2').value).toBe(0);
    // No cell of the workbook is a formula.
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
  });
});

describe('renderPlanReport in the reader’s language', () => {
  const pdfText = async (lang: TReportLanguage) => {
    const file = await renderPlanReport(sampleReportData(lang), 'pdf');
    if (process.env.SOFTPOWER_KEEP_REPORT)
      writeFileSync(process.env.SOFTPOWER_KEEP_REPORT.replace(/\.pdf$/, `-${lang}.pdf`), file.data);
    // Words wrapped in a narrow cell come back on two lines: compare with single spaces.
    return (await extractText(file.data, { mergePages: true })).text.replace(/\s+/g, ' ');
  };
  const docxText = async (lang: TReportLanguage) => {
    const file = await renderPlanReport(sampleReportData(lang), 'docx');
    const zip = await JSZip.loadAsync(file.data);
    return zip.file('word/document.xml')!.async('string');
  };
  const workbook = async (lang: TReportLanguage) => {
    const file = await renderPlanReport(sampleReportData(lang), 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.data.buffer as ArrayBuffer);
    return book;
  };

  it('writes the PDF in Italian, Kazakh and, by default, English', async () => {
    const it = await pdfText('it');
    for (const part of [
      '3. Indicatori rispetto ai traguardi',
      '4. Valutazione finale (criteri OCSE-DAC)',
      'In linea',
      'Fuori rotta',
      '4 · Molto soddisfacente',
      'Allegato: le iniziative del Piano',
      'nessun valore',
      'pag. 1 di',
      '20 gennaio 2023',
      'Together towards 2050',
    ])
      expect(it).toContain(part);
    expect(it).not.toContain('Indicators against targets');
    const kk = await pdfText('kk');
    for (const part of [
      '3. Индикаторлар және нысаналы мәндер',
      'Толық қанағаттанарлық',
      'Жоспар бойынша',
      '20 қаңтар 2023 ж.',
    ])
      expect(kk).toContain(part);
    const en = await pdfText('en');
    expect(en).toContain('4. Final evaluation (OECD-DAC criteria)');
    expect(en).toContain('4 · Highly satisfactory');
    expect(en).toContain('1 / ');
  }, 60_000);

  it('writes the DOCX in Italian and Russian', async () => {
    const it = await docxText('it');
    for (const part of [
      '1. Il Piano e la sua struttura',
      'Valutazione finale (criteri OCSE-DAC)',
      'Molto soddisfacente',
      'Fuori rotta',
      'Iniziative nel Piano: 1, di cui realizzate: 1; indicatori monitorati: 4.',
      '10.000',
    ])
      expect(it).toContain(part);
    const ru = await docxText('ru');
    for (const part of ['1. План и его структура', 'Весьма удовлетворительно', 'Отставание', '10\u00a0000'])
      expect(ru).toContain(part);
    const en = await docxText('en');
    expect(en).toContain('1. The plan and its structure');
    expect(en).toContain('10,000');
  });

  it('writes the XLSX with sheets, headers and labels in Italian and Kazakh', async () => {
    const it = await workbook('it');
    expect(it.worksheets.map((s) => s.name)).toEqual(['Piano', 'Iniziative', 'Indicatori', 'Valutazione']);
    const indicators = it.getWorksheet('Indicatori')!;
    expect(indicators.getRow(1).getCell(1).value).toBe('Indicatore');
    expect(indicators.getCell('B2').value).toBe('impatto');
    expect(indicators.getCell('H4').value).toBe('rosso');
    expect(indicators.getCell('F3').value).toBe(12000);
    expect(it.getWorksheet('Iniziative')!.getCell('E2').value).toBe('Realizzata');
    const evaluation = it.getWorksheet('Valutazione')!;
    expect(evaluation.getRow(1).getCell(1).value).toBe('Criterio');
    expect(evaluation.getCell('A2').value).toBe('Rilevanza');
    expect(evaluation.getCell('C2').value).toBe('Molto soddisfacente');
    const kk = await workbook('kk');
    expect(kk.worksheets.map((s) => s.name)).toEqual(['Жоспар', 'Іс-шаралар', 'Индикаторлар', 'Бағалау']);
    expect(kk.getWorksheet('Бағалау')!.getCell('C2').value).toBe('Толық қанағаттанарлық');
    expect(kk.getWorksheet('Жоспар')!.getCell('A11').value).toBe('Басым бағыт: Cultural');
  });
});
