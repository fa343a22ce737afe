/** The shapes of a supervision case and a supervisor's reply, as sealed and as opened. */

/** The one payload format version this build writes and reads. */
export const CASE_FORMAT_VERSION = 1;

/** Refuse anything bigger than this (sealed bytes or decompressed content) unless told otherwise. */
export const DEFAULT_MAX_CASE_SIZE = 50 * 1024 * 1024;

/**
 * One anonymised note: a single-line title and markdown text. The anonymiser's shareable note maps
 * onto this directly; the seal module never sees names, only what the coach chose to share.
 */
export interface CaseNote {
  title: string;
  markdown: string;
}

/** What a coach writes before sealing. Ids, dates and fingerprints are filled in by `sealCase`. */
export interface CaseDraft {
  notes: CaseNote[];
  /** What the coach wants from supervision; at least one. */
  questions: string[];
  /** A retention date, `YYYY-MM-DD`: the supervisor is asked to delete the case after it. */
  deleteAfter?: string;
  /** Defaults to a random id. Letters, digits, `-`, `_` and `.` only. */
  caseId?: string;
  /** Defaults to now. */
  createdAt?: Date;
}

/** What a supervisor writes back. */
export interface ReplyDraft {
  /** The case this answers. */
  inReplyTo: string;
  notes: CaseNote[];
  deleteAfter?: string;
  replyId?: string;
  createdAt?: Date;
}

/** A case as it travels to the supervisor (after opening). */
export interface SupervisionCase {
  kind: 'case';
  formatVersion: typeof CASE_FORMAT_VERSION;
  caseId: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** The coach's primary key fingerprint, 40 hex digits grouped in fours. */
  coachFingerprint: string;
  notes: CaseNote[];
  questions: string[];
  deleteAfter?: string;
}

/** A supervisor's answer to a case, sealed back to the coach. */
export interface SupervisionReply {
  kind: 'reply';
  formatVersion: typeof CASE_FORMAT_VERSION;
  replyId: string;
  inReplyTo: string;
  createdAt: string;
  supervisorFingerprint: string;
  notes: CaseNote[];
  deleteAfter?: string;
}

export type SealedDocument = SupervisionCase | SupervisionReply;

/** Who signed what was opened, taken from the verified signature, never from the payload. */
export interface Signer {
  /** Primary key fingerprint, grouped in fours (even when a subkey made the signature). */
  fingerprint: string;
  /** The signing key's primary user id, e.g. `Alex Coach <alex@example.org>`. */
  userId: string;
  /** When the signature was made. */
  date: Date;
  /**
   * When the signing key expired, if it has by the time of opening. The signature was made while
   * the key was valid (it is refused otherwise), so the file still opens — as GnuPG reports "Good
   * signature … This key has expired" — but the opener should know the sender needs a new key.
   */
  keyExpiredSince?: Date;
}

/** Output of `sealCase` / `sealReply`. */
export interface Sealed<T extends SealedDocument> {
  /** The sealed file's content: OpenPGP binary, or ASCII armor when `armor: true`. */
  bytes: Uint8Array;
  armored: boolean;
  /** What was sealed, exactly as the recipient will read it. */
  document: T;
}

export interface OpenedCase {
  case: SupervisionCase;
  signer: Signer;
}

export interface OpenedReply {
  reply: SupervisionReply;
  signer: Signer;
}

export interface OpenedDocument {
  document: SealedDocument;
  signer: Signer;
}
