/**
 * Threat: key files with extra user ids or subkeys confuse who signed. The signer reported by
 * openCase must be the signing key's primary fingerprint and its primary user id — not a subkey's
 * fingerprint, not a second user id on the key, not whatever the payload claims, and never a
 * different trusted key that happens to share a name.
 */
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { formatFingerprint, openCase, sealCase } from '../../core/src/index';
import { loadPersona } from '../fixtures/keys/personas';

const draft = { notes: [{ title: 'Note', markdown: 'text' }], questions: ['?'] };

describe('threat: extra user ids and subkeys confuse who signed', () => {
  it('reports the primary fingerprint and primary user id when a signing subkey signed, despite a second user id naming the supervisor', async () => {
    const [multi, supervisor, coach] = await Promise.all([loadPersona('coach-multi'), loadPersona('supervisor'), loadPersona('coach')]);
    // The fixture really is the confusing case: two user ids, and signatures made by a subkey.
    expect(multi.publicKey.getUserIDs()).toEqual(['Alex Coach <alex.multi@coach.example>', 'Sam Supervisor <sam@supervision.example>']);
    const signingKey = await multi.privateKey.getSigningKey();
    expect(signingKey.getKeyID().equals(multi.privateKey.getKeyID())).toBe(false);

    const { bytes } = await sealCase(draft, { supervisorKey: supervisor.publicKey, coachKey: multi.privateKey });
    const message = await openpgp.readMessage({ binaryMessage: bytes });
    const decrypted = await openpgp.decrypt({ message, decryptionKeys: supervisor.privateKey, format: 'binary' });
    expect(decrypted.signatures[0]!.keyID.equals(signingKey.getKeyID())).toBe(true);

    // Trust a list where the real supervisor and another coach come first: order must not matter.
    const opened = await openCase(bytes, { recipientKey: supervisor.privateKey, trustedSigners: [supervisor.publicKey, coach.publicKey, multi.publicKey] });
    expect(opened.signer.fingerprint).toBe(formatFingerprint(multi.publicKey.getFingerprint()));
    expect(opened.signer.fingerprint).not.toBe(formatFingerprint(signingKey.getFingerprint()));
    expect(opened.signer.userId).toBe('Alex Coach <alex.multi@coach.example>');
  });

  it('attributes a signature to the key that made it when two trusted keys share the same user id', async () => {
    const [coach, impostor, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('impostor'), loadPersona('supervisor')]);
    expect(impostor.publicKey.getUserIDs()).toEqual(coach.publicKey.getUserIDs());
    const { bytes } = await sealCase(draft, { supervisorKey: supervisor.publicKey, coachKey: impostor.privateKey });
    const opened = await openCase(bytes, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey, impostor.publicKey] });
    expect(opened.signer.fingerprint).toBe(formatFingerprint(impostor.publicKey.getFingerprint()));
    expect(opened.signer.fingerprint).not.toBe(formatFingerprint(coach.publicKey.getFingerprint()));
  });
});
