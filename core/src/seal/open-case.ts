/**
 * Opening: size and structure checks on the raw bytes, decryption with a bounded decompressor, a
 * required valid signature from a trusted key, then an exact parse of the payload. Each refusal is
 * its own SealError code; the caller gets either everything or an error, never part of a case.
 */
import * as openpgp from 'openpgp';
import type { Key, PrivateKey, PublicKey } from 'openpgp';
import { parseCaseDocument } from './case-document';
import { DEFAULT_MAX_CASE_SIZE, type OpenedCase, type OpenedDocument, type OpenedReply, type Signer } from './case-types';
import { compactFingerprint, firstLine, formatFingerprint, GNUPG_COMPATIBLE_CONFIG, primaryUserIdOf } from './keys';
import { rejectUnknownOptions, SealError } from './seal-error';
import { decodeUtf8, encodeUtf8 } from './utf8';

type VerificationResult = Awaited<ReturnType<typeof openpgp.verify>>['signatures'][number];

export interface OpenCaseOptions {
  /** The opener's unlocked private key. */
  recipientKey: PrivateKey;
  /** Public keys whose signature the opener accepts. A valid signature by anyone else is refused. */
  trustedSigners: PublicKey[];
  /** Refuse sealed files, and decompressed content, above this many bytes. Default 50 MB. */
  maxSize?: number;
  /** Check signatures and key validity as of this time. Default now. */
  date?: Date;
}

const OPEN_OPTIONS = ['recipientKey', 'trustedSigners', 'maxSize', 'date'] as const;

/**
 * Opens a sealed supervision case. Refuses, each with its own `SealError` code:
 * `not-a-sealed-case`, `truncated`, `tampered`, `wrong-recipient-key`, `unsigned`,
 * `unknown-signer`, `bad-signature`, `signer-mismatch`, `unsupported-version`, `too-large`,
 * `malformed-case` — and a reply where a case was expected (`malformed-case`).
 *
 * @example
 * ```ts
 * const supervisorKey = await unlockPrivateKey(stored.privateKey, passphrase);
 * const { case: c, signer } = await openCase(bytes, { recipientKey: supervisorKey, trustedSigners: [coachPublic] });
 * console.log(`signed by ${signer.userId} (${signer.fingerprint}) on ${signer.date.toISOString()}`);
 * ```
 */
export async function openCase(sealed: Uint8Array | string, options: OpenCaseOptions): Promise<OpenedCase> {
  const { document, signer } = await openSealed(sealed, options);
  if (document.kind !== 'case') throw new SealError('malformed-case', 'this is a supervision reply, not a case; open it as a reply');
  return { case: document, signer };
}

/**
 * Opens a supervisor's sealed reply; the same checks as `openCase`.
 *
 * @example
 * ```ts
 * const { reply, signer } = await openReply(bytes, { recipientKey: coachKey, trustedSigners: [supervisorPublic] });
 * ```
 */
export async function openReply(sealed: Uint8Array | string, options: OpenCaseOptions): Promise<OpenedReply> {
  const { document, signer } = await openSealed(sealed, options);
  if (document.kind !== 'reply') throw new SealError('malformed-case', 'this is a supervision case, not a reply; open it as a case');
  return { reply: document, signer };
}

/**
 * Opens either a case or a reply, for hosts that do not know in advance (the CLI's `open`).
 *
 * @example
 * ```ts
 * const { document, signer } = await openSealed(bytes, { recipientKey, trustedSigners });
 * if (document.kind === 'reply') showReply(document);
 * ```
 */
export async function openSealed(sealed: Uint8Array | string, options: OpenCaseOptions): Promise<OpenedDocument> {
  rejectUnknownOptions('openCase', options, OPEN_OPTIONS);
  const maxSize = options.maxSize ?? DEFAULT_MAX_CASE_SIZE;
  if (!Number.isSafeInteger(maxSize) || maxSize <= 0) throw new SealError('invalid-input', 'openCase: maxSize must be a positive whole number of bytes');
  if (!options.recipientKey?.isPrivate?.()) throw new SealError('invalid-input', 'openCase: recipientKey must be a private key (use unlockPrivateKey)');
  if (!options.recipientKey.isDecrypted()) throw new SealError('key-locked', 'openCase: the recipient key is locked; unlock it with its passphrase first');
  if (!Array.isArray(options.trustedSigners)) throw new SealError('invalid-input', 'openCase: trustedSigners must be an array of public keys');
  const date = options.date ?? new Date();
  const config = { ...GNUPG_COMPATIBLE_CONFIG, maxDecompressedMessageSize: maxSize };
  const message = await readSealedMessage(sealed, maxSize);
  const recipients = message.getEncryptionKeyIDs();
  if (recipients.length === 0) throw new SealError('not-a-sealed-case', 'this file is not encrypted to anyone\'s key, so it is not a sealed case');
  const ownIds = [options.recipientKey, ...options.recipientKey.getSubkeys()].map((k) => k.getKeyID());
  const forUs = recipients.some((id) => isWildcard(id) || ownIds.some((own) => own.equals(id)));
  if (!forUs) {
    const list = recipients.map((id) => id.toHex().toUpperCase()).join(', ');
    throw new SealError('wrong-recipient-key', `this case was sealed for other keys (${list}), not for ${formatFingerprint(options.recipientKey.getFingerprint())}`);
  }

  let decrypted: { data: Uint8Array; signatures: VerificationResult[] };
  try {
    // No expectSigned here on purpose: we need to tell "unsigned", "unknown signer" and "bad
    // signature" apart, so the signatures are checked one by one below, and the data (all in
    // memory, never streamed to the caller) is released only when one of them verifies.
    decrypted = await openpgp.decrypt({ message, decryptionKeys: options.recipientKey, verificationKeys: options.trustedSigners, format: 'binary', date, config });
  } catch (error) {
    throw classifyDecryptError(error, maxSize);
  }
  if (decrypted.data.length > maxSize) throw tooLarge(`decrypts to ${decrypted.data.length} bytes`, maxSize);
  const signer = await verifiedSigner(decrypted.signatures, options.trustedSigners, date);

  let text: string;
  try {
    text = decodeUtf8(decrypted.data, true);
  } catch {
    throw new SealError('malformed-case', 'the sealed content is not UTF-8 text, so it is not a Coach Guard case');
  }
  const document = parseCaseDocument(text);
  const claimed = document.kind === 'case' ? document.coachFingerprint : document.supervisorFingerprint;
  if (compactFingerprint(claimed) !== compactFingerprint(signer.fingerprint)) {
    throw new SealError('signer-mismatch', `the ${document.kind} says it is from ${claimed} but was signed by ${signer.userId} (${signer.fingerprint})`);
  }
  return { document, signer };
}

async function verifiedSigner(signatures: VerificationResult[], trusted: PublicKey[], date: Date): Promise<Signer> {
  if (signatures.length === 0) throw new SealError('unsigned', 'this case is not signed, so who sent it cannot be checked');
  let unknown: string | undefined;
  let bad: string | undefined;
  let signer: Signer | undefined;
  // Every signature is checked, not just the first good one: a case carrying any signature that
  // fails is refused, as GnuPG reports BADSIG for it even when another signature is good.
  for (const signature of signatures) {
    try {
      await signature.verified;
    } catch (error) {
      const message = firstLine(error);
      if (/could not find signing key/i.test(message)) unknown ??= signature.keyID.toHex().toUpperCase();
      else bad ??= message;
      continue;
    }
    if (signer) continue;
    const key = trusted.find((k) => [k, ...k.getSubkeys()].some((part) => part.getKeyID().equals(signature.keyID)));
    // openpgp only verifies against the keys we gave it, so a verified signature always has its key here.
    if (!key) throw new SealError('unknown-signer', `signed by key ${signature.keyID.toHex().toUpperCase()}, which you do not trust`);
    const packet = await signature.signature;
    const signedAt = packet.packets[0]?.created ?? date;
    const expires = await key.getExpirationTime().catch(() => null);
    signer = {
      fingerprint: formatFingerprint(key.getFingerprint()),
      userId: await primaryUserIdOf(key as Key, expires instanceof Date && expires <= date ? signedAt : date),
      date: signedAt,
      ...(expires instanceof Date && expires <= date ? { keyExpiredSince: expires } : {}),
    };
  }
  if (bad !== undefined) throw new SealError('bad-signature', `the signature does not verify (${bad}): the case was altered or signed with a broken key`);
  if (signer) return signer;
  throw new SealError('unknown-signer', `signed by key ${unknown ?? '(unknown)'}, which is not among the keys you trust; import and trust the sender's public key`);
}

async function dearmor(input: Uint8Array): Promise<Uint8Array> {
  let start = 0;
  while (start < input.length && (input[start] === 0x20 || input[start] === 0x0a || input[start] === 0x0d || input[start] === 0x09)) start++;
  if (input[start] !== 0x2d) return input;
  const text = decodeUtf8(input);
  if (!/-----BEGIN PGP MESSAGE-----/.test(text)) throw new SealError('not-a-sealed-case', 'this armored file is not an OpenPGP message (a key or a signature?)');
  if (!/-----END PGP MESSAGE-----/.test(text)) throw new SealError('truncated', 'the armored case ends before its "END PGP MESSAGE" line: the file is cut short');
  try {
    const { data } = await openpgp.unarmor(text);
    // For a string input openpgp returns the bytes directly, not a stream.
    if (!(data instanceof Uint8Array)) throw new Error('unexpected streamed armor');
    return data;
  } catch (error) {
    throw new SealError('tampered', `the armored case is damaged: ${firstLine(error)}`, { cause: error });
  }
}

/**
 * Walks the top-level OpenPGP packet headers without parsing bodies, so that a file cut short is
 * `truncated` (not a vague parse error) and a packet claiming more than the limit is `too-large`
 * before any of it is buffered or decrypted.
 */
export function scanPackets(bytes: Uint8Array, maxSize: number): void {
  if (bytes.length === 0) throw new SealError('not-a-sealed-case', 'the file is empty');
  let pos = 0;
  let first = true;
  while (pos < bytes.length) {
    const tagByte = bytes[pos]!;
    if ((tagByte & 0x80) === 0) {
      if (first) throw new SealError('not-a-sealed-case', 'this is not an OpenPGP file, so it is not a sealed case');
      throw new SealError('tampered', `the sealed file is damaged at byte ${pos}`);
    }
    const newFormat = (tagByte & 0x40) !== 0;
    const tag = newFormat ? tagByte & 0x3f : (tagByte >> 2) & 0x0f;
    if (first && tag !== 1 && tag !== 3 && tag !== 18 && tag !== 9) {
      throw new SealError('not-a-sealed-case', `this OpenPGP file is ${PACKET_NAMES[tag] ?? `packet type ${tag}`}, not an encrypted case`);
    }
    first = false;
    pos++;
    let total = 0;
    if (newFormat) {
      for (;;) {
        const { length, partial, next } = readNewLength(bytes, pos);
        total += length;
        if (total > maxSize) throw tooLarge(`claims a packet of more than ${total} bytes`, maxSize);
        if (next + length > bytes.length) throw truncated();
        pos = next + length;
        if (!partial) break;
      }
    } else {
      const lengthType = tagByte & 0x03;
      if (lengthType === 3) return; // indeterminate length: runs to the end of the file
      const size = [1, 2, 4][lengthType]!;
      if (pos + size > bytes.length) throw truncated();
      let length = 0;
      for (let i = 0; i < size; i++) length = length * 256 + bytes[pos + i]!;
      if (length > maxSize) throw tooLarge(`claims a packet of ${length} bytes`, maxSize);
      pos += size;
      if (pos + length > bytes.length) throw truncated();
      pos += length;
    }
  }
}

function readNewLength(bytes: Uint8Array, pos: number): { length: number; partial: boolean; next: number } {
  const b1 = bytes[pos];
  if (b1 === undefined) throw truncated();
  if (b1 < 192) return { length: b1, partial: false, next: pos + 1 };
  if (b1 < 224) {
    const b2 = bytes[pos + 1];
    if (b2 === undefined) throw truncated();
    return { length: ((b1 - 192) << 8) + b2 + 192, partial: false, next: pos + 2 };
  }
  if (b1 < 255) return { length: 1 << (b1 & 0x1f), partial: true, next: pos + 1 };
  if (pos + 5 > bytes.length) throw truncated();
  const length = bytes[pos + 1]! * 2 ** 24 + (bytes[pos + 2]! << 16) + (bytes[pos + 3]! << 8) + bytes[pos + 4]!;
  return { length, partial: false, next: pos + 5 };
}

const isWildcard = (id: openpgp.KeyID) => /^0+$/.test(id.toHex());

const PACKET_NAMES: Record<number, string> = {
  2: 'a detached signature',
  4: 'a signed message',
  5: 'a private key',
  6: 'a public key',
  8: 'a compressed message',
  11: 'plain unencrypted data',
  14: 'a public subkey',
};

const truncated = () => new SealError('truncated', 'the sealed file is cut short (truncated): ask for it to be sent again');
const tooLarge = (what: string, maxSize: number) =>
  new SealError('too-large', `the sealed file ${what}, over the ${Math.round(maxSize / 1024 / 1024) || maxSize} ${maxSize >= 1024 * 1024 ? 'MB' : 'byte'} limit`);

function classifyReadError(error: unknown, maxSize: number): SealError {
  const message = firstLine(error);
  if (/decompressed message size exceeded/i.test(message)) return tooLarge('decompresses to more than the limit', maxSize);
  if (/unexpected end|premature|truncat|not enough/i.test(message)) return truncated();
  return new SealError('not-a-sealed-case', `this is not a readable sealed case: ${message}`, { cause: error });
}

function classifyDecryptError(error: unknown, maxSize: number): SealError {
  const message = firstLine(error);
  if (/decompressed message size exceeded/i.test(message)) return tooLarge('decompresses to more than the limit', maxSize);
  if (/modification detected|mdc|authentication tag|integrity/i.test(message)) {
    return new SealError('tampered', 'the sealed case was modified after sealing (integrity check failed)', { cause: error });
  }
  if (/session key decryption failed|no decryption key packets/i.test(message)) {
    // The key ids matched (checked before), yet the session key does not decrypt: the key packet was altered.
    return new SealError('tampered', 'the sealed case names your key but its key packet does not decrypt: it was altered', { cause: error });
  }
  if (/unexpected end|premature|truncat/i.test(message)) return truncated();
  return new SealError('tampered', `the sealed case cannot be decrypted: ${message}`, { cause: error });
}

/**
 * The long key ids (16 hex digits) a sealed file is encrypted to, read from its headers without
 * decrypting — so a host can pick which of its private keys to unlock. Refuses what openCase would
 * refuse for its structure (`not-a-sealed-case`, `truncated`, `too-large`).
 *
 * @example
 * ```ts
 * const ids = await sealedForKeyIds(bytes); // ['9C58EE586A3C2E8A', …]
 * ```
 */
export async function sealedForKeyIds(sealed: Uint8Array | string, maxSize: number = DEFAULT_MAX_CASE_SIZE): Promise<string[]> {
  const message = await readSealedMessage(sealed, maxSize);
  return message.getEncryptionKeyIDs().map((id) => id.toHex().toUpperCase());
}

/**
 * The OpenPGP message in a sealed file, not yet decrypted. The size is checked before anything
 * parses it, and the packets are scanned before openpgp reads them, so a huge or hostile file is
 * refused without being read further.
 */
async function readSealedMessage(sealed: Uint8Array | string, maxSize: number): Promise<openpgp.Message<Uint8Array>> {
  const input = typeof sealed === 'string' ? encodeUtf8(sealed) : sealed;
  if (input.length > maxSize) throw tooLarge(`is ${input.length} bytes`, maxSize);
  const binary = await dearmor(input);
  scanPackets(binary, maxSize);
  try {
    return await openpgp.readMessage({ binaryMessage: binary, config: { ...GNUPG_COMPATIBLE_CONFIG, maxDecompressedMessageSize: maxSize } });
  } catch (error) {
    throw classifyReadError(error, maxSize);
  }
}
