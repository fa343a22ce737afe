/**
 * Journeys around the editors: knowing who will read the message (webmail-like compose page),
 * the options page (coachees, sponsors, consent taking effect), and the toolbar popup.
 */
import type { Page } from '@playwright/test';
import { drawnFindings, expect, framesPass, test, underlines } from './support/fixtures';
import { addCoachee, addConsent, addSponsor, openOptions } from './support/coach-data';

const ABOUT_SAM = 'Sam has been struggling with his divorce.';
const CONSENTED = 'Priya is working on giving clearer feedback to her team.';
const RISKY = 'She told me she has been anxious about the PIP.';

async function setUpRoster(page: Page, extensionId: string) {
  await openOptions(page, extensionId);
  await addSponsor(page, { name: 'Dana Hill', domains: 'acme.com' });
  await addCoachee(page, { name: 'Priya Shah', email: 'priya@example.org', organisation: 'Acme' });
  await addCoachee(page, { name: 'Sam Okafor', email: 'sam@example.org', organisation: 'Acme' });
}

async function compose(page: Page, origin: string, to: string, body: string) {
  await page.goto(`${origin}/pages/compose.html`);
  await page.locator('#to').fill(to);
  await page.locator('#field').click();
  await page.keyboard.type(body);
}

async function hoverFirst(page: Page) {
  const box = (await underlines(page).first().boundingBox())!;
  await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2 - 4);
  const card = page.locator('coach-guard-ui [data-cg-card]');
  await expect(card).toBeVisible();
  return card;
}

test('the To field decides the reader: a sponsor, or one coachee hearing about another', async ({ tab, server, extension }) => {
  await setUpRoster(tab, extension.id);

  await compose(tab, server.origin, 'dana@acme.com', ABOUT_SAM);
  await expect(underlines(tab, 'personal-life').first()).toBeVisible();
  await expect(await hoverFirst(tab)).toContainText('Goes to the sponsor: dana@acme.com is at a sponsor domain (acme.com)');

  await compose(tab, server.origin, 'priya@example.org', ABOUT_SAM);
  await expect(underlines(tab, 'third-party').first()).toBeVisible();
  await expect(underlines(tab, 'personal-life')).toHaveCount(0);
  await expect(await hoverFirst(tab)).toContainText('Goes to your coachee: priya@example.org is your coachee Priya Shah');
});

test('an unknown reader still gets every warning, and the card says the reader is unknown', async ({ tab, server }) => {
  await compose(tab, server.origin, 'someone@elsewhere.example', RISKY);
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  await expect(await hoverFirst(tab)).toContainText('Recipient unknown');
});

test('a consent record added on the options page stops its wording being flagged', async ({ tab, server, extension }) => {
  await setUpRoster(tab, extension.id);
  await compose(tab, server.origin, 'dana@acme.com', `${CONSENTED} ${RISKY}`);
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  await expect.poll(async () => (await drawnFindings(tab)).length).toBe(2);

  await openOptions(tab, extension.id);
  await addConsent(tab, { coachee: 'Priya Shah', wording: CONSENTED });
  await compose(tab, server.origin, 'dana@acme.com', `${CONSENTED} ${RISKY}`);
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  expect((await drawnFindings(tab)).map((f) => f.category)).toEqual(['wellbeing']);
});

test('Ignore and It’s consented on a card silence that wording from then on', async ({ tab, server }) => {
  await compose(tab, server.origin, '', RISKY);
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  await (await hoverFirst(tab)).getByRole('button', { name: 'Ignore' }).click();
  await expect(underlines(tab)).toHaveCount(0);
  // A new page reads the stored ignore list: the same words stay quiet.
  await compose(tab, server.origin, '', `${RISKY} Sam told me he is anxious about the restructure.`);
  await expect.poll(() => drawnFindings(tab)).toHaveLength(1);

  await (await hoverFirst(tab)).getByRole('button', { name: "It's consented" }).click();
  await expect(underlines(tab)).toHaveCount(0);
  await compose(tab, server.origin, '', 'Sam told me he is anxious about the restructure.');
  await framesPass(tab);
  await tab.keyboard.type(` ${RISKY.replace('PIP', 'move')}`);
  await expect.poll(() => drawnFindings(tab)).toHaveLength(1);
  const [flagged] = await drawnFindings(tab);
  expect(flagged!.category).toBe('wellbeing');
  expect(Number(flagged!.id.split('-')[0])).toBeGreaterThan(10);
});

test('the popup shows the site, the findings in the field, and switches the site off and on', async ({ tab, server, extension }) => {
  await compose(tab, server.origin, '', RISKY);
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  await tab.bringToFront();
  const tabId = await extension.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
    return (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!;
  });

  const popup = await extension.context.newPage();
  await popup.goto(`chrome-extension://${extension.id}/popup.html?tabId=${tabId}`);
  await expect(popup.locator('[data-cg-site-state="on"]')).toContainText('127.0.0.1');
  await expect(popup.locator('[data-cg-findings]')).toHaveText('1 finding in the field you are in.');

  await popup.getByLabel('Warn me on this site').uncheck();
  await expect(popup.locator('[data-cg-site-state="off"]')).toBeVisible();
  await expect(underlines(tab)).toHaveCount(0);

  await popup.getByLabel('Warn me on this site').check();
  await expect(popup.locator('[data-cg-site-state="on"]')).toBeVisible();
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  await popup.close();
});

test('the coach’s data exports to a file and imports back', async ({ tab, extension }) => {
  await setUpRoster(tab, extension.id);
  await addConsent(tab, { coachee: 'Sam Okafor', wording: 'Sam has agreed three goals.' });
  const download = tab.waitForEvent('download');
  await tab.getByRole('button', { name: 'Export to a file' }).click();
  const path = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const file = JSON.parse(await readFile(path, 'utf8'));
  expect(file.format).toBe('coach-guard-extension-data');
  expect(file.coachees.map((c: { name: string }) => c.name).sort()).toEqual(['Priya Shah', 'Sam Okafor']);

  await tab.getByRole('button', { name: 'Remove Priya Shah' }).click();
  await expect(tab.locator('[data-cg-coachee="Priya Shah"]')).toHaveCount(0);
  await tab.getByLabel('Import (replaces everything)').setInputFiles(path);
  await expect(tab.locator('[data-cg-coachee="Priya Shah"]')).toBeVisible();
  await expect(tab.locator('[data-cg-consent="Sam Okafor"]')).toContainText('Sam has agreed three goals.');
});
