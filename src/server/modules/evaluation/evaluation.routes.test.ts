import { and, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildOrganisation,
  buildPlan,
  buildUser,
} from '../../../../test/helpers/factories.ts';
import { initiativePartners } from '../initiatives/index.ts';
import { auditLog } from '../missions/index.ts';
import { objectives } from '../plans/index.ts';

const { db, call } = await setupTestApp();

let mission: Awaited<ReturnType<typeof buildMission>>;
let plan: Awaited<ReturnType<typeof buildPlan>>;
let head: Awaited<ReturnType<typeof buildUser>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let hq: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let concert: Awaited<ReturnType<typeof buildInitiative>>;

beforeAll(async () => {
  mission = await buildMission(db, { name: 'Посольство Италии' });
  plan = await buildPlan(db, { missionId: mission.id, title: 'Together towards 2050', acronym: 'TT2050' });
  await db.insert(objectives).values([
    { missionId: mission.id, planId: plan.id, level: 1, text: 'Strengthen Italy’s soft power in Kazakhstan' },
    { missionId: mission.id, planId: plan.id, level: 2, text: 'Work by projects inside the embassy' },
  ]);
  head = await buildUser(db, { missionId: mission.id, role: 'head_of_mission' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  const headquarters = await buildMission(db, { kind: 'headquarters' });
  hq = await buildUser(db, { missionId: headquarters.id, role: 'viewer' });
  const other = await buildMission(db);
  outsider = await buildUser(db, { missionId: other.id, role: 'admin' });
  concert = await buildInitiative(db, {
    missionId: mission.id,
    planId: plan.id,
    title: 'Martire concert in Astana',
    status: 'done',
    datePrecision: 'day',
    startDate: '2022-11-25',
    endDate: '2022-11-25',
    cities: ['Astana'],
    venues: ['Astana Opera'],
    mediaReflection: 'very_high',
    objectives: 'Show Italian music to a young audience.',
    results: 'Over 1,700 people attended.',
    mediaCoverage: 'Reports on national television.',
    focusAreaId: plan.focusAreas[2]!.id,
    importance: 'major',
  });
  await buildInitiative(db, {
    missionId: mission.id,
    planId: plan.id,
    title: 'Workshop in spring',
    type: 'workshop',
    status: 'planned',
    datePrecision: 'month',
    startDate: '2022-03-01',
    endDate: '2022-03-31',
  });
  const opera = await buildOrganisation(db, { missionId: mission.id, name: 'Астана Опера' });
  await db
    .insert(initiativePartners)
    .values({ missionId: mission.id, initiativeId: concert.id, organisationId: opera.id, role: 'venue' });
});

const path = () => `/api/plans/${plan.id}/evaluation`;

describe('GET /api/plans/:id/evaluation', () => {
  it('refuses a caller without a session (401)', async () => {
    expect((await call('GET', path())).status).toBe(401);
  });

  it('is empty before the first save, with every criterion and version 0', async () => {
    const res = await call('GET', path(), { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.version).toBe(0);
    expect(Object.keys(body.criteria)).toEqual([
      'relevance',
      'coherence',
      'effectiveness',
      'efficiency',
      'impact',
      'sustainability',
    ]);
    expect(body.criteria.impact).toEqual({ rating: null, findings: null });
    expect(body.canEdit).toBe(false);
  });

  it('is read by headquarters; external collaborators get 403, other missions 404', async () => {
    expect((await call('GET', path(), { cookie: hq.cookie })).status).toBe(200);
    expect((await call('GET', path(), { cookie: collaborator.cookie })).status).toBe(403);
    expect((await call('GET', path(), { cookie: outsider.cookie })).status).toBe(404);
  });
});

describe('PUT /api/plans/:id/evaluation', () => {
  const body = {
    version: 0,
    criteria: {
      relevance: { rating: 4, findings: 'Answered the anniversary’s needs.' },
      impact: { rating: 3, findings: 'Media exposure rose by 350%.' },
    },
    conclusions: 'Planning paid off. Итоги года положительные.',
  };

  it('names the field when a rating is outside the scale or a criterion is unknown (400)', async () => {
    const outside = await call('PUT', path(), {
      cookie: head.cookie,
      body: { version: 0, criteria: { relevance: { rating: 5, findings: null } } },
    });
    expect(outside.status).toBe(400);
    const outsideErrors = (await outside.json()).errors;
    expect(outsideErrors).toEqual([{ field: 'criteria.relevance.rating', message: 'must be from 1 to 4' }]);

    const unknown = await call('PUT', path(), {
      cookie: head.cookie,
      body: { version: 0, criteria: { popularity: { rating: 3, findings: null } } },
    });
    expect(unknown.status).toBe(400);
    const [error] = (await unknown.json()).errors;
    expect(error.field).toBe('criteria');
    expect(error.message).toMatch(/unknown criterion "popularity": the criteria are relevance, coherence/);

    const fraction = await call('PUT', path(), {
      cookie: head.cookie,
      body: { version: 0, criteria: { impact: { rating: 2.5, findings: null } } },
    });
    expect(fraction.status).toBe(400);
  });

  it('refuses officers, collaborators, viewers and headquarters (403), other missions (404)', async () => {
    for (const user of [officer, collaborator, viewer, hq]) {
      expect((await call('PUT', path(), { cookie: user.cookie, body })).status).toBe(403);
    }
    expect((await call('PUT', path(), { cookie: outsider.cookie, body })).status).toBe(404);
    expect((await (await call('GET', path(), { cookie: head.cookie })).json()).version).toBe(0);
  });

  it('saves as head of mission, audits it, keeps unsent criteria, refuses a stale version (409)', async () => {
    const first = await call('PUT', path(), { cookie: head.cookie, body });
    expect(first.status).toBe(200);
    const saved = await first.json();
    expect(saved.version).toBe(1);
    expect(saved.criteria.relevance).toEqual({ rating: 4, findings: 'Answered the anniversary’s needs.' });
    expect(saved.canEdit).toBe(true);
    expect(saved.updatedByName).toBe('Test User');

    const second = await call('PUT', path(), {
      cookie: head.cookie,
      body: { version: 1, criteria: { efficiency: { rating: 2, findings: 'Small team, many events.' } } },
    });
    expect(second.status).toBe(200);
    const updated = await second.json();
    expect(updated.version).toBe(2);
    expect(updated.criteria.relevance.rating).toBe(4);
    expect(updated.criteria.efficiency.rating).toBe(2);
    expect(updated.conclusions).toBe(body.conclusions);

    const stale = await call('PUT', path(), {
      cookie: head.cookie,
      body: { version: 1, conclusions: 'overwritten' },
    });
    expect(stale.status).toBe(409);
    const again = await call('PUT', path(), { cookie: head.cookie, body: { ...body, version: 0 } });
    expect(again.status).toBe(409);
    expect((await (await call('GET', path(), { cookie: viewer.cookie })).json()).conclusions).toBe(
      body.conclusions,
    );

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'plan_evaluation'), eq(auditLog.missionId, mission.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update']);
  });
});

describe('logframe', () => {
  const lf = () => `/api/plans/${plan.id}/logframe`;

  it('derives objectives and activities from the plan; collaborators get 403', async () => {
    const res = await call('GET', lf(), { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.overallObjective.logic).toEqual(['Strengthen Italy’s soft power in Kazakhstan']);
    expect(body.specificObjective.logic).toEqual(['Work by projects inside the embassy']);
    const titles = body.activities.groups.flatMap((g: { initiatives: { title: string }[] }) =>
      g.initiatives.map((i) => i.title),
    );
    // By focus area (the plan's order), initiatives without one last.
    expect(titles).toEqual(['Martire concert in Astana', 'Workshop in spring']);
    expect(body.activities.groups[0].focusArea).toBe('cultural');
    expect((await call('GET', lf(), { cookie: collaborator.cookie })).status).toBe(403);
  });

  it('saves assumptions and expected results (head of mission only), names bad fields', async () => {
    const input = {
      version: 0,
      levels: {
        overall_objective: { assumptions: 'Relations stay friendly.', indicators: null, sources: null },
      },
      expectedResults: [{ text: 'Italy is more visible in the media', indicators: 'Media items per month' }],
    };
    expect((await call('PUT', lf(), { cookie: officer.cookie, body: input })).status).toBe(403);
    const bad = await call('PUT', lf(), {
      cookie: head.cookie,
      body: { version: 0, levels: { goal: {} }, expectedResults: [{ text: '' }] },
    });
    expect(bad.status).toBe(400);
    const fields = (await bad.json()).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['expectedResults.0.text', 'levels']);
    const res = await call('PUT', lf(), { cookie: head.cookie, body: input });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.version).toBe(1);
    expect(body.overallObjective.assumptions).toBe('Relations stay friendly.');
    expect(body.expectedResults[0]).toEqual({
      text: 'Italy is more visible in the media',
      indicators: 'Media items per month',
      sources: null,
      assumptions: null,
    });
    expect((await call('PUT', lf(), { cookie: head.cookie, body: input })).status).toBe(409);
  });
});

async function readDocx(res: Response): Promise<string> {
  const zip = await JSZip.loadAsync(await res.arrayBuffer());
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
}

describe('reports', () => {
  it('gives the PDF with the acronym in the file name, to the mission and headquarters', async () => {
    const res = await call('GET', `/api/plans/${plan.id}/report.pdf`, { cookie: hq.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="TT2050-report.pdf"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { extractText } = await import('unpdf');
    const { text } = await extractText(bytes, { mergePages: true });
    expect(text).toContain('Together towards 2050');
    expect(text).toContain('Martire concert in Astana');
    expect(text).toContain('Relevance');
    expect(text).toContain('Answered the anniversary’s needs.');
    // Cyrillic renders (the font has the glyphs, the text layer keeps them).
    expect(text).toContain('Итоги года положительные');
    expect(text).toContain('Астана Опера');
  }, 60_000);

  it('gives the DOCX: reopened, its text holds the plan, the annex and the ratings', async () => {
    const res = await call('GET', `/api/plans/${plan.id}/report.docx`, { cookie: viewer.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="TT2050-report.docx"');
    const text = await readDocx(res);
    expect(text).toContain('Together towards 2050');
    expect(text).toContain('Martire concert in Astana');
    expect(text).toContain('25 Nov 2022');
    expect(text).toContain('March 2022');
    expect(text).toContain('Астана Опера (venue)');
    expect(text).toContain('4 · Highly satisfactory');
    expect(text).toContain('Very high');
  }, 30_000);

  it('gives the XLSX with sheets Plan, Initiatives, Indicators, Evaluation', async () => {
    const res = await call('GET', `/api/plans/${plan.id}/report.xlsx`, { cookie: head.cookie });
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Plan',
      'Initiatives',
      'Indicators',
      'Evaluation',
    ]);
    const plan1 = workbook.getWorksheet('Plan')!;
    expect(plan1.getCell('B2').value).toBe('Together towards 2050');
    const initiatives = workbook.getWorksheet('Initiatives')!;
    expect(initiatives.getRow(1).getCell(1).value).toBe('Initiative');
    expect(initiatives.getCell('A3').value).toBe('Martire concert in Astana');
    expect(initiatives.getCell('H3').value).toBe('Very high');
    const evaluation = workbook.getWorksheet('Evaluation')!;
    expect(evaluation.getCell('A2').value).toBe('Relevance');
    expect(evaluation.getCell('B2').value).toBe(4);
    expect(evaluation.getCell('B5').value).toBe(2);
  }, 30_000);

  it('gives each format in the language asked for, English by default', async () => {
    const { extractText } = await import('unpdf');
    const pdf = await call('GET', `/api/plans/${plan.id}/report.pdf?lang=it`, { cookie: hq.cookie });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="TT2050-report.pdf"');
    const italian = (await extractText(new Uint8Array(await pdf.arrayBuffer()), { mergePages: true })).text;
    expect(italian).toContain('4. Valutazione finale (criteri OCSE-DAC)');
    expect(italian).toContain('Rilevanza');
    expect(italian).toContain('Molto soddisfacente');
    expect(italian).toContain('Together towards 2050');
    expect(italian).not.toContain('Final evaluation');

    const docx = await call('GET', `/api/plans/${plan.id}/report.docx?lang=ru`, { cookie: viewer.cookie });
    expect(docx.status).toBe(200);
    const russian = await readDocx(docx);
    expect(russian).toContain('1. План и его структура');
    expect(russian).toContain('4 · Весьма удовлетворительно');
    expect(russian).toContain('25 нояб. 2022 г.');
    expect(russian).toContain('Астана Опера (площадка)');
    expect(russian).toContain('Martire concert in Astana');

    const xlsx = await call('GET', `/api/plans/${plan.id}/report.xlsx?lang=kk`, { cookie: head.cookie });
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Жоспар',
      'Іс-шаралар',
      'Индикаторлар',
      'Бағалау',
    ]);
    expect(workbook.getWorksheet('Бағалау')!.getCell('A2').value).toBe('Өзектілік');
    expect(workbook.getWorksheet('Бағалау')!.getCell('C2').value).toBe('Толық қанағаттанарлық');
    expect(workbook.getWorksheet('Іс-шаралар')!.getCell('H3').value).toBe('Өте жоғары');

    const hqReport = await call('GET', `/api/initiatives/${concert.id}/hq-report.docx?lang=it`, {
      cookie: officer.cookie,
    });
    expect(hqReport.status).toBe(200);
    expect(hqReport.headers.get('content-disposition')).toMatch(/-hq-report\.docx"$/);
    const hqText = await readDocx(hqReport);
    for (const part of [
      'RAPPORTO ALLA SEDE CENTRALE',
      'Copertura mediatica',
      'Riflesso mediatico: ',
      'Molto elevato',
      'Астана Опера (sede dell’evento)',
      '25 nov 2022',
      'Show Italian music to a young audience.',
    ])
      expect(hqText).toContain(part);
  }, 60_000);

  it('refuses a language other than it, en, ru, kk (400 naming lang)', async () => {
    for (const path of [
      `/api/plans/${plan.id}/report.pdf?lang=fr`,
      `/api/plans/${plan.id}/report.xlsx?lang=EN`,
      `/api/initiatives/${concert.id}/hq-report.docx?lang=`,
    ]) {
      const res = await call('GET', path, { cookie: head.cookie });
      expect(res.status, path).toBe(400);
      expect((await res.json()).errors, path).toEqual([
        { field: 'lang', message: 'must be one of it, en, ru, kk' },
      ]);
    }
  });

  it('refuses collaborators (403), other missions (404), unknown formats (404)', async () => {
    expect(
      (await call('GET', `/api/plans/${plan.id}/report.pdf`, { cookie: collaborator.cookie })).status,
    ).toBe(403);
    expect((await call('GET', `/api/plans/${plan.id}/report.docx`, { cookie: outsider.cookie })).status).toBe(
      404,
    );
    expect((await call('GET', `/api/plans/${plan.id}/report.odt`, { cookie: head.cookie })).status).toBe(404);
  });

  it("gives an initiative's report to headquarters as DOCX", async () => {
    const res = await call('GET', `/api/initiatives/${concert.id}/hq-report.docx`, {
      cookie: officer.cookie,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="TT2050-.+-hq-report\.docx"$/,
    );
    const text = await readDocx(res);
    for (const part of [
      'Martire concert in Astana',
      '25 Nov 2022',
      'Astana Opera, Astana',
      'Астана Опера (venue)',
      'Show Italian music to a young audience.',
      'Over 1,700 people attended.',
      'Reports on national television.',
      'Very high',
    ])
      expect(text).toContain(part);
    expect(
      (await call('GET', `/api/initiatives/${concert.id}/hq-report.docx`, { cookie: outsider.cookie }))
        .status,
    ).toBe(404);
  }, 30_000);
});
