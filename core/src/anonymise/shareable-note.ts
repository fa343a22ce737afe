import type { AnonymisedNote, Suspect } from './types';

/**
 * Returns a fresh `AnonymisedNote` holding only `kind`, `text` and `suspects` of the value given.
 * Sealing code should pass every note through this before it is serialised: even a JavaScript
 * caller that hands over a whole `AnonymiseResult` (with its replacements and mapping) then
 * seals nothing but the anonymised text. Fails closed: anything that is not a note is refused.
 *
 * @example
 * const { note } = anonymise(text, { roster });
 * const payload = JSON.stringify(shareableNote(note)); // { kind, text, suspects } and nothing else
 */
export function shareableNote(value: AnonymisedNote): AnonymisedNote {
  if (!isAnonymisedNote(value)) throw new TypeError('not an anonymised note: pass the "note" field of what anonymise() returned');
  return Object.freeze({
    kind: 'anonymised-note' as const,
    text: value.text,
    suspects: Object.freeze(value.suspects.map(copySuspect)),
  });
}

/**
 * True for a value of the shape of an `AnonymisedNote` (e.g. one read back from JSON).
 *
 * @example
 * if (!isAnonymisedNote(parsed)) throw new Error('not an anonymised note');
 */
export function isAnonymisedNote(value: unknown): value is AnonymisedNote {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.kind === 'anonymised-note' &&
    typeof v.text === 'string' &&
    Array.isArray(v.suspects) &&
    v.suspects.every(
      (s: unknown) =>
        typeof s === 'object' &&
        s !== null &&
        typeof (s as Suspect).text === 'string' &&
        typeof (s as Suspect).reason === 'string' &&
        typeof (s as Suspect).start === 'number' &&
        typeof (s as Suspect).end === 'number',
    )
  );
}

function copySuspect(s: Suspect): Suspect {
  return Object.freeze({ start: s.start, end: s.end, text: s.text, kind: s.kind, reason: s.reason });
}
