/**
 * Quoted words and whose they are. A quote is the coachee's words when someone other than the
 * reader or the coach is said to have said it ("she described it as '…'"), or when it speaks in the
 * first person without a speaker ("Lerato's frustration ('it's breaking me')"). Course titles and the
 * reader's own words ("You said you wanted him 'to own the client calls'") are not.
 */
import { NOT_NAMES, OBJECT_VERBS } from './lexicon';
import { tokenise, type Segment } from './segment-text';
import type { MessageFrame } from './frame-message';
import type { RawFinding } from './read-sentence';

const MAX_QUOTE = 600;
const SPEECH_CUES = new Set(['said', 'says', 'say', 'told', 'tell', 'telling', 'described', 'describes', 'called', 'calls', 'put', 'words', 'quote', 'quoted', 'saying', 'feels', 'felt', 'thinks', 'like', 'went', 'goes', 'admitted', 'complained', 'insists', 'insisted', 'asked', 'exclaimed', 'muttered', 'replied', 'texted', 'wrote']);
const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'myself', 'am', 'we', 'our', 'us']);
const THIRD = new Set(['he', 'she', 'they', 'him', 'her', 'his', 'their', 'them']);

interface Quote {
  start: number;
  end: number;
}

/** Pairs of quotation marks within one paragraph; apostrophes in "it's" or "Sam's" are not quotes. */
export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let open = -1;
  let openChar = 0;
  const SINGLE = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Only quote marks and paragraph breaks matter; everything else is skipped at one comparison.
    if (c !== 0x22 && c !== 0x27 && c !== 0x2018 && c !== 0x2019 && c !== 0x201c && c !== 0x201d && c !== 0x0a) continue;
    if (c === 0x0a) {
      if (text.charCodeAt(i + 1) === 0x0a) open = -1;
      continue;
    }
    if (open >= 0 && i - open > MAX_QUOTE) open = -1;
    if (c === 0x22) {
      if (open >= 0 && openChar === 0x22) {
        if (i + 1 - open > 3) quotes.push({ start: open, end: i + 1 });
        open = -1;
      } else if (open < 0) {
        open = i;
        openChar = 0x22;
      }
    } else if (c === 0x201c) {
      open = i;
      openChar = c;
    } else if (c === 0x201d) {
      if (open >= 0 && openChar === 0x201c && i + 1 - open > 3) quotes.push({ start: open, end: i + 1 });
      if (openChar === 0x201c) open = -1;
    } else {
      const before = letterAt(text, i - 1);
      const after = letterAt(text, i + 1);
      const prev = text.charCodeAt(i - 1);
      const canOpen = (c !== 0x2019 && !before && after) || (c === 0x2018 && !before);
      const canClose = c !== 0x2018 && !after && i > 0 && prev !== 0x20 && prev !== 0x0a;
      if (open >= 0 && openChar === SINGLE && canClose) {
        if (i + 1 - open > 3) quotes.push({ start: open, end: i + 1 });
        open = -1;
      } else if (open < 0 && canOpen) {
        open = i;
        openChar = SINGLE;
      }
    }
  }
  return quotes;
}

function letterAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const k = text.charCodeAt(i);
  if (k < 128) return (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || (k >= 48 && k <= 57);
  return /[\p{L}\p{N}]/u.test(text[i]!);
}

export function findQuotations(text: string, sentences: Segment[], frame: MessageFrame): RawFinding[] {
  const out: RawFinding[] = [];
  const toClientSide = frame.recipientRole === 'coachee' || frame.recipientRole === 'other-client';
  let s = 0;
  for (const q of findQuotes(text)) {
    while (s < sentences.length - 1 && sentences[s]!.end <= q.start) s++;
    const sentence = sentences[s];
    const from = sentence && sentence.start <= q.start ? sentence.start : Math.max(0, q.start - 200);
    const before = tokenise(text, Math.max(from, q.start - 200), q.start).filter((t) => !t.punct);
    const inside = tokenise(text, q.start + 1, q.end - 1).filter((t) => !t.punct);
    // "'…' were his exact words": the cue may come a few words after the quote.
    const after = tokenise(text, q.end, Math.min(text.length, q.end + 40)).filter((t) => !t.punct).slice(0, 4);
    const cueAt = lastIndexWhere(before, (t) => SPEECH_CUES.has(t.norm));
    let speaker: 'reader' | 'coach' | 'client' | undefined;
    let name: string | undefined;
    const speakerFrom = (tokens: typeof before, end: number) => {
      for (let i = end; i >= 0 && end - i < 10; i--) {
        const w = tokens[i]!.norm;
        if (w === 'you' || w === 'your') return 'reader';
        // "She told me the committee feels like '…'": the coach as the object names no speaker.
        if (w === 'me' && i > 0 && OBJECT_VERBS.has(tokens[i - 1]!.norm)) continue;
        if (w === 'i' || w === 'me') return i === end - 1 && tokens[end]?.norm === 'told' ? undefined : 'coach';
        if (THIRD.has(w)) return 'client';
        if (frame.focus.has(w) && toClientSide) return 'reader';
        if (tokens[i]!.cap && !frame.notClients.has(w)) {
          name = w;
          return 'client';
        }
        if (frame.notClients.has(w)) return 'reader';
        // "joanna said '…'" in lower-case chat: the word right before the verb is the speaker.
        if (i === end - 1 && !NOT_NAMES.has(w) && /^\p{L}{3,}$/u.test(w) && tokens[end]!.norm !== 'like') {
          name = w;
          return 'client';
        }
      }
      return undefined;
    };
    if (cueAt >= 0) speaker = speakerFrom(before, cueAt);
    else if (after.some((t) => SPEECH_CUES.has(t.norm))) speaker = speakerFrom(after, after.length - 1);
    const firstPerson = inside.some((t) => FIRST_PERSON.has(t.norm));
    const quoted = speaker === 'client' || (speaker === undefined && firstPerson && !toClientSide);
    if (quoted) out.push({ start: q.start, end: q.end, category: 'quotation', weak: false, ...(name ? { name } : {}) });
  }
  return out;
}

function lastIndexWhere<T>(list: T[], test: (t: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return i;
  return -1;
}
