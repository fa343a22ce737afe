/**
 * Where keys live is the host's business: the CLI keeps armored files in a directory, the VS Code
 * plugin its own storage. Core only defines the port and the rules every store follows.
 */
import type { PublicKey } from 'openpgp';
import { compactFingerprint, describeKey, readPrivateKey, readPublicKey, type KeyInfo } from './keys';
import { SealError } from './seal-error';

/** One key as a store holds it. */
export interface StoredKey {
  /** 40 upper-case hex digits, no spaces: the store's id. */
  fingerprint: string;
  /** Armored public key. */
  publicKey: string;
  /** Armored private key, always passphrase-encrypted; absent for other people's keys. */
  privateKey?: string;
}

/**
 * The port a host implements to persist keys. `put` replaces the entry with that fingerprint.
 * Implementations must never write a private key that is not passphrase-encrypted; `importKey`
 * checks that before calling `put`.
 */
export interface KeyStore {
  list(): Promise<StoredKey[]>;
  get(fingerprint: string): Promise<StoredKey | undefined>;
  put(key: StoredKey): Promise<void>;
}

/**
 * A KeyStore in memory, for tests and for hosts that keep keys only for a session.
 *
 * @example
 * ```ts
 * const store = createMemoryKeyStore();
 * await importKey(store, supervisorArmored);
 * ```
 */
export function createMemoryKeyStore(initial: StoredKey[] = []): KeyStore {
  const keys = new Map(initial.map((k) => [compactFingerprint(k.fingerprint), { ...k }]));
  return {
    async list() {
      return [...keys.values()].map((k) => ({ ...k }));
    },
    async get(fingerprint) {
      const found = keys.get(compactFingerprint(fingerprint));
      return found && { ...found };
    },
    async put(key) {
      keys.set(compactFingerprint(key.fingerprint), { ...key, fingerprint: compactFingerprint(key.fingerprint) });
    },
  };
}

/**
 * Adds a public key, or a passphrase-protected private key, to a store. An unprotected private key
 * is refused (`key-locked` is the opposite problem; this is `invalid-input`): the store never holds
 * secrets in the clear. Importing a public key keeps any private key already stored for it.
 *
 * @example
 * ```ts
 * const info = await importKey(store, await readFile('supervisor.asc', 'utf8'));
 * console.log(`imported ${info.primaryUserId} ${info.fingerprint}`);
 * ```
 */
export async function importKey(store: KeyStore, input: string | Uint8Array): Promise<KeyInfo> {
  const publicKey = await readPublicKey(input);
  const fingerprint = compactFingerprint(publicKey.getFingerprint());
  let privateArmored: string | undefined;
  const maybePrivate = await readPrivateKey(input).catch(() => undefined);
  if (maybePrivate) {
    if (maybePrivate.isDecrypted()) {
      throw new SealError('invalid-input', `the private key ${fingerprint} is not passphrase-protected; protect it first (gpg --passwd) and import again`);
    }
    privateArmored = maybePrivate.armor();
  }
  const existing = await store.get(fingerprint);
  await store.put({
    fingerprint,
    publicKey: publicKey.armor(),
    ...(privateArmored ? { privateKey: privateArmored } : existing?.privateKey ? { privateKey: existing.privateKey } : {}),
  });
  return describeKey(maybePrivate ?? publicKey);
}

/**
 * Finds one key by fingerprint (with or without spaces), long key id (16 hex digits) or email.
 * None is `key-not-found`, several is `ambiguous-key` — never a silent first pick.
 *
 * @example
 * ```ts
 * const stored = await findKey(store, 'sam@supervision.example');
 * const supervisorKey = await readPublicKey(stored.publicKey);
 * ```
 */
export async function findKey(store: KeyStore, query: string, options: { needPrivate?: boolean } = {}): Promise<StoredKey> {
  const q = query.trim();
  const hex = compactFingerprint(q);
  const all = (await store.list()).filter((k) => !options.needPrivate || k.privateKey !== undefined);
  let matches: StoredKey[];
  if (/^[0-9A-F]{40}$/.test(hex)) matches = all.filter((k) => k.fingerprint === hex);
  else if (/^[0-9A-F]{16}$/.test(hex)) matches = all.filter((k) => k.fingerprint.endsWith(hex));
  else if (q.includes('@')) {
    const email = q.toLowerCase();
    matches = [];
    for (const k of all) {
      const key = await readPublicKey(k.publicKey);
      if (key.getUserIDs().some((u) => emailOf(u) === email)) matches.push(k);
    }
  } else {
    throw new SealError('invalid-input', `"${query}" is neither a fingerprint, a 16-digit key id nor an email address`);
  }
  const what = options.needPrivate ? 'private key' : 'key';
  if (matches.length === 0) throw new SealError('key-not-found', `no ${what} matching "${query}" in the key store`);
  if (matches.length > 1) throw new SealError('ambiguous-key', `${matches.length} keys match "${query}"; use the full fingerprint`);
  return matches[0]!;
}

/** The public keys of every stored entry, e.g. the keys a host trusts as signers. */
export async function readStoredPublicKeys(store: KeyStore): Promise<PublicKey[]> {
  return Promise.all((await store.list()).map((k) => readPublicKey(k.publicKey)));
}

function emailOf(userId: string): string {
  const match = /<([^>]+)>\s*$/.exec(userId);
  return (match ? match[1]! : userId).trim().toLowerCase();
}
