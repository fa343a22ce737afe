/**
 * The passphrase lock for the coach's data at rest. WebCrypto only: a key from PBKDF2-SHA-256
 * (600,000 iterations by default, never fewer), AES-GCM with a fresh 96-bit IV for every seal.
 * Locked means the IndexedDB record is ciphertext; the key lives only in the background's memory.
 */
export const MIN_ITERATIONS = 600_000;

/** What is stored next to the ciphertext: enough to re-derive the key from the passphrase. */
export interface VaultRecord {
  id: 'vault';
  salt: Uint8Array;
  iterations: number;
  iv: Uint8Array;
  ciphertext: ArrayBuffer;
}

/** Thrown when a passphrase does not open the vault (or the record was tampered with). */
export class VaultError extends Error {
  override name = 'VaultError';
}

export async function deriveVaultKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  if (iterations < MIN_ITERATIONS) throw new VaultError(`refusing ${iterations} PBKDF2 iterations: at least ${MIN_ITERATIONS} are required`);
  if (passphrase.length < 8) throw new VaultError('the passphrase must be at least 8 characters');
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A new vault key with a fresh salt, for a coach setting a passphrase. */
export async function createVaultKey(passphrase: string, iterations = MIN_ITERATIONS): Promise<{ key: CryptoKey; salt: Uint8Array; iterations: number }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { key: await deriveVaultKey(passphrase, salt, iterations), salt, iterations };
}

export async function sealValue(key: CryptoKey, salt: Uint8Array, iterations: number, value: unknown): Promise<VaultRecord> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, new TextEncoder().encode(JSON.stringify(value)));
  return { id: 'vault', salt, iterations, iv, ciphertext };
}

/** Opens a record with a key; a wrong key or a changed byte is a VaultError, never garbage. */
export async function openValue(key: CryptoKey, record: VaultRecord): Promise<unknown> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv as BufferSource }, key, record.ciphertext);
    return JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw new VaultError('wrong passphrase, or the locked data was altered');
  }
}

/** Unlocks a record with the passphrase: the key (kept in memory) and what it protects. */
export async function unlockVault(record: VaultRecord, passphrase: string): Promise<{ key: CryptoKey; value: unknown }> {
  const key = await deriveVaultKey(passphrase, record.salt, record.iterations);
  return { key, value: await openValue(key, record) };
}
