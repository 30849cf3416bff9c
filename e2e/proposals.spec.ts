import { expect, type Page, test } from '@playwright/test';
import { readFirstAdmin, screenshot } from './support.ts';

async function openBoard(page: Page) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Proposals', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Proposals' }).waitFor();
}

/** Invites a colleague on the Members page and returns the one-time sign-in link shown there. */
async function inviteColleague(page: Page, email: string, name: string): Promise<string> {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Members', exact: true }).click();
  const form = page.getByRole('form', { name: 'Invite a colleague' });
  await form.getByLabel('E-mail').fill(email);
  await form.getByRole('button', { name: 'Add to the mission' }).click();
  await expect(form.getByText('Required')).toBeVisible();
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Add to the mission' }).click();
  const dialog = page.getByRole('dialog', { name: `Sign-in link for ${name}` });
  const link = dialog.getByLabel('One-time link');
  await expect(link).toHaveValue(/\/api\/auth\/link\//);
  await screenshot(page, '1x-members', { isViewport: true });
  const url = await link.inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('table', { name: 'Members' }).getByText(email)).toBeVisible();
  return url;
}

const scores = [
  [5, 5, 4],
  [3, 4, 3],
  [2, 2, 2],
];

async function scoreAll(page: Page, titles: string[], offset = 0) {
  for (const [index, title] of titles.entries()) {
    const form = page.getByRole('form', { name: title });
    const [relevance, effectiveness, feasibility] = scores[index]!.map((v) => Math.min(5, v + offset));
    await form.getByRole('radio', { name: `Relevance ${relevance}` }).check();
    await form.getByRole('radio', { name: `Effectiveness ${effectiveness}` }).check();
    await form.getByRole('radio', { name: `Feasibility ${feasibility}` }).check();
    await form.getByRole('button', { name: 'Save scores' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved');
  }
}

test('from ideas to plan: propose, two evaluators score, close the round, approve into an initiative', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000); // two people, three proposals, a round: a long journey on a busy machine
  const admin = readFirstAdmin();
  const stamp = Date.now();
  const titles = [1, 2, 3].map((n) => `E2E idea ${n} ${stamp}`);
  const colleague = { email: `evaluator-${stamp}@example.org`, name: `Dana Evaluator ${stamp}` };
  const signInLink = await inviteColleague(page, colleague.email, colleague.name);
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

  // Open a round on the three, the admin and the invited colleague as the evaluators.
  await page.getByRole('button', { name: 'Open a round' }).click();
  const roundDialog = page.getByRole('dialog', { name: 'Open a scoring round' });
  await roundDialog.getByLabel('Name').fill(`E2E round ${stamp}`);
  for (const title of titles) await roundDialog.getByRole('checkbox', { name: title }).check();
  await roundDialog.getByLabel('Evaluators').click();
  await page.getByRole('option', { name: new RegExp(admin.email.replace(/[.+]/g, '\\$&')) }).click();
  await page.getByRole('option', { name: new RegExp(colleague.email.replace(/[.+]/g, '\\$&')) }).click();
  await roundDialog.getByLabel('Name').click();
  await roundDialog.getByRole('button', { name: 'Open a round' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `E2E round ${stamp}` })).toBeVisible();

  const roundUrl = page.url();

  // The administrator scores all three with the keyboard-friendly form; the colleague has not yet.
  await scoreAll(page, titles);
  await screenshot(page, '1x-scoring');
  await expect(page.getByText(colleague.name).first()).toBeVisible();
  await expect(page.getByText('Every evaluator has scored every proposal.')).toBeHidden();

  // The colleague signs in with the one-time link in their own browser and scores too.
  const other = await browser.newContext({ baseURL: baseURL!, storageState: { cookies: [], origins: [] } });
  const colleaguePage = await other.newPage();
  await colleaguePage.goto(signInLink);
  await expect(colleaguePage.getByText(`Signed in as ${colleague.name}`)).toBeVisible();
  await colleaguePage.goto(roundUrl);
  await expect(colleaguePage.getByRole('heading', { level: 1, name: `E2E round ${stamp}` })).toBeVisible();
  await scoreAll(colleaguePage, titles, 1);
  await other.close();

  await page.reload();
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

test('an author edits a draft, adds partners and cities, then submits it; the head tunes the selection rule', async ({
  page,
}) => {
  const stamp = Date.now();
  const title = `E2E draft ${stamp}`;
  await openBoard(page);
  await page.getByRole('button', { name: 'New proposal' }).click();
  const dialog = page.getByRole('dialog', { name: 'New proposal' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('combobox', { name: 'Type' }).click();
  await page.getByRole('option', { name: 'Workshop' }).click();
  await dialog.getByRole('button', { name: 'Save as draft' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('region', { name: 'Draft' }).getByText(title).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit the proposal' });
  await edit.getByLabel('Title').fill(`${title} (revised)`);
  await edit.getByRole('combobox', { name: 'Cities' }).fill('Almaty');
  await edit.getByRole('combobox', { name: 'Cities' }).press('Enter');
  await edit.getByRole('combobox', { name: 'Partners' }).click();
  await page.getByRole('option').first().click();
  await edit.getByLabel('Title').click(); // closes the partners' list
  await edit.getByLabel('Involves young people').check();
  await screenshot(page, '1x-edit-proposal', { isViewport: true });
  await edit.getByRole('button', { name: 'Submit' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: `${title} (revised)` })).toBeVisible();
  await expect(page.getByText('Submitted', { exact: true })).toBeVisible();
  await expect(page.getByText('Almaty', { exact: true })).toBeVisible();

  await openBoard(page);
  const settings = page.getByRole('region', { name: 'Selection settings' });
  // All weights at zero would make every overall score meaningless: refused at the form.
  for (const criterion of ['Relevance', 'Effectiveness', 'Feasibility'])
    await settings.getByLabel(criterion).fill('0');
  await settings.getByRole('button', { name: 'Save the settings' }).click();
  await expect(settings.getByText('at least one weight must be above 0')).toBeVisible();
  await settings.getByLabel('Effectiveness').fill('1');
  await settings.getByLabel('Feasibility').fill('1');
  await settings.getByLabel('Relevance').fill('2');
  await settings.getByRole('button', { name: 'Save the settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('region', { name: 'Plan balance' }).scrollIntoViewIfNeeded();
  await expect(page.getByRole('table', { name: 'One training for every promotion' })).toBeVisible();
  await screenshot(page, '1x-balance');
});
