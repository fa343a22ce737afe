/**
 * Recipient detection in webmail composers shaped like Gmail, Outlook on the web and Roundcube:
 * the address in the To field, matched to the roster, decides the reader the card names, and
 * each composer's own Send control is recognised.
 */
import { expect, framesPass, test, underlines } from './support/fixtures';
import { addSponsor, openOptions } from './support/coach-data';

const RISKY = 'She told me she has been anxious about the PIP.';

for (const page of ['webmail-gmail', 'webmail-outlook', 'webmail-roundcube']) {
  test(`${page}: the To field makes the sponsor the reader, and Send is recognised`, async ({ tab, server, extension }) => {
    await openOptions(tab, extension.id);
    await addSponsor(tab, { name: 'Dana Hill', domains: 'acme.com' });
    await tab.goto(`${server.origin}/pages/${page}.html`);
    await tab.locator('#field').click();
    await tab.keyboard.type(RISKY);
    await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
    await framesPass(tab);
    const box = (await underlines(tab).first().boundingBox())!;
    await tab.mouse.move(box.x + 30, box.y + box.height / 2 - 4);
    await expect(tab.locator('coach-guard-ui [data-cg-card]')).toContainText('Goes to the sponsor: dana@acme.com is at a sponsor domain (acme.com)');

    // The coach moves away from the card; it closes rather than covering the page.
    await tab.mouse.move(5, 5);
    await expect(tab.locator('coach-guard-ui [data-cg-card]')).toHaveCount(0);
    await tab.getByText('Send', { exact: true }).click();
    await expect(tab.locator('coach-guard-ui [data-cg-send-confirmation]')).toBeVisible();
  });
}
