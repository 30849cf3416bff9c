import { expect, test } from '@playwright/test';
import { openInitiatives, screenshot } from './support.ts';

test('a file with a bad row is refused as a whole, with the row and column of each error', async ({
  page,
}) => {
  await openInitiatives(page);
  const count = page.getByTestId('initiatives-count');
  await expect(count).toHaveText(/\d+ initiatives/);
  const before = await count.textContent();

  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import initiatives' });
  await dialog.locator('input[type="file"]').setInputFiles('test/fixtures/initiatives-bad-row.csv');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();

  const errors = dialog.getByTestId('import-errors');
  await expect(dialog.getByText('Nothing was imported')).toBeVisible();
  await expect(errors.locator('tbody tr').filter({ hasText: 'type' })).toContainText('4');
  await expect(errors.locator('tbody tr').filter({ hasText: 'date' })).toContainText('4');
  await expect(errors).toContainText('festival');
  await screenshot(page, '06-import-errors', { isViewport: true });

  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await expect(count).toHaveText(before!);
});
