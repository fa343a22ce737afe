import type { Roster } from '../roster';
import { parseRoster } from '../roster';
import { assignPseudonyms, type Assigned } from './assign-pseudonyms';
import { findSuspects } from './find-suspects';
import { cloneMapping, createPseudonymMapping, parsePseudonymMapping } from './pseudonym-mapping';
import { compileRoster } from './recognise-roster';
import { recogniseNames } from './recognise-names';
import { recognisePostcodes, recogniseStructured } from './recognise-structured';
import { Coverage, mergeSpans, type Span } from './span';
import type { AnonymisedNote, AnonymiseOptions, AnonymiseResult, IdentifierReport, PseudonymMapping, Replacement, Suspect } from './types';

const KNOWN_OPTIONS = new Set(['roster', 'mapping']);

/**
 * Replaces every identifier in a case note with a readable, role-keeping pseudonym and lists what
 * it left in place but a human should check (unique job titles, rare events, mosaics).
 *
 * The shareable part is `result.note` (text and suspects). `result.replacements` and
 * `result.mapping` re-identify people: keep them with the coach, never seal or send them.
 * Never throws for odd text (empty, binary-ish, huge); throws a TypeError for bad options.
 *
 * @example
 * const roster = parseRoster({ people: [{ name: 'Priya Shah', role: 'coachee' }], organisations: ['Acme Ltd'] });
 * const first = anonymise('Priya (Head of Treasury at Acme Ltd) met me on 3 March.', { roster });
 * first.text;     // "The coachee (Head of Treasury at Organisation 1) met me on [date, March]."
 * first.suspects; // [{ text: 'Head of Treasury', kind: 'job-title', reason: '…', … }]
 * const second = anonymise('Ms Shah was calmer.', { roster, mapping: first.mapping }); // same pseudonyms
 */
export function anonymise(text: string, options: AnonymiseOptions = {}): AnonymiseResult {
  return anonymiseWith(text, options, 'rules');
}

/**
 * Which name recognisers run: our rules (the default), another recogniser, or both. Internal:
 * the eval passes compromise's entity finder (recognise-compromise.ts) to show which wins. It is
 * passed in rather than imported so that anonymise never loads compromise (about a second).
 */
export type NameRecognisers = 'rules' | 'compromise' | 'both';
export type ExtraRecogniser = (text: string) => Span[];

export function anonymiseWith(text: string, options: AnonymiseOptions, recognisers: NameRecognisers, extraRecogniser?: ExtraRecogniser): AnonymiseResult {
  checkText(text);
  const { roster, mapping } = checkOptions(options);
  const assigned = identify(text, roster, mapping, recognisers, extraRecogniser);
  const replacements: Replacement[] = [];
  const pieces: string[] = [];
  // Offsets of the output, to carry suspects over from the input text.
  const shifts: { inputEnd: number; delta: number }[] = [];
  let cursor = 0;
  let delta = 0;
  for (const span of assigned) {
    const replacement = fitToContext(text, span.start, span.pseudonym);
    pieces.push(text.slice(cursor, span.start), replacement);
    replacements.push({ start: span.start, end: span.end, original: text.slice(span.start, span.end), replacement, type: span.type });
    delta += replacement.length - (span.end - span.start);
    shifts.push({ inputEnd: span.end, delta });
    cursor = span.end;
  }
  pieces.push(text.slice(cursor));
  const output = pieces.join('');

  // An input offset moves by the length change of every replacement that ends before it.
  const toOutput = (offset: number) => {
    // Binary search for the last replacement ending at or before the offset.
    let lo = 0;
    let hi = shifts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (shifts[mid]!.inputEnd <= offset) lo = mid + 1;
      else hi = mid;
    }
    const d = lo === 0 ? 0 : shifts[lo - 1]!.delta;
    return Math.min(output.length, Math.max(0, offset + d));
  };
  const suspects: Suspect[] = findSuspects(text, assigned).map((s) => {
    const start = toOutput(s.start);
    const end = Math.max(start, toOutput(s.end));
    return { ...s, start, end, text: output.slice(start, end) };
  });
  const note: AnonymisedNote = Object.freeze({ kind: 'anonymised-note' as const, text: output, suspects: Object.freeze(suspects.map((s) => ({ ...s }))) });
  return { text: output, suspects, replacements, mapping, note };
}

/**
 * Finds identifiers and suspects WITHOUT replacing anything, for editor diagnostics: every offset
 * is into `text` as given. Pseudonyms are the ones `anonymise` would use with the same options;
 * the mapping passed in is not changed.
 *
 * @example
 * const { identifiers, suspects } = findIdentifiers('Tyler emailed tyler@halvard.com', {});
 * identifiers.map((i) => `${i.text} → ${i.pseudonym}`); // ['Tyler → Colleague 1', 'tyler@halvard.com → [email]']
 */
export function findIdentifiers(text: string, options: AnonymiseOptions = {}): IdentifierReport {
  checkText(text);
  const { roster, mapping } = checkOptions(options);
  const assigned = identify(text, roster, mapping);
  return {
    identifiers: assigned.map((a) => ({ start: a.start, end: a.end, text: text.slice(a.start, a.end), type: a.type, pseudonym: a.pseudonym })),
    suspects: findSuspects(text, assigned),
  };
}

function identify(text: string, roster: Roster | undefined, mapping: PseudonymMapping, recognisers: NameRecognisers = 'rules', extraRecogniser?: ExtraRecogniser): Assigned[] {
  if (recognisers !== 'rules' && !extraRecogniser) throw new TypeError(`anonymise: the "${recognisers}" recognisers need the extra recogniser passed in`);
  const structured = recogniseStructured(text);
  const rosterSpans = compileRoster(roster).find(text);
  const names = recognisers === 'compromise' ? [] : recogniseNames(text, [...structured, ...rosterSpans], roster);
  const extra = recognisers === 'rules' || !extraRecogniser ? [] : extraRecogniser(text);
  // Text that was anonymised before (a note checked again, an edited anonymised note) holds our own
  // pseudonyms: "Colleague 1" or "[date, March]" is not a name or a date to replace again.
  const ours = ownPseudonyms(text);
  const covered = ours.length === 0 ? undefined : new Coverage(text.length, ours);
  const fresh = (spans: Span[]) => (covered ? spans.filter((s) => !covered.overlaps(s.start, s.end)) : spans);
  const spans = mergeSpans([...fresh(structured), ...rosterSpans, ...fresh(names), ...fresh(extra), ...fresh(recognisePostcodes(text))]);
  return assignPseudonyms(text, spans, roster, mapping);
}

const OWN_PSEUDONYM = /(?<![\p{L}\p{N}])(?:(?:Colleague|Organisation|Partner|Child|Relative|Friend|Doctor|Person|Client|Sponsor|Manager|HR contact)(?: (?:\d+|[A-Z]{1,2}))(?![\p{L}\p{N}])|Partner(?![\p{L}\p{N}])|\[(?:date(?:, [A-Za-z]+)?|email|phone|web address|reference|city|place|address|redacted)\])/gu;

/** Where `text` already holds pseudonyms this module writes. */
function ownPseudonyms(text: string): { start: number; end: number }[] {
  return [...text.matchAll(OWN_PSEUDONYM)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** "the coachee" at the start of a sentence becomes "The coachee". */
function fitToContext(text: string, start: number, pseudonym: string): string {
  if (!/^\p{Ll}/u.test(pseudonym)) return pseudonym;
  let i = start - 1;
  while (i >= 0 && /[ \t"'“‘(*_>#|-]/.test(text[i]!)) i--;
  const atSentenceStart = i < 0 || /[\n.!?:|•]/.test(text[i]!);
  return atSentenceStart ? pseudonym[0]!.toUpperCase() + pseudonym.slice(1) : pseudonym;
}

function checkText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`anonymise: text must be a string (got ${text === null ? 'null' : typeof text})`);
}

function checkOptions(options: AnonymiseOptions): { roster: Roster | undefined; mapping: PseudonymMapping } {
  if (typeof options !== 'object' || options === null) throw new TypeError('anonymise options must be an object like { roster, mapping }');
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new TypeError(`anonymise: unknown option "${key}" (expected roster, mapping)`);
  }
  const roster = options.roster === undefined ? undefined : parseRoster(options.roster);
  const mapping = options.mapping === undefined ? createPseudonymMapping() : cloneMapping(parsePseudonymMapping(options.mapping));
  return { roster, mapping };
}
