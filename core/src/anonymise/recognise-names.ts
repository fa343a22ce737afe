/**
 * People, organisations and places that are NOT in the roster: colleagues, partners, children,
 * other companies, schools, hospitals, cities. Found by shape and context rather than by list:
 *
 * - a run of capitalised words in mid-sentence is a proper noun unless every word is a calendar,
 *   culture, role or function word ("Western", "Treasury", "Customer Success");
 * - at the start of a sentence capitals say nothing, so a word there needs more: it is a known
 *   name to compromise's lexicon, or not an English word at all, or it is found elsewhere as a name;
 * - the last word types it (Ltd, Trust, Hospital → organisation; Street, Road → address), and so
 *   do the words before it ("her partner X" → a partner, "in X" → a place, "Dr X" → a person);
 * - every word of a name found once is replaced everywhere ("Tyler Osgood" … "Tyler").
 */
import type { Roster } from '../roster';
import {
  FUNCTION_WORDS,
  isCultureWord,
  HONORIFICS,
  isCommonWord,
  isEverydayWord,
  isKnownName,
  isKnownPlace,
  isKnownWord,
  isSentenceOpener,
  NEVER_NAMES,
  ORG_SUFFIXES,
  PLACE_ACRONYMS,
  PLACE_SUFFIXES,
  RELATIONS,
  TITLE_WORDS,
} from './lexicon';
import { Coverage, type PersonHint, type Span } from './span';

interface Token {
  start: number;
  end: number;
  word: string;
  lower: string;
}

// A capitalised word, with inner hyphens and apostrophes (Asante-Mensah, O'Brien, Kerry-Ann), or an initial ("C.").
// The lookahead is a cheap first test (every capital is A-Z or above U+00C0): it halves the scan.
const CAPITALISED = /(?=[A-Z\u00c0-\uffff])(?:\p{Lu}(?<![\p{L}\p{M}\p{N}_@/&]\p{Lu})[\p{L}\p{M}]*(?:[-'’]\p{Lu}[\p{L}\p{M}]*|[-']\p{Ll}[\p{L}\p{M}]{2,})*|\p{Lu}(?<![\p{L}\p{M}\p{N}_@/&]\p{Lu})\.)(?![\p{L}\p{M}\p{N}_@&])(?!['’](?!s(?![\p{L}]))\p{L})/gu;
/** Title words that are given names as well: before a surname they are the name. */
const GIVEN_NAME_TITLES = new Set(['dean']);
// "St. Luke's Hospital", "Mt. Sinai": an abbreviation with a full stop that starts a name.
const SAINT = new Set(['st', 'ste', 'mt', 'ft']);
const MAX_NAME_WORDS = 8;
const AMBIGUOUS_GIVEN_NAMES = new Set(['will', 'may', 'june', 'april', 'august', 'jan', 'sunday', 'summer', 'autumn', 'winter']);
const CONNECTORS = new Set(['of', 'de', 'da', 'di', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'al', 'el', 'bin', 'binti', 'ibn', '&', 'and', 'for', 'the', 'on', 'upon']);
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'around', 'to', 'towards', 'via', 'across', 'from']);

/** The last `n` words before a name, lower-cased, skipping a trailing comma or full stop. */
function wordsBefore(before: string, n: number): string[] {
  const words: string[] = [];
  let i = before.length - 1;
  while (words.length < n && i >= 0) {
    while (i >= 0 && /[\s,.]/.test(before[i]!)) i--;
    const end = i + 1;
    while (i >= 0 && !/[\s,.;:!?()"“”]/.test(before[i]!)) i--;
    if (end === i + 1) break;
    words.unshift(before.slice(i + 1, end).toLowerCase());
    if (i >= 0 && /[;:!?()"“”\n]/.test(before[i]!)) break;
  }
  return words;
}

function afterPlacePreposition(before: string): boolean {
  const [a, b] = wordsBefore(before, 2).reverse();
  return a !== undefined && (PLACE_PREPOSITIONS.has(a) || (a === 'the' && b !== undefined && PLACE_PREPOSITIONS.has(b)));
}
const PERSON_VERBS = /^\s*(?:,|\(|=|['’]s\b|\s(?:from|is|was|has|had|says|said|thinks|thought|feels|felt|wants|wanted|told|tells|asked|asks|came|comes|called|calls|seems|seemed|will|would|can|could|did|does|didn['’]t|doesn['’]t|isn['’]t|wasn['’]t|hasn['’]t|won['’]t|and|who|went|got|gave|sent|emailed|mentioned|cried|laughed|joined|left|died|never|always|just|also|knows|knew|believes|admitted|agreed|refused|met|saw|kept|made|took|spent|brought|began|ran|led|lost|won|fell|sat|spoke|wrote|needs|needed|\p{Ll}+ed)\b)/u;

function isSentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  let quoted = false;
  while (i >= 0 && /[ \t"'“‘”’(*_>#\d]/.test(text[i]!)) {
    // A list number "2. Name" counts as a boundary, a year or count "3 Name" does not.
    if (/\d/.test(text[i]!) && !/[.)]/.test(text[i + 1] ?? '')) return false;
    // A quote opens a sentence, unless it holds one unusual word mid-sentence: a shift boss, "Davo", …
    if (/["“‘]/.test(text[i]!) && i === index - 1) {
      const word = /^[\p{L}\p{M}'’-]+(?=["”’])/u.exec(text.slice(index, index + 40))?.[0];
      quoted = word === undefined || isCommonWord(word) || !/[\p{L},]\s*$/u.test(text.slice(Math.max(0, i - 3), i));
    }
    i--;
  }
  if (i < 0 || quoted) return true;
  const c = text[i]!;
  if (/[\n!?:;|•—–-]/.test(c)) return true;
  if (c === '.') {
    // "Dr. Kenneth" or "Prof. Jacinta" is not a sentence end; "M. T." neither.
    const before = /(?<![\p{L}'’])(\p{L}+)\.$/u.exec(text.slice(Math.max(0, i - 12), i + 1));
    if (before && (HONORIFICS.has(before[1]!.toLowerCase()) || /^\p{Lu}$/u.test(before[1]!))) return false;
    return true;
  }
  return false;
}

/**
 * A word that is a whole field of a header line: "Sid — session 3 — 3 Oct — Parramatta",
 * "Log | Morag F. | Partick". Such a field is a name, a place or a date, not prose.
 */
function isHeaderField(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start);
  const after = text.slice(end, end + 4);
  return /(?:[—–|]|\/\/|\s-)\s*$/.test(before) && /^\s*(?:$|\n|[—–|,(]|\/\/|-\s)/.test(after);
}

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  // exec with lastIndex, not matchAll: this runs on every capital of every note (see bench).
  CAPITALISED.lastIndex = 0;
  for (let m = CAPITALISED.exec(text); m !== null; m = CAPITALISED.exec(text)) {
    let word = m[0];
    // A possessive stays with the sentence: "Jordan's" → "Jordan".
    const n = word.length;
    if (n > 2 && word.charCodeAt(n - 1) === 115 /* s */ && (word[n - 2] === "'" || word[n - 2] === '’')) word = word.slice(0, -2);
    tokens.push({ start: m.index, end: m.index + word.length, word, lower: word.toLowerCase() });
  }
  return tokens;
}

const RAG_COLOURS = new Set(['amber', 'red', 'green']);
const CHAT_SPEAKER_AFTER = /^\*{0,2}[ \t]+\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?(?![\d:])/;
// "Min-jun", "Seo-yeon", and doubled pet names like "Jun-Jun".
const SYLLABLE_NAME = /^\p{Lu}\p{Ll}{1,3}-(?:\p{Ll}{2,4}|\p{Lu}\p{Ll}{1,3})$/u;
const isAcronym = (w: string) => /^\p{Lu}{2,6}s?$/u.test(w) && w.length <= 6;
const isInitial = (w: string) => /^\p{Lu}\.$/u.test(w);

// Notes repeat their words: answers are cached per word (bounded, like the lexicon's).
const plainMid = new Map<string, boolean>();
const plainAtStart = new Map<string, boolean>();

/** A word that never makes a sequence a name by itself. */
function isPlainWord(t: Token, atStart: boolean): boolean {
  const cache = atStart ? plainAtStart : plainMid;
  let answer = cache.get(t.word);
  if (answer === undefined) {
    answer = isPlainWordUncached(t, atStart);
    if (cache.size > 50_000) cache.clear();
    cache.set(t.word, answer);
  }
  return answer;
}

function isPlainWordUncached(t: Token, atStart: boolean): boolean {
  const l = t.lower;
  if (NEVER_NAMES.has(l) || isCultureWord(l) || FUNCTION_WORDS.has(l) || TITLE_WORDS.has(l) || l in RELATIONS) return true;
  if (l.endsWith('s') && (NEVER_NAMES.has(l.slice(0, -1)) || isCultureWord(l.slice(0, -1)))) return true;
  if (isAcronym(t.word)) return !PLACE_ACRONYMS.has(l);
  // "Welsh-speaking", "Forty-plus": a compound of plain words is plain.
  // "Min-jun", "Seo-yeon": a romanised two-syllable given name is no compound of words.
  if (l.includes('-') && !SYLLABLE_NAME.test(t.word) && l.split('-').every((part) => part === '' || NEVER_NAMES.has(part) || isCultureWord(part) || isCommonWord(part))) return true;
  if (atStart) return (isCommonWord(t.word) || isEverydayWord(t.word)) && !isKnownName(t.word);
  return false;
}

export function recogniseNames(text: string, known: readonly Span[], roster: Roster | undefined): Span[] {
  const knownCoverage = new Coverage(text.length, known);
  const tokens = tokenise(text).filter((t) => !knownCoverage.overlaps(t.start, t.end));
  const spans: Span[] = [];
  const nameTokens = new Map<string, Span['type']>();

  // 1. Group neighbouring capitalised words into sequences ("Gold Coast Commercial Bank", "Bank of Scotland").
  const sequences: Token[][] = [];
  let current: Token[] = [];
  // "King's College School" is one name; "Priya's Sales team" is a name then other words.
  const possessiveAt = new Set<Token>();
  const flush = () => {
    if (current.length === 0) return;
    const last = current[current.length - 1]!.lower.replace(/\.$/, '');
    if (possessiveAt.size === 0 || ORG_SUFFIXES.has(last) || PLACE_SUFFIXES.has(last)) {
      sequences.push(current);
    } else {
      let part: Token[] = [];
      for (const t of current) {
        part.push(t);
        if (possessiveAt.has(t)) {
          sequences.push(part);
          part = [];
        }
      }
      if (part.length > 0) sequences.push(part);
    }
    possessiveAt.clear();
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = current[current.length - 1];
    if (prev) {
      const gap = text.slice(prev.end, t.start);
      const possessive = /^['’]s $/.test(gap);
      const joined =
        /^ ?$/.test(gap) ||
        possessive ||
        (gap === '. ' && (HONORIFICS.has(prev.lower) || SAINT.has(prev.lower))) ||
        (/^ (?:(?:\p{Ll}+|&) ){1,2}$/u.test(gap) && gap.trim().split(' ').every((w) => CONNECTORS.has(w)));
      // No name runs past eight words; a longer run of capitals ("March March March…") is cut, which
      // also keeps the per-sequence work below bounded.
      if (joined && current.length < MAX_NAME_WORDS) {
        if (possessive) possessiveAt.add(prev);
        current.push(t);
        continue;
      }
      flush();
    }
    current = [t];
  }
  flush();

  for (let seq of sequences) {
    // "Tyler and Jordan" is two people; "Bank of Scotland" or "Marks and Spencer Group" is one organisation.
    for (const part of splitAtConnectors(text, seq)) {
      seq = part;
      const atStart = isSentenceStart(text, seq[0]!.start);
      // "her partner, Will," / "her husband May": after a relation word a given name that is also a word is a name.
      if (seq.length === 1 && AMBIGUOUS_GIVEN_NAMES.has(seq[0]!.lower)) {
        const hint = personHint(text.slice(Math.max(0, seq[0]!.start - 40), seq[0]!.start));
        if (hint) {
          spans.push({ start: seq[0]!.start, end: seq[0]!.end, type: 'person', source: 'rules', hint });
          if (!nameTokens.has(seq[0]!.word)) nameTokens.set(seq[0]!.word, 'person');
          continue;
        }
      }
      // Leading "The", honorific-free sentence starters, and trailing calendar words are not the name.
      // "Will Ashworth", "May Chen", "June Osei": a calendar word or modal that is also a given name
      // stays when a surname follows it.
      const givenNameLike = (i: number) => AMBIGUOUS_GIVEN_NAMES.has(seq[i]!.lower) && seq[i + 1] !== undefined && !isPlainWord(seq[i + 1]!, false);
      while (seq.length > 0 && NEVER_NAMES.has(seq[0]!.lower) && !HONORIFICS.has(seq[0]!.lower) && !TITLE_WORDS.has(seq[0]!.lower) && !givenNameLike(0)) seq = seq.slice(1);
      // …but "HDFC Bank" keeps its "Bank" ("bank" is listed for "Bank Holiday").
      while (seq.length > 0 && NEVER_NAMES.has(seq[seq.length - 1]!.lower) && !(seq.length > 1 && ORG_SUFFIXES.has(seq[seq.length - 1]!.lower))) seq = seq.slice(0, -1);
      // "Wife Lakshmi doesn't want to move": the relation is not the name (it gives the hint).
      while (seq.length > 1 && seq[0]!.lower in RELATIONS && !HONORIFICS.has(seq[0]!.lower)) seq = seq.slice(1);
      // "**Hope Nakamura** 11:52 PM": a speaker's label in a pasted chat is a whole name.
      const speakerLabel = seq.length > 0 && CHAT_SPEAKER_AFTER.test(text.slice(seq[seq.length - 1]!.end, seq[seq.length - 1]!.end + 16));
      // "Later Tyler said": at a sentence start an ordinary word before a name is not part of it.
      while (!speakerLabel && atStart && seq.length > 1 && seq[0] === part[0] && !givenNameLike(0) && isSentenceOpener(seq[0]!.word) && !isKnownName(seq[0]!.word) && !HONORIFICS.has(seq[0]!.lower) && !ORG_SUFFIXES.has(seq[seq.length - 1]!.lower) && !PLACE_SUFFIXES.has(seq[seq.length - 1]!.lower)) seq = seq.slice(1);
      if (seq.length === 0) continue;
      const first = seq[0]!;
      const last = seq[seq.length - 1]!;
      const start = seq === part ? first.start : first.start;
      // "And Jasmine from Compliance": after a sentence-opening conjunction the capital means a name.
      // So does a relation word ("Wife Lakshmi").
      const stillAtStart = atStart && !(seq[0] !== part[0] && (/^(?:and|but|or|so|then|also|plus)$/.test(part[0]!.lower) || part[0]!.lower in RELATIONS));
      const lowers = seq.map((t) => t.lower.replace(/\.$/, ''));
      // Job titles are suspects, not names: "Head of Corporate Credit", "Chief Sustainability Officer".
      // "Dean Ashworth": a given name that is also a title, before a surname, is the name.
      const givenTitle = seq.length === 2 && GIVEN_NAME_TITLES.has(lowers[0]!) && !TITLE_WORDS.has(lowers[1]!) && !FUNCTION_WORDS.has(lowers[1]!);
      if (!givenTitle && lowers.some((l) => TITLE_WORDS.has(l)) && !(HONORIFICS.has(lowers[0]!) && !lowers.slice(1).some((l) => TITLE_WORDS.has(l) || FUNCTION_WORDS.has(l)))) {
        // "Head of Marketplace", "Director of Revenue": what follows "of" after a title is its department.
        if (TITLE_WORDS.has(lowers[0]!) && / of /i.test(text.slice(seq[0]!.end, seq[seq.length - 1]!.start))) continue;
        const titleless = trimTitle(seq);
        if (titleless.length === 0) continue;
        seq = titleless;
      }
      const words = seq.filter((t) => !isInitial(t.word));
      if (words.length === 0) continue;
      const honorific =
        HONORIFICS.has(seq[0]!.lower.replace(/\.$/, '')) && seq.length > 1 && !seq.slice(1).some((t) => TITLE_WORDS.has(t.lower) || FUNCTION_WORDS.has(t.lower));
      const orgSuffix = ORG_SUFFIXES.has(last.lower.replace(/\.$/, '')) && seq.length > 1;
      // "113 The Terrace", "4 The Green": a house number, "The" and a street word.
      const theStart = seq.length === 1 && seq[0] !== part[0] ? part[part.indexOf(seq[0]!) - 1] : undefined;
      const numberedThe = theStart?.lower === 'the' && /\d{1,5}[A-Za-z]?,?[ \t]+$/.test(text.slice(Math.max(0, theStart.start - 8), theStart.start));
      const placeSuffix = PLACE_SUFFIXES.has(last.lower.replace(/\.$/, '')) && (seq.length > 1 || numberedThe);
      // "Bill, a long-standing patient, …": a noun at the start with an apposition is a name.
      const apposition = words.length === 1 && !isSentenceOpener(words[0]!.word) && !NEVER_NAMES.has(words[0]!.lower) && /^,[ \t]+(?:a|an|the|his|her|their|my|our)[ \t]/.test(text.slice(last.end, last.end + 12));
      const plain = !apposition && words.every((t, i) => isPlainWord(t, stillAtStart && i === 0 && seq[0] === t));
      const allCommon = words.every((t) => isPlainWord(t, true));
      if (!honorific && !orgSuffix && !placeSuffix) {
        if (plain) continue;
        // At a sentence start capitals say nothing: an ordinary-looking run is not a name, and a
        // lone unknown word needs a sign of a person after it ("Ziad was", "Kerem, she says").
        const placeAfter = /^[ \t]+(?:office|offices|site|plant|campus|branch|depot|headquarters|hq)\b/i.test(text.slice(last.end, last.end + 16));
        if (stillAtStart && allCommon && !(placeAfter && words.length > 1) && !apposition) continue;
        if (
          stillAtStart &&
          words.length === 1 &&
          !isKnownName(words[0]!.word) &&
          !nicknameOf(words, roster) &&
          !PERSON_VERBS.test(text.slice(seq[0]!.end, seq[0]!.end + 30)) &&
          !isHeaderField(text, seq[0]!.start, seq[0]!.end)
        ) continue;
        // Title Case common words mid-sentence ("Line Manager", "Claims Quality") are not names.
        if (words.length > 1 && allCommon && words.every((t) => FUNCTION_WORDS.has(t.lower) || TITLE_WORDS.has(t.lower) || NEVER_NAMES.has(t.lower))) continue;
      }
      // "the Series A", "a Plan B": an ordinary word with a letter after it is a label, not a name.
      if (
        words.length === 1 &&
        /^[ \t]\p{Lu}(?![\p{L}\p{N}.])/u.test(text.slice(words[0]!.end, words[0]!.end + 3)) &&
        isPlainWord(words[0]!, true) &&
        /\b(?:the|a|an|our|their|its|his|her)\s+$/i.test(text.slice(Math.max(0, words[0]!.start - 8), words[0]!.start))
      ) continue;
      // "ticked Amber after s2", "the Amber": a RAG rating, not a person called Amber.
      if (words.length === 1 && RAG_COLOURS.has(words[0]!.lower) && /\b(?:the|an?|ticked|clicked|marked|rated|chose|picked|gave|put|at|as|to|from|on|is|was|now)[ \t]+$/i.test(text.slice(Math.max(0, words[0]!.start - 10), words[0]!.start))) continue;
      // "the Falcon migration": a project name, left for the suspects rather than called a person.
      if (words.length === 1 && !honorific && /^[ \t]+(?:project|programme|program|migration|launch|rollout|initiative|app|integration)\b/i.test(text.slice(seq[0]!.end, seq[0]!.end + 20))) continue;
      let spanStart = numberedThe && placeSuffix ? theStart!.start : seq[0]!.start;
      let spanEnd = seq[seq.length - 1]!.end;
      const before = text.slice(Math.max(0, spanStart - 40), spanStart);
      const after = text.slice(spanEnd, spanEnd + 40);
      let type: Span['type'];
      if (honorific) type = 'person';
      else if (orgSuffix) type = 'organisation';
      else if (placeSuffix) type = 'place';
      else type = guessType(seq, before, after, stillAtStart);

      // "1700 Wynkoop St, Denver, CO 80202": a number before a street and the town after it.
      if (type === 'place') {
        const num = /(\d{1,5}[A-Za-z]?,?\s+)$/.exec(before);
        if (num && placeSuffix) spanStart -= num[1]!.length;
        const tail = ADDRESS_TAIL.exec(after);
        // …but never over a roster name or a date already found: "in Kingston, Jamaica National Group".
        const grown = tail ? spanEnd + tail[0].replace(/,\s*$/, '').length : spanEnd;
        if (tail && tail[0].length > 0 && !/^,\s*(?:and|but|who|which)\b/i.test(tail[0]) && !knownCoverage.overlaps(spanEnd, grown)) spanEnd = grown;
      }
      const span: Span = { start: spanStart, end: spanEnd, type, source: 'rules' };
      if (type === 'person') {
        // "her partner Lewis", or after the name: "Deepa (his wife)".
        const hint = personHint(before) ?? hintAfter(text.slice(spanEnd, spanEnd + 30));
        if (hint) span.hint = hint;
        const rosterKey = nicknameOf(seq, roster) ?? aliasOf(before, spanStart, () => [...known, ...spans]);
        if (rosterKey) span.rosterKey = rosterKey;
      }
      spans.push(span);
      for (const t of words) {
        // The given name of a person found in full ("Rich Abernathy") is that person's name alone too.
        const given = type === 'person' && words.length > 1 && t === words[0] && !FUNCTION_WORDS.has(t.lower) && !TITLE_WORDS.has(t.lower) ? true : type === 'person' && (AMBIGUOUS_GIVEN_NAMES.has(t.lower) || (GIVEN_NAME_TITLES.has(t.lower) && t === words[0])) && words.length > 1;
        if ((!isPlainWord(t, true) || words.length === 1 || given) && !nameTokens.has(t.word)) nameTokens.set(t.word, type);
      }
      void start;
    }
  }

  // 2. A name found once is a name everywhere: "Kerem" at the start of a sentence, too.
  const taken = new Coverage(text.length, spans);
  for (const t of tokens) {
    const type = nameTokens.get(t.word);
    if (!type || taken.overlaps(t.start, t.end)) continue;
    // "Will she cope?" is not Will Ashworth: a given name that is also a word joins at the start of
    // a sentence only when a person's verb follows ("Rich is the paper's longest-serving reporter").
    if ((AMBIGUOUS_GIVEN_NAMES.has(t.lower) || (isPlainWord(t, true) && !GIVEN_NAME_TITLES.has(t.lower))) && isSentenceStart(text, t.start) && !PERSON_VERBS.test(text.slice(t.end, t.end + 30))) continue;
    const span: Span = { start: t.start, end: t.end, type, source: 'rules' };
    if (type === 'person') {
      const rosterKey = nicknameOf([t], roster);
      if (rosterKey) span.rosterKey = rosterKey;
    }
    spans.push(span);
    taken.add(span);
  }

  // 3. A note typed all in lower case ("ex-wife is tiffany … in tacoma") has no capitals to go by.
  if (isLowerCaseNote(text)) {
    LOWER_WORD.lastIndex = 0;
    for (let m = LOWER_WORD.exec(text); m !== null; m = LOWER_WORD.exec(text)) {
      const word = m[0];
      const start = m.index;
      const end = start + word.length;
      if (NEVER_NAMES.has(word) || knownCoverage.overlaps(start, end) || taken.overlaps(start, end)) continue;
      const before = text.slice(Math.max(0, start - 40), start);
      // "their daughter lily has just started": after a relation and before a verb, a word-name is a name.
      const wordName = WORDS_BEFORE_NAMES.has(word);
      if (wordName && !(personHint(before) && PERSON_VERBS.test(text.slice(end, end + 30)))) continue;
      let type: Span['type'] | undefined;
      // "the developer, ashcombe homes", "cirencester college", "trinity road, cirencester":
      // an unknown word before an organisation or street word takes it (and a town after a street).
      const next = /^ ([\p{Ll}]+)/u.exec(text.slice(end, end + 24));
      const suffix = next?.[1];
      // Not after "a" or "another": "a 200-person solar company" is a description.
      const described = /\b(?:a|an|another|any|every|each|some|one|no|this|that)\s+(?:\S+\s+)?$/.test(before);
      if (suffix && !described && (ORG_SUFFIXES.has(suffix) || PLACE_SUFFIXES.has(suffix)) && !isCommonWord(word) && !isKnownWord(word) && word.length >= 4 && !taken.overlaps(start, end + 1 + suffix.length)) {
        const isPlace = !ORG_SUFFIXES.has(suffix);
        let spanEnd = end + 1 + suffix.length;
        const town = isPlace ? /^, ?([\p{Ll}]{4,})(?![\p{L}])/u.exec(text.slice(spanEnd, spanEnd + 30)) : null;
        if (town && !isCommonWord(town[1]!) && !isKnownWord(town[1]!)) spanEnd += town[0].length;
        const span: Span = { start, end: spanEnd, type: isPlace ? 'place' : 'organisation', source: 'rules' };
        spans.push(span);
        taken.add(span);
        LOWER_WORD.lastIndex = spanEnd;
        continue;
      }
      const rosterGiven = nicknameOf([{ start, end, word, lower: word }], roster, true);
      if (wordName) type = 'person';
      else if (rosterGiven || (isKnownName(word) && !isCommonWord(word))) type = !rosterGiven && isKnownPlace(word) ? 'place' : 'person';
      // An unknown word after "her husband" is a name ("her husband kofi"); after "in", "from",
      // "near" a place ("in tacoma"). Unknown means not English as far as the lexicon knows.
      else if (word.length >= 3 && !isCommonWord(word) && !isKnownWord(word) && personHint(before)) type = 'person';
      else if (word.length >= 4 && /\b(?:in|near|from|outside|around)\s+$/.test(before) && !isCommonWord(word) && !isKnownWord(word)) type = 'place';
      else if (word.length >= 5 && /\bat\s+$/.test(before) && !isCommonWord(word) && !isKnownWord(word)) type = 'organisation';
      if (!type) continue;
      const span: Span = { start, end, type, source: 'rules' };
      if (type === 'person') {
        const hint = personHint(before);
        if (hint) span.hint = hint;
        const rosterKey = nicknameOf([{ start, end, word, lower: word }], roster);
        if (rosterKey) span.rosterKey = rosterKey;
      }
      spans.push(span);
      taken.add(span);
    }
  }
  return spans;
}

// ", Denver, CO 80202" after a street: the town, the state and the postcode belong to the address.
const TAIL_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’-]*(?![\p{L}\p{N}])`;
const POSTCODE = String.raw`[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}|\d{5}(?:-\d{4})?|[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?`;
const ADDRESS_TAIL = new RegExp(String.raw`^(?:,[ \t]*${TAIL_WORD}(?:[ \t]${TAIL_WORD}){0,2})*(?:,?[ \t]+(?:${POSTCODE}))?(?![\p{L}\p{N}])`, 'u');

const LOWER_WORD = /(?<![\p{L}\p{M}\p{N}_@/.&'’-])\p{Ll}[\p{Ll}\p{M}]{2,}(?![\p{L}\p{M}\p{N}_@])/gu;
// First names that are also everyday words: in lower case they are the word ("mark the date").
const WORDS_BEFORE_NAMES = new Set(['mark', 'will', 'grace', 'amber', 'sunny', 'may', 'june', 'april', 'august', 'faith', 'joy', 'hope', 'rose', 'bill', 'pat', 'sue', 'rob', 'frank', 'max', 'ray', 'dawn', 'summer', 'ruby', 'iris', 'ivy', 'holly', 'lily', 'daisy', 'violet', 'jade', 'pearl', 'penny', 'rich', 'drew', 'chase', 'miles', 'jack', 'sandy', 'carol', 'guy', 'don', 'art', 'bob', 'sky', 'river', 'gene', 'king', 'young', 'long', 'little', 'brown', 'white', 'black', 'green', 'gray', 'grey', 'rich', 'hunt', 'page', 'cook', 'wood', 'hill', 'lane', 'bell', 'price', 'rice']);

/** Most lines and sentences start in lower case: the writer does not use capitals at all. */
function isLowerCaseNote(text: string): boolean {
  let lower = 0;
  let all = 0;
  // One pass by character code: after a line break or ". ", the first letter is a sentence start.
  let atStart = true;
  let afterStop = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      atStart = true;
    } else if (code === 46 || code === 33 || code === 63) {
      afterStop = true; // . ! ?
    } else if (code === 32 || code === 9) {
      if (afterStop) atStart = true;
      afterStop = false;
    } else if (atStart && (code === 62 || code === 42 || code === 0x2022 || code === 45)) {
      afterStop = false; // > * • -
    } else {
      if (atStart) {
        const c = text[i]!;
        const isLower = (code >= 97 && code <= 122) || (code > 127 && /\p{Ll}/u.test(c));
        if (isLower || (code >= 65 && code <= 90) || (code > 127 && /\p{Lu}/u.test(c))) all++;
        if (isLower) lower++;
      }
      atStart = false;
      afterStop = false;
    }
  }
  return all >= 3 && lower * 2 >= all;
}

function splitAtConnectors(text: string, seq: Token[]): Token[][] {
  const last = seq[seq.length - 1]!.lower.replace(/\.$/, '');
  if (ORG_SUFFIXES.has(last) || TITLE_WORDS.has(seq[0]!.lower)) return [seq];
  const parts: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < seq.length; i++) {
    const t = seq[i]!;
    const prev = seq[i - 1];
    if (prev && /^ (?:and|&|of|for|the|on|upon) $/i.test(text.slice(prev.end, t.start))) {
      parts.push(current);
      current = [];
    }
    current.push(t);
  }
  parts.push(current);
  return parts.filter((p) => p.length > 0);
}

/** Drops the job-title words, keeping a name that follows ("VP Sales Tyler Osgood" → "Tyler Osgood"). */
function trimTitle(seq: Token[]): Token[] {
  let lastTitle = -1;
  seq.forEach((t, i) => {
    const l = t.lower.replace(/\.$/, '');
    if (TITLE_WORDS.has(l) || FUNCTION_WORDS.has(l) || CONNECTORS.has(l)) lastTitle = i;
  });
  const rest = seq.slice(lastTitle + 1);
  return rest.every((t) => isPlainWord(t, true)) ? [] : rest;
}

function guessType(seq: Token[], before: string, after: string, atStart: boolean): Span['type'] {
  const words = seq.map((t) => t.word);
  if (CHAT_SPEAKER_AFTER.test(after)) return 'person';
  // "**To:** Felicity Dunne": who an email is from or to is a person.
  if (/(?:^|\n)[> \t]*\**(?:from|to|cc|bcc)\**:\**[ \t]*$/i.test(before)) return 'person';
  if (afterPlacePreposition(before)) return seq.length === 1 && isKnownName(words[0]!) && !isKnownPlace(words[0]!) ? 'person' : 'place';
  if (words.some((w) => isKnownPlace(w)) && !words.some((w) => isKnownName(w) && !isKnownPlace(w))) return 'place';
  if (/^\s+(?:office|offices|site|plant|campus|branch|store|depot|headquarters|hq)\b/i.test(after)) return 'place';
  if (/\b(?:at|for|joined|left|from)\s+(?:the\s+)?$/i.test(before) && seq.length > 1 && !isKnownName(words[0]!) && words.some((w) => isCommonWord(w))) return 'organisation';
  if (personHint(before) || PERSON_VERBS.test(after) || isKnownName(words[0]!)) return 'person';
  // "Hope Taylor", "Grace Okafor": a word that is also a given name, then a known surname.
  if (seq.length === 2 && isKnownName(words[1]!) && !isKnownPlace(words[1]!) && !isCommonWord(words[1]!)) return 'person';
  // "Will Tapper", "May Chen": a given name that is also a word, then a surname.
  if (seq.length === 2 && AMBIGUOUS_GIVEN_NAMES.has(seq[0]!.lower)) return 'person';
  if (seq.length >= 3) return 'organisation';
  if (seq.length === 2 && words.some((w) => isCommonWord(w))) return 'organisation';
  void atStart;
  return 'person';
}

function hintAfter(after: string): PersonHint | undefined {
  const m = /^\s*\((?:his|her|their|my|our)\s+([\p{L}-]+)/u.exec(after);
  return m ? RELATIONS[m[1]!.toLowerCase()] : undefined;
}

/** "her partner Lewis", "his wife, Adwoa,", "a close friend, Catriona": what the person is. */
function personHint(before: string): PersonHint | undefined {
  // Only the words right before the name count, and only up to a comma: "his wife, Adwoa".
  const tail = /[,]?\s*$/.exec(before.slice(-30));
  const words = wordsBefore(before.slice(0, before.length - (tail?.[0].length ?? 0)) + ' ', 3);
  const relation = words[words.length - 1];
  if (relation === undefined) return undefined;
  const hint = RELATIONS[relation.replace(/\.$/, '')];
  // "her partner Lewis" is a partner; "a partner, Hal" in a firm is a colleague.
  const owner = words.length >= 2 ? words[words.length - 2]! : '';
  const owner2 = words.length >= 3 ? words[words.length - 3]! : '';
  // "Sunny's partner, Rose" and a bare "Wife Lakshmi" at a line start are partners too.
  const ownerWord = (w: string) => /^(?:her|his|their|my|your|our)$/.test(w) || /['’]s$/.test(w);
  if (hint === 'partner' && words.length >= 2 && !ownerWord(owner) && !ownerWord(owner2)) return 'colleague';
  return hint;
}

/** "Yiming, who goes by Jimmy": the alias joins the roster person just named. */
function aliasOf(before: string, at: number, found: () => readonly Span[]): string | undefined {
  if (!/\b(?:goes by|go by|known as|aka|a\.k\.a\.|nicknamed|prefers|called|calls|call)\s+["“']?$/i.test(before)) return undefined;
  let best: Span | undefined;
  for (const s of found()) if (s.rosterKey?.startsWith('person:') && s.end <= at && at - s.end < 80 && (!best || s.end > best.end)) best = s;
  return best?.rosterKey;
}

/** A shortened first name of a roster person ("Montse" for Montserrat, "Lachie" for Lachlan). */
function nicknameOf(seq: Token[], roster: Roster | undefined, exactOnly = false): string | undefined {
  if (!roster || seq.length > 2) return undefined;
  const word = seq[0]!.word.toLowerCase();
  if (word.length < 3) return undefined;
  for (let i = 0; i < roster.people.length; i++) {
    const given = roster.people[i]!.name.split(/\s+/)[0]!.toLowerCase();
    if (given === word) return `person:${i}`;
    if (exactOnly) continue;
    let common = 0;
    while (common < Math.min(given.length, word.length) && given[common] === word[common]) common++;
    if ((given.startsWith(word) && word.length >= 3) || (given.endsWith(word) && word.length >= 4) || (common >= 4 && word.length <= common + 2 && word.length < given.length)) return `person:${i}`;
  }
  return undefined;
}
