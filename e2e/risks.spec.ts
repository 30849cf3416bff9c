import { expect, type Page, test } from '@playwright/test';
import { screenshot } from './support.ts';

const METRIC = 'New Covid-19 cases per day in Kazakhstan (7-day average)';
const GALA = 'Opera gala with tenor Francesco Meli';

async function openRisks(page: Page) {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Risks', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Risks' }).waitFor();
}

test('an observation crosses red: an alert and a corrective task appear, the exposed initiative warns with its fallback', async ({
  page,
}) => {
  await openRisks(page);

  // The heat map: the seed's pandemic risk is the one likely × major risk before actions.
  await page.getByText('Inherent', { exact: true }).click();
  const cell = page.getByRole('gridcell', { name: /^Likely × Major: 1 risks, level Extreme/ });
  await expect(cell).toBeVisible();
  await screenshot(page, '4a-heat-map');
  await cell.click();
  const register = page.getByRole('region', { name: /Risks that are Likely × Major/ });
  await expect(register.getByRole('link', { name: 'Covid-19 restrictions on events' })).toBeVisible();
  await expect(register.getByRole('link')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Open alerts' }).getByText('No open alerts.')).toBeVisible();

  await register.getByRole('link', { name: 'Covid-19 restrictions on events' }).click();
  await page.getByRole('heading', { level: 1, name: 'Covid-19 restrictions on events' }).waitFor();

  // Record an observation above the red bound (5,000 cases).
  const form = page.getByRole('form', { name: `Record an observation: ${METRIC}` });
  await form.getByRole('button', { name: 'Record' }).click();
  await expect(form.getByText('must be a date in the form YYYY-MM-DD')).toBeVisible();
  const today = new Date().toISOString().slice(0, 10);
  await form.getByLabel('Date').fill(today);
  await form.getByLabel('Value').fill('6200');
  await form.getByLabel('Source').fill('Ministry of Health of Kazakhstan');
  await form.getByRole('button', { name: 'Record' }).click();
  const card = page.getByRole('region', { name: METRIC });
  const alert = card.getByRole('alert', { name: `${METRIC} is Red` });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('Corrective task: Corrective action:');
  await expect(card.getByText('Red', { exact: true }).first()).toBeVisible();
  await screenshot(page, '4a-risk-red');

  // Back on the register: the alert and the corrective task for the escalation owner.
  await page.getByRole('link', { name: '← Risks' }).click();
  await page.getByRole('heading', { level: 1, name: 'Risks' }).waitFor();
  await expect(
    page.getByRole('region', { name: 'Open alerts' }).getByText(`${METRIC} is Red`, { exact: true }),
  ).toBeVisible();
  const tasks = page.getByRole('region', { name: 'Corrective tasks' });
  await expect(
    tasks.getByText(new RegExp(`Corrective action: ${METRIC.replace(/[()]/g, '\\$&')} is red`)),
  ).toBeVisible();
  await expect(tasks.getByText(/Vincenzo Spinelli/)).toBeVisible();

  // The next weekly meeting's agenda lists the alarm and the corrective task (due after it).
  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('link', { name: 'Weekly meetings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Weekly meetings' }).waitFor();
  await page.getByLabel('Date').fill(nextWeek);
  await page.getByLabel('Title').fill('Weekly meeting after the alarm');
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Weekly meeting after the alarm/ })).toBeVisible();
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expect(
    agenda.getByRole('region', { name: 'Alarms in amber or red' }).getByText(`${METRIC} is red`),
  ).toBeVisible();
  const agendaTasks = agenda.getByRole('region', { name: 'Corrective and overdue tasks' });
  await expect(agendaTasks.getByText(`Corrective action: ${METRIC} is red`, { exact: false })).toBeVisible();
  await expect(agendaTasks.getByText('Urgent')).toBeVisible();
  await screenshot(page, '4a-agenda-after-alarm');
  await page.getByRole('link', { name: 'Risks', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Risks' }).waitFor();

  // The exposed gala warns and shows its fallback alternative.
  await page
    .getByRole('region', { name: 'Open alerts' })
    .getByRole('link', { name: new RegExp(GALA) })
    .click();
  const warning = page.getByRole('alert').filter({ hasText: `Alarm: ${METRIC} is Red` });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(
    'Fallback alternative: Live stream of the gala with a smaller audience in the hall',
  );
  await screenshot(page, '4a-initiative-warning');
  const galaUrl = page.url();

  // Resolving the alert needs a note; then the warning goes away.
  await warning.getByRole('link', { name: 'Open the risk' }).click();
  await page.getByRole('heading', { level: 1, name: 'Covid-19 restrictions on events' }).waitFor();
  const open = page.getByRole('region', { name: METRIC }).getByRole('alert', { name: `${METRIC} is Red` });
  await open.getByRole('button', { name: 'Resolve' }).click();
  await open.getByRole('button', { name: 'Resolve' }).click();
  await expect(open.getByText('is required: say what was done')).toBeVisible();
  await open.getByLabel('What was done').fill('The gala moves to a live stream with a small audience.');
  await open.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByRole('region', { name: METRIC }).getByRole('alert')).toHaveCount(0);
  await page.goto(galaUrl);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(GALA) })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Alarm:' })).toHaveCount(0);
});

test('record a risk with an action, then an alarm variable whose bounds must be in order', async ({
  page,
}) => {
  const title = `E2E venue strike ${Date.now()}`;
  await openRisks(page);
  await page.getByRole('button', { name: 'New risk' }).click();
  const dialog = page.getByRole('dialog', { name: 'New risk' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('combobox', { name: 'Area' }).click();
  await page.getByRole('option', { name: 'Implementation' }).click();
  await dialog.getByRole('combobox', { name: 'Inherent likelihood' }).click();
  await page.getByRole('option', { name: 'Possible' }).click();
  await dialog.getByRole('combobox', { name: 'Inherent impact' }).click();
  await page.getByRole('option', { name: 'Major' }).click();
  await dialog.getByRole('button', { name: 'Add an action' }).click();
  await dialog.getByLabel('Action 1', { exact: true }).fill('Book a second venue as a reserve');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await expect(page.getByText('Possible × Major').first()).toBeVisible();
  await expect(page.getByText('Book a second venue as a reserve')).toBeVisible();

  await page.getByRole('button', { name: 'New alarm variable' }).click();
  const variable = page.getByRole('dialog', { name: 'New alarm variable' });
  await variable.getByLabel('Metric').fill('Days of strike announced at the venue');
  await variable.getByLabel('Amber from').fill('10');
  await variable.getByLabel('Red from').fill('3');
  await variable.getByRole('button', { name: 'Save' }).click();
  await expect(
    variable.getByText('must be above the amber bound when higher values are worse'),
  ).toBeVisible();
  await variable.getByLabel('Red from').fill('20');
  await variable.getByRole('button', { name: 'Save' }).click();
  await expect(variable).toBeHidden();
  await expect(page.getByRole('region', { name: 'Days of strike announced at the venue' })).toContainText(
    'No data',
  );
  await screenshot(page, '4a-new-risk');

  // Edit the bounds: the same check applies; then archive the variable after a confirmation.
  const card = page.getByRole('region', { name: 'Days of strike announced at the venue' });
  await card.getByRole('button', { name: 'Edit the alarm variable' }).click();
  const editing = page.getByRole('dialog', { name: 'Edit the alarm variable' });
  await expect(editing.getByLabel('Amber from')).toHaveValue('10');
  await editing.getByLabel('Red from').fill('5');
  await editing.getByRole('button', { name: 'Save' }).click();
  await expect(editing.getByText('must be above the amber bound when higher values are worse')).toBeVisible();
  await editing.getByLabel('Amber from').fill('2');
  await editing.getByRole('button', { name: 'Save' }).click();
  await expect(editing).toBeHidden();
  await expect(card).toContainText('Amber from 2, red from 5');
  await card.getByRole('button', { name: 'Archive the variable' }).click();
  const confirm = page.getByRole('dialog', { name: 'Archive this alarm variable?' });
  await expect(confirm).toContainText('past alerts are kept');
  await confirm.getByRole('button', { name: 'Archive the variable' }).click();
  await expect(page.getByText('Alarm variable archived.')).toBeVisible();
  await expect(card).toHaveCount(0);
});

test('the head of mission adds a risk area and edits the matrix; the heat map follows', async ({ page }) => {
  await openRisks(page);
  const rareMinor = page.getByRole('gridcell', { name: /^Rare × Minor: .* level Low$/ });
  await expect(rareMinor).toBeVisible();
  await page.getByRole('button', { name: 'Areas and matrix' }).click();
  const dialog = page.getByRole('dialog', { name: 'Areas and matrix' });
  await dialog.getByRole('button', { name: 'Add an area' }).click();
  await dialog.getByRole('textbox', { name: 'Area 4' }).fill('Reputation');
  await dialog.getByRole('combobox', { name: 'Rare × Minor' }).selectOption('moderate');
  await screenshot(page, '4a-risk-settings', { isViewport: true });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('gridcell', { name: /^Rare × Minor: .* level Moderate$/ })).toBeVisible();
  await page.getByRole('button', { name: 'New risk' }).click();
  const riskDialog = page.getByRole('dialog', { name: 'New risk' });
  await riskDialog.getByRole('combobox', { name: 'Area' }).click();
  await expect(page.getByRole('option', { name: 'Reputation' })).toBeVisible();
});
