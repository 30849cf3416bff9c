import JSZip from 'jszip';
import sharp from 'sharp';
import { extractText } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../../test/helpers/app.ts';
import { buildMission, buildPlan, buildUser } from '../../../../../test/helpers/factories.ts';
import { LOGO_NOT_DRAWN } from '../../../platform/reports/logo.ts';
import { commsLogos } from '../../communication/index.ts';

const { db, call } = await setupTestApp();

let plan: Awaited<ReturnType<typeof buildPlan>>;
let officer: Awaited<ReturnType<typeof buildUser>>;

beforeAll(async () => {
  const mission = await buildMission(db);
  plan = await buildPlan(db, { missionId: mission.id, title: 'Together towards 2050', acronym: 'TT2050' });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  const noise = Buffer.from(Array.from({ length: 64 * 64 * 3 }, (_, i) => (i * 7919) % 251));
  const png = await sharp(noise, { raw: { width: 64, height: 64, channels: 3 } })
    .png()
    .toBuffer();
  // Stored directly, as an old upload or a hand-edited database would have it: the upload
  // route would refuse it.
  const broken = png.subarray(0, Math.floor(png.length / 2));
  await db.insert(commsLogos).values({
    missionId: mission.id,
    planId: plan.id,
    fileName: 'broken.png',
    mimeType: 'image/png',
    byteSize: broken.length,
    data: new Uint8Array(broken),
  });
});

describe('a plan report with a stored logo that cannot be drawn', () => {
  it('gives the PDF (200) and says the logo could not be drawn', async () => {
    const res = await call('GET', `/api/plans/${plan.id}/report.pdf`, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const { text } = await extractText(new Uint8Array(await res.arrayBuffer()), { mergePages: true });
    expect(text).toContain('Together towards 2050');
    expect(text).toContain(LOGO_NOT_DRAWN);
  }, 60_000);

  it('gives the DOCX (200) and says the logo could not be drawn', async () => {
    const res = await call('GET', `/api/plans/${plan.id}/report.docx`, { cookie: officer.cookie });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const text = (await zip.file('word/document.xml')?.async('string'))?.replace(/<[^>]+>/g, '');
    expect(text).toContain('Together towards 2050');
    expect(text).toContain(LOGO_NOT_DRAWN);
    // No image part was written for it.
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/media/'))).toEqual([]);
  }, 30_000);
});
