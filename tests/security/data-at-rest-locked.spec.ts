/**
 * Threat: someone with the coach's unlocked laptop (or a backup of the browser profile) reads the
 * roster, consent records and ignore list from IndexedDB. With a passphrase set, those stores are
 * empty and the vault holds only AES-GCM ciphertext; locked, warnings go on without names; a wrong
 * passphrase opens nothing. (The idle auto-lock is tested with a fake clock in
 * tests/extension/vault.test.ts.)
 */
import { addConsent, compose, hoverFirst, openOptions, setUpRoster } from '../extension/support/coach-data';
import { expect, test, underlines } from '../extension/support/fixtures';

const RISKY = 'She told me she has been anxious about the PIP.';

test('a passphrase locks the coach’s data at rest; locked, warnings go on without names', async ({ tab, server, extension }) => {
  await setUpRoster(tab, extension.id);
  await addConsent(tab, { coachee: 'Priya Shah', wording: 'Priya is working on giving clearer feedback to her team.' });
  const lock = tab.getByRole('region', { name: 'Passphrase lock' });
  await lock.getByLabel('Passphrase').fill('correct horse battery staple');
  await lock.getByLabel('Again').fill('correct horse battery staple');
  await lock.getByRole('button', { name: 'Lock with this passphrase' }).click();
  await expect(tab.locator('[data-cg-vault="unlocked"]')).toBeVisible();

  // What IndexedDB holds now: no plaintext coachees or sponsors, and a vault with no names in it.
  const stored = await extension.worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const r = indexedDB.open('coach-guard');
      r.onsuccess = () => done(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = (store: string) => new Promise<unknown[]>((done) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => done(r.result);
    });
    const [coachees, sponsors, consent, ignored, vault] = await Promise.all([all('coachees'), all('sponsors'), all('consent'), all('ignored'), all('vault')]);
    db.close();
    const v = vault[0] as { ciphertext: ArrayBuffer } | undefined;
    return { coachees: coachees.length, sponsors: sponsors.length, consent: consent.length, ignored: ignored.length, vaultBytes: v ? [...new Uint8Array(v.ciphertext)].map((b) => String.fromCharCode(b)).join('') : null };
  });
  expect(stored.coachees).toBe(0);
  expect(stored.sponsors).toBe(0);
  expect(stored.consent).toBe(0);
  expect(stored.ignored).toBe(0);
  expect(stored.vaultBytes).not.toBeNull();
  expect(stored.vaultBytes).not.toContain('Priya');
  expect(stored.vaultBytes).not.toContain('acme.com');
  expect(stored.vaultBytes).not.toContain('clearer feedback');

  await lock.getByRole('button', { name: 'Lock now' }).click();
  await expect(tab.locator('[data-cg-vault="locked"]')).toBeVisible();
  await expect(tab.locator('[data-cg-coachee]')).toHaveCount(0);

  await compose(tab, server.origin, 'dana@acme.com', RISKY);
  await expect(underlines(tab, 'wellbeing').first()).toBeVisible();
  await expect(await hoverFirst(tab)).toContainText('Recipient unknown');

  await openOptions(tab, extension.id);
  await lock.getByLabel('Passphrase').fill('not the passphrase');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(tab.getByRole('status').first()).toContainText('wrong passphrase');
  await lock.getByLabel('Passphrase').fill('correct horse battery staple');
  await lock.getByRole('button', { name: 'Unlock' }).click();
  await expect(tab.locator('[data-cg-vault="unlocked"]')).toBeVisible();
  await expect(tab.locator('[data-cg-coachee="Priya Shah"]')).toBeVisible();

  await compose(tab, server.origin, 'dana@acme.com', RISKY);
  await expect(await hoverFirst(tab)).toContainText('Goes to the sponsor');
});
