import { expect, type Page, test } from '@playwright/test';
import { screenshot } from './support.ts';

async function openDashboard(page: Page) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Results', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results dashboard' })).toBeVisible();
}

async function choose(page: Page, label: string, option: string) {
  await page.getByRole('dialog').getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('create an indicator: reach filed as an outcome is explained at the AMEC stage field', async ({
  page,
}) => {
  await openDashboard(page);
  const name = `Instagram reach of the spring festival ${Date.now()}`;

  await page.getByRole('button', { name: 'New indicator' }).click();
  const dialog = page.getByRole('dialog', { name: 'New indicator' });
  // The shared schema refuses an empty form before anything is sent.
  await dialog.getByRole('button', { name: 'Create the indicator' }).click();
  await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription(/Required/);

  await choose(page, 'Level', 'Initiative');
  await choose(page, 'Initiative', 'Marzadori violin masterclass at the University of Arts');
  await dialog.getByLabel('Name').fill(name);
  await choose(page, 'AMEC stage', 'Outcome');
  await dialog.getByLabel('Unit').fill('accounts');
  await dialog.getByLabel('Baseline value').fill('2922');
  await dialog.getByLabel('Baseline date').fill('2021-12-31');
  await dialog.getByLabel('Target value').fill('8000');
  await dialog.getByLabel('Target date').fill('2022-12-31');
  await dialog.getByLabel('Source of verification').fill('Instagram Insights');
  await choose(page, 'Collection frequency', 'Monthly');
  await dialog.getByRole('button', { name: 'Create the indicator' }).click();

  // The server's AMEC guard: the explanation is at the stage field, the dialog stays open.
  const stageError = dialog.locator('#indicator-amecStage-error');
  await expect(stageError).toContainText('they are outputs (or out-takes), not outcomes or impact');
  await screenshot(page, 'results-entry-1-amec-guard', { isViewport: true });

  await choose(page, 'AMEC stage', 'Output');
  await dialog.getByRole('button', { name: 'Create the indicator' }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByRole('article', { name });
  await expect(card).toBeVisible();
  await expect(card.getByText('Output')).toBeVisible();
  await expect(card.getByText('8,000 accounts')).toBeVisible();

  // Edit it from its page: the same form, saved with the version read.
  await card.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit' });
  await expect(edit.getByLabel('Target value')).toHaveValue('8000');
  await edit.getByLabel('Target value').fill('9000');
  await edit.getByRole('button', { name: 'Save the changes' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row', { name: /Target/ })).toContainText('9,000 accounts');
  await screenshot(page, 'results-entry-2-indicator');
});

test('add a monthly snapshot to the Instagram account, and a CSV with a bad row imports nothing', async ({
  page,
}) => {
  await openDashboard(page);
  const account = page.getByRole('group', { name: '@italyinkz' });
  await account.getByRole('button', { name: 'Add a monthly snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a monthly snapshot — @italyinkz' });
  await dialog.getByLabel('Month').fill('2022-06');
  await dialog.getByLabel('Followers').fill('11777');
  await dialog.getByLabel('Accounts reached').fill('abc');
  await dialog.getByRole('button', { name: 'Save the month' }).click();
  await expect(dialog.getByText('Enter a number')).toBeVisible();
  await dialog.getByLabel('Accounts reached').fill('5310');
  await dialog.getByLabel('Accounts engaged').fill('301');
  await dialog.getByRole('button', { name: 'Save the month' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: '11,777' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '5,310' })).toBeVisible();

  await account.getByRole('button', { name: 'Import CSV' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import CSV — @italyinkz' });
  await importDialog.locator('input[type=file]').setInputFiles({
    name: 'insights.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Month,Followers,Accounts reached,Accounts engaged,Impressions,Posts\n2022-07,11900,5400,320,9000,12\n2022-08,lots,5500,330,9100,11\n',
    ),
  });
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  const errors = importDialog.getByRole('alert');
  await expect(errors).toContainText('Nothing was imported');
  await expect(errors.getByRole('listitem')).toHaveCount(1);
  await expect(errors.getByRole('listitem')).toContainText('row 3, column Followers');
  await screenshot(page, 'results-entry-3-import-errors', { isViewport: true });
  await importDialog.getByRole('button', { name: 'Close' }).click();
  // All rows or none: the good row of July was not saved either.
  await expect(page.getByRole('cell', { name: '11,900' })).toHaveCount(0);
  await screenshot(page, 'results-entry-4-dashboard');
});
