/**
 * Coach and supervisor keys over openpgp.js, kept to what GnuPG 2.2 can read: v4 keys, the
 * curve25519 "legacy" ECC pair (or RSA), no AEAD key protection. Each of v6 keys, the new
 * `curve25519` algorithm ids and `aeadProtect` makes GnuPG 2.2 refuse the key or the message.
 */
import * as openpgp from 'openpgp';
import type { PrivateKey, PublicKey } from 'openpgp';
import { rejectUnknownOptions, SealError } from './seal-error';
import { decodeUtf8 } from './utf8';

export type { PrivateKey, PublicKey } from 'openpgp';

/** Settings every key and message operation uses, so no global default can drift to GnuPG-hostile ones. */
export const GNUPG_COMPATIBLE_CONFIG = { v6Keys: false, aeadProtect: false } as const;

export interface GenerateKeyPairOptions {
  name: string;
  email: string;
  /** Required and non-empty: private keys are only ever stored passphrase-encrypted. */
  passphrase: string;
  /** `ecc` (default, curve25519 legacy, fast) or `rsa` (4096-bit, slow to generate). */
  type?: 'ecc' | 'rsa';
  /** Seconds until the key expires; 0 or absent means it does not expire. */
  expiresInSeconds?: number;
  /** Creation time; defaults to now. */
  date?: Date;
}

export interface GeneratedKeyPair {
  /** Armored public key, to give to the other party. */
  publicKey: string;
  /** Armored private key, encrypted with the passphrase. */
  privateKey: string;
  /** Armored revocation certificate, to keep somewhere safe. */
  revocationCertificate: string;
  /** Primary key fingerprint, grouped in fours. */
  fingerprint: string;
}

/** What a person needs to see to recognise a key and decide whether to use it. */
export interface KeyInfo {
  /** 40 hex digits grouped in fours, the way people compare fingerprints aloud. */
  fingerprint: string;
  /** Last 16 hex digits, as GnuPG prints a long key id. */
  keyId: string;
  /** Every user id on the key; the primary one first. */
  userIds: string[];
  primaryUserId: string;
  createdAt: Date;
  /** `null` when the key does not expire. */
  expiresAt: Date | null;
  expired: boolean;
  revoked: boolean;
  /** Has a valid (unexpired, unrevoked) encryption-capable key or subkey right now. */
  canEncrypt: boolean;
  canSign: boolean;
  /** Holds secret key material. */
  isPrivate: boolean;
  /** For a private key: its secret material is passphrase-protected (locked). */
  isLocked: boolean;
}

const GENERATE_OPTIONS = ['name', 'email', 'passphrase', 'type', 'expiresInSeconds', 'date'] as const;

/**
 * Generates a v4 key pair GnuPG 2.2 can import: ed25519 primary (certify, sign) with a cv25519
 * encryption subkey, or RSA 4096. The private key comes back already passphrase-encrypted.
 *
 * @example
 * ```ts
 * const coach = await generateKeyPair({ name: 'Alex Coach', email: 'alex@example.org', passphrase });
 * await keyStore.put({ fingerprint: compactFingerprint(coach.fingerprint), publicKey: coach.publicKey, privateKey: coach.privateKey });
 * ```
 */
export async function generateKeyPair(options: GenerateKeyPairOptions): Promise<GeneratedKeyPair> {
  rejectUnknownOptions('generateKeyPair', options, GENERATE_OPTIONS);
  const name = options.name?.trim();
  const email = options.email?.trim();
  if (!name) throw new SealError('invalid-input', 'generateKeyPair: a name is required');
  if (!email || !/^[^\s@<>]+@[^\s@<>]+$/.test(email)) throw new SealError('invalid-input', `generateKeyPair: "${options.email}" is not an email address`);
  if (/[<>\n\r]/.test(name)) throw new SealError('invalid-input', 'generateKeyPair: the name must be one line without < or >');
  if (typeof options.passphrase !== 'string' || options.passphrase.length === 0) {
    throw new SealError('invalid-input', 'generateKeyPair: a non-empty passphrase is required (private keys are stored encrypted)');
  }
  const type = options.type ?? 'ecc';
  if (type !== 'ecc' && type !== 'rsa') throw new SealError('invalid-input', `generateKeyPair: type must be "ecc" or "rsa" (got "${String(type)}")`);
  const generated = await openpgp.generateKey({
    userIDs: [{ name, email }],
    passphrase: options.passphrase,
    format: 'object',
    ...(type === 'ecc' ? { type: 'ecc', curve: 'ed25519Legacy' } : { type: 'rsa', rsaBits: 4096 }),
    keyExpirationTime: options.expiresInSeconds ?? 0,
    ...(options.date ? { date: options.date } : {}),
    config: GNUPG_COMPATIBLE_CONFIG,
  });
  return {
    publicKey: generated.publicKey.armor(),
    privateKey: generated.privateKey.armor(),
    revocationCertificate: generated.revocationCertificate,
    fingerprint: formatFingerprint(generated.publicKey.getFingerprint()),
  };
}

/**
 * Reads someone's public key from armored text (a file or pasted) or binary bytes. Given a private
 * key, returns its public half. Does not judge whether the key is usable: see `assertCanEncryptTo`.
 *
 * @example
 * ```ts
 * const supervisor = await readPublicKey(await file.text());
 * ```
 */
export async function readPublicKey(input: string | Uint8Array): Promise<PublicKey> {
  const key = await readAnyKey(input);
  return key.isPrivate() ? key.toPublic() : (key as PublicKey);
}

/**
 * Reads a private key (still locked). Refuses a public key with `not-a-private-key`.
 *
 * @example
 * ```ts
 * const locked = await readPrivateKey(stored.privateKey);
 * const coachKey = await unlockPrivateKey(locked, passphrase);
 * ```
 */
export async function readPrivateKey(input: string | Uint8Array): Promise<PrivateKey> {
  const key = await readAnyKey(input);
  if (!key.isPrivate()) throw new SealError('not-a-private-key', `the key ${formatFingerprint(key.getFingerprint())} is a public key; a private key is needed here`);
  return key as PrivateKey;
}

/**
 * Unlocks a private key with its passphrase, for signing or opening cases.
 * A wrong passphrase is `wrong-passphrase`; the locked key is left untouched.
 *
 * @example
 * ```ts
 * const coachKey = await unlockPrivateKey(stored.privateKey, passphrase);
 * ```
 */
export async function unlockPrivateKey(key: PrivateKey | string | Uint8Array, passphrase: string): Promise<PrivateKey> {
  const locked = key instanceof Uint8Array || typeof key === 'string' ? await readPrivateKey(key) : key;
  if (locked.isDecrypted()) return locked;
  try {
    return await openpgp.decryptKey({ privateKey: locked, passphrase, config: GNUPG_COMPATIBLE_CONFIG });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/incorrect key passphrase|passphrase/i.test(message)) {
      throw new SealError('wrong-passphrase', `wrong passphrase for key ${formatFingerprint(locked.getFingerprint())}`, { cause: error });
    }
    throw new SealError('not-a-private-key', `cannot unlock key ${formatFingerprint(locked.getFingerprint())}: ${message}`, { cause: error });
  }
}

/**
 * Locks (passphrase-encrypts) a private key, e.g. an unprotected key being imported.
 *
 * @example
 * ```ts
 * const armored = (await lockPrivateKey(unlocked, passphrase)).armor();
 * ```
 */
export async function lockPrivateKey(key: PrivateKey, passphrase: string): Promise<PrivateKey> {
  if (!passphrase) throw new SealError('invalid-input', 'a non-empty passphrase is required');
  return openpgp.encryptKey({ privateKey: key, passphrase, config: GNUPG_COMPATIBLE_CONFIG });
}

/**
 * The armored public half of a key, to give to the other party.
 *
 * @example
 * ```ts
 * const text = exportPublicKey(await readPrivateKey(stored.privateKey));
 * ```
 */
export function exportPublicKey(key: PublicKey | PrivateKey): string {
  return (key.isPrivate() ? key.toPublic() : key).armor();
}

/**
 * Describes a key for people: grouped fingerprint, user ids, dates and whether it can be used now.
 *
 * @example
 * ```ts
 * const info = await describeKey(supervisorKey);
 * console.log(`${info.primaryUserId}  ${info.fingerprint}`);
 * ```
 */
export async function describeKey(key: PublicKey | PrivateKey, now: Date = new Date()): Promise<KeyInfo> {
  const revoked = await key.isRevoked(undefined, undefined, now).catch(() => false);
  const expiration = await key.getExpirationTime().catch(() => null);
  const expiresAt = expiration instanceof Date ? expiration : null;
  const userIds = key.getUserIDs();
  const primaryUserId = await primaryUserIdOf(key, now);
  const ordered = [primaryUserId, ...userIds.filter((u) => u !== primaryUserId)].filter((u) => u !== '');
  const canEncrypt = await key.getEncryptionKey(undefined, now).then(
    () => true,
    () => false,
  );
  const canSign = await key.getSigningKey(undefined, now).then(
    () => true,
    () => false,
  );
  const isPrivate = key.isPrivate();
  return {
    fingerprint: formatFingerprint(key.getFingerprint()),
    keyId: key.getKeyID().toHex().toUpperCase(),
    userIds: ordered,
    primaryUserId,
    createdAt: key.getCreationTime(),
    expiresAt,
    expired: expiresAt !== null && expiresAt.getTime() <= now.getTime(),
    revoked,
    canEncrypt,
    canSign,
    isPrivate,
    isLocked: isPrivate ? !(key as PrivateKey).isDecrypted() : false,
  };
}

/**
 * Refuses a key nobody should encrypt a case to: revoked (`key-revoked`), expired (`key-expired`)
 * or without an encryption-capable key (`key-cannot-encrypt`). The message names the key.
 *
 * @example
 * ```ts
 * await assertCanEncryptTo(supervisorKey); // throws SealError('key-expired', …)
 * ```
 */
export async function assertCanEncryptTo(key: PublicKey | PrivateKey, now: Date = new Date()): Promise<void> {
  await assertUsable(key, 'encrypt', now);
}

/**
 * Refuses a private key that cannot sign now (revoked, expired, no signing key, or still locked).
 *
 * @example
 * ```ts
 * await assertCanSignWith(coachKey);
 * ```
 */
export async function assertCanSignWith(key: PrivateKey, now: Date = new Date()): Promise<void> {
  if (!(key as PublicKey | PrivateKey).isPrivate()) throw new SealError('not-a-private-key', `the key ${formatFingerprint((key as PublicKey).getFingerprint())} is a public key; signing needs the private key`);
  if (!key.isDecrypted()) throw new SealError('key-locked', `the key ${formatFingerprint(key.getFingerprint())} is locked; unlock it with its passphrase first`);
  await assertUsable(key, 'sign', now);
}

/**
 * `0123456789ABCDEF…` → `0123 4567 89AB CDEF …`, as people read fingerprints aloud.
 *
 * @example
 * ```ts
 * formatFingerprint('1f0e…') // '1F0E …'
 * ```
 */
export function formatFingerprint(fingerprint: string): string {
  return compactFingerprint(fingerprint).replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Fingerprint without spaces, upper case: the form a key store uses as id.
 *
 * @example
 * ```ts
 * compactFingerprint('1f0e 22aa …') // '1F0E22AA…'
 * ```
 */
export function compactFingerprint(fingerprint: string): string {
  return fingerprint.replace(/\s+/g, '').toUpperCase();
}

/** The signer's user id as a person reads it: the primary one, falling back to the first. */
export async function primaryUserIdOf(key: PublicKey | PrivateKey, now: Date = new Date()): Promise<string> {
  try {
    const primary = await key.getPrimaryUser(now);
    return primary.user.userID?.userID ?? key.getUserIDs()[0] ?? '';
  } catch {
    return key.getUserIDs()[0] ?? '';
  }
}

async function assertUsable(key: PublicKey | PrivateKey, purpose: 'encrypt' | 'sign', now: Date): Promise<void> {
  const info = await describeKey(key, now);
  const who = `${info.primaryUserId || 'key'} (${info.fingerprint})`;
  if (info.revoked) throw new SealError('key-revoked', `${who} has been revoked; ask its owner for their current key`);
  if (info.expired) throw new SealError('key-expired', `${who} expired on ${info.expiresAt!.toISOString().slice(0, 10)}; ask its owner to extend it or send a new one`);
  if (purpose === 'encrypt' && !info.canEncrypt) throw new SealError('key-cannot-encrypt', `${who} has no valid encryption key; it cannot receive sealed cases`);
  if (purpose === 'sign' && !info.canSign) throw new SealError('key-cannot-sign', `${who} has no valid signing key; it cannot sign sealed cases`);
}

async function readAnyKey(input: string | Uint8Array): Promise<PublicKey | PrivateKey> {
  const text = typeof input === 'string' ? input : looksArmored(input) ? decodeUtf8(input) : undefined;
  try {
    if (text !== undefined) {
      if (!text.includes('-----BEGIN PGP')) throw new Error('no "-----BEGIN PGP" armor header');
      return await openpgp.readKey({ armoredKey: text, config: GNUPG_COMPATIBLE_CONFIG });
    }
    return await openpgp.readKey({ binaryKey: input as Uint8Array, config: GNUPG_COMPATIBLE_CONFIG });
  } catch (error) {
    throw new SealError('not-a-key', `not an OpenPGP key: ${firstLine(error)}`, { cause: error });
  }
}

function looksArmored(bytes: Uint8Array): boolean {
  // Armor starts with "-----" possibly after whitespace; binary packets start with a tag byte ≥ 0x80.
  for (const byte of bytes.subarray(0, 64)) {
    if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
    return byte === 0x2d;
  }
  return false;
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
