/** Filling in the options page the way a coach would. */
import type { Page } from '@playwright/test';

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
