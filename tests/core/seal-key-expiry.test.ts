/**
 * A coach's key that expires after the case was sealed: the case stays readable, as GnuPG reads it
 * ("Good signature … Note: This key has expired!"), and the opener is told the key has expired since.
 */
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../core/src/index';
import { renderCaseDocument } from '../../core/src/seal/case-document';
import { formatFingerprint, GNUPG_COMPATIBLE_CONFIG } from '../../core/src/seal/keys';

const DAY = 24 * 3600 * 1000;

async function keyPair(name: string, created: Date, expiresAfterDays?: number) {
  const { privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.org` }],
    date: created,
    ...(expiresAfterDays ? { keyExpirationTime: expiresAfterDays * 24 * 3600 } : {}),
    format: 'object',
    config: GNUPG_COMPATIBLE_CONFIG,
  });
  return privateKey;
}

/** Seals a case as the coach's software did on `at` (a clock in the past). */
async function sealAt(at: Date, coach: openpgp.PrivateKey, supervisor: openpgp.PrivateKey): Promise<Uint8Array> {
  const markdown = renderCaseDocument({
    kind: 'case',
    formatVersion: 1,
    caseId: 'case-expiry',
    createdAt: at.toISOString(),
    coachFingerprint: formatFingerprint(coach.getFingerprint()),
    notes: [{ title: 'Session 2', markdown: 'The coachee and the sponsor.' }],
    questions: ['What am I missing?'],
  });
  const message = await openpgp.createMessage({ binary: new TextEncoder().encode(markdown), format: 'binary', date: at });
  return openpgp.encrypt({ message, encryptionKeys: [supervisor.toPublic(), coach.toPublic()], signingKeys: coach, date: at, format: 'binary', config: GNUPG_COMPATIBLE_CONFIG });
}

describe('openCase and a signing key that expires', () => {
  it('opens a case signed while the key was valid, and says the key has expired since', async () => {
    const now = Date.now();
    const coach = await keyPair('Alex Coach', new Date(now - 10 * DAY), 5); // expired 5 days ago
    const supervisor = await keyPair('Sam Supervisor', new Date(now - 20 * DAY));
    const signedAt = new Date(now - 8 * DAY);
    const sealed = await sealAt(signedAt, coach, supervisor);
    const opened = await openCase(sealed, { recipientKey: supervisor, trustedSigners: [coach.toPublic()] });
    expect(opened.signer.fingerprint).toBe(formatFingerprint(coach.getFingerprint()));
    expect(Math.abs(opened.signer.date.getTime() - signedAt.getTime())).toBeLessThan(2000);
    // Key times have whole seconds: created 10 days ago, valid for 5.
    const created = Math.floor((now - 10 * DAY) / 1000) * 1000;
    expect(opened.signer.keyExpiredSince?.getTime()).toBe(created + 5 * DAY);
  });

  it('says nothing of expiry for a key that is still valid', async () => {
    const now = Date.now();
    const coach = await keyPair('Alex Coach', new Date(now - 10 * DAY), 30);
    const supervisor = await keyPair('Sam Supervisor', new Date(now - 20 * DAY));
    const opened = await openCase(await sealAt(new Date(now - DAY), coach, supervisor), { recipientKey: supervisor, trustedSigners: [coach.toPublic()] });
    expect(opened.signer.keyExpiredSince).toBeUndefined();
  });
});
