import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPlanReport, reportFileName } from './index.ts';
import { type IPlanReportData, SOFTPOWER_IDENTITY } from './types.ts';
import { progressToTarget } from './values.ts';

/** A report as the loader would give it, with every section filled. */
function sampleReportData(): IPlanReportData {
  return {
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
        type: 'Masterclass',
        status: 'Done',
        focusArea: 'Cultural',
        actors: 'Казахский национальный университет искусств (venue)',
        mediaReflection: 'Medium',
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
          label: 'Relevance',
          question: 'Is the plan doing the right things?',
          rating: 4,
          ratingLabel: 'Highly satisfactory',
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
});
