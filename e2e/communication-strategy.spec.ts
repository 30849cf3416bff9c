import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { screenshot } from './support.ts';

test('communication: edit a channel handle, draft an Italian press release, approve it, download the DOCX', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Together towards 2050 (TT2050)' }).waitFor();
  await page.getByRole('link', { name: 'Strategy and press', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Communication strategy' })).toBeVisible();

  // The demo strategy: its testimonial, its sessions, its channels.
  await expect(
    page.getByText('Listening sessions with journalists, bloggers and influencers (December 2021)'),
  ).toBeVisible();
  const instagram = page.getByLabel('Handle on Instagram');
  await expect(instagram).toHaveValue('@italyinkz');
  await screenshot(page, 'comms-1-strategy');

  // Edit the Instagram handle and save; it is still there after a reload.
  const handle = `@italy.kz.${Date.now() % 10000}`;
  await instagram.fill(handle);
  await page.getByRole('button', { name: 'Save the strategy' }).click();
  await expect(page.getByText('Strategy saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Handle on Instagram')).toHaveValue(handle);

  // Edit a session's suggestions; a conflict-free save shows the new text. Then record and archive one.
  const january = 'The plan presented to the media (January 2022)';
  await page.getByRole('button', { name: `Edit the session “${january}”` }).click();
  const editing = page.getByRole('form', { name: 'Edit the session' });
  await editing.getByLabel('What they suggested').fill('A note for every initiative, the day before.');
  await editing.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('article', { name: january })).toContainText(
    'A note for every initiative, the day before.',
  );
  const record = page.getByRole('form', { name: 'Record a session' });
  await record.getByLabel('Held on').fill('2022-02-10');
  await record.getByRole('textbox', { name: 'Title' }).fill('Breakfast with bloggers, to be archived');
  await record.getByRole('button', { name: 'Record the session' }).click();
  const breakfast = page.getByRole('article', { name: 'Breakfast with bloggers, to be archived' });
  await expect(breakfast).toBeVisible();
  await breakfast.getByRole('button', { name: /^Edit the session/ }).click();
  await page
    .getByRole('form', { name: 'Edit the session' })
    .getByRole('button', { name: 'Archive the session' })
    .click();
  await expect(page.getByRole('alert').filter({ hasText: 'nothing is deleted' })).toBeVisible();
  await page
    .getByRole('alert')
    .filter({ hasText: 'nothing is deleted' })
    .getByRole('button', { name: 'Archive the session' })
    .click();
  await expect(page.getByRole('article', { name: 'Breakfast with bloggers, to be archived' })).toHaveCount(0);

  // Upload the plan's logo: it shows at once.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles({ name: 'tt2050.png', mimeType: 'image/png', buffer: png });
  await expect(page.getByRole('img', { name: "The plan's logo" })).toBeVisible();

  // A bad address is refused with the field named.
  await page.getByLabel('Address of Website').fill('ambastana');
  await page.getByRole('button', { name: 'Save the strategy' }).click();
  await expect(
    page.getByRole('alert').getByText('channels.0.url: must be a web address such as https://example.org'),
  ).toBeVisible();
  await page.reload();

  // Draft a press release in Italian for a demo initiative.
  const releases = page.getByRole('region', { name: 'Press releases' });
  await releases.getByRole('combobox', { name: 'Initiative' }).click();
  await page.getByRole('option', { name: 'Marzadori violin masterclass at the University of Arts' }).click();
  await expect(releases.getByRole('combobox', { name: 'Language' })).toHaveValue('Italiano');
  await releases.getByRole('button', { name: 'Draft a press release' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Marzadori violin masterclass at the University of Arts' }),
  ).toBeVisible();
  const body = page.getByLabel('Text');
  await expect(body).toContainText('Quando: maggio 2022');
  await expect(body).toContainText('Kazakh National University of Arts');

  // Edit the text, save, approve.
  await body.fill(`${await body.inputValue()}\n\nUfficio stampa dell'Ambasciata.`);
  await expect(page.getByText('Save your changes first.')).toBeVisible();
  await page.getByRole('button', { name: 'Save the draft' }).click();
  await expect(page.getByRole('button', { name: 'Approve' })).toBeEnabled();
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Approved', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as sent' })).toBeVisible();
  await expect(page.getByLabel('Text')).toHaveAttribute('readonly', '');
  await screenshot(page, 'comms-2-press-release');

  // Download the DOCX and read it back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download DOCX' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-it\.docx$/);
  const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
  const text = (await zip.file('word/document.xml')!.async('string'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&apos;/g, "'");
  expect(text).toContain('Marzadori violin masterclass at the University of Arts');
  expect(text).toContain('Comunicato stampa'.toUpperCase());
  expect(text).toContain("Ufficio stampa dell'Ambasciata.");
  expect(text).not.toContain('Partner: Embassy of Italy in Astana');

  // The media contacts and the demo's list.
  await page.getByRole('link', { name: 'Media contacts', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Media contacts' })).toBeVisible();
  await expect(page.getByText('Aigerim Nurova')).toBeVisible();
  await page.getByRole('combobox', { name: 'List' }).click();
  await page.getByRole('option', { name: 'Astana lifestyle bloggers (2)' }).click();
  await expect(page.getByText('Aruzhan Bekova')).toBeHidden();
  await screenshot(page, 'comms-3-media-contacts');

  // Edit a contact: a channel without a handle is refused at its field; then archive the contact.
  await page.getByRole('link', { name: 'Media contacts', exact: true }).click();
  await page.getByRole('button', { name: 'Edit Timur Sadykov' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit the media contact' });
  const channels = dialog.getByRole('textbox', { name: 'Channels' });
  await expect(channels).toHaveValue('instagram:@timur.style\nyoutube:@timurstyle');
  await channels.fill('instagram:@timur.style\ntelegram');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('needs a handle or an address')).toBeVisible();
  await channels.fill('instagram:@timur.style\ntelegram:@timur_style');
  await dialog.getByLabel('Audience').fill('125000');
  await screenshot(page, 'comms-4-edit-contact', { isViewport: true });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Timur Sadykov/ });
  await expect(row).toContainText('@timur_style');
  await expect(row).not.toContainText('@timurstyle');
  await expect(row).toContainText('125K');

  await row.getByRole('button', { name: 'Edit Timur Sadykov' }).click();
  await dialog.getByRole('button', { name: 'Archive the contact' }).click();
  await expect(dialog.getByRole('alert')).toContainText('nothing is deleted');
  await dialog.getByRole('alert').getByRole('button', { name: 'Archive the contact' }).click();
  await expect(page.getByText('Contact archived.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Timur Sadykov/ })).toHaveCount(0);
});
