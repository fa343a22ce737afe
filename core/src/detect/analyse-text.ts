import { findQuotations } from './find-quotations';
import { frameKey, frameMessage } from './frame-message';
import { consentedRanges, lapsedConsents, vouchedRange } from './match-consent';
import { readSentence, type RawFinding, type SentenceReading } from './read-sentence';
import { segmentSentences, type Segment } from './segment-text';
import { CHANNELS, RECIPIENT_ROLES, type AnalyseContext, type Category, type Finding } from './types';
import { wordFinding } from './word-finding';

/** Sentences remembered by an incremental analyser; enough for several long emails. */
const CACHE_LIMIT = 5000;

type SentenceCache = Map<string, SentenceReading>;

/**
 * Finds wording that would leak confidential coaching content to the given reader: what the
 * coachee said in sessions, their health, life outside work, plans to leave, your judgement of
 * their progress or prediction of an outcome, what they said about colleagues or another client,
 * and their words in quotes. Logistics, the coaching process, declining to share, and wording the
 * coachee approved for this reader stay quiet.
 *
 * Offsets are UTF-16 indexes into `text`. Never throws for any string; throws a TypeError for a
 * context that is not of the documented shape, saying which field to fix.
 *
 * @example
 * analyse('She told me she has been anxious about the PIP.', { channel: 'email', recipientRole: 'hr' })
 * // → [{ start: 0, end: 47, category: 'wellbeing', severity: 'high', message: '…', suggestion: '…' }]
 */
export function analyse(text: string, context: AnalyseContext): Finding[] {
  return analyseWithCache(text, context, undefined);
}

/** An analyser that keeps per-sentence results between calls, for keystroke-by-keystroke use. */
export interface IncrementalAnalyser {
  analyse(text: string, context: AnalyseContext): Finding[];
}

/**
 * An analyser for text that changes a little at a time (an editor, a compose box). Sentences
 * already read in the same context are reused, so a keystroke costs one sentence's work plus a
 * linear pass to find the sentences. Results are always identical to `analyse`: whole-message
 * facts (who the reader is, consent, quotations) are recomputed every call, and a sentence is
 * reused only when its text and everything it depends on are unchanged. The cache is bounded.
 *
 * @example
 * const analyser = createIncrementalAnalyser();
 * analyser.analyse('Sessions are on Tuesday at 10:00.', { channel: 'email', recipientRole: 'manager' }); // []
 */
export function createIncrementalAnalyser(): IncrementalAnalyser {
  const cache: SentenceCache = new Map();
  return { analyse: (text, context) => analyseWithCache(text, context, cache) };
}

function analyseWithCache(text: string, context: AnalyseContext, cache: SentenceCache | undefined): Finding[] {
  checkContext(context);
  if (typeof text !== 'string' || text.length === 0) return [];
  const sentences = segmentSentences(text);
  const frame = frameMessage(text, sentences, context);
  const key = frameKey(frame);

  const raw: RawFinding[] = [];
  const approved = consentedRanges(text, context);
  const vouched: Segment[] = [...approved];
  let carry = false;
  let lastName: string | undefined;
  // A question quoted from the reader's email ("> How is she getting on?") waits for its answer:
  // the first sentence after the quoted lines.
  let answering: Category | undefined;
  const withCarry = { ...frame, carry: true };
  const withoutCarry = { ...frame, carry: false };
  // Where the line of the current sentence starts, found moving forward only (sentences are in
  // order), so a text with no line breaks costs one pass, not one backward scan per sentence.
  let lineStart = 0;
  let scanned = 0;
  let quotedLine = -1;
  let quoted = false;
  for (const sentence of sentences) {
    const sentenceText = text.slice(sentence.start, sentence.end);
    for (; scanned < sentence.start; scanned++) if (text.charCodeAt(scanned) === 10) lineStart = scanned + 1;
    if (quotedLine !== lineStart) {
      quotedLine = lineStart;
      quoted = isQuotedLine(text, lineStart);
    }
    const answer = quoted ? undefined : answering;
    const cacheKey: string = cache ? `${key}\u0000${carry ? 1 : 0}\u0000${answer ?? ''}\u0000${sentenceText}` : '';
    let reading: SentenceReading | undefined = cache?.get(cacheKey);
    if (reading) {
      // Refresh recency: Map keeps insertion order, so the oldest entry is evicted first.
      cache!.delete(cacheKey);
      cache!.set(cacheKey, reading);
    } else {
      const base = carry ? withCarry : withoutCarry;
      reading = readSentence(sentenceText, 0, sentenceText.length, answer ? { ...base, answering: answer } : base);
      if (cache) {
        cache.set(cacheKey, reading);
        if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
      }
    }
    // A finding that names nobody is about the client named most recently ("Sam… He's doing well").
    const named = lastName ?? reading.names[0];
    for (const f of reading.findings) raw.push({ ...f, start: f.start + sentence.start, end: f.end + sentence.start, ...(f.name || !named ? {} : { name: named }) });
    lastName = reading.names.at(-1) ?? lastName;
    if (reading.consents) vouched.push(vouchedRange(text, sentence));
    carry = reading.mentionsClient || (carry && reading.findings.length > 0);
    answering = quoted ? (reading.asks ?? answering) : undefined;
  }
  raw.push(...findQuotations(text, sentences, frame));

  // Inside means nearly all of it: a clause span may start a few characters early ("Hi Jo, …").
  const inside = (f: Segment, ranges: Segment[]) =>
    ranges.some((v) => Math.min(f.end, v.end) - Math.max(f.start, v.start) >= 0.9 * (f.end - f.start));
  const findings: Finding[] = [];
  // Sorted by start, so an overlapping finding of the same category can only be the latest one.
  const lastOf = new Map<string, RawFinding>();
  for (const lapsed of lapsedConsents(text, context)) {
    // Only a record that holds can outweigh one that has lapsed; "she asked me to pass on" cannot.
    if (inside(lapsed, approved)) continue;
    const who = lapsed.record.coachee || 'Your client';
    findings.push({
      start: lapsed.start,
      end: lapsed.end,
      category: 'session-content',
      severity: 'high',
      message:
        lapsed.reason === 'expired'
          ? `${who} approved this wording only until ${lapsed.record.until}; check with them again before sending it.`
          : `${who} approved this wording for ${(lapsed.record.recipients ?? []).join(', ') || 'the sponsor side'}, not for ${context.recipientRole}; check with them before sending it.`,
    });
  }
  for (const f of raw.sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (inside(f, vouched)) continue;
    const previous = lastOf.get(f.category);
    if (previous && previous.end > f.start) continue;
    lastOf.set(f.category, f);
    const name = f.name ? f.name[0]!.toUpperCase() + f.name.slice(1) : undefined;
    const words = wordFinding(f.category, context.recipientRole, name, f.weak);
    findings.push({ start: f.start, end: f.end, category: f.category, severity: words.severity, message: words.message, ...(words.suggestion ? { suggestion: words.suggestion } : {}) });
  }
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Whether the line starting at `lineStart` is quoted from an earlier email ("> …"). */
function isQuotedLine(text: string, lineStart: number): boolean {
  let k = lineStart;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t')) k++;
  return text[k] === '>';
}

const CONTEXT_KEYS = new Set(['channel', 'recipientRole', 'roster', 'consent', 'coachee', 'today']);

function checkContext(context: AnalyseContext): void {
  if (typeof context !== 'object' || context === null) {
    throw new TypeError('analyse: context must be an object like { channel: "email", recipientRole: "sponsor" }');
  }
  for (const key of Object.keys(context)) {
    if (!CONTEXT_KEYS.has(key)) throw new TypeError(`analyse: unknown context field "${key}" (expected ${[...CONTEXT_KEYS].join(', ')})`);
  }
  if (!(CHANNELS as readonly string[]).includes(context.channel)) {
    throw new TypeError(`analyse: context.channel must be one of ${CHANNELS.join(', ')}`);
  }
  if (!(RECIPIENT_ROLES as readonly string[]).includes(context.recipientRole)) {
    throw new TypeError(`analyse: context.recipientRole must be one of ${RECIPIENT_ROLES.join(', ')} (use "unknown" when you can't tell)`);
  }
}
