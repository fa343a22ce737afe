/**
 * The key commands as flows over the `Ui` port and core's KeyStore. No crypto here: generating,
 * reading, importing and describing keys are core's.
 */
import {
  describeKey,
  formatFingerprint,
  generateKeyPair,
  importKey,
  isSealError,
  readPrivateKey,
  readPublicKey,
  unlockPrivateKey,
  type KeyInfo,
  type KeyStore,
  type PrivateKey,
  type StoredKey,
} from '@coach-guard/core';
import type { PassphraseCache } from './passphrase-cache';
import type { PickItem, Ui } from './ui';

export interface KeyDeps {
  ui: Ui;
  keys: KeyStore;
  passphrases: PassphraseCache;
}

export interface DescribedKey {
  stored: StoredKey;
  info: KeyInfo;
}

export async function describeStoredKeys(keys: KeyStore): Promise<DescribedKey[]> {
  const stored = await keys.list();
  return Promise.all(stored.map(async (s) => ({ stored: s, info: await describeKey(await readPublicKey(s.publicKey)) })));
}

function keyItem(key: DescribedKey): PickItem<DescribedKey> {
  const state = key.info.revoked ? ' · revoked' : key.info.expired ? ' · expired' : '';
  return {
    label: key.info.primaryUserId,
    description: (key.stored.privateKey ? 'my key' : 'public key') + state,
    detail: formatFingerprint(key.info.fingerprint),
    value: key,
  };
}

const MIN_PASSPHRASE = 8;

export async function generateKeyFlow({ ui, keys }: KeyDeps): Promise<KeyInfo | undefined> {
  const name = await ui.input({ title: 'Generate My Key', prompt: 'Your name, as your supervisor or coach knows you', validate: (v) => (v.trim() ? undefined : 'A name is needed') });
  if (name === undefined) return undefined;
  const email = await ui.input({
    title: 'Generate My Key',
    prompt: 'Your email address',
    validate: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? undefined : 'An email address like alex@example.org'),
  });
  if (email === undefined) return undefined;
  const passphrase = await ui.input({
    title: 'Generate My Key',
    prompt: `A passphrase that protects your private key (at least ${MIN_PASSPHRASE} characters)`,
    password: true,
    validate: (v) => (v.length >= MIN_PASSPHRASE ? undefined : `At least ${MIN_PASSPHRASE} characters`),
  });
  if (passphrase === undefined) return undefined;
  const again = await ui.input({
    title: 'Generate My Key',
    prompt: 'The same passphrase again',
    password: true,
    validate: (v) => (v === passphrase ? undefined : 'The passphrases differ'),
  });
  if (again !== passphrase) return undefined;
  const pair = await generateKeyPair({ name: name.trim(), email: email.trim(), passphrase });
  const info = await importKey(keys, pair.privateKey);
  ui.info(`Coach Guard: your key is ready. Fingerprint ${formatFingerprint(info.fingerprint)} — read it aloud to the people you exchange cases with.`);
  return info;
}

/** Imports an armored public key (or a passphrase-protected private key of one's own). */
export async function importKeyFlow({ ui, keys }: KeyDeps, armored: string | Uint8Array): Promise<KeyInfo | undefined> {
  try {
    const info = await importKey(keys, armored);
    const whose = info.isPrivate ? 'your private key' : 'public key';
    ui.info(`Coach Guard: imported ${whose} ${info.primaryUserId} — fingerprint ${formatFingerprint(info.fingerprint)}. Compare it with its owner before trusting it.`);
    return info;
  } catch (error) {
    ui.error(`Coach Guard could not import this key: ${messageOf(error)}`);
    return undefined;
  }
}

/** Asks which of my keys to export; returns its armored public key. */
export async function exportPublicKeyFlow(deps: KeyDeps): Promise<{ info: KeyInfo; armored: string } | undefined> {
  const mine = await chooseMyKey(deps, 'Which of your keys should be exported?');
  if (!mine) return undefined;
  return { info: mine.info, armored: mine.stored.publicKey };
}

export async function listKeysFlow({ ui, keys }: KeyDeps): Promise<DescribedKey | undefined> {
  const all = await describeStoredKeys(keys);
  if (all.length === 0) {
    ui.info('Coach Guard: no keys yet. Run "Coach Guard: Generate My Key", then import your supervisor’s or coach’s public key.');
    return undefined;
  }
  const mineFirst = [...all].sort((a, b) => Number(!!b.stored.privateKey) - Number(!!a.stored.privateKey));
  return ui.pick(mineFirst.map(keyItem), { title: 'Coach Guard keys', placeHolder: 'Your keys and the public keys you trust, with fingerprints' });
}

/** One of my own keys (with a private part): picked when there are several. */
export async function chooseMyKey({ ui, keys }: KeyDeps, placeHolder: string): Promise<DescribedKey | undefined> {
  const mine = (await describeStoredKeys(keys)).filter((k) => k.stored.privateKey);
  if (mine.length === 0) {
    ui.error('Coach Guard: you have no key of your own yet. Run "Coach Guard: Generate My Key" (or import your private key) first.');
    return undefined;
  }
  if (mine.length === 1) return mine[0];
  return ui.pick(mine.map(keyItem), { placeHolder });
}

/** Someone else's public key that can be encrypted to. */
export async function chooseRecipientKey({ ui, keys }: KeyDeps, placeHolder: string): Promise<DescribedKey | undefined> {
  const others = (await describeStoredKeys(keys)).filter((k) => !k.stored.privateKey && k.info.canEncrypt);
  if (others.length === 0) {
    ui.error('Coach Guard: no public key to seal to. Import the other person’s public key with "Coach Guard: Import Public Key".');
    return undefined;
  }
  return ui.pick(others.map(keyItem), { placeHolder });
}

/**
 * Unlocks one of my keys: the cached passphrase if there is one, else a password box, asked again
 * after a wrong passphrase (up to three times). The passphrase is only ever in memory.
 */
export async function unlockMyKey({ ui, passphrases }: KeyDeps, key: DescribedKey): Promise<PrivateKey | undefined> {
  const armored = key.stored.privateKey;
  if (!armored) return undefined;
  const fingerprint = key.stored.fingerprint;
  const cached = passphrases.get(fingerprint);
  if (cached !== undefined) {
    try {
      return await unlockPrivateKey(armored, cached);
    } catch {
      passphrases.forget(fingerprint);
    }
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const passphrase = await ui.input({
      title: 'Coach Guard',
      prompt: `${attempt ? 'Wrong passphrase. ' : ''}Passphrase for your key ${key.info.primaryUserId}`,
      password: true,
    });
    if (passphrase === undefined) return undefined;
    try {
      const unlocked = await unlockPrivateKey(armored, passphrase);
      passphrases.remember(fingerprint, passphrase);
      return unlocked;
    } catch (error) {
      if (!isSealError(error, 'wrong-passphrase')) throw error;
    }
  }
  ui.error('Coach Guard: wrong passphrase three times; nothing was done.');
  return undefined;
}

/** Which of my private keys can open a file encrypted to these key ids (subkeys included). */
export async function myKeysFor(keys: KeyStore, keyIds: readonly string[]): Promise<DescribedKey[]> {
  const wanted = new Set(keyIds.map((id) => id.toUpperCase()));
  const mine = (await describeStoredKeys(keys)).filter((k) => k.stored.privateKey);
  const matches: DescribedKey[] = [];
  for (const key of mine) {
    const privateKey = await readPrivateKey(key.stored.privateKey!);
    if (privateKey.getKeyIDs().some((id) => wanted.has(id.toHex().toUpperCase()))) matches.push(key);
  }
  return matches;
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0]!;
  return String(error);
}
