import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractText } from 'unpdf';
import { screenshot } from './support.ts';

test('evaluate the plan, then download the report for headquarters', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();

  // The logframe: the demo's objectives and its illustrative assumptions, in one table.
  await page.getByRole('link', { name: 'Logframe', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Logframe' }).waitFor();
  const matrix = page.getByRole('table');
  await expect(matrix.getByRole('rowheader', { name: 'Overall objective' })).toBeVisible();
  await expect(matrix.getByText(/Relations between Italy and Kazakhstan stay good/)).toBeVisible();
  await expect(matrix.getByRole('link', { name: /Alessandro Martire concert/ })).toBeVisible();
  await screenshot(page, '7b-logframe');

  // The head of mission adds an expected result.
  await page.getByRole('button', { name: 'Edit logframe' }).click();
  await page.getByRole('button', { name: 'Add an expected result' }).click();
  await page
    .getByRole('textbox', { name: 'Expected result 4', exact: true })
    .fill('Young audiences know Italy better');
  await page
    .getByRole('textbox', { name: 'Expected result 4: Assumptions' })
    .fill('Universities stay open to partners');
  await screenshot(page, '7b-logframe-edit', { isViewport: true });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(matrix.getByRole('rowheader', { name: 'Expected result 4' })).toBeVisible();
  await expect(matrix.getByText('Universities stay open to partners')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit logframe' })).toBeVisible();

  // The evaluation: the demo rates sustainability 2; the head of mission raises it to 3.
  await page.getByRole('link', { name: 'Evaluation', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Final evaluation' }).waitFor();
  const sustainability = page.getByRole('radio', { name: 'Sustainability: 3 Satisfactory' });
  await expect(page.getByRole('radio', { name: 'Sustainability: 2 Partly satisfactory' })).toBeChecked();
  await sustainability.check();
  await page.getByLabel('Conclusions').fill('Planning the year as one programme paid off. Итоги года.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved');
  await expect(sustainability).toBeChecked();
  await screenshot(page, '7b-evaluation');

  // The PDF carries the plan title and the new rating.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Report (PDF)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('TT2050-report.pdf');
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
  const { text } = await extractText(bytes, { mergePages: true });
  expect(text).toContain('Together towards 2050');
  expect(text).toMatch(/Sustainability[\s\S]*3 · Satisfactory/);
  expect(text).toContain('Итоги года.');

  // In Italian, the same button gives the report in Italian.
  await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: 'Italiano' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  const downloadingItalian = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Rapporto (PDF)' }).click();
  const italian = await downloadingItalian;
  expect(italian.suggestedFilename()).toBe('TT2050-report.pdf');
  const italianText = (
    await extractText(new Uint8Array(readFileSync((await italian.path())!)), { mergePages: true })
  ).text;
  expect(italianText).toContain('4. Valutazione finale (criteri OCSE-DAC)');
  expect(italianText).toMatch(/Sostenibilità[\s\S]*3 · Soddisfacente/);
  expect(italianText).toContain('Together towards 2050');
});
