/**
 * Suspects: words anonymise leaves in place because supervision needs them, but that may still
 * point at one person — a job title only one person holds, a rare event that made the news, a
 * project name, an age that with a role and a place is a mosaic. A human decides; each suspect
 * says why in one line.
 */
import { Coverage, type Span } from './span';
import type { Suspect, SuspectKind } from './types';

const TITLE_HEAD = String.raw`(?:Head|Director|GM|VP|SVP|EVP|AVP|Vice[ -]President|President|Chief|Officer|Manager|Lead|Leader|Dean|Prof\.?|Professor|Principal|Partner|Chair|Controller|Treasurer|Superintendent|Counsel|Editor|Engineer|Consultant|Coordinator)`;
const CAP = String.raw`(?:\p{Lu}[\p{L}\p{M}'’-]*|of|and|&|for|the)`;
// "Director of Customer Success", "VP Sales", "Chief Sustainability Officer", "Senior Director, Platform Engineering"
const CAPITAL_TITLE = new RegExp(
  String.raw`(?<![\p{L}])(?:\p{Lu}[\p{L}\p{M}.'’-]*[ \t]+){0,3}${TITLE_HEAD}(?![\p{L}])(?:[ \t]+${CAP}){0,5}(?:,[ \t]+\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+${CAP}){0,4})?`,
  'gu',
);
// "head of regulatory affairs", "country director", "claims VP", "artistic director and joint CEO"
// Lower case only (no i flag: with it \p{Ll} would match capitals, and a name's tail with them).
const LOWER_TITLE =
  /(?<![\p{L}\p{M}])(?:(?:head|director|vice president|VP|chief)[ \t]+of[ \t]+(?:the[ \t]+)?[\p{Ll}&-]{1,40}(?:[ \t]+(?!at\b|in\b|for\b|and\b|with\b|who\b|since\b|to\b|on\b)[\p{Ll}&-]{1,40}){0,2}|(?!(?:her|his|their|my|our|your|the|a|an|new|former|old|senior|junior|managing|finance|line|regional|general|practice|store|plant|and|our|her|his|the)[ \t])\p{Ll}{3,30}[ \t]+(?:director|VP|head|officer)(?:[ \t]+and[ \t]+(?:joint[ \t]+|co-)?(?:CEO|CFO|COO|MD|director|chair))?)(?![\p{L}\p{M}])/gu;
// "deputy editor for investigations", "news editor": an editor's desk is a title few hold.
// "the cabinet member for health and care": a council or board portfolio is held by one person.
const PORTFOLIO_TITLE = /\b(?:chief of staff|(?:programme|program|project) (?:director|manager|lead) for the [a-z][a-z -]{2,30}|(?:cabinet member|portfolio holder|lead member|executive member|committee chair|(?:area |district |borough |divisional )?commander) for [a-z][a-z &,-]{2,40}|chair of the [a-z][a-z &-]{2,30} (?:committee|board|panel|trust))/gi;
// "cellar master", "harbour master", "winemaker": trades with one holder per house or port.
const TRADE_TITLE = /\b(?:(?:cellar|harbour|harbor|station|yard|quarter|brew|ballet|choir|concert) ?master|winemaker|head brewer|head winemaker|principal conductor|chief conductor|concertmaster)\b/gi;
const EDITOR_TITLE = /\b(?:deputy|assistant|senior|associate|executive|managing|news|features|sports|political|investigations|business|foreign|home|digital)[ \t]+editor(?:[ \t]+(?:for|of)[ \t]+[a-z-]{3,30})?\b/g;
// "- Team lead, vessel planning": a title with its department after a comma, opening a line.
const LINE_TITLE = /(?:^|\n)[ \t]*(?:[-*•][ \t]*)?(\p{Lu}\p{Ll}{2,20}[ \t]+(?:lead|leader|manager|director|head|officer|editor|engineer),[ \t]+\p{Ll}[\p{Ll} &-]{2,40}?)(?=[,.;\n]|$)/gu;
const GENERIC_TITLES = /^(?:the\s+)?(?:line manager|managing director|ceo|manager|director|partner|chair|head|principal|senior partner|managing partner|team lead(?:er)?|store manager|practice manager|plant manager|general manager|programme director|regional manager)$/i;

const EVENT =
  /\b(?:the only (?:[a-z\u00c0-\u024f]+ )?(?:woman|man|female|male|black|asian|gay|disabled|non-[a-z\u00c0-\u024f]+|person|one|[a-z\u00c0-\u024f]+ (?:woman|man|head|leader|manager|director|partner|engineer|doctor|executive)|[a-z\u00c0-\u024f]+ (?:on|in|at|who|to|with|from)\b)|the first (?:woman|man|female|male|black|asian|person|one|[a-z\u00c0-\u024f]+ (?:woman|man|head|leader|ceo|director)|(?:[a-z\u00c0-\u024f]+ ){1,2}(?:ever|to be|not to)\b)|never event|outage|stabbing|stabbed|fatality|fatalities|undercover|documentary|led the (?:evening |national |local )?news|named the wrong|fraud|admitted to hospital|board voted|first (?:[A-Za-z]+ ){1,2}from outside|racially abused|racist abuse|self-harm|livestream|gunpoint|held up at|robbery|robbed|concussion|harassment complaint|delegation to|failed (?:its|the|an?) [a-z]+ audit|certification audit|took down|(?:was|were) exposed|the story about|story broke|restitution|was shot|were shot|shot dead|section 114|special measures|for sale online|turned up for sale|dark web|data leak|was down for|(?:posts|jobs|roles) at risk|skilled-person|youngest|oldest|award(?:ed|s)?|prize|won the|keynote|explosion|earthquake|flood(?:s|ing)?|wildfire|shooting|shelling|lockdown|locked down|blockade|strike action|protest|lawsuit|sued|tribunal|inquest|coroner|warning letter|leaked|newscast|newspaper|local paper|in the news|national news|made the headlines|went viral|scandal|data breach|fined|investigation|incident|accident|near-miss|spill|recall|heart attack|(?:seriously|badly|fatally) (?:harmed|hurt|injured|ill)|harmed|died|death|killed|injured|ransomware|cyber-?attack|hacked|(?:gas |chemical |ammonia |oil )?leak|outbreak|evacuat(?:ed|ion)|collapse[ds]?|layoffs?|redundanc(?:y|ies)|merger|takeover|acquisition|IPO|report published|published by)\b/gi;
const PROJECT = /(?<![\p{L}])(?:(?:the\s+)?\p{Lu}[\p{L}\p{M}]+\s+(?:project|programme|program|migration|launch|rollout|initiative|platform|app|system|deal|account|bid|merger|integration)\b|Project\s+\p{Lu}[\p{L}\p{M}]+|\p{Lu}[\p{L}\p{M}]+\s+\d+\s+incident)/gu;
// Two to four capitalised words alone inside quotes: "Campus Futures", "Project Lighthouse".
const QUOTED_NAME = /["“]\p{Lu}[\p{L}\p{M}'’-]{1,30}(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]{1,30}){1,3}["”]/gu;
const AGE = /\b(?:aged?\s+\d{2}|(?:she|he|they)(?:'s|’s| is| are| was)\s+\d{2}(?![\d%])|,\s*\d{2}(?=[.)\n]|$)|\d{2}[- ]year[- ]old)\b/gi;
// "past it at 41", "turned 60 and": the age alone is the suspect.
const AGE_AT = /\b(?:at|turned|turning|now)\s((?:1[89]|[2-9]\d))(?=[.,;)!?]|[ \t]*\n|\s+(?:and|but|with|she|he|they|after|because)\b|$)/gi;
const TENURE = /\b(?:(?:\w{1,20})\s+years\s+(?:with|at|in)\s+the\s+(?:company|firm|bank|business|organisation|organization|trust|practice|school)|for\s+(?:\w+|\d+)\s+years)\b/gi;

// The patterns run over the whole note are written without the u flag: case-insensitive Unicode
// matching costs three to four times as much (see bench-anonymise), and they need no \p classes.
const REASONS: Record<SuspectKind, string> = {
  'job-title': 'a specific job title: few people hold it, so it can name the person on its own.',
  'rare-event': 'a rare or reported event: anyone who heard about it will know who and where this is.',
  product: 'a project or product name points at one organisation and the team behind it.',
  mosaic: 'an age or length of service is harmless alone but identifying together with the role and place.',
};

export function findSuspects(text: string, identifiers: readonly Span[]): Suspect[] {
  const found: Suspect[] = [];
  const replaced = new Coverage(text.length, identifiers);
  const add = (start: number, end: number, kind: SuspectKind, reason = REASONS[kind]) => {
    while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
    while (start < end && /\s/.test(text[start]!)) start++;
    if (end <= start) return;
    if (!replaced.overlaps(start, end)) {
      found.push({ start, end, text: text.slice(start, end), kind, reason });
      return;
    }
    const touching = overlapping(identifiers, start, end);
    // A suspect made only of replaced words has nothing left to check.
    if (touching.some((s) => s.start <= start && end <= s.end)) return;
    if (kind === 'job-title') {
      // A title ends where a name begins: "Director of Customer Success, Summit Relay" → the title.
      // "Ciarán Doherty. Head of Networks.": a name before the title is left out of it.
      let i = 0;
      while (touching[i] && touching[i]!.start <= start) {
        start = touching[i]!.end;
        while (start < end && /[\s,.;:'’]/.test(text[start]!)) start++;
        i++;
      }
      const cut = touching[i];
      if (cut && cut.start < end) {
        end = cut.start;
        while (end > start && /[\s,.;:]/.test(text[end - 1]!)) end--;
      }
      TITLE_ANCHOR.lastIndex = 0;
      if (!/\s/.test(text.slice(start, end)) || !TITLE_ANCHOR.test(text.slice(start, end))) return;
      TITLE_ANCHOR.lastIndex = 0;
    } else {
      // Any other suspect takes in the whole of a replaced name it touches.
      for (const s of touching) {
        if (s.start < start && start < s.end) start = s.start;
        if (s.start < end && end < s.end) end = s.end;
      }
    }
    found.push({ start, end, text: text.slice(start, end), kind, reason });
  };

  // The title and project patterns run only in windows around their anchor words, so a note
  // of plain prose costs one quick scan for the anchors.
  for (const w of windows(text, TITLE_ANCHOR, 64, 160)) {
    for (const m of matchesIn(text, CAPITAL_TITLE, w)) {
      // Trailing connectors belong to the sentence: "Head of Treasury and" → "Head of Treasury".
      // "She's VP of Nursing": a pronoun or article before the title is not part of it.
      const lead = /^(?:(?:She|He|They|It|I|We|You|The|A|An|Our|Her|His|Their|My|Now|Then|As)(?:['’]s)?[ \t]+)+/u.exec(m.text)?.[0].length ?? 0;
      const words = m.text.slice(lead).replace(/(?:\s+(?:of|and|&|for|the))+$/u, '');
      if (words.split(/\s+/).length < 2 || GENERIC_TITLES.test(words)) continue;
      add(m.start + lead, m.start + lead + words.length, 'job-title');
    }
    for (const m of matchesIn(text, LOWER_TITLE, w)) {
      if (GENERIC_TITLES.test(m.text)) continue;
      add(m.start, m.end, 'job-title');
    }
  }
  for (const w of windows(text, PROJECT_ANCHOR, 48, 40)) for (const m of matchesIn(text, PROJECT, w)) add(m.start, m.end, 'product');
  if (/editor/i.test(text)) for (const m of text.matchAll(EDITOR_TITLE)) add(m.index, m.index + m[0].length, 'job-title');
  if (/master|maker|brewer|conductor/i.test(text)) for (const m of text.matchAll(TRADE_TITLE)) add(m.index, m.index + m[0].length, 'job-title');
  if (/ for | of the |chief of staff/i.test(text)) for (const m of text.matchAll(PORTFOLIO_TITLE)) add(m.index, m.index + m[0].length, 'job-title');
  for (const m of text.matchAll(LINE_TITLE)) add(m.index + m[0].length - m[1]!.length, m.index + m[0].length, 'job-title');
  // "The restructure ("Campus Futures")": a name in quotes is what the organisation called something.
  if (/["“]/.test(text)) for (const m of text.matchAll(QUOTED_NAME)) add(m.index + 1, m.index + m[0].length - 1, 'product');
  for (const m of text.matchAll(AGE)) add(m.index, m.index + m[0].length, 'mosaic');
  for (const m of text.matchAll(AGE_AT)) add(m.index + m[0].length - m[1]!.length, m.index + m[0].length, 'mosaic');
  if (/years/i.test(text)) for (const m of text.matchAll(TENURE)) add(m.index, m.index + m[0].length, 'mosaic');

  // Rare events: the whole sentence, because the identifying detail is the event with its setting.
  const spans = sentences(text);
  let lastSentence = -1;
  for (const m of text.matchAll(EVENT)) {
    const i = sentenceAt(spans, m.index);
    if (i === lastSentence || i < 0) continue;
    lastSentence = i;
    add(spans[i]!.start, spans[i]!.end, 'rare-event', `"${m[0]}": ${REASONS['rare-event']}`);
  }
  return dedupe(found);
}

const TITLE_ANCHOR = /(?<![A-Za-z\u00c0-\u024f])(?:head|director|gm|vp|svp|evp|avp|vice|president|chief|officer|manager|lead|leader|dean|prof|professor|principal|partner|chair|controller|treasurer|superintendent|counsel|editor|engineer|consultant|coordinator)(?![A-Za-z\u00c0-\u024f])/gi;
const PROJECT_ANCHOR = /(?:project|programme|program|migration|launch|rollout|initiative|platform|app|system|deal|account|bid|merger|integration|incident)/gi;

/** Merged ranges around each anchor match, widened to word edges. */
function windows(text: string, anchor: RegExp, before: number, after: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(anchor)) {
    let start = Math.max(0, m.index - before);
    while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
    let end = Math.min(text.length, m.index + m[0].length + after);
    while (end < text.length && !/\s/.test(text[end]!)) end++;
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

function matchesIn(text: string, re: RegExp, w: { start: number; end: number }): { start: number; end: number; text: string }[] {
  return [...text.slice(w.start, w.end).matchAll(re)].map((m) => ({ start: w.start + m.index, end: w.start + m.index + m[0].length, text: m[0] }));
}

function sentenceAt(spans: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else if (spans[mid]!.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The identifiers (sorted, non-overlapping) that overlap [start, end), by binary search. */
function overlapping(identifiers: readonly Span[], start: number, end: number): Span[] {
  let lo = 0;
  let hi = identifiers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (identifiers[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Span[] = [];
  for (let i = lo; i < identifiers.length && identifiers[i]!.start < end; i++) out.push(identifiers[i]!);
  return out;
}

/** Sentences and list lines, as offset ranges; a long line is cut at sentence punctuation. */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // Starts only at the first of a run of marks and takes the run whole (a lookahead capture is
  // atomic), so a line of ten thousand dots costs one pass, not one pass per dot.
  const boundary = /(?<![.!?])(?=([.!?]+))\1["”’)]*(?=\s)|\n/g;
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    // "Dr. Balogun", "Prof. Lowrie", "M.T." are not sentence ends.
    if (m[0] !== '\n' && /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Prof|St|Assoc|[A-Z])\.$/.test(text.slice(Math.max(start, m.index - 6), end))) continue;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

/** Drops suspects inside a longer suspect of the same kind; keeps order by position. */
function dedupe(found: Suspect[]): Suspect[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Suspect[] = [];
  // Sorted by start, so the furthest end seen per kind tells whether a suspect is inside another.
  const reach = new Map<string, number>();
  for (const s of sorted) {
    if ((reach.get(s.kind) ?? -1) >= s.end) continue;
    kept.push(s);
    reach.set(s.kind, Math.max(reach.get(s.kind) ?? -1, s.end));
  }
  return kept;
}
