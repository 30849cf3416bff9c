import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The first administrator's credentials, written by the server at its first start. */
export function readFirstAdmin(): { email: string; password: string } {
  const file = process.env.E2E_ADMIN_FILE;
  if (!file) throw new Error('E2E_ADMIN_FILE is not set: run the tests with `npx playwright test`.');
  return JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
}

export const storageStatePath = () => join(process.env.E2E_RUN_DIR!, 'storage-state.json');

/**
 * Saves a screenshot under .tmp/screens/ to look at: the whole page (scrolled to the top, so the
 * fixed header stays where a person sees it) or, with `isViewport`, what is on screen now.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { isViewport?: boolean; path?: string } = {},
) {
  mkdirSync('.tmp/screens', { recursive: true });
  if (!options.isViewport) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: options.path ?? `.tmp/screens/${name}.png`, fullPage: !options.isViewport });
}

/** Opens the TT2050 plan's initiatives table (the demo plan) from the start page. */
export async function openInitiatives(page: Page, query = ''): Promise<void> {
  await page.goto('/');
  // The start page opens the last plan used, here the demo plan; wait until it is there.
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Initiatives', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Initiatives' }).waitFor();
  if (query) await page.goto(`${page.url().split('?')[0]}?${query}`);
}
