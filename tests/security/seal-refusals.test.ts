/**
 * One named test per way a sealed case must be refused. Each asserts the exact SealError code, so
 * a refusal for the wrong reason (say, "tampered" reported as "wrong key") fails.
 */
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import {
  assertCanEncryptTo,
  openCase,
  openReply,
  renderCaseDocument,
  sealCase,
  sealReply,
  unlockPrivateKey,
  type SealErrorCode,
  type SupervisionCase,
} from '../../core/src/index';
import { loadPersona } from '../fixtures/keys/personas';

const draft = { notes: [{ title: 'Session 2', markdown: 'The coachee felt stuck.\n' }], questions: ['What am I not seeing?'] };

async function personas() {
  const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
  return { coach, supervisor };
}

async function sealedByCoach(armor = false) {
  const { coach, supervisor } = await personas();
  return (await sealCase(draft, { supervisorKey: supervisor.publicKey, coachKey: coach.privateKey, armor })).bytes;
}

async function expectRefusal(bytes: Uint8Array | string, code: SealErrorCode, options: { trusted?: openpgp.PublicKey[]; recipient?: openpgp.PrivateKey; maxSize?: number } = {}) {
  const { coach, supervisor } = await personas();
  const attempt = openCase(bytes, {
    recipientKey: options.recipient ?? supervisor.privateKey,
    trustedSigners: options.trusted ?? [coach.publicKey],
    ...(options.maxSize !== undefined ? { maxSize: options.maxSize } : {}),
  });
  await expect(attempt).rejects.toMatchObject({ name: 'SealError', code });
  const message = await attempt.catch((e: Error) => e.message);
  expect(message).not.toMatch(/\n/); // one plain line
}

/** A case document as the coach would render it, for hand-built hostile variants. */
async function caseMarkdown(overrides: Partial<SupervisionCase> = {}): Promise<string> {
  const { coach } = await personas();
  return renderCaseDocument({
    kind: 'case',
    formatVersion: 1,
    caseId: 'case-1',
    createdAt: '2026-11-01T10:00:00.000Z',
    coachFingerprint: coach.publicKey.getFingerprint().toUpperCase().replace(/(.{4})(?=.)/g, '$1 '),
    notes: draft.notes,
    questions: draft.questions,
    ...overrides,
  });
}

async function encryptRaw(payload: string | Uint8Array, signWith?: openpgp.PrivateKey): Promise<Uint8Array> {
  const { supervisor } = await personas();
  const binary = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  return openpgp.encrypt({
    message: await openpgp.createMessage({ binary }),
    encryptionKeys: supervisor.publicKey,
    ...(signWith ? { signingKeys: signWith } : {}),
    format: 'binary',
  });
}

describe('threat: a file that is not a sealed case', () => {
  it('refuses random bytes, plain text, an empty file, a public key and a signed-but-unencrypted message as not-a-sealed-case', async () => {
    const { coach } = await personas();
    await expectRefusal(crypto.getRandomValues(new Uint8Array(512)).map((b) => b & 0x7f), 'not-a-sealed-case');
    await expectRefusal('Dear supervisor, here is my case.', 'not-a-sealed-case');
    await expectRefusal(new Uint8Array(0), 'not-a-sealed-case');
    await expectRefusal(coach.publicArmored, 'not-a-sealed-case');
    await expectRefusal(coach.publicKey.write(), 'not-a-sealed-case');
    const signedOnly = await openpgp.sign({ message: await openpgp.createMessage({ text: await caseMarkdown() }), signingKeys: coach.privateKey, format: 'binary' });
    await expectRefusal(signedOnly, 'not-a-sealed-case');
  });
});

describe('threat: truncated case', () => {
  it('refuses a binary case cut short, at several points, as truncated', async () => {
    const bytes = await sealedByCoach();
    for (const keep of [0.25, 0.5, 0.9, 0.99]) await expectRefusal(bytes.subarray(0, Math.floor(bytes.length * keep)), 'truncated');
  });

  it('refuses an armored case missing its end as truncated', async () => {
    const text = new TextDecoder().decode(await sealedByCoach(true));
    await expectRefusal(text.slice(0, Math.floor(text.length / 2)), 'truncated');
  });
});

describe('threat: tampered case', () => {
  it('refuses a case with a flipped byte in its encrypted content as tampered', async () => {
    const bytes = await sealedByCoach();
    for (const at of [bytes.length - 30, bytes.length - 200, Math.floor(bytes.length * 0.7)]) {
      const copy = bytes.slice();
      copy[at]! ^= 0x01;
      await expectRefusal(copy, 'tampered');
    }
  });

  it('refuses an armored case with an altered character as tampered', async () => {
    const text = new TextDecoder().decode(await sealedByCoach(true));
    const lines = text.split('\n');
    const target = Math.floor(lines.length * 0.6);
    const line = lines[target]!;
    lines[target] = (line[5] === 'A' ? 'B' : 'A').padStart(6, line.slice(0, 5)) + line.slice(6);
    await expectRefusal(lines.join('\n'), 'tampered');
  });
});

describe('threat: wrong recipient key', () => {
  it('refuses a case sealed for another supervisor as wrong-recipient-key', async () => {
    const other = await loadPersona('other-supervisor');
    await expectRefusal(await sealedByCoach(), 'wrong-recipient-key', { recipient: other.privateKey });
  });
});

describe('threat: wrong passphrase', () => {
  it('refuses to unlock a key with the wrong passphrase as wrong-passphrase', async () => {
    const { supervisor } = await personas();
    await expect(unlockPrivateKey(supervisor.privateArmored, 'not the passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await expect(unlockPrivateKey(supervisor.privateArmored, supervisor.passphrase)).resolves.toBeDefined();
  });
});

describe('threat: unsigned case', () => {
  it('refuses a well-formed case that nobody signed as unsigned', async () => {
    await expectRefusal(await encryptRaw(await caseMarkdown()), 'unsigned');
  });
});

describe('threat: signed by an unknown key', () => {
  it('refuses a case signed by an impostor using the coach\'s name and email as unknown-signer', async () => {
    const { supervisor } = await personas();
    const impostor = await loadPersona('impostor');
    const { bytes } = await sealCase(draft, { supervisorKey: supervisor.publicKey, coachKey: impostor.privateKey });
    await expectRefusal(bytes, 'unknown-signer');
  });

  it('refuses a signed case when the opener trusts nobody', async () => {
    await expectRefusal(await sealedByCoach(), 'unknown-signer', { trusted: [] });
  });
});

describe('threat: bad signature', () => {
  it('refuses a case whose content was changed under a valid encryption layer as bad-signature', async () => {
    const { coach } = await personas();
    const signed = await openpgp.sign({ message: await openpgp.createMessage({ binary: new TextEncoder().encode(await caseMarkdown()) }), signingKeys: coach.privateKey, format: 'object' });
    // Change "stuck" to "stack" in the signed literal data after signing, then encrypt it properly.
    // getBytes/setBytes are public at run time but private in openpgp's typings.
    const literal = signed.packets.find((p) => p instanceof openpgp.LiteralDataPacket) as unknown as {
      getBytes(): Uint8Array;
      setBytes(bytes: Uint8Array, format: openpgp.enums.literal): void;
    };
    const text = new TextDecoder().decode(literal.getBytes());
    expect(text).toContain('stuck');
    literal.setBytes(new TextEncoder().encode(text.replace('stuck', 'stack')), openpgp.enums.literal.binary);
    const { supervisor } = await personas();
    const sealed = await openpgp.encrypt({ message: signed, encryptionKeys: supervisor.publicKey, format: 'binary' });
    await expectRefusal(sealed, 'bad-signature');
  });
});

describe('threat: a bad signature next to a good one', () => {
  it('refuses a case with a valid coach signature and a second signature that fails, as bad-signature', async () => {
    const { coach, supervisor } = await personas();
    const impostor = await loadPersona('impostor');
    const signed = await openpgp.sign({ message: await openpgp.createMessage({ binary: new TextEncoder().encode(await caseMarkdown()) }), signingKeys: [coach.privateKey, impostor.privateKey], format: 'object' });
    // Corrupt only the impostor's signature: its quick-check digest bytes no longer match.
    const impostorId = (await impostor.privateKey.getSigningKey()).getKeyID();
    const signatures = signed.packets.filter((p) => p instanceof openpgp.SignaturePacket) as unknown as { issuerKeyID: openpgp.KeyID; signedHashValue: Uint8Array }[];
    expect(signatures).toHaveLength(2);
    const victim = signatures.find((p) => p.issuerKeyID.equals(impostorId))!;
    expect(victim).toBeDefined();
    victim.signedHashValue = victim.signedHashValue.map((b) => b ^ 0xff);
    const sealed = await openpgp.encrypt({ message: signed, encryptionKeys: supervisor.publicKey, format: 'binary' });
    await expectRefusal(sealed, 'bad-signature', { trusted: [coach.publicKey, impostor.publicKey] });
    // The coach's signature alone is fine: trusting only the coach, the impostor's is merely unknown.
    const opened = await openCase(sealed, { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey] });
    expect(opened.signer.userId).toBe('Alex Coach <alex@coach.example>');
  });
});

describe('threat: a sender claiming to be someone else', () => {
  it('refuses a case whose header names the coach but which a different trusted key signed, as signer-mismatch', async () => {
    const impostor = await loadPersona('impostor');
    const { coach } = await personas();
    await expectRefusal(await encryptRaw(await caseMarkdown(), impostor.privateKey), 'signer-mismatch', { trusted: [coach.publicKey, impostor.publicKey] });
  });
});

describe('threat: unsupported format version', () => {
  it('refuses a signed case from a future format as unsupported-version', async () => {
    const { coach } = await personas();
    const future = (await caseMarkdown()).replace('format-version: 1\n', 'format-version: 2\n');
    await expectRefusal(await encryptRaw(future, coach.privateKey), 'unsupported-version');
  });
});

describe('threat: forged structure inside a signed case', () => {
  it('refuses signed content that is not a Coach Guard document as malformed-case', async () => {
    const { coach } = await personas();
    await expectRefusal(await encryptRaw('# just some markdown\n', coach.privateKey), 'malformed-case');
    await expectRefusal(await encryptRaw(new Uint8Array([0xff, 0xfe, 0x00]), coach.privateKey), 'malformed-case');
  });

  it('refuses a reply where a case is expected and a case where a reply is expected', async () => {
    const { coach, supervisor } = await personas();
    const reply = await sealReply({ inReplyTo: 'case-1', notes: [{ title: 'Thoughts', markdown: 'x' }] }, { coachKey: coach.publicKey, supervisorKey: supervisor.privateKey });
    await expect(openCase(reply.bytes, { recipientKey: coach.privateKey, trustedSigners: [supervisor.publicKey] })).rejects.toMatchObject({ code: 'malformed-case' });
    await expect(openReply(await sealedByCoach(), { recipientKey: supervisor.privateKey, trustedSigners: [coach.publicKey] })).rejects.toMatchObject({ code: 'malformed-case' });
  });
});

describe('threat: oversized case', () => {
  it('refuses a sealed file over the size limit as too-large before parsing it', async () => {
    await expectRefusal(await sealedByCoach(), 'too-large', { maxSize: 100 });
  });

  it('refuses a packet header that claims more than the limit as too-large', async () => {
    // A public-key-encrypted session key packet followed by an encrypted-data packet header claiming 2 GB.
    const bytes = await sealedByCoach();
    const claim = new Uint8Array([0xc0 | 18, 0xff, 0x80, 0x00, 0x00, 0x00, 0x01]);
    const firstPacketEnd = 2 + bytes[1]!; // the coach's fixture PKESK fits in a one-byte length
    const forged = new Uint8Array([...bytes.subarray(0, firstPacketEnd), ...claim]);
    await expectRefusal(forged, 'too-large');
  });
});

describe('threat: sealing to an unusable key', () => {
  it('refuses expired, revoked and encryption-incapable keys with a message naming the problem', async () => {
    const { coach } = await personas();
    for (const [name, code, words] of [
      ['expired', 'key-expired', /expired on 2020-12-31/],
      ['revoked', 'key-revoked', /revoked/],
      ['sign-only', 'key-cannot-encrypt', /no valid encryption key/],
    ] as const) {
      const persona = await loadPersona(name);
      await expect(assertCanEncryptTo(persona.publicKey)).rejects.toMatchObject({ code, message: expect.stringMatching(words) });
      await expect(sealCase(draft, { supervisorKey: persona.publicKey, coachKey: coach.privateKey })).rejects.toMatchObject({ code });
    }
  });
});
