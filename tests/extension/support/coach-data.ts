/** Filling in the options page the way a coach would. */
import type { Locator, Page } from '@playwright/test';
import { expect, framesPass, underlines } from './fixtures';

export async function openOptions(page: Page, extensionId: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Coach Guard — your data' }).waitFor();
}

function section(page: Page, name: string) {
  return page.getByRole('region', { name });
}

export async function addCoachee(page: Page, c: { name: string; email?: string; organisation?: string }): Promise<void> {
  const s = section(page, 'Coachees');
  await s.getByLabel('Name').fill(c.name);
  if (c.email) await s.getByLabel('Email').fill(c.email);
  if (c.organisation) await s.getByLabel('Organisation').fill(c.organisation);
  await s.getByRole('button', { name: 'Add coachee' }).click();
  await s.locator(`[data-cg-coachee="${c.name}"]`).waitFor();
}

export async function addSponsor(page: Page, s: { name: string; domains: string }): Promise<void> {
  const sec = section(page, 'Sponsors');
  await sec.getByLabel('Name').fill(s.name);
  await sec.getByLabel('Email domains').fill(s.domains);
  await sec.getByRole('button', { name: 'Add sponsor' }).click();
  await sec.locator(`[data-cg-sponsor="${s.name}"]`).waitFor();
}

export async function addConsent(page: Page, c: { coachee: string; wording: string }): Promise<void> {
  const sec = section(page, 'Consent records');
  await sec.getByLabel('Coachee').selectOption(c.coachee);
  await sec.getByLabel('Approved wording').fill(c.wording);
  await sec.getByRole('button', { name: 'Add consent' }).click();
  await sec.locator(`[data-cg-consent="${c.coachee}"]`).waitFor();
}

/** The roster most journeys use: one sponsor (acme.com) and two coachees. */
export async function setUpRoster(page: Page, extensionId: string): Promise<void> {
  await openOptions(page, extensionId);
  await addSponsor(page, { name: 'Dana Hill', domains: 'acme.com' });
  await addCoachee(page, { name: 'Priya Shah', email: 'priya@example.org', organisation: 'Acme' });
  await addCoachee(page, { name: 'Sam Okafor', email: 'sam@example.org', organisation: 'Acme' });
}

/** The webmail-like compose page, addressed and typed into. */
export async function compose(page: Page, origin: string, to: string, body: string): Promise<void> {
  await page.goto(`${origin}/pages/compose.html`);
  await page.locator('#to').fill(to);
  await page.locator('#field').click();
  await page.keyboard.type(body);
}

/** Points at the first underline and returns the card it opens. */
export async function hoverFirst(page: Page): Promise<Locator> {
  // Let the last keystroke's analysis land first: typing closes an open card.
  await framesPass(page);
  const box = (await underlines(page).first().boundingBox())!;
  await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2 - 4);
  const card = page.locator('coach-guard-ui [data-cg-card]');
  await expect(card).toBeVisible();
  return card;
}
