import { expect, type Page, test } from '@playwright/test';
import { readFirstAdmin, screenshot } from './support.ts';

async function openBoard(page: Page) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Proposals', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Proposals' }).waitFor();
}

test('from ideas to plan: propose, score, close the round, approve into an initiative', async ({ page }) => {
  const admin = readFirstAdmin();
  const stamp = Date.now();
  const titles = [1, 2, 3].map((n) => `E2E idea ${n} ${stamp}`);
  await openBoard(page);

  // Three proposals through the form; the first try without a type shows the error at the field.
  for (const [index, title] of titles.entries()) {
    await page.getByRole('button', { name: 'New proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New proposal' });
    await dialog.getByLabel('Title').fill(title);
    if (index === 0) {
      await dialog.getByRole('button', { name: 'Submit' }).click();
      await expect(dialog.getByText('Choose one of the options')).toBeVisible();
    }
    await dialog.getByRole('combobox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'Exhibition' }).click();
    await dialog.getByLabel('Estimated cost').fill(String(1000 * (index + 1)));
    await dialog.getByLabel('Why it matters').fill('Shows the country at its best.');
    await dialog.getByRole('button', { name: 'Submit' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('region', { name: 'Submitted' }).getByText(title)).toBeVisible();
  }
  await screenshot(page, '1x-board');

  // Open a round on the three, the admin as the evaluator.
  await page.getByRole('button', { name: 'Open a round' }).click();
  const roundDialog = page.getByRole('dialog', { name: 'Open a scoring round' });
  await roundDialog.getByLabel('Name').fill(`E2E round ${stamp}`);
  for (const title of titles) await roundDialog.getByRole('checkbox', { name: title }).check();
  await roundDialog.getByLabel('Evaluators').click();
  await page.getByRole('option', { name: new RegExp(admin.email.replace(/[.+]/g, '\\$&')) }).click();
  await roundDialog.getByLabel('Name').click();
  await roundDialog.getByRole('button', { name: 'Open a round' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `E2E round ${stamp}` })).toBeVisible();

  // Score all three with the keyboard-friendly form.
  const scores = [
    [5, 5, 4],
    [3, 4, 3],
    [2, 2, 2],
  ];
  for (const [index, title] of titles.entries()) {
    const form = page.getByRole('form', { name: title });
    const [relevance, effectiveness, feasibility] = scores[index]!;
    await form.getByRole('radio', { name: `Relevance ${relevance}` }).check();
    await form.getByRole('radio', { name: `Effectiveness ${effectiveness}` }).check();
    await form.getByRole('radio', { name: `Feasibility ${feasibility}` }).check();
    await form.getByRole('button', { name: 'Save scores' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved');
  }
  await screenshot(page, '1x-scoring');

  const results = page.getByRole('table', { name: 'Results' });
  await expect(results.locator('tbody tr')).toHaveCount(3);
  await expect(results.locator('tbody tr').first()).toContainText(titles[0]!);
  await expect(page.getByText('Every evaluator has scored every proposal.')).toBeVisible();
  await screenshot(page, '1x-results');

  await page.getByRole('button', { name: 'Close the round' }).click();
  await expect(page.getByText('Closed', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close the round' })).toBeHidden();

  // Approve the best one: the reason is required, then the initiative exists.
  await results.getByRole('link', { name: titles[0] }).click();
  await expect(page.getByRole('heading', { level: 1, name: titles[0] })).toBeVisible();
  await page.getByRole('button', { name: 'Decide' }).click();
  const decide = page.getByRole('dialog', { name: 'Decide on this proposal' });
  await decide.getByRole('button', { name: 'Record the decision' }).click();
  await expect(decide.getByText('Required: say why.')).toBeVisible();
  await screenshot(page, '1x-decision', { isViewport: true });
  await decide.getByLabel('Reason').fill('Highest overall score and within budget.');
  await decide.getByRole('button', { name: 'Record the decision' }).click();
  await decide.getByRole('link', { name: 'Open the initiative created from this proposal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: titles[0] })).toBeVisible();

  // It is in the plan's initiatives table.
  await page.getByRole('link', { name: 'Initiatives', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Initiatives' }).waitFor();
  await page.goto(`${page.url().split('?')[0]}?q=${encodeURIComponent(titles[0]!)}`);
  await expect(page.getByRole('table').first().getByText(titles[0]!)).toBeVisible();
});
