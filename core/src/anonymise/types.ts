/**
 * The public shapes of anonymisation. Two kinds of result exist on purpose:
 *
 * - `AnonymisedNote` is what may leave the coach: the anonymised text and the suspects a human
 *   should look at. It carries a `kind` tag so that a sealed supervision package (`sealCase`) can
 *   accept only this type.
 * - `Replacement`s and the `PseudonymMapping` say who is who. They are the coach's alone and are
 *   never part of an `AnonymisedNote`; `AnonymiseResult` has no `kind`, so passing the whole
 *   result where a note is expected is a type error.
 */
import type { Roster } from '../roster';

/** What an identifier is. The names are a public contract (CLI output, mapping files). */
export type IdentifierType = 'person' | 'organisation' | 'place' | 'date' | 'email' | 'phone' | 'url' | 'id-number';

export const IDENTIFIER_TYPES: readonly IdentifierType[] = [
  'person',
  'organisation',
  'place',
  'date',
  'email',
  'phone',
  'url',
  'id-number',
];

/** Why something was left in place but should be looked at before the note leaves. */
export type SuspectKind = 'job-title' | 'rare-event' | 'product' | 'mosaic';

/** Words that were not replaced but may still identify someone. */
export interface Suspect {
  /** Offsets (UTF-16 code units) into the text the suspect was found in. */
  start: number;
  end: number;
  text: string;
  kind: SuspectKind;
  /** One plain sentence saying why a human should look at it. */
  reason: string;
}

/** One identifier found in a text, with the pseudonym it gets (offsets into that text). */
export interface Identifier {
  start: number;
  end: number;
  text: string;
  type: IdentifierType;
  pseudonym: string;
}

/** One edit anonymise made: `start`/`end` are offsets into the ORIGINAL text. Coach-only. */
export interface Replacement {
  start: number;
  end: number;
  original: string;
  replacement: string;
  type: IdentifierType;
}

/** One real-world entity of a case and the pseudonym it keeps across notes and sessions. */
export interface MappingEntry {
  pseudonym: string;
  type: IdentifierType;
  /** Every surface form seen for this entity ("Megan Thursfield", "Megan", "M.T."), as written. */
  forms: string[];
}

/**
 * The re-identification key of one case: which pseudonym stands for whom. Plain JSON, so a host
 * can keep it next to the coach's own notes. It is the coach's alone: it never goes into an
 * `AnonymisedNote` or a sealed case.
 */
export interface PseudonymMapping {
  version: 1;
  entries: MappingEntry[];
}

export interface AnonymiseOptions {
  /** The case's people and organisations; roster people get role-keeping pseudonyms. */
  roster?: Roster;
  /**
   * Pseudonyms from earlier notes of the same case. Never mutated: the updated copy comes back as
   * `AnonymiseResult.mapping`.
   */
  mapping?: PseudonymMapping;
}

/** The shareable part: what a supervisor may see. Build sealed packages from this type only. */
export interface AnonymisedNote {
  readonly kind: 'anonymised-note';
  readonly text: string;
  /** Offsets are into `text` (the anonymised text). */
  readonly suspects: readonly Suspect[];
}

/** Everything anonymise produced. Only `note` may leave the coach's machine. */
export interface AnonymiseResult {
  /** The anonymised text (same as `note.text`). */
  text: string;
  /** Offsets into the anonymised text (same as `note.suspects`). */
  suspects: Suspect[];
  /** Coach-only: what was replaced, with the original words. */
  replacements: Replacement[];
  /** Coach-only: the updated mapping to keep for the next note of this case. */
  mapping: PseudonymMapping;
  /** The shareable note: text and suspects, nothing that re-identifies. */
  note: AnonymisedNote;
}

/** Identifiers and suspects found without replacing anything: offsets into the input text. */
export interface IdentifierReport {
  identifiers: Identifier[];
  suspects: Suspect[];
}
