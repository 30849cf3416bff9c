import { expect, test } from '@playwright/test';
import { readFirstAdmin, screenshot } from './support.ts';

// These tests start signed out.
test.use({ storageState: { cookies: [], origins: [] } });

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await screenshot(page, '01-sign-in');
  await page.getByLabel('E-mail').fill(readFirstAdmin().email);
  await page.getByLabel(/^Password/).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The e-mail or the password is not correct.');
});

test('too many attempts are refused with a wait time', async ({ page }) => {
  await page.goto('/');
  // An unknown address, so that the administrator's own limit is not touched.
  await page.getByLabel('E-mail').fill('nobody@example.org');
  await page.getByLabel(/^Password/).fill('guess');
  for (let attempt = 0; attempt < 11; attempt++) {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
  }
  await expect(page.getByRole('alert')).toContainText('Too many sign-in attempts');
});

test('sign in, see the plan, switch language, sign out', async ({ page }) => {
  const admin = readFirstAdmin();
  await page.goto('/');
  await page.getByLabel('E-mail').fill(admin.email);
  await page.getByLabel(/^Password/).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Initiatives per month' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.locator('figure svg')).toHaveCount(4);
  await screenshot(page, '02-plan-overview');

  await page.getByRole('navigation').getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: 'Italiano' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'it');
  await expect(page.getByRole('link', { name: 'Iniziative', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Per riflesso mediatico' })).toBeVisible();
  await expect(page.getByText('Molto elevato').first()).toBeVisible();
  await screenshot(page, '02b-plan-overview-it');

  // Back to English for the next tests (the choice is remembered on this device).
  await page.getByRole('navigation').getByRole('combobox', { name: 'Lingua' }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
