import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { createFileKeyStore } from '../../core/src/cli/file-key-store';
import {
  createMemoryKeyStore,
  describeKey,
  exportPublicKey,
  formatFingerprint,
  generateKeyPair,
  importKey,
  lockPrivateKey,
  readPrivateKey,
  readPublicKey,
  unlockPrivateKey,
} from '../../core/src/index';
import { keyStoreContract } from '../fixtures/keys/key-store-contract';
import { loadPersona } from '../fixtures/keys/personas';

describe('keys', () => {
  it('generates a v4 ed25519/cv25519 pair with an encrypted private key GnuPG 2.2 can use', async () => {
    const pair = await generateKeyPair({ name: 'Alex Coach', email: 'alex@coach.example', passphrase: 'pass phrase' });
    const key = await readPrivateKey(pair.privateKey);
    expect(key.keyPacket.version).toBe(4);
    expect(key.getAlgorithmInfo()).toEqual({ algorithm: 'eddsaLegacy', curve: 'ed25519Legacy' });
    expect(key.getSubkeys().map((s) => s.getAlgorithmInfo())).toEqual([{ algorithm: 'ecdh', curve: 'curve25519Legacy' }]);
    expect(key.isDecrypted()).toBe(false);
    // Not AEAD-protected (GnuPG 2.2 cannot read that): S2K usage 254 = CFB + SHA-1 check.
    expect((key.keyPacket as openpgp.SecretKeyPacket & { s2kUsage: number }).s2kUsage).toBe(254);
    expect(pair.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    expect(formatFingerprint(key.getFingerprint())).toBe(pair.fingerprint);
  });

  it('refuses to generate without a name, a valid email or a passphrase, and rejects unknown options', async () => {
    const ok = { name: 'A', email: 'a@b.example', passphrase: 'p' };
    await expect(generateKeyPair({ ...ok, name: ' ' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('name is required') });
    await expect(generateKeyPair({ ...ok, email: 'not an email' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('not an email address') });
    await expect(generateKeyPair({ ...ok, passphrase: '' })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('passphrase is required') });
    await expect(generateKeyPair({ ...ok, v6Keys: true } as never)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('unknown option "v6Keys"') });
  });

  it('describes a key: fingerprint in fours, user ids with the primary first, dates, capabilities', async () => {
    const multi = await loadPersona('coach-multi');
    const info = await describeKey(multi.publicKey);
    expect(info.fingerprint).toBe(formatFingerprint(multi.publicKey.getFingerprint()));
    expect(info.userIds).toEqual(['Alex Coach <alex.multi@coach.example>', 'Sam Supervisor <sam@supervision.example>']);
    expect(info).toMatchObject({ primaryUserId: 'Alex Coach <alex.multi@coach.example>', expiresAt: null, expired: false, revoked: false, canEncrypt: true, canSign: true, isPrivate: false });
    const expired = await describeKey((await loadPersona('expired')).publicKey);
    expect(expired).toMatchObject({ expired: true, canEncrypt: false, expiresAt: new Date('2020-12-31T00:00:00Z') });
    expect(await describeKey((await loadPersona('revoked')).publicKey)).toMatchObject({ revoked: true, canEncrypt: false });
    expect(await describeKey((await loadPersona('sign-only')).publicKey)).toMatchObject({ canEncrypt: false, canSign: true });
  });

  it('reads public keys from armored text, binary bytes and private keys alike, and refuses non-keys', async () => {
    const coach = await loadPersona('coach');
    const fingerprint = coach.publicKey.getFingerprint();
    for (const input of [coach.publicArmored, new TextEncoder().encode(coach.publicArmored), coach.publicKey.write(), coach.privateArmored]) {
      const key = await readPublicKey(input);
      expect(key.getFingerprint()).toBe(fingerprint);
      expect(key.isPrivate()).toBe(false);
    }
    await expect(readPublicKey('hello')).rejects.toMatchObject({ code: 'not-a-key' });
    await expect(readPublicKey(new Uint8Array([0x99, 0, 1, 2]))).rejects.toMatchObject({ code: 'not-a-key' });
    await expect(readPrivateKey(coach.publicArmored)).rejects.toMatchObject({ code: 'not-a-private-key' });
    expect(exportPublicKey(coach.privateKey)).not.toMatch(/PRIVATE/);
  });

  it('locks and unlocks private keys', async () => {
    const coach = await loadPersona('coach');
    const relocked = await lockPrivateKey(coach.privateKey, 'another passphrase');
    expect(relocked.isDecrypted()).toBe(false);
    await expect(unlockPrivateKey(relocked.armor(), coach.passphrase)).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect((await unlockPrivateKey(relocked.armor(), 'another passphrase')).isDecrypted()).toBe(true);
  });
});

// One contract, every KeyStore: the in-memory one and the CLI's directory of files.
keyStoreContract('memory', () => createMemoryKeyStore());
keyStoreContract('files', () => createFileKeyStore(join(mkdtempSync(join(tmpdir(), 'cg-store-')), 'keys')));

describe('the CLI file key store', () => {
  it('keeps private keys in 0600 files inside a 0700 directory', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cg-store-')), 'keys');
    const coach = await loadPersona('coach');
    await importKey(createFileKeyStore(dir), coach.privateArmored);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const secret = readdirSync(dir).find((n) => n.endsWith('.sec.asc'))!;
    expect(statSync(join(dir, secret)).mode & 0o777).toBe(0o600);
  });
});
