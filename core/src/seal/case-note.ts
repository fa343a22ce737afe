import { shareableNote } from '../anonymise/shareable-note';
import type { AnonymisedNote } from '../anonymise/types';
import type { CaseNote } from './case-types';
import { SealError } from './seal-error';

/**
 * Turns the anonymiser's output into a note for a case. Goes through `shareableNote`, so only the
 * anonymised text can travel — never the replacements or the pseudonym mapping, even when a
 * caller passes more than the note. Fails closed on anything that is not an anonymised note.
 *
 * @example
 * ```ts
 * const { note } = anonymise(sessionText, { roster });
 * const caseNote = caseNoteFromAnonymised('Session 3', note);
 * await sealCase({ notes: [caseNote], questions }, { supervisorKey, coachKey });
 * ```
 */
export function caseNoteFromAnonymised(title: string, note: AnonymisedNote): CaseNote {
  let shareable: AnonymisedNote;
  try {
    shareable = shareableNote(note);
  } catch (error) {
    throw new SealError('invalid-input', error instanceof Error ? error.message : String(error));
  }
  return { title, markdown: shareable.text };
}
