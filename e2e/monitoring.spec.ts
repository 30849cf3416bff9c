import { expect, test } from '@playwright/test';
import { screenshot } from './support.ts';

/** `YYYY-MM-DD` plus `days`. */
const addDays = (isoDate: string, days: number) => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

test('weekly meeting: the agenda lists what starts soon and what has no owner; record a status and an action', async ({
  page,
}) => {
  const stamp = Date.now();
  // A date of its own for each run: one meeting per plan and day.
  const meetingDate = `${2040 + (stamp % 50)}-03-02`;
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  const planId = new URL(page.url()).pathname.split('/')[2]!;

  // Two initiatives of the demo plan: one starting within 14 days (with an owner), one without an owner.
  const people = await (await page.request.get('/api/people?q=Dinara')).json();
  const dinara = people.items[0];
  const soonTitle = `E2E concert ${stamp}`;
  const unownedTitle = `E2E food week ${stamp}`;
  for (const body of [
    {
      title: soonTitle,
      type: 'concert',
      status: 'planned',
      startDate: addDays(meetingDate, 5),
      ownerId: dinara.id,
    },
    { title: unownedTitle, type: 'promotion_event', status: 'approved', startDate: addDays(meetingDate, 60) },
  ]) {
    const res = await page.request.post('/api/initiatives', { data: { planId, ...body } });
    expect(res.status()).toBe(201);
  }

  // Create the meeting for the date; the first try without a date is refused by the browser.
  await page.getByRole('link', { name: 'Weekly meetings', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Weekly meetings' }).waitFor();
  await page.getByLabel('Date').fill(meetingDate);
  await page.getByLabel('Title').fill(`E2E meeting ${stamp}`);
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`E2E meeting ${stamp}`) }),
  ).toBeVisible();

  // The agenda.
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await expect(
    agenda.getByRole('region', { name: 'Starting in the next 14 days' }).getByText(soonTitle),
  ).toBeVisible();
  await expect(
    agenda.getByRole('region', { name: 'Initiatives without an owner' }).getByText(unownedTitle),
  ).toBeVisible();
  await expect(
    agenda.getByRole('region', { name: 'Starting in the next 14 days' }).getByText(unownedTitle),
  ).toHaveCount(0);

  // Record a status with a note.
  await page.getByRole('combobox', { name: `Status of ${soonTitle}` }).click();
  await page.getByRole('option', { name: 'At risk' }).click();
  await page.getByRole('textbox', { name: `Note on ${soonTitle}` }).fill('Soloist’s visa still pending');
  const row = page.getByRole('row', { name: new RegExp(soonTitle) });
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Status saved.')).toBeVisible();
  await expect(row.getByText('At risk', { exact: true }).last()).toBeVisible();

  // An action item with an owner and a due date; a bad date is refused at the field.
  const actions = page.getByRole('region', { name: 'Action items' });
  await actions.getByLabel('Action').fill('Call the consulate about the visa');
  await actions.getByRole('combobox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'Dinara Omarova' }).click();
  await actions.getByLabel('Due date').fill(addDays(meetingDate, 3));
  await actions.getByRole('button', { name: 'Add action item' }).click();
  await expect(
    actions.getByRole('cell', { name: 'Call the consulate about the visa', exact: true }),
  ).toBeVisible();
  await expect(actions.getByRole('cell', { name: 'Dinara Omarova', exact: true })).toBeVisible();
  await screenshot(page, '4b-meeting');

  // The printed page: no navigation, no forms.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await expect(actions.getByRole('button', { name: 'Add action item' })).toBeHidden();
  await screenshot(page, '4b-meeting-print');
  await page.emulateMedia({ media: 'screen' });

  // The PDF of agenda and minutes.
  const meetingId = new URL(page.url()).pathname.split('/')[2]!;
  const pdf = await page.request.get(`/api/meetings/${meetingId}/minutes.pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // Suggestions on the initiative without an owner: one click makes the best match its owner.
  await agenda.getByRole('link', { name: unownedTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: unownedTitle })).toBeVisible();
  const suggestions = page.getByRole('region', { name: 'Suggested owners and delegates' });
  const first = suggestions.getByRole('button', { name: /^Make owner: / }).first();
  const firstName = (await first.getAttribute('aria-label'))!.replace('Make owner: ', '');
  await first.click();
  await expect(page.getByText('Assignment saved.')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Assignment history' }).getByText(`${firstName}: assigned as owner`),
  ).toBeVisible();
  await screenshot(page, '4b-initiative-delegation');

  // Edit a person's competences and capacity: a negative capacity is refused at the field.
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await page.getByRole('link', { name: 'Maria Mudryak' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  const form = page.getByRole('region', { name: 'Competences, languages and capacity' });
  await form.getByRole('button', { name: 'Add a competence' }).click();
  await form.getByLabel('Competence').last().fill('Education');
  await form.getByLabel('Capacity').fill('-1');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('must not be negative')).toBeVisible();
  await screenshot(page, '4b-person-edit');
  await form.getByLabel('Capacity').fill('3');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
  await expect(page.getByText('3 at a time')).toBeVisible();
  await expect(page.getByText('education')).toBeVisible();

  // The competence matrix of the team.
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await page.getByText('Competence matrix').click();
  const matrix = page.getByRole('table', { name: 'Competence matrix' });
  await expect(matrix.getByRole('rowheader', { name: 'Mariya Datchenko' })).toBeVisible();
  await expect(matrix.getByRole('columnheader', { name: 'social media' })).toBeVisible();
  await screenshot(page, '4b-competence-matrix');

  // Lessons learned of the plan (demo).
  await page.getByRole('link', { name: 'Lessons learned', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lessons learned' })).toBeVisible();
  await expect(page.getByText('Choose for each event the format least exposed')).toBeVisible();
  await screenshot(page, '4b-lessons');
});

test('sentences the server composes (suggestion reasons, agenda titles) read in the chosen language', async ({
  page,
}) => {
  const stamp = Date.now();
  const meetingDate = `${2040 + (stamp % 50)}-03-09`;
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  const planId = new URL(page.url()).pathname.split('/')[2]!;
  const initiative = await (
    await page.request.post('/api/initiatives', {
      data: {
        planId,
        title: `E2E trade fair ${stamp}`,
        type: 'promotion_event',
        status: 'approved',
        startDate: addDays(meetingDate, 60),
      },
    })
  ).json();
  const proposalTitle = `E2E design week ${stamp}`;
  const proposal = await (
    await page.request.post('/api/proposals', { data: { planId, title: proposalTitle, type: 'exhibition' } })
  ).json();
  expect(proposal.status).toBe('submitted');
  const meeting = await (await page.request.post('/api/meetings', { data: { planId, meetingDate } })).json();

  const chooseLanguage = async (current: string, next: string) => {
    await page.getByRole('navigation').getByRole('combobox', { name: current }).click();
    await page.getByRole('option', { name: next }).click();
  };

  // The agenda's "decision pending" title, worded in Russian, then Kazakh.
  await page.goto(`/meetings/${meeting.id}`);
  await expect(page.getByText(`Proposal “${proposalTitle}” awaits a decision`)).toBeVisible();
  await chooseLanguage('Language', 'Русский');
  const pendingItem = page.getByRole('listitem').filter({ hasText: proposalTitle });
  await expect(pendingItem).toContainText(`Предложение «${proposalTitle}» ждёт решения`);
  await expect(pendingItem).toContainText('Подано, ещё не в раунде оценки');
  await screenshot(page, '4b-agenda-ru');
  await chooseLanguage('Язык', 'Қазақша');
  await expect(page.getByText(`«${proposalTitle}» ұсынысы шешім күтуде`)).toBeVisible();
  await screenshot(page, '4b-agenda-kk');

  // The suggestion reasons on the initiative's team tab: Kazakh, Russian, then Italian.
  await page.goto(`/initiatives/${initiative.id}?tab=team`);
  await expect(page.getByText(/-деңгей\) «Ілгерілету іс-шарасы» түріне сай/).first()).toBeVisible();
  await screenshot(page, '4b-suggestions-kk');
  await chooseLanguage('Тіл', 'Русский');
  await expect(page.getByText(/\(уровень \d\) подходит для типа/).first()).toBeVisible();
  await screenshot(page, '4b-suggestions-ru');
  await chooseLanguage('Язык', 'Italiano');
  await expect(page.getByText(/\(livello \d\) adatto al tipo «Evento promozionale»/).first()).toBeVisible();
  await expect(page.getByText(/fits/)).toHaveCount(0);
  await screenshot(page, '4b-suggestions-it');

  // Back to English for the next tests (the choice is remembered in this browser).
  await chooseLanguage('Lingua', 'English');
  await expect(page.getByText(/\(level \d\) fits the type “Promotion event”/).first()).toBeVisible();
  expect(
    (await page.request.delete(`/api/proposals/${proposal.id}?version=${proposal.version}`)).status(),
  ).toBe(200);
});
