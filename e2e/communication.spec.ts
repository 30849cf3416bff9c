import { expect, type Page, test } from '@playwright/test';
import { screenshot } from './support.ts';

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
/** How the app writes a day in English: "23 Feb 2030". */
const dayLabel = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

/** How the calendar names a day: "6 September 2021". */
const dayName = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

/** The checklist's due day for step `position`. */
const dueCell = (page: Page, position: number) =>
  page
    .getByRole('region', { name: 'Communication procedure' })
    .locator(`tr[data-step="${position}"] td`)
    .nth(2);

/** Opens the initiative's edit form, picks the start day in the calendar and saves. */
async function pickStartDate(page: Page, iso: string) {
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  const field = page.getByRole('button', { name: 'Start date' });
  await field.click();
  await page.getByRole('button', { name: dayName(iso), exact: true }).click();
  await expect(field).toHaveText(dayName(iso));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'When and where' })).toContainText(dayLabel(iso));
  await page.getByRole('tab', { name: 'Communication' }).click();
}

test('give an initiative a date, its steps appear; mark two done; move the date: open steps move, done ones stay', async ({
  page,
  playwright,
}) => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  const plans = await (await page.request.get('/api/plans')).json();
  const plan = (plans.items ?? plans).find((p: { acronym: string }) => p.acronym === 'TT2050');
  const title = `E2E gala ${Date.now()}`;
  const created = await page.request.post('/api/initiatives', {
    data: { planId: plan.id, title, type: 'concert', importance: 'major' },
  });
  expect(created.status()).toBe(201);
  const initiative = await created.json();

  // Without a date there is nothing to schedule.
  await page.goto(`/initiatives/${initiative.id}`);
  await page.getByRole('tab', { name: 'Communication' }).click();
  const checklist = page.getByRole('region', { name: 'Communication procedure' });
  await expect(
    checklist.getByText('Give the initiative a date to schedule its communication steps.'),
  ).toBeVisible();

  // Give it a date in the edit form: a day of the plan's first month (the calendar opens there).
  const start = '2021-09-06';
  await pickStartDate(page, start);
  await expect(checklist.getByText('0 of 10 steps finished')).toBeVisible();
  await expect(checklist.locator('tbody tr')).toHaveCount(10);
  const offsets: Record<number, number> = { 1: -10, 2: -5, 3: -1, 4: 0, 5: 0, 6: 1, 7: 1, 8: 3, 9: 3, 10: 7 };
  for (const [position, offset] of Object.entries(offsets))
    await expect(dueCell(page, Number(position))).toContainText(dayLabel(addDays(start, offset)));

  // Mark the first two done.
  await checklist
    .getByRole('button', { name: 'Mark “1. Key message and target audiences defined” done' })
    .click();
  await expect(checklist.getByText('1 of 10 steps finished')).toBeVisible();
  await checklist.getByRole('button', { name: /^Mark “2\. Interview/ }).click();
  await expect(checklist.getByText('2 of 10 steps finished')).toBeVisible();
  await expect(checklist.locator('tr[data-step="1"]')).toContainText('Done');

  // A skip needs a reason.
  await checklist.getByRole('button', { name: /^More actions for “5\./ }).click();
  await page.getByRole('menuitem', { name: 'Skip' }).click();
  const skip = page.getByRole('dialog', { name: /^Skip “5\./ });
  await skip.getByRole('button', { name: 'Skip' }).click();
  await expect(skip.getByText('is required to skip a step')).toBeVisible();
  await skip.getByLabel('Why is this step skipped?').fill('No influencers for a gala of this kind');
  await skip.getByRole('button', { name: 'Skip' }).click();
  await expect(skip).toBeHidden();
  await expect(checklist.getByText('3 of 10 steps finished')).toBeVisible();

  // Evidence: a link and the file itself.
  await checklist.getByRole('button', { name: /^More actions for “1\./ }).click();
  await page.getByRole('menuitem', { name: 'Evidence link…' }).click();
  const evidence = page.getByRole('dialog', { name: /^Evidence for “1\./ });
  await evidence.getByLabel('Link').fill('https://example.org/key-messages');
  await evidence.locator('input[type="file"]').setInputFiles({
    name: 'key-messages.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4 key messages'),
  });
  await evidence.getByRole('button', { name: 'Save' }).click();
  await expect(evidence).toBeHidden();
  await expect(checklist.getByRole('link', { name: 'File: key-messages.pdf' })).toBeVisible();
  await expect(checklist.getByRole('link', { name: 'Evidence', exact: true })).toHaveAttribute(
    'href',
    'https://example.org/key-messages',
  );
  await screenshot(page, '5a-checklist');

  // Move the date two weeks later: the open steps move, the finished ones stay.
  const later = addDays(start, 14);
  await pickStartDate(page, later);
  await expect(checklist.getByText('3 of 10 steps finished')).toBeVisible();
  await expect(dueCell(page, 1)).toContainText(dayLabel(addDays(start, -10)));
  await expect(dueCell(page, 2)).toContainText(dayLabel(addDays(start, -5)));
  await expect(dueCell(page, 5)).toContainText(dayLabel(start));
  for (const position of [3, 4, 6, 7, 8, 9, 10])
    await expect(dueCell(page, position)).toContainText(dayLabel(addDays(later, offsets[position]!)));

  // The calendar shows the steps on their days.
  await page.getByRole('link', { name: 'Communication', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Communication calendar' })).toBeVisible();
  await page.goto(`/plans/${plan.id}/communication?view=month&date=${later}`);
  const cell = page.locator(`[data-day="${later}"]`);
  await expect(cell.getByText(title).first()).toBeVisible();
  await expect(cell.getByText(new RegExp(`^[•!] 4\\. Announcement.*${title}`))).toBeVisible();
  await screenshot(page, '5a-calendar-month');
  await page.locator('label', { hasText: /^Week$/ }).click();
  await expect(page.locator(`[data-day="${later}"]`).getByText(title).first()).toBeVisible();
  await screenshot(page, '5a-calendar-week');
  await page.locator('label', { hasText: /^List$/ }).click();
  await expect(
    page.getByRole('table', { name: 'Communication steps' }).getByText(title).first(),
  ).toBeVisible();
  await screenshot(page, '5a-calendar-list');

  // The procedure, and a feed that loads without a session.
  await page.getByRole('tab', { name: 'Procedure' }).click();
  await expect(page.getByRole('table', { name: 'Procedure steps' }).locator('tbody tr')).toHaveCount(10);
  await screenshot(page, '5a-procedure');
  await page.getByRole('tab', { name: 'Calendar feeds' }).click();
  await page.getByRole('button', { name: 'New feed: whole plan' }).click();
  const url = (await page.locator('code').textContent()) ?? '';
  expect(url).toMatch(/\/api\/calendar-feeds\/ics\/[\w-]+\.ics$/);
  // A calendar application has no session: a fresh context without cookies.
  const anonymous = await playwright.request.newContext();
  const feed = await anonymous.get(url);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(`UID:initiative-${initiative.id}@softpower`);
  await anonymous.dispose();
  await screenshot(page, '5a-feeds');
});
