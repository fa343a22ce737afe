/**
 * The roster's people and organisations in every surface form a coach writes: full name, first
 * name, surname, "Ms Shah", initials ("M.T.", "C. H-D."), "Morag F.", "jordan k", a reversed
 * "Surname, First", aliases, shortened first names ("Montse" for Montserrat) and possessives, and
 * the name typed without its accents or hyphen, or by its usual short form (see name-variants.ts).
 */
import type { Roster } from '../roster';
import { isCommonWord, ORG_SUFFIXES } from './lexicon';
import { givenNameVariants, withoutAccents } from './name-variants';
import type { Span } from './span';

interface Form {
  pattern: string;
  caseSensitive: boolean;
  key: string;
  type: 'person' | 'organisation';
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WS = String.raw`\s+`;
// Only titles that cannot be a relation word ("her sister Megan" must stay "her sister …").
const HONORIFIC = String.raw`(?:(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|pak|ibu)\.?\s+)?`;

function initialsOf(token: string): string[] {
  // "Asante-Mensah" → "A-M", "A.-M."; "Shah" → "S"
  const parts = token.split('-').filter(Boolean);
  if (parts.length > 1) {
    const letters = parts.map((p) => p[0]!);
    return [letters.join('-'), letters.map((l) => `${l}.`).join('-')];
  }
  return [token[0]!];
}

// "X. was very flat": a lone initial stands for a person only when a verb says so.
const LONE_INITIAL_VERB = String.raw`(?=[ \t]+(?:co-)?(?:[a-z]{2,}ed|[a-z]{2,}s|was|is|has|had|said|told|felt|came|heard|knew|took|went|got|made|thought|left|kept|met|saw|sent|spent|won|lost|ran|sat|wrote|spoke|can|will|would|could|might|should)\b)`;

function personForms(name: string, aliases: readonly string[], key: string, loneInitial = false): Form[] {
  const tokens = name.split(/\s+/).filter(Boolean);
  const forms: Form[] = [];
  const add = (pattern: string, caseSensitive: boolean) => forms.push({ pattern, caseSensitive, key, type: 'person' });
  add(HONORIFIC + tokens.map(esc).join(WS), false);
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  for (const token of new Set([...tokens, ...aliases])) {
    if (token.length < 2) continue;
    // A surname like "Hope" or "Young" only counts when capitalised; "jordan" counts either way.
    add(HONORIFIC + esc(token), isCommonWord(token));
  }
  for (const alias of aliases) if (/\s/.test(alias)) add(HONORIFIC + alias.split(/\s+/).map(esc).join(WS), false);
  if (tokens.length > 1) {
    const fi = esc(first[0]!);
    for (const li of initialsOf(last)) {
      const l = esc(li);
      add(String.raw`${fi}\.\s?${l}\.?`, true); // M.T. / M. T. / C.F
      add(String.raw`${fi}\.?\s?${l}\.`, true); // MT. is rare but "C H-D." is not
      if (li.includes('-')) add(String.raw`${fi}\.?\s${l}\.?`, true); // C H-D
      for (const given of [first, ...aliases.filter((a) => !/\s/.test(a))]) {
        add(String.raw`${esc(given)}\s${l}\.?`, true); // Morag F. / Kwabena A-M
        add(String.raw`${esc(given.toLowerCase())}\s${esc(li.toLowerCase())}\.?`, true); // jordan k
      }
    }
    add(String.raw`${fi}\.\s?${esc(last)}`, true); // D. Szymanski
    if (loneInitial) add(String.raw`${fi}\.${LONE_INITIAL_VERB}`, true); // X. was very flat
    if (/^\p{Lu}$/u.test(first[0]!) && /^\p{Lu}/u.test(last)) add(esc(first[0]! + initialsOf(last)[0]!.replace(/-/g, '')), true); // DF, MDH
    // "JH" for Park Ji-hoon: a romanised given name's syllables, written family name first.
    if (tokens.length === 2 && /^\p{Lu}\p{Ll}{1,3}-\p{Ll}{2,4}$/u.test(last)) add(esc(last.split('-').map((p) => p[0]!.toUpperCase()).join('')), true);
    // Every name's initial: "HKS" for Harpreet Kaur Sandhu; and the given names' after a family
    // name written first: "JK" for Tan Jun Kai.
    if (tokens.length > 2 && tokens.every((t) => /^\p{Lu}/u.test(t))) {
      add(esc(tokens.map((t) => t[0]).join('')), true);
      add(esc(tokens.slice(1).map((t) => t[0]).join('')), true);
    }
    add(`${esc(last)},\\s+${esc(first)}`, false); // Szymanski, Dwayne
  }
  return forms;
}

function orgForms(name: string, key: string): Form[] {
  const tokens = name.split(/\s+/).filter(Boolean);
  const forms: Form[] = [];
  const add = (pattern: string, caseSensitive: boolean) => forms.push({ pattern, caseSensitive, key, type: 'organisation' });
  add(tokens.map(esc).join(WS), false);
  // "Buckeye Fastener Co." → "Buckeye Fastener"; "Saguaro Unified School District" → "Saguaro Unified".
  let core = tokens;
  while (core.length > 1 && ORG_SUFFIXES.has(core[core.length - 1]!.toLowerCase().replace(/\.$/, ''))) {
    core = core.slice(0, -1);
    add(core.map(esc).join(WS), core.length === 1 && isCommonWord(core[0]!));
  }
  const first = tokens[0]!;
  if (tokens.length > 1 && first.length >= 4 && !isCommonWord(first)) add(esc(first), false);
  // Initials of the full name and of each shortened form: "LMIL", "LMI".
  const acronyms = new Set<string>();
  for (let n = tokens.length; n >= 1; n--) {
    const capitals = tokens.slice(0, n).filter((t) => /^\p{Lu}/u.test(t)).map((t) => t[0]).join('');
    if (capitals.length >= 3) acronyms.add(capitals);
  }
  for (const a of acronyms) add(esc(a), true);
  return forms;
}

/** A compiled roster matcher; build once per roster, run on every note. */
export interface RosterMatcher {
  find(text: string): Span[];
  /** First names of roster people, for nickname matching ("Montse" for "Montserrat"). */
  givenNames: { name: string; key: string }[];
}

// A coach anonymises many notes with one roster; compiling its regexes once matters (see bench).
const compiled = new Map<string, RosterMatcher>();

// Keyed by content, not by object: a host that edits its roster in place must never get the
// matcher of the old roster back (that would fail open, missing the person just added).
export function compileRoster(roster: Roster | undefined): RosterMatcher {
  const key = JSON.stringify([roster?.people ?? [], roster?.organisations ?? []]);
  let matcher = compiled.get(key);
  if (!matcher) {
    matcher = compileRosterUncached(roster);
    if (compiled.size >= 256) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, matcher);
  }
  return matcher;
}

function compileRosterUncached(roster: Roster | undefined): RosterMatcher {
  const forms: Form[] = [];
  const givenNames: { name: string; key: string }[] = [];
  roster?.people.forEach((p, i) => {
    const key = `person:${i}`;
    // Only an initial no one else on the roster shares.
    const initial = p.name[0];
    const loneInitial = /^\p{Lu}$/u.test(initial ?? '') && roster.people.filter((q) => q.name[0] === initial).length === 1;
    const aliases = [...(p.aliases ?? []), ...givenNameVariants(p.name.split(/\s+/)[0]!)];
    forms.push(...personForms(p.name, aliases, key, loneInitial));
    const plain = withoutAccents(p.name);
    if (plain !== p.name) forms.push(...personForms(plain, aliases.map(withoutAccents), key, loneInitial));
    for (const t of new Set([...p.name.split(/\s+/), ...plain.split(/\s+/)])) if (t.length >= 4) givenNames.push({ name: t, key });
  });
  roster?.organisations.forEach((o, i) => {
    forms.push(...orgForms(o, `org:${i}`));
    const plain = withoutAccents(o);
    if (plain !== o) forms.push(...orgForms(plain, `org:${i}`));
  });
  // Each form is tried only where a word that can start it begins, so a note costs one scan of
  // its words plus a few anchored matches, however long the roster.
  const weight = (f: Form) => f.pattern.replace(HONORIFIC, '').length;
  const byFirstWord = new Map<string, { form: Form; regex: RegExp }[]>();
  for (const form of [...forms].sort((a, b) => weight(b) - weight(a))) {
    // Boundaries are checked in code, not in the pattern: a case-insensitive Unicode \\p{L} costs
    // a lot to compile, and a roster brings dozens of these patterns.
    const regex = new RegExp(form.pattern, form.caseSensitive ? 'y' : 'iy');
    for (const word of firstWords(form.pattern)) {
      const list = byFirstWord.get(word) ?? [];
      list.push({ form, regex });
      byFirstWord.set(word, list);
    }
  }
  // The first words as one alternation, longest first (no u flag: cheap to compile and to run,
  // and case-insensitive matching still folds accented letters). A match is used only when it is
  // a whole word, checked in code, so the scan skips every word no form can start with.
  const anchor = new RegExp(
    [...byFirstWord.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(esc).join('|'),
    'gi',
  );
  return {
    givenNames,
    find(text: string): Span[] {
      const spans: Span[] = [];
      if (byFirstWord.size === 0) return spans;
      let skipTo = 0;
      anchor.lastIndex = 0;
      for (let w = anchor.exec(text); w !== null; w = anchor.exec(text)) {
        if (w.index < skipTo) continue;
        const wordEnd = w.index + w[0].length;
        if ((w.index > 0 && WORD_CHAR.test(text[w.index - 1]!)) || (wordEnd < text.length && WORD_CHAR.test(text[wordEnd]!))) continue;
        const candidates = byFirstWord.get(w[0].toLowerCase());
        if (!candidates) continue;
        for (const { form, regex } of candidates) {
          regex.lastIndex = w.index;
          const m = regex.exec(text);
          if (!m || (w.index > 0 && text[w.index - 1] === '_')) continue;
          const after = text[w.index + m[0].length];
          if (after !== undefined && /[\p{L}\p{N}_]/u.test(after) && /[\p{L}\p{N}]$/u.test(m[0])) continue;
          spans.push({ start: w.index, end: w.index + m[0].length, type: form.type, source: 'roster', rosterKey: form.key });
          skipTo = w.index + m[0].length;
          break;
        }
      }
      return spans;
    },
  };
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** The lower-case words a form's pattern can start with (its optional title, then its first word). */
function firstWords(pattern: string): string[] {
  const words: string[] = [];
  let rest = pattern;
  if (rest.startsWith(HONORIFIC)) {
    words.push('mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'pak', 'ibu');
    rest = rest.slice(HONORIFIC.length);
  }
  // The pattern starts with an escaped literal; its first run of letters or digits is the word.
  const literal = rest.replace(/\\[sSdDwWbB]/g, ' ').replace(/\\(.)/g, '$1');
  const first = /^[\p{L}\p{N}]+/u.exec(literal);
  if (first) words.push(first[0].toLowerCase());
  return words;
}
