import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractText } from 'unpdf';
import { screenshot } from './support.ts';

test('enter an actual value for an indicator: the dashboard shows its status and progress', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results dashboard' })).toBeVisible();

  // The demo's figures are there: the seed's results, and what the data says on its own.
  const visas = page.getByRole('article', { name: 'Study visas issued to young Kazakhs' });
  await expect(visas.getByText('On track')).toBeVisible();
  await expect(visas.getByTestId('latest-value')).toHaveText('1,400 visas');
  await expect(page.getByRole('article', { name: 'Initiatives realised of those planned' })).toContainText(
    // All 30 demo initiatives were realised; journeys run before this one may have planned more.
    /30 of \d+/,
  );
  await expect(page.getByRole('article', { name: 'Attendance, all initiatives' })).toContainText('1,950');
  // Counted by the press review (the demo's clippings are from after the plan, so it may be 0).
  const mediaItems = page.getByRole('article', { name: 'Media items in the plan period' });
  await expect(mediaItems).toContainText(/\d/);
  await expect(mediaItems).not.toContainText('Needs the press review');
  await expect(
    page.getByRole('article', { name: 'Accounts reached against the same month a year before' }),
  ).toContainText('+154 %');
  await expect(page.getByRole('cell', { name: '7,422' })).toBeVisible();
  await page.locator('svg').first().waitFor();
  await screenshot(page, 'results-1-dashboard');

  const card = page.getByRole('article', { name: 'Team members who proposed at least one initiative' });
  await expect(card.getByText('No value yet')).toBeVisible();
  await card.getByRole('link', { name: 'Team members who proposed at least one initiative' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Team members who proposed at least one initiative' }),
  ).toBeVisible();

  // A value that is not a number is refused at the field; then the real value.
  const form = page.getByRole('region', { name: 'Record an actual value' });
  await form.getByLabel('Period end (or the date)').fill('2021-12-31');
  await form.getByLabel('Value (%)').fill('many');
  await form.getByRole('button', { name: 'Save the value' }).click();
  await expect(form.getByText('Enter a number')).toBeVisible();
  await form.getByLabel('Value (%)').fill('80');
  await form.getByLabel('Link to the evidence').fill('https://example.org/proposals-register');
  await form.getByRole('button', { name: 'Save the value' }).click();
  await expect(form.getByText('Value recorded.')).toBeVisible();
  await expect(page.getByRole('cell', { name: '80 %' })).toBeVisible();
  await screenshot(page, 'results-2-indicator');

  await page.getByRole('link', { name: '← Results dashboard' }).click();
  const updated = page.getByRole('article', { name: 'Team members who proposed at least one initiative' });
  await expect(updated.getByText('Needs attention')).toBeVisible();
  await expect(updated.getByTestId('latest-value')).toHaveText('80 %');
  await expect(updated.getByText('80% of the way to the target')).toBeVisible();
  await screenshot(page, 'results-3-dashboard-after');

  // The report for headquarters carries the new value and its status.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Report (PDF)' }).click();
  const bytes = new Uint8Array(readFileSync((await (await downloading).path())!));
  const { text } = await extractText(bytes, { mergePages: true });
  // The indicators table: name, kind, baseline, target, latest value, status.
  expect(text).toMatch(
    /Team members who proposed at least\s+one initiative\s+result\s+0%\s+100%\s+80%\s+Needs\s+attention/,
  );
});

test('the initiative page shows its results from the event sheet', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Initiatives', exact: true }).click();
  await page
    .getByRole('link', { name: /Marzadori violin masterclass/ })
    .first()
    .click();
  await page.getByRole('tab', { name: 'Results' }).click();
  await expect(page).toHaveURL(/\?tab=results$/);
  const results = page.getByRole('region', { name: 'Results in figures' });
  await expect(results.getByText('Participants trained', { exact: true })).toBeVisible();
  await expect(results.getByText('50', { exact: true })).toBeVisible();
  await expect(results.getByText('Scholarships', { exact: true })).toBeVisible();
  await screenshot(page, 'results-4-initiative');
});
