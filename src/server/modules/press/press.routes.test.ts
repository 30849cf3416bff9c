import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../test/helpers/app.ts';
import {
  buildInitiative,
  buildMission,
  buildOrganisation,
  buildPerson,
  buildPlan,
  buildUser,
} from '../../../../test/helpers/factories.ts';
import { auditLog } from '../missions/index.ts';
import { countMediaItems } from './press-coverage.ts';
import { mediaItemLinks, mediaItems } from './tables.ts';

const { app, db, call } = await setupTestApp();

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/press/${name}`, import.meta.url), 'utf8');
const SEED_001 = fixture('seed-001.html');
const SEED_002 = fixture('seed-002.html');

let mission: Awaited<ReturnType<typeof buildMission>>;
let officer: Awaited<ReturnType<typeof buildUser>>;
let viewer: Awaited<ReturnType<typeof buildUser>>;
let collaborator: Awaited<ReturnType<typeof buildUser>>;
let outsider: Awaited<ReturnType<typeof buildUser>>;
let initiative: Awaited<ReturnType<typeof buildInitiative>>;
let server: Server;
let base: string;

beforeAll(async () => {
  mission = await buildMission(db);
  const plan = await buildPlan(db, { missionId: mission.id });
  officer = await buildUser(db, { missionId: mission.id, role: 'officer' });
  viewer = await buildUser(db, { missionId: mission.id, role: 'viewer' });
  collaborator = await buildUser(db, { missionId: mission.id, role: 'collaborator' });
  outsider = await buildUser(db, { missionId: (await buildMission(db)).id, role: 'admin' });
  await buildOrganisation(db, { missionId: mission.id, name: 'Astana Opera' });
  await buildPerson(db, { missionId: mission.id, fullName: 'Yerbolat Sembayev' });
  initiative = await buildInitiative(db, {
    missionId: mission.id,
    planId: plan.id,
    title: 'Italian Design Day',
    cities: ['Astana'],
    startDate: '2025-12-05',
    endDate: '2025-12-05',
  });
  server = createServer((req, res) => {
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        SEED_001.replace(
          '<head>',
          '<head><link rel="canonical" href="https://astanatimes.example/diplomacy-2025">',
        ),
      );
    } else if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title><item><title>Diplomacy</title><link>${base}/article</link></item><item><title>Opera</title><link>${base}/article2</link><pubDate>Mon, 01 Dec 2025 08:00:00 GMT</pubDate></item></channel></rss>`,
      );
    } else if (req.url === '/article2') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<html lang="en"><head><title>Italian voices at the Astana Opera</title></head><body><article><h1>Italian voices at the Astana Opera</h1><p>Italian singers performed at the Astana Opera on Sunday before 1,200 spectators, a celebration of the friendship between Italy and Kazakhstan and of their growing cultural cooperation.</p></article></body></html>',
      );
    } else if (req.url === '/to-metadata') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  delete process.env.SOFTPOWER_FETCH_ALLOW_HOSTS;
});

function upload(name: string, content: string | Uint8Array, cookie: string, missionId = mission.id) {
  const form = new FormData();
  form.append('missionId', missionId);
  form.append('file', new File([content as BlobPart], name));
  return app.request('/api/press/items/upload', { method: 'POST', body: form, headers: { cookie } });
}

const paste = (cookie: string, body: Record<string, unknown>) =>
  call('POST', '/api/press/items', { cookie, body: { missionId: mission.id, ...body } });

describe('POST /api/press/items', () => {
  it('refuses callers without a session, viewers and other missions', async () => {
    const body = { missionId: mission.id, text: 'Testo' };
    expect((await call('POST', '/api/press/items', { body })).status).toBe(401);
    expect((await paste(viewer.cookie, { text: 'Un testo qualunque sul Kazakistan.' })).status).toBe(403);
    // Another mission's records are a 404 (docs/ARCHITECTURE.md, data rules).
    expect((await paste(outsider.cookie, { text: 'Un testo qualunque sul Kazakistan.' })).status).toBe(404);
  });

  it('names invalid fields (400)', async () => {
    const res = await call('POST', '/api/press/items', {
      cookie: officer.cookie,
      body: { missionId: 'x', url: 'ftp://example.com/', kind: 'blog' },
    });
    expect(res.status).toBe(400);
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['kind', 'missionId', 'url']);
    const empty = await paste(officer.cookie, {});
    expect(empty.status).toBe(400);
  });

  it('ingests pasted Russian text with language, entities, figures and tone', async () => {
    const text =
      'Казахстан и Италия укрепляют сотрудничество\n\nПосол Сембаев сообщил, что Казахстан и Италия подписали 12 соглашений на сумму 1 миллиард долларов. Успех и рост торговли.';
    const res = await paste(officer.cookie, { text });
    expect(res.status).toBe(201);
    const { item, isDuplicate } = await res.json();
    expect(isDuplicate).toBe(false);
    expect(item.title).toBe('Казахстан и Италия укрепляют сотрудничество');
    expect(item.language).toBe('ru');
    expect(item.sourceKind).toBe('paste');
    const refs = item.entities.map((e: { ref: string }) => e.ref);
    expect(refs).toEqual(expect.arrayContaining(['KZ', 'IT']));
    const kz = item.entities.find((e: { ref: string }) => e.ref === 'KZ');
    expect(kz.mentions.map((m: { text: string }) => m.text)).toEqual(['Казахстан']);
    expect(item.text.slice(kz.mentions[0].start, kz.mentions[0].end)).toBe('Казахстан');
    expect(item.figures).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'money', value: 1e9, currency: 'USD' }),
        expect.objectContaining({ kind: 'count', value: 12, unit: 'соглашений' }),
      ]),
    );
    expect(item.tone).toBe('positive');
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'media_item'), eq(auditLog.entityId, item.id)));
    expect(audit?.action).toBe('create');
  });

  it('merges duplicates: the same text again returns the stored item', async () => {
    const text =
      'Singers in Astana\n\nThe Astana Opera hosted Italian singers for a historic concert in Kazakhstan.';
    const first = await (await paste(officer.cookie, { text })).json();
    const again = await paste(officer.cookie, { text: `${text}\n` });
    expect(again.status).toBe(200);
    const body = await again.json();
    expect(body.isDuplicate).toBe(true);
    expect(body.item.id).toBe(first.item.id);
    expect(first.item.language).toBe('en');
    expect(first.item.entities.map((e: { name: string }) => e.name)).toEqual(
      expect.arrayContaining(['Astana Opera', 'Italy', 'Kazakhstan']),
    );
  });

  it('refuses to fetch internal addresses and records why', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://10.1.2.3/',
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      const res = await paste(officer.cookie, { url });
      expect(res.status).toBe(201);
      const { item } = await res.json();
      expect(item.fetchStatus).toBe('failed');
      expect(item.fetchError).toMatch(/^address_not_allowed/);
      expect(item.text).toBe('');
    }
  });

  it('fetches an allowed host, follows its canonical URL, refuses its redirect to metadata', async () => {
    process.env.SOFTPOWER_FETCH_ALLOW_HOSTS = '127.0.0.1';
    const res = await paste(officer.cookie, { url: `${base}/article` });
    expect(res.status).toBe(201);
    const { item } = await res.json();
    expect(item.fetchStatus).toBe('ok');
    expect(item.canonicalUrl).toBe('https://astanatimes.example/diplomacy-2025');
    expect(item.outlet).toBe('The Astana Times');
    expect(item.language).toBe('it');
    expect(item.figures).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'money', value: 17e9, currency: 'USD' })]),
    );
    // the same article uploaded as a file is a duplicate by text
    const dup = await upload('seed-001.html', SEED_001, officer.cookie);
    expect(dup.status).toBe(200);
    expect((await dup.json()).item.id).toBe(item.id);

    const redirected = await (await paste(officer.cookie, { url: `${base}/to-metadata` })).json();
    expect(redirected.item.fetchError).toMatch(/^address_not_allowed/);
    delete process.env.SOFTPOWER_FETCH_ALLOW_HOSTS;
  });
});

describe('POST /api/press/items/upload', () => {
  it('keeps the sidebar of seed 002 out of the text', async () => {
    const res = await upload('italpress.html', SEED_002, officer.cookie);
    expect(res.status).toBe(201);
    const { item } = await res.json();
    expect(item.sourceKind).toBe('file');
    expect(item.outlet).toBe('Italpress');
    expect(item.language).toBe('it');
    expect(item.text).toContain('Kazakistan');
    expect(item.text).not.toContain('Alcaraz');
    expect(item.text).not.toContain('stazione spaziale');
    expect(item.publishedAt?.slice(0, 10)).toBe('2025-12-10');
    expect(item.entities.map((e: { ref: string }) => e.ref)).toEqual(expect.arrayContaining(['IT', 'KZ']));
  });

  it('refuses an oversize file (413) and a page without text (400)', async () => {
    const big = new Uint8Array(6 * 1024 * 1024).fill(0x61);
    expect((await upload('big.html', big, officer.cookie)).status).toBe(413);
    const malformed = await upload(
      'broken.html',
      '<html><body><div><script>x</script></div><p></body',
      officer.cookie,
    );
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors[0].field).toBe('text');
  });

  it('reads a malformed page that still has text', async () => {
    const html = `<html><head><title>Concerto</title><body><div><p>Il concerto all'Astana Opera ha riunito 300 spettatori e musicisti italiani<div><p>Un grande successo per la cooperazione culturale tra Italia e Kazakistan, con 2 nuovi accordi firmati`;
    const res = await upload('malformed.html', html, officer.cookie);
    expect(res.status).toBe(201);
    const { item } = await res.json();
    expect(item.text).toContain('300 spettatori');
    expect(item.figures.map((f: { unit?: string }) => f.unit)).toEqual(
      expect.arrayContaining(['spettatori']),
    );
  });
});

describe('search, tone, links and press review', () => {
  it('searches in each language with ranking, snippets and filters', async () => {
    const it = await (
      await call('GET', '/api/press/items?q=accordo&language=it', { cookie: officer.cookie })
    ).json();
    expect(it.total).toBeGreaterThan(0);
    expect(it.items.every((i: { language: string }) => i.language === 'it')).toBe(true);
    expect(it.items[0].rank).toBeGreaterThan(0);
    // Italian stemming: "accordo" finds "accordi"
    const marked = it.items[0].snippet
      .filter((p: { isMatch: boolean }) => p.isMatch)
      .map((p: { text: string }) => p.text);
    expect(marked.some((w: string) => /^accord/i.test(w))).toBe(true);

    // Russian stemming: "соглашение" finds "соглашений"
    const ru = await (await call('GET', '/api/press/items?q=соглашение', { cookie: officer.cookie })).json();
    expect(ru.items.map((i: { language: string }) => i.language)).toEqual(['ru']);

    const byEntity = await (
      await call('GET', '/api/press/items?entity=US', { cookie: officer.cookie })
    ).json();
    expect(byEntity.total).toBeGreaterThan(0);
    for (const item of byEntity.items)
      expect(item.entities.map((e: { ref: string }) => e.ref)).toContain('US');
    expect(byEntity.items.map((i: { language: string }) => i.language)).not.toContain('ru');
    const byOutlet = await (
      await call('GET', '/api/press/items?outlet=italpress', { cookie: officer.cookie })
    ).json();
    expect(byOutlet.items.map((i: { outlet: string }) => i.outlet)).toEqual(['Italpress']);
    const byDate = await (
      await call('GET', '/api/press/items?from=2025-12-01&to=2025-12-31', { cookie: officer.cookie })
    ).json();
    expect(byDate.items.map((i: { outlet: string }) => i.outlet)).toEqual(['Italpress']);
    const none = await (await call('GET', '/api/press/items?q=zzzqqq', { cookie: officer.cookie })).json();
    expect(none.total).toBe(0);
  });

  it('keeps clippings from collaborators and other missions', async () => {
    const list = await (await call('GET', '/api/press/items', { cookie: collaborator.cookie })).json();
    expect(list.total).toBe(0);
    const [any] = await db.select({ id: mediaItems.id }).from(mediaItems).limit(1);
    expect((await call('GET', `/api/press/items/${any!.id}`, { cookie: outsider.cookie })).status).toBe(404);
    expect((await call('GET', '/api/press/items?language=xx', { cookie: officer.cookie })).status).toBe(400);
  });

  it('lets a person overrule the tone; a stale version changes nothing', async () => {
    const { item } = await (
      await paste(officer.cookie, {
        text: 'Crisi e tensione\n\nIl conflitto e la crisi preoccupano gli osservatori, rischio di sanzioni.',
      })
    ).json();
    expect(item.tone).toBe('negative');
    const res = await call('PATCH', `/api/press/items/${item.id}`, {
      cookie: officer.cookie,
      body: { version: item.version, toneOverride: 'neutral' },
    });
    expect(res.status).toBe(200);
    const updated = await res.json();
    expect(updated.effectiveTone).toBe('neutral');
    expect(updated.tone).toBe('negative');
    const stale = await call('PATCH', `/api/press/items/${item.id}`, {
      cookie: officer.cookie,
      body: { version: item.version, toneOverride: 'positive' },
    });
    expect(stale.status).toBe(409);
    const bad = await call('PATCH', `/api/press/items/${item.id}`, {
      cookie: officer.cookie,
      body: { version: updated.version, toneOverride: 'angry' },
    });
    expect(bad.status).toBe(400);
    const neutral = await (
      await call('GET', '/api/press/items?tone=neutral', { cookie: officer.cookie })
    ).json();
    expect(neutral.items.map((i: { id: string }) => i.id)).toContain(item.id);
  });

  it('suggests the initiative, a person confirms it, and it shows in the press review', async () => {
    const { item } = await (
      await paste(officer.cookie, {
        text: 'Design italiano ad Astana\n\nL’Italian Design Day all’Astana Opera ha attirato 500 visitatori.',
        publishedAt: '2025-12-06',
      })
    ).json();
    const suggested = item.links.find((l: { initiativeId: string }) => l.initiativeId === initiative.id);
    expect(suggested?.status).toBe('suggested');
    expect(suggested.reasons).toEqual(['names the initiative', 'published around its dates']);
    expect(suggested.reasonDetails).toEqual([
      { code: 'initiative', params: {}, text: 'names the initiative' },
      { code: 'date_window', params: {}, text: 'published around its dates' },
    ]);
    // A link suggested before reasons were stored structured holds English phrases: still structured.
    const [stored] = await db.select().from(mediaItemLinks).where(eq(mediaItemLinks.mediaItemId, item.id));
    expect(stored?.reasons[0]).toMatchObject({ code: 'initiative' });
    await db
      .update(mediaItemLinks)
      .set({ reasons: ['place: Astana', 'published 3 days from its dates'] })
      .where(eq(mediaItemLinks.mediaItemId, item.id));
    const legacy = await (await call('GET', `/api/press/items/${item.id}`, { cookie: viewer.cookie })).json();
    expect(legacy.links[0]).toMatchObject({
      reasons: ['place: Astana', 'published 3 days from its dates'],
      reasonDetails: [
        { code: 'place', params: { name: 'Astana' }, text: 'place: Astana' },
        { code: 'date_distance', params: { days: 3 }, text: 'published 3 days from its dates' },
      ],
    });

    expect(
      (
        await call('PUT', `/api/press/items/${item.id}/links/${initiative.id}`, {
          cookie: viewer.cookie,
          body: { status: 'confirmed' },
        })
      ).status,
    ).toBe(403);
    const confirmed = await call('PUT', `/api/press/items/${item.id}/links/${initiative.id}`, {
      cookie: officer.cookie,
      body: { status: 'confirmed' },
    });
    expect(confirmed.status).toBe(200);
    expect((await confirmed.json()).links[0].status).toBe('confirmed');
    const review = await (
      await call('GET', `/api/initiatives/${initiative.id}/press-review`, { cookie: viewer.cookie })
    ).json();
    expect(review.items.map((i: { id: string }) => i.id)).toEqual([item.id]);
    const filtered = await (
      await call('GET', `/api/press/items?initiativeId=${initiative.id}`, { cookie: officer.cookie })
    ).json();
    expect(filtered.total).toBe(1);

    await call('PUT', `/api/press/items/${item.id}/links/${initiative.id}`, {
      cookie: officer.cookie,
      body: { status: 'rejected' },
    });
    const after = await (
      await call('GET', `/api/initiatives/${initiative.id}/press-review`, { cookie: officer.cookie })
    ).json();
    expect(after.items).toEqual([]);
    expect(
      (await call('GET', `/api/initiatives/${initiative.id}/press-review`, { cookie: outsider.cookie }))
        .status,
    ).toBe(404);
  });

  it('reports coverage and counts items for indicators', async () => {
    const res = await call(
      'GET',
      `/api/press/coverage?missionId=${mission.id}&from=2025-12-01&to=2026-01-31&interval=month`,
      {
        cookie: officer.cookie,
      },
    );
    expect(res.status).toBe(200);
    const coverage = await res.json();
    expect(coverage.periods).toEqual([
      { period: '2025-12-01', count: 2 },
      { period: '2026-01-01', count: 1 },
    ]);
    expect(coverage.total).toBe(3);
    expect(coverage.byOutlet.map((o: { key: string }) => o.key).sort()).toEqual([
      '',
      'Italpress',
      'The Astana Times',
    ]);
    expect(coverage.baseline).toEqual({ from: '2025-09-30', to: '2025-11-30', total: 0 });
    expect(coverage.change).toBeNull();
    const kz = coverage.shareOfVoice.find((c: { key: string }) => c.key === 'KZ');
    expect(kz.count).toBe(2);
    expect(coverage.shareOfVoice.reduce((s: number, c: { share: number }) => s + c.share, 0)).toBeCloseTo(
      1,
      1,
    );
    expect(await countMediaItems(db, { missionId: mission.id, from: '2025-12-01', to: '2025-12-31' })).toBe(
      2,
    );
    expect(
      (
        await call('GET', `/api/press/coverage?missionId=${mission.id}&from=2025-12-01&to=2026-01-31`, {
          cookie: outsider.cookie,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call('GET', `/api/press/coverage?missionId=${mission.id}&from=2026-02-01&to=2026-01-01`, {
          cookie: officer.cookie,
        })
      ).status,
    ).toBe(400);
  });
});

describe('feeds', () => {
  it('follows a feed and polls it: new entries become clippings, known ones are duplicates', async () => {
    const body = { missionId: mission.id, url: `${base}/feed.xml` };
    expect((await call('POST', '/api/press/feeds', { cookie: viewer.cookie, body })).status).toBe(403);
    const created = await call('POST', '/api/press/feeds', { cookie: officer.cookie, body });
    expect(created.status).toBe(201);
    const feed = await created.json();
    expect((await call('POST', '/api/press/feeds', { cookie: officer.cookie, body })).status).toBe(409);
    expect(
      (
        await call('POST', '/api/press/feeds', {
          cookie: officer.cookie,
          body: { ...body, url: 'file:///etc' },
        })
      ).status,
    ).toBe(400);

    // without the allowlist the feed's own address is refused, and the reason kept
    const refused = await (
      await call('POST', `/api/press/feeds/${feed.id}/poll`, { cookie: officer.cookie })
    ).json();
    expect(refused.feed.lastError).toMatch(/^address_not_allowed/);

    process.env.SOFTPOWER_FETCH_ALLOW_HOSTS = '127.0.0.1';
    const polled = await (
      await call('POST', `/api/press/feeds/${feed.id}/poll`, { cookie: officer.cookie })
    ).json();
    delete process.env.SOFTPOWER_FETCH_ALLOW_HOSTS;
    expect(polled).toMatchObject({ added: 1, duplicates: 1, failed: 0 });
    expect(polled.feed).toMatchObject({ title: 'Test wire', lastError: null });
    const list = await (
      await call('GET', '/api/press/items?q=spectators', { cookie: officer.cookie })
    ).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ sourceKind: 'feed', language: 'en' });
    expect(list.items[0].publishedAt.slice(0, 10)).toBe('2025-12-01');

    const feeds = await (
      await call('GET', `/api/press/feeds?missionId=${mission.id}`, { cookie: officer.cookie })
    ).json();
    expect(feeds.items.map((f: { id: string }) => f.id)).toEqual([feed.id]);
    const stopped = await call('DELETE', `/api/press/feeds/${feed.id}`, { cookie: officer.cookie });
    expect((await stopped.json()).isActive).toBe(false);
  });
});
