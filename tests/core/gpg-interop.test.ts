/**
 * Interop with GnuPG 2.2, both ways, in an isolated GNUPGHOME. A supervisor who only has GnuPG
 * must be able to read a case, and a coach must be able to open what GnuPG users send.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compactFingerprint,
  formatFingerprint,
  generateKeyPair,
  openReply,
  openCase,
  parseCaseDocument,
  readPublicKey,
  renderCaseDocument,
  sealCase,
  unlockPrivateKey,
  type PublicKey,
} from '../../core/src/index';
import { loadPersona } from '../fixtures/keys/personas';
import { createGpgHome, type GpgHome } from '../helpers/gpg';

const GPG_PASSPHRASE = 'gpg supervisor passphrase';
let gpg: GpgHome;
let gpgSupervisor: PublicKey;
let gpgFingerprint: string;
let work: string;

beforeAll(() => {
  gpg = createGpgHome();
  work = mkdtempSync(join(tmpdir(), 'cg-interop-'));
  // A supervisor who uses GnuPG only: ed25519 + cv25519, GnuPG 2.2's "future-default".
  gpg.ok(['--passphrase-file', gpg.passphraseFile(GPG_PASSPHRASE), '--quick-generate-key', 'Sam GnuPG <sam@gnupg.example>', 'future-default', 'default', 'never']);
  const colons = gpg.ok(['--with-colons', '--list-keys', 'sam@gnupg.example']).stdout.toString();
  gpgFingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(colons)![1]!;
}, 60_000);

afterAll(() => gpg?.dispose());

describe('GnuPG interop', () => {
  it('gpg decrypts a case we sealed to its key and verifies our signature (GOODSIG, VALIDSIG)', async () => {
    const coach = await loadPersona('coach');
    gpg.ok(['--import'], { input: coach.publicArmored });
    gpgSupervisor = await readPublicKey(gpg.ok(['--armor', '--export', 'sam@gnupg.example']).stdout.toString());
    expect(compactFingerprint(gpgSupervisor.getFingerprint())).toBe(gpgFingerprint);

    for (const armor of [false, true]) {
      const sealed = await sealCase(
        { notes: [{ title: 'Session 4', markdown: 'Sponsor pressure — and my wish to rescue.\r\nÜnïcödé ✓\n' }], questions: ['Where is my boundary?'], deleteAfter: '2027-03-01' },
        { supervisorKey: gpgSupervisor, coachKey: coach.privateKey, armor },
      );
      const file = join(work, armor ? 'case.asc' : 'case.gpg');
      writeFileSync(file, sealed.bytes);
      // The one documented command: gpg --decrypt case.gpg > case.md
      const result = gpg.run(['--passphrase-file', gpg.passphraseFile(GPG_PASSPHRASE), '--decrypt', file]);
      expect(result.stderr).not.toMatch(/WARNING: message was not integrity protected/);
      expect(result.code).toBe(0);
      expect(result.status).toContain('DECRYPTION_OKAY');
      expect(result.status.some((l) => l.startsWith(`GOODSIG ${coach.publicKey.getKeyID().toHex().toUpperCase()} Alex Coach`))).toBe(true);
      expect(result.status.some((l) => l.startsWith('VALIDSIG ') && l.endsWith(compactFingerprint(coach.publicKey.getFingerprint())))).toBe(true);
      // What gpg prints is exactly our document, byte for byte.
      expect(result.stdout.toString('utf8')).toBe(renderCaseDocument(sealed.document, /boundary: (cg-[0-9a-f]{32})/.exec(result.stdout.toString())![1]));
      expect(parseCaseDocument(result.stdout.toString('utf8'))).toEqual(sealed.document);
    }
  });

  it('opens a reply gpg encrypted to our key and signed with its key, checking the signature', async () => {
    const coach = await loadPersona('coach');
    gpgSupervisor ??= await readPublicKey(gpg.ok(['--armor', '--export', 'sam@gnupg.example']).stdout.toString());
    gpg.ok(['--import'], { input: coach.publicArmored });
    const markdown = renderCaseDocument({
      kind: 'reply',
      formatVersion: 1,
      replyId: 'reply-gpg-1',
      inReplyTo: 'case-42',
      createdAt: '2026-11-21T08:00:00.000Z',
      supervisorFingerprint: formatFingerprint(gpgFingerprint),
      notes: [{ title: 'From GnuPG', markdown: 'Written and sealed with gpg alone.\n' }],
    });
    const common = ['--passphrase-file', gpg.passphraseFile(GPG_PASSPHRASE), '--trust-model', 'always', '--local-user', 'sam@gnupg.example', '--recipient', 'alex@coach.example'];
    for (const extra of [[], ['--armor'], ['--compress-algo', 'zlib']]) {
      const sealed = gpg.ok([...common, ...extra, '--sign', '--encrypt'], { input: markdown }).stdout;
      const opened = await openReply(new Uint8Array(sealed), { recipientKey: coach.privateKey, trustedSigners: [gpgSupervisor] });
      expect(opened.reply.notes).toEqual([{ title: 'From GnuPG', markdown: 'Written and sealed with gpg alone.\n' }]);
      expect(opened.signer.fingerprint).toBe(formatFingerprint(gpgFingerprint));
      expect(opened.signer.userId).toBe('Sam GnuPG <sam@gnupg.example>');
      // …and the signature check is real: not trusting the gpg key refuses the same bytes.
      await expect(openReply(new Uint8Array(sealed), { recipientKey: coach.privateKey, trustedSigners: [coach.publicKey] })).rejects.toMatchObject({ code: 'unknown-signer' });
    }
    // gpg's encrypt-only output (no signature) is refused as unsigned.
    const unsigned = gpg.ok(['--trust-model', 'always', '--recipient', 'alex@coach.example', '--encrypt'], { input: markdown }).stdout;
    await expect(openCase(new Uint8Array(unsigned), { recipientKey: coach.privateKey, trustedSigners: [gpgSupervisor] })).rejects.toMatchObject({ code: 'unsigned' });
  });

  it('imports a key pair we generated into gpg, which then encrypts to it and verifies its signatures', async () => {
    const pair = await generateKeyPair({ name: 'New Coach', email: 'new@coach.example', passphrase: 'new coach pass' });
    const pub = gpg.run(['--import'], { input: pair.publicKey });
    expect(pub.code).toBe(0);
    expect(pub.status.some((l) => l.startsWith('IMPORT_OK') && l.endsWith(compactFingerprint(pair.fingerprint)))).toBe(true);
    const sec = gpg.run(['--passphrase-file', gpg.passphraseFile('new coach pass'), '--import'], { input: pair.privateKey });
    expect(sec.code).toBe(0);
    expect(sec.status.some((l) => /^IMPORT_RES \d+ \d+ \d+ \d+ \d+ \d+ \d+ \d+ \d+ \d+ 1 /.test(l))).toBe(true); // one secret key imported
    const colons = gpg.ok(['--with-colons', '--list-secret-keys', 'new@coach.example']).stdout.toString();
    expect(colons).toMatch(/^sec:[^:]*:255:22:/m); // ed25519 primary (algo 22, EdDSA)
    expect(colons).toMatch(/^ssb:[^:]*:255:18:/m); // cv25519 encryption subkey (algo 18, ECDH)

    const unlocked = await unlockPrivateKey(pair.privateKey, 'new coach pass');
    // gpg encrypts to the imported key; openpgp decrypts.
    const encrypted = gpg.ok(['--trust-model', 'always', '--recipient', 'new@coach.example', '--encrypt'], { input: 'hello from gpg' }).stdout;
    const decrypted = await openpgp.decrypt({ message: await openpgp.readMessage({ binaryMessage: new Uint8Array(encrypted) }), decryptionKeys: unlocked });
    expect(decrypted.data).toBe('hello from gpg');
    // gpg signs with the imported secret key (so the passphrase protection is one gpg understands).
    const signed = gpg.ok(['--passphrase-file', gpg.passphraseFile('new coach pass'), '--local-user', 'new@coach.example', '--sign'], { input: 'signed by gpg' }).stdout;
    const verified = await openpgp.verify({ message: await openpgp.readMessage({ binaryMessage: new Uint8Array(signed) }), verificationKeys: await readPublicKey(pair.publicKey), expectSigned: true });
    expect(verified.data).toBe('signed by gpg');
  });
});
