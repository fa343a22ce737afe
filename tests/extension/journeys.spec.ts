/**
 * Journeys around the editors: knowing who will read the message (webmail-like compose page),
 * the options page (coachees, sponsors, consent taking effect), and the toolbar popup.
 */
import { drawnFindings, expect, framesPass, snap, test, underlines } from './support/fixtures';
import { addConsent, compose, hoverFirst, openOptions, setUpRoster } from './support/coach-data';

const ABOUT_SAM = 'Sam has been struggling with his divorce.';
const CONSENTED = 'Priya is working on giving clearer feedback to her team.';
const RISKY = 'She told me she has been anxious about the PIP.';

test('the To field decides the reader: a sponsor, or one coachee hearing about another', async ({ tab, server, extension }) => {
  await setUpRoster(tab, extension.id);

  await compose(tab, server.origin, 'dana@acme.com', `Our next session is on Tuesday at 10:00. ${ABOUT_SAM}`);
  await tab.locator('#subject').fill('Coaching update');
  await expect(underlines(tab, 'personal-life').first()).toBeVisible();
  await snap(tab, 'underline');
  await expect(await hoverFirst(tab)).toContainText('Goes to the sponsor: dana@acme.com is at a sponsor domain (acme.com)');
  await snap(tab, 'card');

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
  await snap(tab, 'options');
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
  await popup.setViewportSize({ width: 340, height: 180 });
  await snap(popup, 'popup');

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

test('a risky send asks once; Review keeps the message and opens the first high finding', async ({ tab, server, extension }) => {
  await setUpRoster(tab, extension.id);
  await compose(tab, server.origin, 'dana@acme.com', `Our next session is on Tuesday at 10:00. ${RISKY}`);
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  const before = server.submissions.length;
  await tab.getByRole('button', { name: 'Send', exact: true }).click();
  const confirmation = tab.locator('coach-guard-ui [data-cg-send-confirmation]');
  await expect(confirmation).toBeVisible();
  await expect(confirmation.getByRole('button', { name: 'Review' })).toBeFocused();
  await snap(tab, 'send-confirmation');

  await confirmation.getByRole('button', { name: 'Review' }).click();
  await expect(confirmation).toHaveCount(0);
  await expect(tab.locator('#field')).toBeFocused();
  await expect(tab.locator('coach-guard-ui [data-cg-card]')).toContainText('Health or wellbeing');
  expect(server.submissions.length).toBe(before);
  expect(await tab.locator('#field').inputValue()).toBe(`Our next session is on Tuesday at 10:00. ${RISKY}`);

  // Ctrl+Enter is a send too.
  await tab.keyboard.press('Control+Enter');
  await expect(confirmation).toBeVisible();
  await confirmation.getByRole('button', { name: 'Review' }).click();
  expect(server.submissions.length).toBe(before);
});

test('the keyboard reaches the card: caret in the finding, Alt+Shift+G, Escape back to the text', async ({ tab, server }) => {
  await compose(tab, server.origin, '', RISKY);
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  await tab.keyboard.press('Home');
  const card = tab.locator('coach-guard-ui [data-cg-card]');
  await expect(card).toBeVisible();
  await expect(tab.locator('coach-guard-ui [role="status"]')).toContainText('Press Alt+Shift+G to review');
  await tab.keyboard.press('Alt+Shift+G');
  await expect(card.getByRole('button', { name: 'Apply' })).toBeFocused();
  await tab.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(tab.locator('#field')).toBeFocused();
  expect(await tab.locator('#field').inputValue()).toBe(RISKY);
});

test('fields that appear later are picked up; fields that go are released; underlines follow scrolling', async ({ tab, server }) => {
  await tab.goto(`${server.origin}/pages/contenteditable.html`);
  await tab.evaluate(() => {
    const late = document.createElement('textarea');
    late.id = 'late';
    late.rows = 3;
    late.style.cssText = 'width: 400px; font: 16px/1.5 sans-serif;';
    document.body.append(late);
  });
  await tab.locator('#late').click();
  await tab.keyboard.type(`${'Line of logistics.\n'.repeat(6)}${RISKY}`);
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  const field = (await tab.locator('#late').boundingBox())!;
  const at = async () => (await underlines(tab, 'wellbeing').first().boundingBox())!.y;
  const y = await at();
  expect(y).toBeGreaterThan(field.y);
  expect(y).toBeLessThan(field.y + field.height);
  const scrolled = await tab.locator('#late').evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(20);
  // Scrolled out of the textarea's view: no underline floats over the page.
  await tab.locator('#late').evaluate((el) => (el.scrollTop = 0));
  await expect(underlines(tab, 'wellbeing')).toHaveCount(0);
  // Half-way back: the underline moves with the text, by exactly the scroll.
  await tab.locator('#late').evaluate((el, top) => (el.scrollTop = top), scrolled - 10);
  await expect.poll(at).toBeCloseTo(y + 10, 0);

  await tab.locator('#late').evaluate((el) => el.remove());
  await expect(underlines(tab)).toHaveCount(0);
});

