/**
 * Sentences, clauses and words, with offsets into the original text.
 *
 * Hand-written rather than compromise's tokenizer: compromise needs ~5 ms for a 70-word paragraph
 * (≈ 450 ms for 6,000 words) against a 5 ms budget for the whole message, and every loop here is a
 * single left-to-right pass over characters or tokens, so adversarial input stays linear.
 */

export interface Segment {
  start: number;
  end: number;
}

export interface Token {
  /** Lower-case, curly apostrophes straightened, clitics normalised ("n't" → "not", "'m" → "am"). */
  norm: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter as written (acronyms such as "EAP" do not count). */
  cap: boolean;
  /** Punctuation token (one character) rather than a word. */
  punct: boolean;
}

/** Sentences longer than this (characters) are cut; real sentences are far shorter. */
const MAX_SENTENCE = 1200;
/** Clauses longer than this are cut so that look-backs stay bounded on walls of text. */
const MAX_CLAUSE_TOKENS = 80;

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'e.g', 'i.e', 'etc', 'vs', 'approx', 'no', 'ref', 'inc', 'ltd', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

// ASCII first: these run once per character on every keystroke, and a regex per character is slow.
const isLetter = (c: string) => {
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 65 && k <= 90) || (k >= 97 && k <= 122);
  return /\p{L}/u.test(c);
};
const isWordChar = (c: string) => {
  const k = c.charCodeAt(0);
  if (k < 128) return (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || (k >= 48 && k <= 57);
  // Surrogate halves (emoji and other astral symbols) never make a word the detector knows.
  if (k >= 0xd800 && k <= 0xdfff) return false;
  return /[\p{L}\p{N}\p{M}]/u.test(c);
};
/** Emoji (astral) and the pictographic symbol blocks (arrows, dingbats, ✅ ❤ ☺). */
const isPictograph = (c: string) => {
  const k = c.charCodeAt(0);
  return (k >= 0xd800 && k <= 0xdbff) || (k >= 0x2190 && k <= 0x2bff);
};
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u2028' || c === '\u2029';
const isUpper = (c: string) => {
  const k = c.charCodeAt(0);
  if (k < 128) return k >= 65 && k <= 90;
  return c !== c.toLowerCase() && c === c.toUpperCase();
};
const isApostrophe = (c: string) => c === "'" || c === '\u2019';

/**
 * Splits text into sentences. A line break ends a sentence when the line looks finished (ends in
 * punctuation, or the next line starts a list item or a capital) — emails are written line by line,
 * but hard-wrapped paragraphs carry on in lower case.
 *
 * @example
 * segmentSentences('Hi Sam. See you Tuesday.') // [{start: 0, end: 7}, {start: 8, end: 24}]
 */
export function segmentSentences(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s]!)) s++;
    while (e > s && isSpace(text[e - 1]!)) e--;
    // A wall of text with no full stop is cut into pieces, at a space where there is one, so no
    // single "sentence" makes the per-sentence work grow with the length of the whole text.
    while (e - s > MAX_SENTENCE) {
      let cut = s + MAX_SENTENCE;
      const floor = s + MAX_SENTENCE / 2;
      while (cut > floor && !isSpace(text[cut]!)) cut--;
      if (cut === floor) cut = s + MAX_SENTENCE;
      // Never split a surrogate pair.
      const code = text.charCodeAt(cut);
      if (code >= 0xdc00 && code <= 0xdfff) cut--;
      out.push({ start: s, end: cut });
      s = cut;
      while (s < e && isSpace(text[s]!)) s++;
    }
    if (e > s) out.push({ start: s, end: e });
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const k = text.charCodeAt(i);
    // Fast path: only line breaks and sentence-ending marks can end a sentence.
    if (k !== 0x0a && k !== 0x2e && k !== 0x21 && k !== 0x3f && k !== 0x2026) continue;
    const c = text[i]!;
    if (c === '\n') {
      let j = i + 1;
      let blank = false;
      while (j < n && isSpace(text[j]!)) {
        if (text[j] === '\n') blank = true;
        j++;
      }
      let k = i - 1;
      while (k >= start && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k--;
      const prev = k >= start ? text[k]! : '';
      const next = j < n ? text[j]! : '';
      const prevFinished = /[.!?:;,)\]"'\u201d\u2019—–-]/u.test(prev) || prev === '' || !isLetter(prev);
      const nextStarts = next === '' || !isLetter(next) || isUpper(next);
      if (blank || prevFinished || nextStarts) {
        push(i);
        start = i + 1;
      }
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === '\u2026') {
      let j = i + 1;
      while (j < n && /[.!?"'\u201d\u2019)\]]/u.test(text[j]!)) j++;
      if (j < n && !isSpace(text[j]!)) continue;
      if (c === '.' && j === i + 1) {
        // "Mr. Okafor", "e.g. this": the word before the full stop is a known abbreviation.
        let w = i - 1;
        while (w >= start && !isSpace(text[w]!)) w--;
        const word = text.slice(w + 1, i).toLowerCase();
        if (ABBREVIATIONS.has(word) || (word.length === 1 && isLetter(word))) continue;
        // "3.5 hours": a number continues.
        if (j + 1 < n && /\p{N}/u.test(text[j + 1]!) && /\p{N}/u.test(text[i - 1] ?? '')) continue;
      }
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(n);
  return out;
}

const KEPT_PUNCTUATION = new Set([',', ';', ':', '.', '?', '!', '-', '\u2014', '\u2013', '(', ')', '[', ']', '\u2022', '"', "'", '\u2018', '\u2019', '\u201c', '\u201d', '/', '&', '\u2026']);

const CLITICS: Record<string, string> = { "n't": 'not', "'m": 'am', "'re": 'are', "'ve": 'have', "'ll": 'will', "'d": 'would', "'s": "'s" };

/**
 * Words and punctuation of `text.slice(start, end)`. Contractions are split so that "she's" reads
 * as "she" + "'s" and "won't" as "will" + "not": who is the subject, and whether it is negated,
 * matter more than the surface form.
 */
export function tokenise(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (!isWordChar(c)) {
      // A run of the same mark ("!!!", "''''") is one token; marks that never change a reading
      // (emoji, symbols) are dropped. Both keep walls of punctuation cheap.
      let j = i + 1;
      while (j < end && text[j] === c) j++;
      if (KEPT_PUNCTUATION.has(c)) tokens.push({ norm: c === '\u2019' || c === '\u2018' ? "'" : c, start: i, end: j, cap: false, punct: true });
      else if (isPictograph(c)) {
        // "sessions all done ✅ he's a changed man": in chat an emoji ends a clause like a full stop.
        while (j < end && !isSpace(text[j]!) && !isWordChar(text[j]!) && !KEPT_PUNCTUATION.has(text[j]!)) j++;
        tokens.push({ norm: '•', start: i, end: j, cap: false, punct: true });
      }
      i = j;
      continue;
    }
    let j = i + 1;
    // A word runs on through letters, digits, inner apostrophes, hyphens and dots ("e.g", "9.30").
    while (j < end) {
      const d = text[j]!;
      if (isWordChar(d)) j++;
      else if ((isApostrophe(d) || d === '-' || d === '.' || d === '&') && j + 1 < end && isWordChar(text[j + 1]!)) j++;
      else break;
    }
    pushWord(text, i, j, tokens);
    i = j;
  }
  return tokens;
}

function pushWord(text: string, start: number, end: number, tokens: Token[]) {
  const raw = text.slice(start, end);
  let lower = raw.toLowerCase();
  if (lower.includes('\u2019')) lower = lower.replace(/\u2019/g, "'");
  // An acronym (EAP, PIP, HR) is capitalised but never a person's name.
  const upperFirst = isUpper(raw[0]!);
  const cap = upperFirst && !(raw.length > 1 && raw === raw.toUpperCase());
  const apostrophe = lower.lastIndexOf("'");
  if (apostrophe > 0) {
    const tail = lower.slice(apostrophe);
    const notTail = lower.endsWith("n't") ? "n't" : null;
    if (notTail) {
      const cut = end - 3;
      let base = lower.slice(0, -3);
      if (base === 'wo') base = 'will';
      else if (base === 'ca') base = 'can';
      else if (base === 'sha') base = 'shall';
      tokens.push({ norm: base, start, end: cut, cap, punct: false });
      tokens.push({ norm: 'not', start: cut, end, cap: false, punct: false });
      return;
    }
    const clitic = CLITICS[tail];
    if (clitic) {
      const cut = start + apostrophe;
      tokens.push({ norm: lower.slice(0, apostrophe), start, end: cut, cap, punct: false });
      tokens.push({ norm: clitic, start: cut, end, cap: false, punct: false });
      return;
    }
  }
  // "Students'" (plural possessive) and stray trailing dots are dropped from the word itself.
  tokens.push({ norm: lower, start, end, cap, punct: false });
}

/** Words and punctuation that end a clause inside a sentence. */
const CLAUSE_BREAK_PUNCT = new Set([';', '—', '–', '(', ')', '[', ']', '•']);
/** Connectives that, after a comma, start a new clause with its own subject. */
const COMMA_CONNECTIVES = new Set(['but', 'so', 'and', 'which', 'although', 'though', 'because', 'as', 'while', 'whereas', 'however', 'since', 'if', 'or', 'then', 'plus', 'yet']);
const BARE_CONNECTIVES = new Set(['but', 'although', 'though', 'whereas', 'however', 'because']);

/**
 * Cuts a sentence's tokens into clauses: at semicolons, dashes, brackets, a colon, and a comma or
 * bare contrast word followed by a connective ("…, but he…", "…, which I think…").
 */
export function splitClauses(tokens: Token[]): Token[][] {
  const clauses: Token[][] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.some((t) => !t.punct)) clauses.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.punct && (CLAUSE_BREAK_PUNCT.has(t.norm) || (t.norm === '-' && i > 0 && tokens[i - 1]!.end < t.start && i + 1 < tokens.length && tokens[i + 1]!.start > t.end))) {
      flush();
      continue;
    }
    if (t.punct && t.norm === ':') {
      current.push(t);
      flush();
      continue;
    }
    if (t.punct && t.norm === ',' && i + 1 < tokens.length && COMMA_CONNECTIVES.has(tokens[i + 1]!.norm)) {
      flush();
      continue;
    }
    if (!t.punct && BARE_CONNECTIVES.has(t.norm) && current.length > 2) flush();
    current.push(t);
    if (current.length >= MAX_CLAUSE_TOKENS) flush();
  }
  flush();
  return clauses;
}
