import { expect, type Page, test } from '@playwright/test';
import { openInitiatives, screenshot } from './support.ts';

const rows = (page: Page) => page.getByRole('table').first().locator('tbody tr');

test('filter the table to May: exactly the three Marzadori initiatives, shareable by URL', async ({
  page,
}) => {
  await openInitiatives(page);
  // The 30 of the demo, plus any that journeys run before this one have added: the server's total.
  const planId = new URL(page.url()).pathname.split('/')[2]!;
  const total = (await (await page.request.get(`/api/initiatives?planId=${planId}&limit=1`)).json()).total;
  expect(total).toBeGreaterThanOrEqual(30);
  await expect(page.getByTestId('initiatives-count')).toHaveText(`${total} initiatives`);
  await screenshot(page, '03a-initiatives-table');

  await page.getByRole('combobox', { name: 'Month' }).click();
  await page.getByRole('option', { name: 'May 2022' }).click();
  await expect(page.getByTestId('initiatives-count')).toHaveText('3 initiatives');
  await expect(rows(page)).toHaveCount(3);
  for (const row of await rows(page).all()) await expect(row).toContainText('Marzadori');
  expect(new URL(page.url()).searchParams.get('month')).toBe('2022-05');
  await screenshot(page, '03-initiatives-may');

  // The filtered view survives a reload (bookmark, link sent to a colleague).
  await page.reload();
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('combobox', { name: 'Month' })).toHaveValue('May 2022');

  // Keyboard: focus a row, Enter opens it.
  await rows(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Event sheet', selected: true })).toBeVisible();
});

test('sort by a column and keep it in the URL', async ({ page }) => {
  await openInitiatives(page);
  await page.getByRole('button', { name: /Media reflection/ }).click();
  await expect(page).toHaveURL(/sort=mediaReflection/);
  await expect(page.getByRole('columnheader', { name: /Media reflection/ })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(rows(page).first()).toContainText('Low');
});

test('open an initiative, edit a field, save, see the new value', async ({ page }) => {
  await openInitiatives(page, 'month=2022-05&q=masterclass');
  await rows(page).filter({ hasText: 'Marzadori violin masterclass' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Marzadori violin masterclass at the University of Arts' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Actors' })).toContainText('Organiser');
  await screenshot(page, '04-initiative-sheet');

  await page.getByRole('link', { name: 'Edit' }).click();
  const results = page.getByLabel('Results', { exact: true });
  await results.fill('Twelve students of the University of Arts took part; a video went out on Instagram.');
  // A validation error shows at the field, in words, and nothing is sent.
  const title = page.getByLabel('Title');
  await title.fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Some fields need attention')).toBeVisible();
  await expect(page.locator('.mantine-InputWrapper-error', { hasText: 'Required' })).toBeVisible();
  await screenshot(page, '05-edit-validation-error', { isViewport: true });

  await title.fill('Marzadori violin masterclass at the University of Arts');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Marzadori violin masterclass at the University of Arts' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Results and media' })).toContainText('Twelve students');
});

test('when someone else saved first, say so and offer their version', async ({ page, context }) => {
  await openInitiatives(page, 'month=2022-05&q=evening');
  await rows(page).first().click();
  const sheetUrl = page.url();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByLabel('Key messages')).toBeVisible();

  // A colleague, in another tab, saves first.
  const other = await context.newPage();
  await other.goto(`${sheetUrl}/edit`);
  await other.getByLabel('Key messages').fill('Music and fashion: the same craft of skilled hands.');
  await other.getByRole('button', { name: 'Save' }).click();
  await expect(other.getByRole('region', { name: 'Content' })).toContainText(
    'the same craft of skilled hands',
  );
  await other.close();

  await page.getByLabel('Key messages').fill('My version of the key messages.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Someone else saved this initiative first' }),
  ).toBeVisible();
  await screenshot(page, '05b-edit-conflict', { isViewport: true });
  await page.getByRole('button', { name: 'Reload their version' }).click();
  await expect(page.getByLabel('Key messages')).toHaveValue(
    'Music and fashion: the same craft of skilled hands.',
  );
});

test('create an initiative at month precision', async ({ page }) => {
  await openInitiatives(page);
  await page.getByRole('link', { name: 'New initiative' }).click();
  await page.getByLabel('Title').fill('Italian design week in Almaty');
  await page.getByText('Months only').click();
  await page.getByLabel('Start month').click();
  // The calendar opens on the plan's period (TT2050 starts in September 2021), not on today.
  await page.getByRole('button', { name: 'Dec', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Start month' })).toHaveText('December 2021');
  await page.getByRole('button', { name: 'Create the initiative' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Italian design week in Almaty' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'When and where' })).toContainText('December 2021');
});

test('archive an initiative: it leaves the table, after a confirmation', async ({ page }) => {
  await openInitiatives(page);
  await page.getByRole('link', { name: 'New initiative' }).click();
  await page.getByLabel('Title').fill('Pop-up reading room, to be archived');
  await page.getByRole('button', { name: 'Create the initiative' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Pop-up reading room, to be archived' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Archive this initiative?' });
  await expect(dialog).toContainText('Nothing is deleted');
  await screenshot(page, '07-archive-confirm', { isViewport: true });
  await dialog.getByRole('button', { name: 'Archive it' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Initiatives' })).toBeVisible();
  await expect(page.getByText('The initiative was archived.')).toBeVisible();
  await page.getByLabel('Search').fill('Pop-up reading room');
  await expect(page.getByText('No initiative matches', { exact: false })).toBeVisible();
});
