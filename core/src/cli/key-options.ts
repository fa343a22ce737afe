/**
 * What `keys`, `seal`, `reply` and `open` share: the key directory, passphrases (a file or a
 * no-echo prompt, never an argument), and turning a KEY argument into a key.
 *
 * A KEY argument is a path to a key file when such a file exists, otherwise a fingerprint (spaces
 * allowed), a 16-digit key id or an email address looked up in the key directory.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  findKey,
  isSealError,
  readPrivateKey,
  readPublicKey,
  unlockPrivateKey,
  type KeyStore,
  type PrivateKey,
  type PublicKey,
  type StoredKey,
} from '../index';
import { createFileKeyStore, keyringDir } from './file-key-store';
import { CliError, type Io } from './io';
import { readBytes } from './read-input';

export function openKeyring(option: string | undefined, io: Io): { dir: string; store: KeyStore } {
  const dir = keyringDir(option, io);
  return { dir, store: createFileKeyStore(dir) };
}

/** Runs `work`, turning a SealError into a one-line CliError (exit 2) carrying its message. */
export async function refusalsAsCliErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isSealError(error)) throw new CliError(error.message);
    throw error;
  }
}

/** The passphrase from `--passphrase-file` (its first line), else asked for without echo. */
export async function readPassphrase(file: string | undefined, io: Io, question: string, options: { confirm?: boolean } = {}): Promise<string> {
  if (file !== undefined) {
    const text = new TextDecoder().decode(await readBytes(file, io));
    const passphrase = text.split(/\r?\n/)[0] ?? '';
    if (passphrase === '') throw new CliError(`${file}: the passphrase file is empty`);
    return passphrase;
  }
  if (!io.promptSecret) throw new CliError('no passphrase: give --passphrase-file FILE, or run in a terminal to be asked');
  const passphrase = await io.promptSecret(question);
  if (passphrase === '') throw new CliError('an empty passphrase is not allowed');
  if (options.confirm && (await io.promptSecret('Repeat the passphrase: ')) !== passphrase) throw new CliError('the two passphrases differ; nothing was changed');
  return passphrase;
}

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Someone's public key: a key file, or a key in the key directory. */
export async function resolvePublicKey(arg: string, store: KeyStore, io: Io): Promise<PublicKey> {
  const path = resolve(io.cwd, arg);
  if (isFile(path)) return refusalsAsCliErrors(async () => readPublicKey(await readBytes(arg, io)).catch(prefix(arg)));
  return refusalsAsCliErrors(async () => readPublicKey((await findKey(store, arg)).publicKey));
}

/**
 * One of your private keys, still locked: the one named, or — when none is named — the only one in
 * the key directory, or the only one among `preferKeyIds` (the keys a case is sealed to).
 */
export async function resolvePrivateKey(arg: string | undefined, store: KeyStore, io: Io, preferKeyIds: string[] = []): Promise<PrivateKey> {
  if (arg !== undefined) {
    const path = resolve(io.cwd, arg);
    if (isFile(path)) return refusalsAsCliErrors(async () => readPrivateKey(await readBytes(arg, io)).catch(prefix(arg)));
    return refusalsAsCliErrors(async () => readPrivateKey((await findKey(store, arg, { needPrivate: true })).privateKey!));
  }
  const own = (await store.list()).filter((k): k is StoredKey & { privateKey: string } => k.privateKey !== undefined);
  if (own.length === 0) throw new CliError('no private key in the key directory: generate one with "coach-guard keys generate" or name one with --key/--sign-with');
  let candidates = own;
  if (preferKeyIds.length > 0) {
    const matching = [];
    for (const k of own) {
      const key = await readPublicKey(k.publicKey);
      const ids = [key, ...key.getSubkeys()].map((part) => part.getKeyID().toHex().toUpperCase());
      if (ids.some((id) => preferKeyIds.includes(id))) matching.push(k);
    }
    if (matching.length === 0) throw new CliError(`none of your private keys can open this: it is sealed for ${preferKeyIds.join(', ')}`);
    candidates = matching;
  }
  if (candidates.length > 1) throw new CliError(`${candidates.length} private keys could be meant; choose one by fingerprint or email`);
  return refusalsAsCliErrors(() => readPrivateKey(candidates[0]!.privateKey));
}

/** Unlocks a private key with a passphrase from a file or the prompt. */
export async function unlockWithPassphrase(key: PrivateKey, passphraseFile: string | undefined, io: Io): Promise<PrivateKey> {
  if (key.isDecrypted()) {
    throw new CliError(`the private key ${key.getFingerprint().toUpperCase()} is not passphrase-protected; protect it (gpg --passwd) before using it`);
  }
  const userId = key.getUserIDs()[0] ?? key.getFingerprint().toUpperCase();
  const passphrase = await readPassphrase(passphraseFile, io, `Passphrase for ${userId}: `);
  return refusalsAsCliErrors(() => unlockPrivateKey(key, passphrase));
}

function prefix(file: string) {
  return (error: unknown): never => {
    if (isSealError(error)) throw new CliError(`${file}: ${error.message}`);
    throw error;
  };
}
