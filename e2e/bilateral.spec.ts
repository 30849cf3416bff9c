import { expect, test } from '@playwright/test';
import { screenshot } from './support.ts';

test('bilateral timeline: see a demo fact with its source, add a fact, create one from a clipping', async ({
  page,
}) => {
  const stamp = Date.now();
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Bilateral timeline', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Bilateral timeline' }).waitFor();

  // A demo fact, in its year, with its source clipping.
  const year = page.getByRole('region', { name: '2023' });
  await expect(year.getByText('Foreign Minister Tajani in Astana')).toBeVisible();
  await expect(year.getByRole('link', { name: /Italpress/ })).toBeVisible();
  await screenshot(page, '6b-bilateral-timeline');

  // The kind filter.
  await page.getByText('Economic figure', { exact: true }).first().click();
  await expect(page.getByText('Italian investment in Kazakhstan over twenty years')).toBeVisible();
  await expect(page.getByText('Foreign Minister Tajani in Astana')).toHaveCount(0);
  await page.getByText('All', { exact: true }).click();

  // Add an economic figure: without a value the server names the field.
  await page.getByRole('button', { name: 'Add a fact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a bilateral fact' });
  await dialog.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Economic figure' }).click();
  await dialog.getByRole('textbox', { name: 'Date' }).fill('2026-03-15');
  await dialog.getByRole('textbox', { name: 'Title' }).fill(`Italian students in Kazakhstan ${stamp}`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('value');
  await dialog.getByLabel('Value').fill('120');
  await dialog.getByLabel('Unit or what it measures').fill('students');
  await screenshot(page, '6b-bilateral-form');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const added = page.getByRole('region', { name: '2026' });
  await expect(added.getByText(`Italian students in Kazakhstan ${stamp}`)).toBeVisible();
  await expect(added.getByText('120 · students')).toBeVisible();

  // From a clipping: its page offers to create a fact, with one of its figures.
  await page
    .getByRole('link', { name: /Italpress/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Create a bilateral fact' }).click();
  await expect(page.getByRole('status')).toContainText('Fact created.');
  await screenshot(page, '6b-clipping-fact');
});
