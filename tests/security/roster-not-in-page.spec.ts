/**
 * Threat: the host page's own scripts (an HR portal, webmail, their analytics) read the coach's
 * roster or consent records. The extension holds them in its own IndexedDB and the content
 * script's isolated world; the page may see only what a finding shows. With a full roster and a
 * consent record in place and a risky message that names nobody, everything a page script can
 * read — the DOM, every open shadow root, attributes, messages posted to the window — must hold
 * no client's name, email or approved wording.
 */
import { addCoachee, addConsent, addSponsor, openOptions } from '../extension/support/coach-data';
import { expect, framesPass, test, underlines } from '../extension/support/fixtures';

const SECRETS = ['Priya', 'Shah', 'Okafor', 'priya@example.org', 'sam@example.org', 'Dana Hill', 'clearer feedback'];

test('the page never sees roster or consent data, even with a card open', async ({ tab, server, extension }) => {
  await openOptions(tab, extension.id);
  await addSponsor(tab, { name: 'Dana Hill', domains: 'acme.com' });
  await addCoachee(tab, { name: 'Priya Shah', email: 'priya@example.org', organisation: 'Acme' });
  await addCoachee(tab, { name: 'Sam Okafor', email: 'sam@example.org', organisation: 'Acme' });
  await addConsent(tab, { coachee: 'Priya Shah', wording: 'Priya is working on giving clearer feedback to her team.' });

  // Everything the page posts to itself or receives, as its own scripts would see it.
  await tab.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cgPageSaw: string[] }).cgPageSaw = seen;
    window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
  });
  await tab.goto(`${server.origin}/pages/compose.html`);
  await tab.locator('#to').fill('dana@acme.com');
  await tab.locator('#field').click();
  await tab.keyboard.type('Our next session is on Tuesday at 10:00. She told me she has been anxious about the PIP.');
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  await framesPass(tab);
  const box = (await underlines(tab).first().boundingBox())!;
  await tab.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2 - 4);
  await expect(tab.locator('coach-guard-ui [data-cg-card]')).toBeVisible();

  // Run in the page's own world: what any script on the page could collect.
  const visible = await tab.evaluate(() => {
    const parts: string[] = [document.documentElement.outerHTML];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        for (const a of el.getAttributeNames()) parts.push(el.getAttribute(a) ?? '');
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    for (const f of document.querySelectorAll('input, textarea')) parts.push((f as HTMLInputElement).value);
    parts.push(...(window as unknown as { cgPageSaw: string[] }).cgPageSaw);
    return parts.join('\n');
  });
  // The card is there and says what the finding needs — this is not an empty page.
  expect(visible).toContain('dana@acme.com');
  expect(visible).toMatch(/anxious about the PIP/);
  for (const secret of SECRETS) expect(visible, `the page can read "${secret}"`).not.toContain(secret);
});
