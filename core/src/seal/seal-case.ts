/**
 * Sealing: encrypt to the other party AND to the sender's own key (so the sender can reopen what
 * they sent), sign with the sender's key. The payload is the markdown of `renderCaseDocument`,
 * stored as a binary literal so GnuPG prints it byte for byte.
 */
import * as openpgp from 'openpgp';
import type { PrivateKey, PublicKey } from 'openpgp';
import { renderCaseDocument, randomHex, validateDocument } from './case-document';
import { CASE_FORMAT_VERSION, type CaseDraft, type ReplyDraft, type Sealed, type SealedDocument, type SupervisionCase, type SupervisionReply } from './case-types';
import { assertCanEncryptTo, assertCanSignWith, formatFingerprint, GNUPG_COMPATIBLE_CONFIG } from './keys';
import { rejectUnknownOptions, SealError } from './seal-error';
import { encodeUtf8 } from './utf8';

export interface SealCaseOptions {
  /** The supervisor's public key: who may read the case. */
  supervisorKey: PublicKey;
  /** The coach's unlocked private key: signs the case, and the coach can reopen it later. */
  coachKey: PrivateKey;
  /** ASCII armor (for pasting into an email) instead of binary. Default false. */
  armor?: boolean;
}

export interface SealReplyOptions {
  /** The coach's public key: who the reply is for. */
  coachKey: PublicKey;
  /** The supervisor's unlocked private key: signs the reply. */
  supervisorKey: PrivateKey;
  armor?: boolean;
}

const CASE_DRAFT_KEYS = ['notes', 'questions', 'deleteAfter', 'caseId', 'createdAt'] as const;
const REPLY_DRAFT_KEYS = ['inReplyTo', 'notes', 'deleteAfter', 'replyId', 'createdAt'] as const;

/**
 * Seals a supervision case for a supervisor: encrypted to the supervisor and the coach, signed by
 * the coach. Refuses unusable keys (`key-expired`, `key-revoked`, `key-cannot-encrypt`,
 * `key-locked`…) and bad drafts (`invalid-input`) before encrypting anything.
 *
 * @example
 * ```ts
 * const { bytes, document } = await sealCase(
 *   { notes: [{ title: 'Session 3', markdown: anonymised }], questions: ['Am I colluding with the sponsor?'] },
 *   { supervisorKey, coachKey },
 * );
 * await writeFile(`${document.caseId}.gpg`, bytes);
 * ```
 */
export async function sealCase(draft: CaseDraft, options: SealCaseOptions): Promise<Sealed<SupervisionCase>> {
  rejectUnknownOptions('sealCase', options, ['supervisorKey', 'coachKey', 'armor']);
  rejectUnknownOptions('sealCase draft', draft, CASE_DRAFT_KEYS);
  requireKey('sealCase: supervisorKey', options.supervisorKey);
  requireKey('sealCase: coachKey', options.coachKey);
  const document: SupervisionCase = {
    kind: 'case',
    formatVersion: CASE_FORMAT_VERSION,
    caseId: draft.caseId ?? `case-${randomHex(8)}`,
    createdAt: isoInstant(draft.createdAt),
    coachFingerprint: formatFingerprint(options.coachKey.getFingerprint()),
    notes: copyNotes(draft.notes),
    questions: Array.isArray(draft.questions) ? [...draft.questions] : [],
    ...(draft.deleteAfter !== undefined ? { deleteAfter: draft.deleteAfter } : {}),
  };
  return seal(document, options.supervisorKey, options.coachKey, options.armor ?? false);
}

/**
 * Seals a supervisor's reply to a case, back to the coach: the same mechanism the other way round.
 *
 * @example
 * ```ts
 * const reply = await sealReply(
 *   { inReplyTo: opened.case.caseId, notes: [{ title: 'Thoughts', markdown: '…' }] },
 *   { coachKey: coachPublic, supervisorKey },
 * );
 * ```
 */
export async function sealReply(draft: ReplyDraft, options: SealReplyOptions): Promise<Sealed<SupervisionReply>> {
  rejectUnknownOptions('sealReply', options, ['coachKey', 'supervisorKey', 'armor']);
  rejectUnknownOptions('sealReply draft', draft, REPLY_DRAFT_KEYS);
  requireKey('sealReply: coachKey', options.coachKey);
  requireKey('sealReply: supervisorKey', options.supervisorKey);
  const document: SupervisionReply = {
    kind: 'reply',
    formatVersion: CASE_FORMAT_VERSION,
    replyId: draft.replyId ?? `reply-${randomHex(8)}`,
    inReplyTo: draft.inReplyTo,
    createdAt: isoInstant(draft.createdAt),
    supervisorFingerprint: formatFingerprint(options.supervisorKey.getFingerprint()),
    notes: copyNotes(draft.notes),
    ...(draft.deleteAfter !== undefined ? { deleteAfter: draft.deleteAfter } : {}),
  };
  return seal(document, options.coachKey, options.supervisorKey, options.armor ?? false);
}

async function seal<T extends SealedDocument>(document: T, recipient: PublicKey, sender: PrivateKey, armor: boolean): Promise<Sealed<T>> {
  validateDocument(document);
  await assertCanSignWith(sender);
  await assertCanEncryptTo(recipient);
  await assertCanEncryptTo(sender);
  const markdown = renderCaseDocument(document);
  const id = document.kind === 'case' ? document.caseId : document.replyId;
  const message = await openpgp.createMessage({ binary: encodeUtf8(markdown), filename: `${id}.md`, format: 'binary' });
  const encryptionKeys = [recipient.isPrivate() ? recipient.toPublic() : recipient, sender.toPublic()];
  const common = { message, encryptionKeys, signingKeys: sender, config: GNUPG_COMPATIBLE_CONFIG };
  const bytes = armor
    ? encodeUtf8(await openpgp.encrypt({ ...common, format: 'armored' }))
    : await openpgp.encrypt({ ...common, format: 'binary' });
  return { bytes, armored: armor, document };
}

function requireKey(where: string, key: unknown): void {
  if (typeof key !== 'object' || key === null || typeof (key as { getFingerprint?: unknown }).getFingerprint !== 'function') {
    throw new SealError('invalid-input', `${where} must be a key object (use readPublicKey / unlockPrivateKey)`);
  }
}

function copyNotes(notes: unknown): { title: string; markdown: string }[] {
  if (!Array.isArray(notes)) throw new SealError('invalid-input', 'notes must be an array of { title, markdown }');
  return notes.map((n: unknown) => {
    if (typeof n !== 'object' || n === null) throw new SealError('invalid-input', 'each note must be { title, markdown }');
    // Only title and markdown travel: a richer note object (e.g. the anonymiser's) must not leak extra fields.
    const { title, markdown } = n as { title?: unknown; markdown?: unknown };
    if (typeof title !== 'string' || typeof markdown !== 'string') throw new SealError('invalid-input', 'each note needs a string title and string markdown');
    return { title, markdown };
  });
}

function isoInstant(date: Date | undefined): string {
  const d = date ?? new Date();
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new SealError('invalid-input', 'createdAt must be a valid Date');
  return d.toISOString();
}
