import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { screenshot } from './support.ts';

/** A news site on loopback (the e2e server allows 127.0.0.1: SOFTPOWER_FETCH_ALLOW_HOSTS). */
async function serveNewsPage(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.url !== '/business/badamsha-2-opens') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/business/badamsha-2-opens`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

test('press review: paste a URL, see its language, entities and figures, link it, find it in the initiative', async ({
  page,
}) => {
  const stamp = Date.now();
  const title = `Badamsha wind farm opens ${stamp}`;
  const site = await serveNewsPage(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${title} | Steppe Business Daily</title><meta property="og:site_name" content="Steppe Business Daily"></head>
<body><nav><a href="/">Home</a> <a href="/business">Business</a> <a href="/sport">Sport</a></nav>
<article><h1>${title}</h1><time datetime="2023-06-14">14 June 2023</time>
<p>The Badamsha 2 wind farm in the Aktobe region opened this week, adding clean power to the western grid.</p>
<p>Italy and Kazakhstan signed 3 agreements worth $200 million, a success for their cooperation and growing partnership in renewable energy.</p>
<p>Engineers from both countries worked on the site for two years, and local suppliers delivered most of the steel.</p></article>
<aside><h2>Most read</h2><ul><li><a href="/sport/1">Football cup final tickets sold out</a></li></ul></aside>
<footer>© Steppe Business Daily</footer></body></html>`);
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Press review', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Press review' }).waitFor();

  // Paste the article's address: the server fetches and reads it.
  const form = page.getByRole('form', { name: 'Add a clipping' });
  await form.getByText('URL', { exact: true }).click();
  await form.getByLabel('Address of the article').fill(site.url);
  await form.getByRole('button', { name: 'Add' }).click();

  // The clipping's page: language, entities highlighted, figures.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await site.close();
  await expect(page.locator('#main').getByLabel('Language')).toHaveText('English');
  await expect(page.locator('#main')).toContainText('Steppe Business Daily');
  await expect(page.getByText('Football cup final')).toHaveCount(0);
  await expect(page.locator('mark[data-entity="country"]', { hasText: 'Kazakhstan' })).toBeVisible();
  await expect(page.locator('mark[data-entity="place"]', { hasText: 'Aktobe' })).toBeVisible();
  const figures = page.getByRole('listitem').filter({ hasText: '—' });
  await expect(figures.filter({ hasText: '$200 million' })).toContainText('200,000,000 USD');
  await expect(figures.filter({ hasText: '3 agreements' })).toContainText('3 agreements');
  await expect(page.getByText('Positive').first()).toBeVisible();
  await screenshot(page, '6-clipping');

  // Link it to the initiative.
  const initiative = 'Opening of the Badamsha 2 wind farm in the Aktobe region';
  await page.getByRole('combobox', { name: 'Link to an initiative' }).fill('Badamsha');
  await page.getByRole('option', { name: initiative }).click();
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  const links = page.getByRole('region', { name: 'Initiatives' });
  await expect(links.getByText('Confirmed')).toBeVisible();

  // A person overrules the tone.
  await page.getByRole('combobox', { name: 'Your judgement' }).click();
  await page.getByRole('option', { name: 'Neutral' }).click();
  await expect(page.getByRole('combobox', { name: 'Your judgement' })).toHaveValue('Neutral');

  // The initiative's page shows it in its press review.
  await links.getByRole('link', { name: initiative }).click();
  await expect(page.getByRole('heading', { level: 1, name: initiative })).toBeVisible();
  const review = page.getByRole('region', { name: 'Press review' });
  await expect(review.getByRole('link', { name: title })).toBeVisible();
  await review.scrollIntoViewIfNeeded();
  await screenshot(page, '6-initiative-press-review', { isViewport: true });

  // An uploaded page (seed 002 with its sidebar), then search and coverage.
  await page.getByRole('link', { name: 'Press review', exact: true }).click();
  await page.getByRole('form', { name: 'Add a clipping' }).getByText('File', { exact: true }).click();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'italpress.html',
    mimeType: 'text/html',
    buffer: Buffer.from(readFileSync('test/fixtures/press/seed-002.html')),
  });
  await page.getByRole('form', { name: 'Add a clipping' }).getByRole('button', { name: 'Add' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Ambasciatore Sembayev/ })).toBeVisible();
  await expect(page.getByText('Alcaraz')).toHaveCount(0);
  await page.getByRole('link', { name: 'Press review', exact: true }).click();
  await page.getByRole('textbox', { name: 'Search the texts' }).fill('rapporto');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('mark', { hasText: /rapporti/i }).first()).toBeVisible();
  await screenshot(page, '6-search');
  await page.getByRole('tab', { name: 'Coverage' }).click();
  await expect(page.getByText(/^\d+ clippings? in the period$/)).toBeVisible();
  await screenshot(page, '6-coverage');

  // Feeds: following an internal address is allowed to be saved, but reading it is refused.
  await page.getByRole('tab', { name: 'Feeds' }).click();
  await page.getByRole('textbox', { name: 'Address of the feed' }).fill('http://10.0.0.1:9/feed.xml');
  await page.getByRole('button', { name: 'Follow' }).click();
  await expect(
    page.getByRole('table', { name: 'Feeds' }).getByText('http://10.0.0.1:9/feed.xml').first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Read now' }).click();
  await expect(page.getByText(/^address_not_allowed/)).toBeVisible();
  await screenshot(page, '6-feeds');
});
