/**
 * Reads one sentence: splits it into clauses, finds the signals in each, works out whom each
 * signal is about (the coach, the reader, a client, nobody in particular), and decides which
 * signals are disclosures. Everything a sentence's result depends on is in `SentenceFrame`, so the
 * result can be cached by sentence text + frame key (see analyse-text.ts).
 */
import { PHRASE_INDEX, NOT_NAMES, OBJECT_VERBS, SIGNAL_BIT, type Signal } from './lexicon';
import { clauseLooksRisky } from './score-clause';
import { splitClauses, tokenise, type Token } from './segment-text';
import type { Category, RecipientRole, Channel } from './types';

/** What a sentence needs to know about the message around it. */
export interface SentenceFrame {
  recipientRole: RecipientRole;
  channel: Channel;
  /** Lower-case names (and name parts) of the coach's clients. */
  clients: ReadonlySet<string>;
  /** Lower-case names that are not clients: the reader, the coach, sponsors, organisations. */
  notClients: ReadonlySet<string>;
  /** Lower-case names of the coachee the message is addressed to or about, when known. */
  focus: ReadonlySet<string>;
  /** Whether the previous sentence talked about a client, so "She…" has someone to point at. */
  carry: boolean;
  /**
   * What a quoted question just before this sentence asked about a client ("> Is he likely to get
   * through the PIP?"), so a bare answer ("Short answer: yes.") says it.
   */
  answering?: Category;
}

/** A finding before wording: offsets are absolute; `name` is the client it is about, if named. */
export interface RawFinding {
  start: number;
  end: number;
  category: Category;
  weak: boolean;
  name?: string;
}

export interface SentenceReading {
  findings: RawFinding[];
  /** The sentence mentions a client: the next sentence's pronouns may refer to them. */
  mentionsClient: boolean;
  /** The sentence declines to share or describes confidentiality. */
  declines: boolean;
  /** The sentence says the client wrote or approved what follows. */
  consents: boolean;
  /** Client names mentioned, in order, so later findings can name who they are about. */
  names: string[];
  /** The sentence asks about a client; the kind of disclosure an answer to it would make. */
  asks?: Category;
}

interface Match {
  signal: Signal;
  bit: number;
  from: number;
  to: number;
}

type RefKind = 'coach' | 'we' | 'recipient' | 'client' | 'generic' | 'coaching' | 'colleague';

interface Ref {
  kind: RefKind;
  index: number;
  name?: string;
}

const COACH = new Set(['i', 'me', 'my', 'mine', 'myself']);
const WE = new Set(['we', 'us', 'our', 'ours', 'ourselves']);
const RECIPIENT = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);
// "shes", "hes", "theyre": chat typed without apostrophes.
const THIRD = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself', 'they', 'them', 'their', 'theirs', 'themselves', 'shes', 'hes', 'theyre', 'theyve']);
const PREDICTIVE_HEDGES = new Set(['i doubt', 'i expect', 'i bet', 'i would be surprised', 'i would not be surprised', 'i would bet', 'i would not bet', 'i would expect', 'i would not expect', 'i fear']);
const FRAGMENT_INTENSIFIERS = new Set(['really', 'very', 'extremely', 'incredibly', 'pretty', 'quite', 'not', 'so', 'remarkably', 'genuinely']);
const PLACE_BEFORE = new Set(['in', 'at', 'near', 'via', 'outside', 'around']);
const MOTION_VERBS = new Set(['travel', 'travelling', 'traveling', 'go', 'going', 'went', 'fly', 'flying', 'flew', 'drive', 'driving', 'drove', 'move', 'moving', 'moved', 'relocate', 'relocating', 'back', 'trip', 'visit', 'return', 'returning', 'commute', 'commuting']);
const RELATIONS = new Set(['father', 'mother', 'dad', 'mum', 'mom', 'husband', 'wife', 'partner', 'son', 'daughter', 'brother', 'sister', 'grandmother', 'grandfather', 'gran', 'grandma', 'grandad', 'grandpa', 'aunt', 'uncle', 'cousin', 'niece', 'nephew', 'father-in-law', 'mother-in-law', 'stepfather', 'stepmother', 'kids', 'children', 'parents', 'family']);
/**
 * Whether a third person at `i` refers to a relative named just before it and owned as `owner`
 * says: "my father … his" (the coach's own family), "the children … their dad" (the reader's).
 */
function relativeBefore(clause: Token[], i: number, refs: Ref[], owner: RegExp, reach: number): boolean {
  for (let k = i - 1; k >= 1 && i - k <= reach; k--) {
    if (refs.some((r) => r.index === k && r.kind === 'client')) return false;
    if (RELATIONS.has(clause[k]!.norm) && owner.test(clause[k - 1]!.norm)) return true;
  }
  return false;
}
/** What answering a question with these signals would disclose. */
function askedAbout(mask: number): Category {
  if (mask & (SIGNAL_BIT.employment | SIGNAL_BIT.prediction)) return 'outcome-prediction';
  if (mask & (SIGNAL_BIT.wellbeing | SIGNAL_BIT['wellbeing-weak'])) return 'wellbeing';
  if (mask & SIGNAL_BIT.career) return 'career-intent';
  if (mask & (SIGNAL_BIT.personal | SIGNAL_BIT['personal-weak'])) return 'personal-life';
  return 'progress-judgement';
}

const ANSWER_OPENERS = new Set(['yes', 'no', 'yep', 'nope', 'yeah', 'honestly', 'short', 'probably', 'possibly', 'definitely', 'absolutely', 'certainly', 'likely', 'unlikely', 'really', 'very', 'extremely', 'quite', 'pretty', 'fairly', 'not', 'well', 'good', 'great', 'fine', 'brilliantly', 'slowly', 'better', 'worse', 'sadly', 'frankly', 'candidly', 'broadly', 'mostly', 'generally', 'overall', 'in']);

/** "Short answer: yes, I'd think so.", "Honestly, really well.": an answer rather than news. */
function looksLikeAnswer(tokens: Token[]): boolean {
  const words = tokens.filter((t) => !t.punct);
  if (words.length === 0 || words.length > 14) return false;
  return ANSWER_OPENERS.has(words[0]!.norm);
}

/** "each participant brings their own summary": a person in general, not a client. */
const GENERIC_HEADS = new Set(['participant', 'coachee', 'client', 'person', 'employee', 'member', 'manager', 'one', 'individual']);
const BOTH_VERBS = new Set(['are', 'were', 'have', 'had', 'seem', 'seemed', 'look', 'looked', 'did', 'do', 'made', 'showed', 'came', 'got']);
/** "The coaching log asks for…": coaching as the modifier of an admin noun is no statement about coaching. */
const COACHING_ADMIN = new Set(['log', 'logs', 'portal', 'form', 'forms', 'record', 'records', 'contract', 'contracts', 'agreement', 'budget', 'provider', 'providers', 'fee', 'fees', 'invoice', 'invoices', 'team', 'room', 'schedule', 'calendar', 'policy', 'platform', 'system', 'field', 'fields', 'request', 'requests', 'scheme', 'pool', 'panel', 'framework', 'process', 'paperwork', 'template', 'budget', 'spend', 'purchase', 'supplier', 'suppliers', 'market', 'industry', 'profession', 'standards', 'code', 'bodies', 'body', 'qualification', 'accreditation', 'directory']);
const GENERIC = new Set(['anyone', 'someone', 'everyone', 'everybody', 'anybody', 'people', 'nobody', 'whoever']);
const CLIENT_NOUNS = new Set(['coachee', 'client']);
const PRONOUN_WORDS = new Set([...COACH, ...WE, ...RECIPIENT, ...THIRD, ...GENERIC, 'any', 'both', 'each', 'every']);
const COACHING_NOUNS = new Set(['coaching', 'sessions', 'session', 'programme', 'work', 'relationship', 'engagement', 'it']);
const COPULA = new Set(["'s", 'is', 'was', 'are', 'were', 'am', 'been', 'be', 'being', 'has', 'have', 'had', 'seems', 'seemed', 'looks', 'looked', 'feels', 'felt', 'got', 'getting', 'gets', 'become', 'became', 'becoming', 'appears', 'sounds', 'stays', 'remains', 'coming', 'doing', 'not']);
const MODALS = new Set(['will', 'would', 'can', 'could', 'should', 'might', 'may', 'must', 'going', 'shall', 'wo']);
const QUESTION_OPENERS = new Set(['how', 'what', 'when', 'where', 'why', 'who', 'which', 'is', 'are', 'do', 'does', 'did', 'can', 'could', 'would', 'will', 'should', 'has', 'have', 'any', 'anything']);
const CONTRAST = new Set(['but', 'however', 'though', 'although', 'yet', 'still', 'except']);
/** After a capitalised first word, these make it read as a person doing something ("Keiko very motivated"). */
const VERBISH = new Set(["'s", 'is', 'was', 'has', 'had', 'did', 'does', 'will', 'would', 'can', 'could', 'might', 'may', 'should', 'told', 'said', 'says', 'mentioned', 'feels', 'felt', 'seems', 'keeps', 'asked', 'wants', 'and', 'very', 'really', 'has', 'got', 'brought', 'described', 'attended', 'used', 'needs', 'made', 'would', 'clearly', 'definitely', 'visibly', 'possibly', 'isn', 'hasn', 'who', 'shared', 'opened', 'admitted', 'thinks', 'believes', 'is', 'also', 'now', 'still', 'just', 'already', 'seriously', 'never', 'always', 'often', 'rarely', 'not']);

const PLURAL_VERBS = new Set(['are', 'were', 'have', 'do', 'need', 'include', 'remain']);
/** Counts that make a session word an attendance record: "has been to all four sessions". */
const COUNT_WORDS = /^(\d+|all|both|every|each|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|first|second|third|fourth|fifth|sixth|last|next)$/;

/** Past tenses that don't end in -ed: "Kofi found…", "Ana thought…". */
const IRREGULAR_PAST = new Set(['found', 'thought', 'felt', 'got', 'went', 'came', 'took', 'made', 'gave', 'left', 'kept', 'knew', 'saw', 'lost', 'spent', 'brought', 'told', 'said', 'became', 'began', 'heard', 'met', 'paid', 'won', 'fell', 'broke', 'wrote', 'spoke', 'sent', 'ran', 'sat']);

/** Words that follow a name at the start of a sentence more often than they follow a verb or adjective. */
const AFTER_NAME = new Set(['in', 'too', 'also', 'from', 'at', 'with', 'of', 'herself', 'himself', 'themselves', 'now', 'however', 'though']);

/** Words too common to be a name even when capitalised mid-sentence in a heading. */
const isNameToken = (t: Token, frame: SentenceFrame) =>
  !t.punct && t.norm.length > 1 && !NOT_NAMES.has(t.norm) && !frame.notClients.has(t.norm) && !/^[\d.,:/-]+$/.test(t.norm);

export function readSentence(text: string, start: number, end: number, frame: SentenceFrame): SentenceReading {
  const tokens = tokenise(text, start, end);
  const reading: SentenceReading = { findings: [], mentionsClient: false, declines: false, consents: false, names: [] };
  // Most sentences of an email are arrangements: with no known phrase, no third person and no
  // field label in them, nothing below can fire, so they cost one pass over their words.
  let matters = false;
  for (const t of tokens) {
    if (mayMatter(t, frame)) {
      matters = true;
      break;
    }
  }
  if (!matters) return reading;
  const clauses = splitClauses(tokens);
  const clauseInfo: { clause: Token[]; matches: Match[]; refs: Ref[]; mask: number }[] = [];
  let anyMask = 0;
  for (const clause of clauses) {
    const matches = dropMeetingTimes(clause, findMatches(clause));
    const refs = findRefs(clause, frame, matches);
    const mask = maskOf(matches) | (coachDeclines(clause) ? SIGNAL_BIT.decline : 0);
    anyMask |= mask;
    clauseInfo.push({ clause, matches, refs, mask });
    for (const r of refs) {
      if (r.kind !== 'client') continue;
      reading.mentionsClient = true;
      if (r.name) reading.names.push(r.name);
    }
  }
  reading.consents = (anyMask & SIGNAL_BIT.consent) !== 0;
  // Declining covers the whole sentence, except what follows a "but" after it:
  // "I can't comment on progress, but between us she's been anxious" still leaks.
  const quiet: boolean[] = [];
  if (anyMask & SIGNAL_BIT.decline) {
    let declined = false;
    let afterColon = false;
    let previousEnd = -1;
    for (const c of clauseInfo) {
      const first = firstWord(c.clause);
      if (declined && CONTRAST.has(first)) declined = false;
      // A dash between clauses counts like one at the end of the last: "You asked how the PIP is
      // looking — I'd be surprised if…".
      const start = c.clause[0]?.start ?? 0;
      if (previousEnd >= 0 && tokens.some((t) => t.start >= previousEnd && t.end <= start && /^(\u2014|\u2013|-|:)$/.test(t.norm))) afterColon = true;
      previousEnd = c.clause.at(-1)?.end ?? previousEnd;
      // "Ahead of the three-way, a word of warning: Hamza's…": a colon opens new content.
      if (declined && afterColon) declined = false;
      // A colon or a dash after a decline opens what the coach goes on to say.
      afterColon = /^(:|\u2014|\u2013|-)$/.test(c.clause.at(-1)?.norm ?? '') || /^(\u2014|\u2013)$/.test(c.clause[0]?.norm ?? '');
      if (c.mask & SIGNAL_BIT.decline) declined = true;
      quiet.push(declined);
    }
    reading.declines = true;
    // A decline also reaches back over the clauses before it ("…how Deepa is getting on, but I keep…").
    const lastDecline = quiet.lastIndexOf(true);
    for (let i = 0; i < lastDecline; i++) {
      const first = clauseInfo[i + 1] ? firstWord(clauseInfo[i + 1]!.clause) : '';
      if (!CONTRAST.has(first) || quiet[i + 1]) quiet[i] = true;
    }
  }
  if (reading.consents) return reading;

  const sentenceRefs: Ref[] = [];
  for (const c of clauseInfo) for (const r of c.refs) sentenceRefs.push(r);
  for (let ci = 0; ci < clauseInfo.length; ci++) {
    if (quiet[ci]) continue;
    const info = clauseInfo[ci]!;
    for (const f of readClause(info.clause, info.matches, info.refs, sentenceRefs, frame)) reading.findings.push(f);
  }
  // A question asks rather than tells: "How is the coachee progressing?" judges nobody.
  const last = tokens.at(-1)?.norm;
  const opener = firstWord(tokens);
  if (last === '?' && QUESTION_OPENERS.has(opener)) {
    reading.findings = reading.findings.filter((f) => f.category !== 'progress-judgement' && f.category !== 'outcome-prediction' && f.category !== 'session-content');
  }
  if (last === '?' && reading.mentionsClient && !(anyMask & SIGNAL_BIT.logistics)) reading.asks = askedAbout(anyMask);
  if (frame.answering && reading.findings.length === 0 && !reading.declines && !(anyMask & SIGNAL_BIT.logistics) && looksLikeAnswer(tokens)) {
    const span = trimClause(tokens);
    reading.findings.push({ start: span.start, end: span.end, category: frame.answering, weak: true });
  }
  const parts = fieldParts(tokens, clauses);
  const field = parts ? readField(parts.label, parts.value, frame) : undefined;
  // "Engagement type: Executive coaching": when the field as a whole tells nothing, neither do
  // the words of its label.
  if (parts && !field && frame.channel === 'hr-portal') {
    const labelEnd = parts.label.at(-1)!.end;
    // "Coaching objective: Build confidence presenting to the exec": the goals agreed at
    // contracting are the part of coaching the sponsor shares.
    // "Goal 1: Client reports delegating…" is a report against the goal, not the goal.
    const goals =
      parts.label.some((t) => GOAL_LABELS.has(t.norm)) &&
      !parts.label.some((t) => FIELD_LABELS.some(([, labels]) => labels.includes(t.norm))) &&
      !tokens.some((t) => t.start >= labelEnd && (THIRD.has(t.norm) || CLIENT_NOUNS.has(t.norm) || frame.clients.has(t.norm)));
    reading.findings = goals ? [] : reading.findings.filter((f) => f.start >= labelEnd);
  }
  if (field && parts && !quiet[0] && !quiet[parts.valueClause]) {
    // The label is read as part of its field, not as a sentence of its own.
    const labelEnd = parts.label.at(-1)!.end;
    reading.findings = reading.findings.filter((f) => f.end > labelEnd);
    // "Progress: Partially met": a judgement word in the label is the same statement as its value.
    const same = reading.findings.find((f) => f.category === field.category && f.start <= field.end && field.start <= f.end);
    if (!same) reading.findings.push(field);
    else if (same.end < field.end && same.start <= field.start) same.end = field.end;
  }
  return reading;
}

const PORTAL_ADVERBS = new Set(['still', 'often', 'now', 'always', 'never', 'regularly', 'sometimes', 'occasionally', 'frequently', 'consistently', 'increasingly', 'repeatedly', 'has', 'have', 'successfully', 'finally', 'recently']);

const TIME_WORDS = new Set(['before', 'after', 'ahead', 'following', 'since', 'until', 'till']);
const BARE_TIME_WORDS = new Set(['at', 'during', 'since', 'after', 'before', 'in']);
const MEETING_MODIFIERS = new Set(['the', 'our', 'your', 'a', 'closing', 'final', 'next', 'first', 'last', 'mid-point', 'midpoint', 'opening', 'of']);

/**
 * "Before the closing three-way, you should know…": a process word used as a point in time is
 * no decline, so what follows it is read as usual.
 */
function dropMeetingTimes(clause: Token[], matches: Match[]): Match[] {
  if (!matches.some((m) => m.signal === 'decline')) return matches;
  return matches.filter((m) => {
    if (m.signal !== 'decline') return true;
    let k = m.from - 1;
    while (k >= 0 && MEETING_MODIFIERS.has(clause[k]!.norm)) k--;
    // "the defensiveness we talked about at contracting": a stage of the coaching named as a time.
    const bare = k === m.from - 1 && BARE_TIME_WORDS.has(clause[k]?.norm ?? '') && /^(contracting|three-way)$/.test(clause[m.from]!.norm);
    return !((k >= 0 && k < m.from - 1 && TIME_WORDS.has(clause[k]!.norm)) || bare);
  });
}

const NEGATIONS = new Set(['not', 'never', 'no']);
const DISCLOSING = new Set(['tell', 'share', 'say', 'comment', 'discuss', 'disclose', 'report', 'pass', 'go', 'get', 'speak', 'give', 'divulge', 'repeat', 'feed', 'provide', 'offer', 'talk', 'rank', 'grade', 'compare', 'rate', 'assess', 'score', 'judge']);

/**
 * The coach declining in words no phrase list holds: "I'm not able to tell you whether…", "I
 * won't be going into detail", "I'd rather not say". "I can't tell you how pleased I am" is not one.
 */
function coachDeclines(clause: Token[]): boolean {
  for (let i = 0; i < clause.length; i++) {
    if (clause[i]!.norm !== 'i') continue;
    for (let n = i + 1; n < clause.length && n <= i + 4; n++) {
      if (!NEGATIONS.has(clause[n]!.norm)) continue;
      for (let v = n + 1; v < clause.length && v <= n + 4; v++) {
        const w = clause[v]!.norm;
        const stem = w.endsWith('ing') ? w.slice(0, -3) : w;
        if (!DISCLOSING.has(w) && !DISCLOSING.has(stem) && !DISCLOSING.has(`${stem}e`)) continue;
        // "I won't go into detail" declines; "I wouldn't go ahead with the warning" advises.
        if ((stem === 'go' || stem === 'get') && !/^(into|in|there)$/.test(clause[v + 1]?.norm ?? '')) return false;
        let k = v + 1;
        if (/^(you|them|her|him)$/.test(clause[k]?.norm ?? '')) k++;
        const next = clause[k]?.norm;
        return next !== 'how' && next !== 'enough' && next !== 'what';
      }
      return false;
    }
  }
  return false;
}

/**
 * HR-portal style fields ("Progress: Good", "Engagement level: High", "Topics covered: …"): the
 * label says what kind of statement the value is, so even a one-word value is a disclosure.
 */
const FIELD_LABELS: [Category, string[]][] = [
  ['outcome-prediction', ['outcome', 'recommendation', 'recommended', 'probation', 'promotion', 'suitability', 'readiness', 'potential', 'succession', 'likelihood', 'chance', 'chances', 'prognosis', 'prospects', 'retention', 'attrition']],
  ['wellbeing', ['concerns', 'concern', 'wellbeing', 'health', 'risks', 'mood']],
  ['session-content', ['topics', 'topic', 'themes', 'discussed', 'summary', 'issues', 'notes', 'focus', 'content']],
  ['progress-judgement', ['progress', 'rating', 'engagement', 'overall', 'performance', 'assessment', 'observations', 'strengths', 'weaknesses', 'development', 'attitude', 'motivation', 'feedback', 'evaluation', 'score', 'view', 'impression', 'rag', 'comments', 'comment', 'remarks']],
];
const GOAL_LABELS = new Set(['objective', 'objectives', 'goal', 'goals', 'aim', 'aims']);
const EMPTY_VALUES = new Set(['n/a', 'na', 'none', '-', '\u2014', '\u2013', 'tbc', 'tbd', 'nil']);

/**
 * "Overall status (RAG): Amber" → the label up to its colon, and the value's first clause. The
 * label may hold brackets or a scale ("Progress rating (1–5):"), which split it into clauses.
 */
function fieldParts(tokens: Token[], clauses: Token[][]): { label: Token[]; value: Token[]; valueClause: number } | undefined {
  const colon = tokens.findIndex((t, k) => k <= 16 && t.norm === ':');
  const first = tokens[colon + 1];
  if (colon <= 0 || !first) return undefined;
  const valueClause = clauses.findIndex((c) => c.includes(first));
  if (valueClause < 0) return undefined;
  return { label: tokens.slice(0, colon + 1), value: clauses[valueClause]!.filter((t) => t.start >= first.start), valueClause };
}

/** "N/A — not assessed by coach", "Not applicable to coach role": a value that says there is none. */
const EMPTY_VALUE_OPENERS = /^(?:not applicable|not assessed|not rated|not scored|not recorded|not for|not part|not relevant|not shared|not disclosed|not appropriate|to be completed|to be agreed|to be confirmed|to be added|to follow|pending)\b/;

function readField(label: Token[], value: Token[], frame: SentenceFrame): RawFinding | undefined {
  if (value.length === 0) return undefined;
  const words = label.filter((t) => !t.punct && !/^\d+$/.test(t.norm)).map((t) => t.norm);
  if (words.length === 0 || words.length > 7) return undefined;
  if (frame.recipientRole === 'coachee' || frame.recipientRole === 'other-client') return undefined;
  const valueWords = value.filter((t) => !t.punct).map((t) => t.norm);
  const compact = value.map((t) => t.norm).join('');
  if (valueWords.length === 0 || EMPTY_VALUES.has(valueWords.join(' ')) || EMPTY_VALUES.has(compact) || EMPTY_VALUE_OPENERS.test(valueWords.join(' '))) return undefined;
  // "None to report", "Nothing noted", "No concerns": an empty value in words.
  if (/^(none|nothing|nil)$/.test(valueWords[0]!) || (valueWords[0] === 'no' && valueWords.length <= 3 && /^(concerns?|issues?|risks?|comments?|updates?|change)$/.test(valueWords[1] ?? ''))) return undefined;
  const valueMatches = findMatches(value);
  if (valueMatches.some((m) => m.signal === 'decline' || m.signal === 'consent')) return undefined;
  // "Sessions attended: 4", "Next session: 12 March": a logistics label with a count or a date.
  // "Session notes: …" is a content label all the same: its own word decides.
  const labelled = FIELD_LABELS.some(([, labels]) => words.some((w) => labels.includes(w)));
  if (!labelled && findMatches(label).some((m) => m.signal === 'logistics')) return undefined;
  // "Feedback on programme design: sessions of 90 minutes work better": about the format, no one in it.
  // "Engagement type: Executive coaching": the kind of engagement, not how it is going.
  if (words.some((w) => w === 'programme' || w === 'program' || w === 'design' || w === 'format' || w === 'type' || w === 'kind')) return undefined;
  // "Six sessions delivered": a capital that only opens the value is no name.
  const aboutArrangements = valueMatches.some((m) => m.signal === 'logistics') && !value.some((t, k) => THIRD.has(t.norm) || (t.cap && !(k === 0 && (COUNT_WORDS.test(t.norm) || NOT_NAMES.has(t.norm)))) || CLIENT_NOUNS.has(t.norm));
  for (const [category, labels] of FIELD_LABELS) {
    if (words.some((w) => labels.includes(w))) {
      if (aboutArrangements && (category === 'progress-judgement' || category === 'session-content')) return undefined;
      return { start: label[0]!.start, end: value.at(-1)!.end, category, weak: category === 'progress-judgement' || category === 'session-content' };
    }
  }
  return undefined;
}

export function findMatches(clause: Token[]): Match[] {
  const matches: Match[] = [];
  for (let i = 0; i < clause.length; i++) {
    const t = clause[i]!;
    if (t.punct) continue;
    let seen = 0;
    let n = i + 1;
    while (n < clause.length && clause[n]!.punct && clause[n]!.norm !== '-') n++;
    const second = clause[n]?.norm;
    if (second !== undefined) {
      // "'s" may stand for "is" or "has", in either of the first two words; no allocation otherwise.
      const firsts = t.norm === "'s" ? CLITIC_S.length : 1;
      const nexts = second === "'s" ? CLITIC_S.length : 1;
      for (let a = 0; a < firsts; a++) {
        const seconds = PHRASE_INDEX.pairs.get(firsts === 1 ? t.norm : CLITIC_S[a]!);
        if (!seconds) continue;
        // "ask * directly": a phrase whose second word is any word sits under "*".
        const wild = seconds.get('*');
        for (let b = 0; b < nexts + (wild ? 1 : 0); b++) {
          const pairs = b === nexts ? wild : seconds.get(nexts === 1 ? second : CLITIC_S[b]!);
          if (!pairs) continue;
          for (const phrase of pairs) {
            if (seen & phrase.bit) continue;
            const to = matchFrom(clause, i, phrase.words);
            if (to > 0) {
              seen |= phrase.bit;
              matches.push({ signal: phrase.signal, bit: phrase.bit, from: i, to });
            }
          }
        }
      }
    }
    const singles = PHRASE_INDEX.single.get(t.norm);
    if (singles) for (const phrase of singles) if (!(seen & phrase.bit)) matches.push({ signal: phrase.signal, bit: phrase.bit, from: i, to: i + 1 });
  }
  if (matches.length < 2) return matches;
  // The longer reading wins: "coaching engagement" is logistics, not "engagement"; "much more" is not "much".
  return matches.filter((m) => !matches.some((o) => o !== m && o.signal !== m.signal && o.from <= m.from && o.to >= m.to && o.to - o.from > m.to - m.from));
}

const CLITIC_S = ["'s", 'is', 'has'];
/** "rohan's…", "ilse is…", "neil in structures is…": a lower-case chat name followed by its verb. */
/** "lol yusuf had…", "ha, kwame's…": what opens a chat line before a name. */
const CHAT_INTERJECTIONS = new Set(['lol', 'haha', 'ha', 'hah', 'omg', 'ok', 'okay', 'yeah', 'yep', 'oh', 'ah', 'hmm', 'tbh', 'fyi', 'ngl', 'btw']);
const chatVerbAt = (clause: Token[], k: number) => {
  const w = clause[k]?.norm ?? '';
  return w === "'s" || w === 'is' || w === 'has' || CHAT_VERBS.has(w);
};
const CHAT_VERBS = new Set(['said', 'says', 'told', 'was', 'keeps', 'mentioned', 'thinks', 'feels', 'wants', 'had']);

function firstWord(tokens: Token[]): string {
  for (const t of tokens) if (!t.punct) return t.norm;
  return '';
}

function mayMatter(t: Token, frame: SentenceFrame): boolean {
  const w = t.norm;
  if (t.punct) return w === ':' || w === '"' || w === "'";
  return (
    t.cap ||
    PHRASE_INDEX.single.has(w) ||
    PHRASE_INDEX.pairs.has(w) ||
    w === "'s" ||
    THIRD.has(w) ||
    WE.has(w) ||
    CLIENT_NOUNS.has(w) ||
    COACHING_NOUNS.has(w) ||
    frame.clients.has(w) ||
    frame.focus.has(w) ||
    (frame.channel === 'chat' && w.length >= 3)
  );
}

/** Where `words` matches from token `i` (skipping punctuation inside it), or -1. */
function matchFrom(clause: Token[], i: number, words: string[]): number {
  let j = i;
  for (const word of words) {
    while (j < clause.length && clause[j]!.punct && clause[j]!.norm !== '-') j++;
    const tok = clause[j];
    // "she's working on" is "she is working on"; the clitic can stand for "is" or "has".
    if (word === '*' && tok && !tok.punct) {
      j++;
      continue;
    }
    // After "it", "that", "there" the clitic is "is": "as it's written" is no "has written".
    const isOnly = tok?.norm === "'s" && /^(it|that|this|there|here|what)$/.test(clause[j - 1]?.norm ?? '');
    if (!tok || (tok.norm !== word && !(tok.norm === "'s" && (word === 'is' || (word === 'has' && !isOnly) || word === "'s")) && !(word === "'s" && (tok.norm === 'is' || tok.norm === 'has')))) return -1;
    j++;
  }
  return j;
}

const maskOf = (matches: Match[]) => {
  let mask = 0;
  for (const m of matches) mask |= m.bit;
  return mask;
};
const FRAMING = SIGNAL_BIT.hedge | SIGNAL_BIT.recommend;
/** Whether token `i` lies inside a match of one of the signals in `bits`. */
const inside = (matches: Match[], i: number, bits: number) => {
  for (const m of matches) if (m.bit & bits && m.from <= i && i < m.to) return true;
  return false;
};

function findRefs(clause: Token[], frame: SentenceFrame, matches: Match[]): Ref[] {
  const refs: Ref[] = [];
  // The "I" of "I think" or "I'd suggest" is the coach framing an opinion, not the subject of it.
  const mask = maskOf(matches);
  for (let i = 0; i < clause.length; i++) {
    const t = clause[i]!;
    if (t.punct || (mask & FRAMING && inside(matches, i, FRAMING))) continue;
    const w = t.norm;
    const prev = clause[i - 1]?.norm;
    // One lookup for the common case: a word that is no pronoun, no known name and not capitalised.
    if (!t.cap && !PRONOUN_WORDS.has(w) && !frame.clients.has(w) && !frame.focus.has(w) && frame.channel !== 'chat' && !(mask & SIGNAL_BIT.colleague) && !CLIENT_NOUNS.has(w) && !COACHING_NOUNS.has(w)) continue;
    if (w === 'i' && prev === 'and' && refs.at(-1)?.kind === 'client' && refs.at(-1)!.index === i - 2) {
      // "Kwame and I spent the session on…" is the coach and the client together.
      refs.push({ kind: 'we', index: i });
    } else if (COACH.has(w)) {
      // "Torvald asked me how notice periods work": the coach as the object of the client's verb
      // owns nothing that follows.
      if (!(w === 'me' && OBJECT_VERBS.has(prev ?? ''))) refs.push({ kind: 'coach', index: i });
    } else if (THIRD.has(w) && frame.recipientRole === 'coachee' && relativeBefore(clause, i, refs, /^(the|your)$/, 6)) {
      // To the coachee, "when the children are with their dad": their own family, not a client.
      refs.push({ kind: 'generic', index: i });
    } else if (THIRD.has(w) && relativeBefore(clause, i, refs, /^my$/, 10)) {
      // "my father died on Sunday and his funeral is on Thursday": the coach's own family.
      refs.push({ kind: 'coach', index: i });
    }
    else if (WE.has(w)) refs.push({ kind: 'we', index: i });
    else if (RECIPIENT.has(w)) refs.push({ kind: 'recipient', index: i });
    else if (THIRD.has(w)) refs.push({ kind: 'client', index: i });
    else if (GENERIC.has(w) || (w === 'any' && !t.cap) || ((w === 'each' || w === 'every') && GENERIC_HEADS.has(clause[i + 1]?.norm ?? ''))) refs.push({ kind: 'generic', index: i });
    // "Both are doing really well": "both" standing alone before its verb is the clients.
    else if (w === 'both' && BOTH_VERBS.has(clause[i + 1]?.norm ?? '') && mask & CONTENT_BITS) refs.push({ kind: 'client', index: i });
    else if (mask & SIGNAL_BIT.colleague && matches.some((m) => m.bit === SIGNAL_BIT.colleague && m.from === i)) refs.push({ kind: 'colleague', index: i });
    else if (CLIENT_NOUNS.has(w) && (prev === 'the' || prev === 'my' || prev === 'this' || prev === 'our' || (frame.channel === 'hr-portal' && !prev))) refs.push({ kind: 'client', index: i });
    else if (CLIENT_NOUNS.has(w) && (prev === 'a' || prev === 'any' || prev === 'every')) refs.push({ kind: 'generic', index: i });
    else if (COACHING_NOUNS.has(w) && w !== 'it' && (prev === 'the' || prev === undefined || prev === 'our' || prev === 'these') && !COACHING_ADMIN.has(clause[i + 1]?.norm ?? '')) refs.push({ kind: 'coaching', index: i });
    else if (w === 'it' && (clause[i + 1]?.norm === "'s" || clause[i + 1]?.norm === 'is') && clause[i + 2]?.norm === 'working') refs.push({ kind: 'coaching', index: i });
    else if (frame.clients.has(w) || frame.focus.has(w)) refs.push({ kind: 'client', index: i, name: w });
    else if (!t.cap && frame.channel === 'chat' && (i === 0 || LEAD_INS.has(prev ?? '') || CHAT_INTERJECTIONS.has(prev ?? '') || prev === 'me' || (prev === ',' && i <= 3)) && isNameToken(t, frame) && /^\p{L}+$/u.test(w) && w.length >= 3 && (chatVerbAt(clause, i + 1) || (/^(in|from|at|on)$/.test(clause[i + 1]?.norm ?? '') && chatVerbAt(clause, i + 3)))) {
      // Chat is typed in lower case: "rohan's a bit all over the place", "ilse is thinking of…".
      refs.push({ kind: 'client', index: i, name: w });
    } else if (t.cap && isNameToken(t, frame)) {
      const next = clause[i + 1];
      const prevTok = clause[i - 1];
      const sentenceStart = i === 0 || (prevTok?.punct ?? false);
      // Two capitalised words in a row are usually a place, an organisation or a title.
      const partOfProperPhrase =
        (next?.cap && !next.punct && isNameToken(next, frame)) ||
        (prevTok?.cap && !prevTok.punct && !sentenceStart && !NOT_NAMES.has(prevTok.norm)) ||
        // "Harrow & Vale": the second name of a firm.
        (prevTok?.norm === '&' && clause[i - 2]?.cap === true);
      // "travel to Cork", "in Leeds", "at Halvard": a place or a firm, not a client.
      const placed = PLACE_BEFORE.has(prev ?? '') || (prev === 'to' && MOTION_VERBS.has(clause[i - 2]?.norm ?? ''));
      if (placed && !frame.clients.has(w) && !frame.focus.has(w)) continue;
      if (partOfProperPhrase) continue;
      // At the start of a sentence a capital proves nothing; a verb after it, or a word that
      // doesn't look like an adverb, participle or plural, makes a name likely ("Zofia in particular…").
      // "Rohan tells me", "Kofi works hard" — but not "Bank details are…", a plural noun and its verb.
      const afterNext = clause[i + 2]?.norm ?? '';
      const verbLike = next !== undefined && !next.punct && next.norm.length >= 4 && (next.norm.endsWith('ed') || (/[^s]s$/.test(next.norm) && !PLURAL_VERBS.has(afterNext)));
      // "Supportive in principle": adjective endings read as an opener, not a name.
      const adverbLike = /(ly|ed|s|ive|ful|ous|able|ible|less)$/.test(w) || (w.endsWith('ing') && !w.includes('-') && w.length > 5);
      const plausible = next !== undefined && (VERBISH.has(next.norm) || IRREGULAR_PAST.has(next.norm) || ((AFTER_NAME.has(next.norm) || verbLike) && w.length >= 3 && !adverbLike));
      if (!sentenceStart || plausible) refs.push({ kind: 'client', index: i, name: w });
    }
  }
  return refs;
}

const OWNER_KINDS = new Set<RefKind>(['coach', 'we', 'recipient', 'client', 'generic', 'coaching', 'colleague']);

/** Who a signal at token `at` is about: nearest reference before it, then after it, then earlier in the sentence. */
function ownerOf(at: number, refs: Ref[], sentenceRefs: Ref[], lookAhead: boolean): { ref: Ref | undefined; explicit: boolean } {
  let best: Ref | undefined;
  for (const r of refs) if (r.index < at && at - r.index <= 16 && OWNER_KINDS.has(r.kind)) best = r;
  if (best) return { ref: best, explicit: true };
  // "It's been a tough few weeks for Declan": the person can come after the word.
  if (lookAhead) {
    for (const r of refs) if (r.index > at && r.index - at <= 8) return { ref: r, explicit: true };
  }
  const before = sentenceRefs.filter((r) => !refs.includes(r));
  const earlier = before.at(-1);
  return { ref: earlier, explicit: false };
}

/** Signals that can make a finding by themselves; a clause with none of these and no client in it is quiet. */
const CONTENT_BITS = ~(SIGNAL_BIT.logistics | SIGNAL_BIT.topic | SIGNAL_BIT.colleague | SIGNAL_BIT.intensifier | SIGNAL_BIT.decline | SIGNAL_BIT.consent);

function readClause(clause: Token[], matches: Match[], refs: Ref[], sentenceRefs: Ref[], frame: SentenceFrame): RawFinding[] {
  const mask = maskOf(matches);
  if (!(mask & CONTENT_BITS) && !refs.some((r) => r.kind === 'client' || r.kind === 'coaching') && frame.channel !== 'hr-portal') return [];
  const has = (s: Signal) => (mask & SIGNAL_BIT[s]) !== 0;
  const role = frame.recipientRole;
  const toClientSide = role === 'coachee' || role === 'other-client';
  const clientRefs = refs.filter((r) => r.kind === 'client');
  // In a message to a coachee, "you" and the coachee's own name are the reader, not someone else.
  const thirdClientRefs = toClientSide ? clientRefs.filter((r) => !(r.name && frame.focus.has(r.name))) : clientRefs;
  // `marker`: the coach revealing another client outright ("I coach her too"), whoever the sentence names.
  const found: { category: Category; weak: boolean; at: number; name?: string; marker?: true }[] = [];
  const topical = has('topic');
  const logistics = has('logistics');
  const portal = frame.channel === 'hr-portal';
  const nameOf = (r: Ref | undefined) => r?.name ?? thirdClientRefs.find((c) => c.name)?.name ?? sentenceRefs.find((c) => c.kind === 'client' && c.name)?.name;

  // "anyone struggling should see their GP": "their" is the "anyone", not a client.
  const genericAt = refs.find((r) => r.kind === 'generic')?.index ?? Infinity;
  const isClient = (r: Ref | undefined) =>
    r?.kind === 'client' && !(toClientSide && r.name && frame.focus.has(r.name)) && !(r.index > genericAt && !r.name && /^(they|them|their|theirs|themselves)$/.test(clause[r.index]?.norm ?? ''));
  // In a portal field the subject is left out and is the coachee: "possibly burnt out".
  const elided = (r: Ref | undefined, explicit: boolean) => !r || (!explicit && r.kind !== 'client' && (!frame.carry || portal));

  // The coach reveals another client to a client ("I coach him too", roster coachee B to coachee A).
  if (toClientSide) {
    // "You asked if Zainab is one of my clients" reports a question; it confirms nothing.
    const marker = matches.find((m) => m.signal === 'other-client');
    // "You asked if Zainab is one of my clients" reports a question; "If you get stuck, Yusuf,
    // whom I also coach, …" does not.
    const asked = clause.slice(0, marker?.from ?? 0).some((t, k, before) => (t.norm === 'if' || t.norm === 'whether') && before.slice(Math.max(0, k - 3), k).some((b) => /^(asked|ask|asking|wondered|wonder|wondering|know|curious|unsure|question|checking|check|whether)$/.test(b.norm)));
    if (marker && !asked) found.push({ category: 'third-party', weak: false, at: marker.from, marker: true });
    const other = thirdClientRefs.find((r) => r.name && frame.clients.has(r.name));
    if (other && !has('logistics')) found.push({ category: 'third-party', weak: false, at: other.index, name: other.name });
  }

  // Opinion about the client's future: "I doubt he'll meet the PIP targets", "I think Aisha will get there".
  const hedge = matches.find((m) => m.signal === 'hedge');
  if (hedge && !toClientSide) {
    const target = refs.find((r) => r.index >= hedge.to && r.kind === 'client');
    const firstAfter = refs.find((r) => r.index >= hedge.to && r.kind !== 'colleague');
    // "I think the Thursday slot works better for Ahmed's sessions" is about the diary.
    const possessiveOfArrangement = target && target.name !== undefined && clause[target.index + 1]?.norm === "'s" && matches.some((x) => x.signal === 'logistics' && x.from > target.index && x.from - target.index <= 4);
    if (target && isClient(target) && firstAfter?.kind !== 'coach' && firstAfter?.kind !== 'we' && !possessiveOfArrangement) {
      const after = clause.slice(target.index + 1, target.index + 6).map((t) => t.norm);
      // "I'd be surprised if he's still here by summer", "I doubt she…": some framings are about the future.
      const framing = clause.slice(hedge.from, hedge.to).map((t) => t.norm).join(' ');
      const predictive = PREDICTIVE_HEDGES.has(framing) || framing.endsWith('surprised');
      const modal = after.some((w) => MODALS.has(w)) || has('employment') || has('prediction') || predictive;
      found.push({ category: modal ? 'outcome-prediction' : 'progress-judgement', weak: false, at: hedge.from, name: target.name });
    } else if (firstAfter?.kind === 'coaching' && !logistics) {
      found.push({ category: 'progress-judgement', weak: true, at: hedge.from });
    } else if (!firstAfter || firstAfter.kind === 'recipient') {
      // "…, which I think is behind what you've been seeing at work": an opinion about the client
      // named earlier in the sentence, addressed to the reader.
      const earlier = sentenceRefs.some((r) => r.kind === 'client' && !refs.includes(r));
      const rest = clause.length - hedge.to;
      if (earlier && !logistics && rest >= 3) found.push({ category: 'progress-judgement', weak: true, at: hedge.from });
    }
  }

  for (const m of matches) {
    const strong = m.signal === 'wellbeing' || m.signal === 'personal' || m.signal === 'career' || m.signal === 'wellbeing-weak' || m.signal === 'personal-weak' || m.signal === 'situation';
    const { ref, explicit } = ownerOf(m.from, refs, sentenceRefs, strong);
    const client = isClient(ref);
    const none = elided(ref, explicit);
    // "Callum is finding the new director difficult": the client's view of a colleague.
    if (ref?.kind === 'colleague' && explicit && m.signal !== 'colleague' && m.signal !== 'logistics' && m.signal !== 'topic' && m.signal !== 'intensifier') {
      const speaker = refs.find((r) => r.index < ref.index && isClient(r));
      if (speaker) {
        found.push({ category: 'third-party', weak: true, at: speaker.index, name: nameOf(speaker) });
        continue;
      }
    }
    switch (m.signal) {
      case 'wellbeing':
      case 'personal':
      case 'career': {
        const category: Category = m.signal === 'wellbeing' ? 'wellbeing' : m.signal === 'personal' ? 'personal-life' : 'career-intent';
        if (client || (!toClientSide && none && (frame.carry || portal) && !topical)) found.push({ category, weak: !client, at: m.from, name: nameOf(ref) });
        else if (!toClientSide && !ref && !topical && !logistics) found.push({ category, weak: true, at: m.from });
        break;
      }
      case 'wellbeing-weak':
      case 'personal-weak':
        // "Quillon's Stress Awareness Week", "a stress workshop": the word names a topic.
        if (topical && matches.some((x) => x.signal === 'topic' && x.from >= m.to && x.from - m.to <= 2)) break;
        // "stress over the room booking" is about the diary; "Joanna was very emotional in our last
        // session" is about Joanna: a client named just before the word decides it.
        if (client && explicit && (!(logistics && m.signal === 'wellbeing-weak' && !has('speech')) || (ref && m.from - ref.index <= 5 && ref.index < m.from))) {
          found.push({ category: m.signal === 'wellbeing-weak' ? 'wellbeing' : 'personal-life', weak: true, at: m.from, name: nameOf(ref) });
        }
        break;
      case 'judgement': {
        // "Mei-Ling has been really impressive lately — much more decisive": a verdict that opens a
        // clause with no subject of its own continues the client clause before it.
        // "sessions of 90 minutes work better" judges the format, not how the coaching is going.
        // "Coaching can be a useful support" is about coaching in general.
        const formatTalk = ref?.kind === 'coaching' && (matches.some((x) => x.signal === 'logistics' && x.from !== ref.index) || clause.some((t) => COUNT_WORDS.test(t.norm)) || /^(can|could|may|might)$/.test(clause[ref.index + 1]?.norm ?? ''));
        // "> How is she getting on? / Honestly, really well.": a verdict with no subject of its own,
        // right after a sentence about the client.
        const fragment = none && frame.carry && refs.length === 0 && clause.some((t) => FRAGMENT_INTENSIFIERS.has(t.norm)) && !logistics && clause.filter((t) => !t.punct).length <= 5;
        // "— far more settled than when we started": a verdict opening its clause, before anyone in it.
        const opensClause = m.from <= 2 && refs.every((r) => r.index > m.from) && sentenceRefs.some((r) => !refs.includes(r) && isClient(r));
        // "we're going round in circles": the coach and client together, judged.
        // "…if he'd find that useful": a condition, not a verdict.
        const conditional = (/^(if|whether|unless)$/.test(firstWord(clause)) && !clause.slice(0, m.from).some((t) => t.norm === ',')) || clause.slice(0, m.from).some((t) => t.norm === 'whether');
        const weJudged =
          ref?.kind === 'we' && explicit && !logistics && !toClientSide && m.from - ref.index <= 4 &&
          !clause.slice(0, ref.index).some((t) => /^(how|whether|if|when|once|until)$/.test(t.norm));
        if (!conditional && ((client && (explicit || portal || opensClause)) || (ref?.kind === 'coaching' && !formatTalk) || (portal && none) || fragment || weJudged)) {
          found.push({ category: 'progress-judgement', weak: true, at: m.from, name: nameOf(ref) });
        }
        break;
      }
      case 'prediction': {
        // "Forty minutes in the lounge on the 9th would be ideal": a verdict on the arrangements.
        // "you'd be mad not to make her permanent": the reader is advised, the client is after.
        // "…one of the most coachable people I know — you've got a future director on your hands."
        const clientAfter = ref?.kind === 'recipient' && (refs.find((r) => r.index >= m.to && isClient(r)) || sentenceRefs.find((r) => !refs.includes(r) && isClient(r)));
        if (client || clientAfter || (none && !toClientSide && !(logistics && refs.length === 0))) found.push({ category: 'outcome-prediction', weak: false, at: m.from, name: nameOf(clientAfter || ref) });
        break;
      }
      case 'employment':
        // To another client, "Tobias is on a performance plan" is news about a client.
        if (toClientSide && client && explicit) found.push({ category: 'third-party', weak: false, at: m.from, name: nameOf(ref) });
        else if (client && explicit && clause.some((t) => MODALS.has(t.norm)) && !logistics) {
          found.push({ category: 'outcome-prediction', weak: true, at: m.from, name: nameOf(ref) });
        }
        break;
      case 'recommend': {
        // "I'd recommend keeping sessions at 75 minutes" advises on the format, not on a person.
        // The client may be named in the clause or earlier in the sentence ("Nikhil got…, so maybe
        // don't read too much into the missed deadlines").
        const aboutClient = thirdClientRefs.some((r) => isClient(r)) || (!logistics && sentenceRefs.some((r) => isClient(r) && !refs.includes(r)));
        if (!toClientSide && (aboutClient || has('employment')) && !(logistics && !has('employment') && !thirdClientRefs.some((r) => r.name))) {
          found.push({ category: 'outcome-prediction', weak: true, at: m.from, name: nameOf(thirdClientRefs[0]) });
        }
        break;
      }
      case 'speech': {
        // "According to him, …": the speaker is inside the phrase.
        const within = !client ? refs.find((r) => r.index >= m.from && r.index < m.to && isClient(r)) : undefined;
        if (within) {
          const restMatches = matches.filter((x) => x.from >= m.to);
          const aboutOthers = restMatches.some((x) => x.signal === 'colleague');
          if (clause.length - m.to >= 3) found.push({ category: aboutOthers ? 'third-party' : 'session-content', weak: true, at: m.from, name: nameOf(within) });
          break;
        }
        if (!client) break;
        const rest = clause.slice(m.to);
        const restMatches = matches.filter((x) => x.from >= m.to);
        // The owner may sit in an earlier clause of the sentence; only an in-clause owner has a word here.
        const ownerWord = explicit ? clause[ref!.index]?.norm ?? '' : '';
        const aboutOthers =
          restMatches.some((x) => x.signal === 'colleague') ||
          refs.some((r) => r.index >= m.to && r.kind === 'client' && (r.name ? r.name !== ref!.name : !samePerson(clause[r.index]!.norm, ownerWord)));
        const opinion = /^(told|tells|telling|said|says|feels|felt|thinks|described|describes|complained|believes|keeps|has|did|been|vented|frustrated|frustration|adamant|convinced|insists|insisted|claims|reckons|is|annoyed|upset|angry|unhappy|disappointed|hurt|worried)$/.test(clause[m.from]!.norm);
        const logisticsOnly = restMatches.length > 0 && restMatches.every((x) => x.signal === 'logistics');
        if (logisticsOnly || rest.length === 0) break;
        found.push({ category: aboutOthers && opinion ? 'third-party' : 'session-content', weak: true, at: m.from, name: nameOf(ref) });
        break;
      }
      case 'situation':
        if (toClientSide && client && explicit) found.push({ category: 'third-party', weak: false, at: m.from, name: nameOf(ref) });
        else if (!toClientSide && client && explicit && has('colleague')) found.push({ category: 'third-party', weak: true, at: m.from, name: nameOf(ref) });
        break;
      case 'session-work': {
        // "We spent Tuesday's session on how he handles…", "Kwame and I explored why…": the coach and
        // client at work together, unless what they worked on is the diary.
        if (toClientSide) break;
        const together = ref?.kind === 'we' && explicit;
        // "went on preparing…" names what the session was used for; "went through the dates" may not.
        const wentOn = clause[m.from]!.norm === 'went' && clause[m.from + 1]?.norm === 'on';
        const named = m.to - m.from > 1 && clause[m.from]!.norm !== 'spent' && (wentOn || !['talked', 'looked', 'worked', 'focused', 'went'].includes(clause[m.from]!.norm));
        const rest = clause.slice(m.to).filter((t) => !t.punct);
        // "we covered the dates for next term" is the diary; "we used Thursday's session to rehearse
        // her conversation with the CFO" goes on well past the session word.
        const restMatches = findMatches(clause.slice(m.to));
        const lastLogistics = restMatches.filter((x) => x.signal === 'logistics').at(-1);
        const tail = lastLogistics ? clause.slice(m.to + lastLogistics.to).filter((t) => !t.punct).length : Infinity;
        const restLogistics = lastLogistics !== undefined && (maskOf(restMatches) & CONTENT_BITS) === 0 && tail < 4;
        if ((together || (named && (client || sentenceRefs.some((r) => r.kind === 'client') || frame.carry))) && rest.length >= 2 && !restLogistics) {
          found.push({ category: 'session-content', weak: true, at: m.from, name: nameOf(thirdClientRefs[0]) });
        }
        break;
      }
      case 'intensifier': {
        // "she's really engaging", "he's pretty disengaged", "Keiko very motivated".
        if (!client || !ref || !explicit || ref.index > m.from || m.from - ref.index > 4) break;
        const between = clause.slice(ref.index + 1, m.from);
        if (!between.every((t) => COPULA.has(t.norm))) break;
        const word = clause[m.to];
        // "she's very keen on the Thursday slot" is the diary; "a bit all over the place since the move" isn't.
        const nearLogistics = matches.some((x) => x.signal === 'logistics' && x.from >= m.from && x.from - m.to <= 4);
        if (!word || word.punct || MODALS.has(word.norm) || word.norm === 'much' || nearLogistics) break;
        found.push({ category: 'progress-judgement', weak: true, at: m.from, name: nameOf(ref) });
        break;
      }
      default:
        break;
    }
  }
  if (found.length === 0 && !toClientSide) {
    const statement = readStatement(clause, matches, refs, frame);
    if (statement && statement !== 'diary') found.push(statement);
    // A clause the rules read as arrangements ("He's fine with the change") stays quiet.
    else if (!statement && !topical && !logistics && (refs.some((r) => isClient(r) && !AFTER_PREPOSITION.has(clause[r.index - 1]?.norm ?? '')) || (portal && refs.length === 0)) && clauseLooksRisky(clause)) {
      // Wording the rules don't know, about a client: the learned scorer's second opinion.
      found.push({ category: guessCategory(has), weak: true, at: 0 });
    }
  }
  if (found.length === 0) return [];

  // Everything about a client in a message to another client is third-party content.
  if (toClientSide) {
    // To the coachee, a sentence that names them and no other client is about the reader: their
    // own pronouns ("Priya is gaining confidence in her pitch") are theirs, not someone else's.
    const namesReader = sentenceRefs.some((r) => r.name !== undefined && frame.focus.has(r.name));
    const namesOther = sentenceRefs.some((r) => r.kind === 'client' && r.name !== undefined && !frame.focus.has(r.name));
    if (role === 'coachee' && namesReader && !namesOther) {
      const kept = found.filter((f) => f.marker);
      found.length = 0;
      found.push(...kept);
    }
    for (const f of found) f.category = 'third-party';
  }
  // One finding per category per clause, the most specific first.
  const span = trimClause(clause);
  const seen = new Set<Category>();
  const out: RawFinding[] = [];
  for (const f of found.sort((a, b) => PRIORITY.indexOf(a.category) - PRIORITY.indexOf(b.category) || Number(a.weak) - Number(b.weak))) {
    if (seen.has(f.category)) continue;
    // A clause that says something specific needn't also say it was "shared in a session".
    if (f.category === 'session-content' && [...seen].some((c) => c !== 'progress-judgement')) continue;
    if (f.category === 'progress-judgement' && (seen.has('outcome-prediction') || seen.has('wellbeing') || seen.has('third-party'))) continue;
    seen.add(f.category);
    out.push({ start: span.start, end: span.end, category: f.category, weak: f.weak, ...(f.name ? { name: f.name } : {}) });
  }
  return out;
}

/** "working with Tallis & Crane", "the team at Bluefin": a capital after these is a place or a firm more often than a client. */
const AFTER_PREPOSITION = new Set(['with', 'at', 'for', 'from', 'to', 'of', 'in', 'on', 'by', 'behind', 'without', 'beside', 'past']);

/** The category of a clause the scorer flagged, from the signals in it. */
function guessCategory(has: (s: Signal) => boolean): Category {
  if (has('colleague')) return 'third-party';
  if (has('wellbeing') || has('wellbeing-weak')) return 'wellbeing';
  if (has('personal') || has('personal-weak')) return 'personal-life';
  if (has('career')) return 'career-intent';
  if (has('employment') || has('prediction')) return 'outcome-prediction';
  if (has('speech') || has('session-work')) return 'session-content';
  return 'progress-judgement';
}

const SUBORDINATORS = new Set(['as', 'when', 'since', 'after', 'before', 'once', 'until', 'during', 'following', 'in', 'at', 'on', 'over', 'recently', 'lately', 'today', 'yesterday', 'honestly', 'sadly', 'unfortunately', 'clearly', 'overall', 'generally']);
const AUXILIARIES = new Set(["'s", 'is', 'was', 'has', 'have', 'had', 'does', 'did', 'been']);
const GREETING_WORDS = new Set(['hi', 'hello', 'dear', 'hey', 'morning', 'afternoon', 'evening', 'good', 'hiya']);

/** First words of a predicate that are about arrangements, not about the person ("Kwame has asked to switch…"). */
const ARRANGEMENT_VERBS = new Set([
  'asked', 'asks', 'attended', 'attends', 'attend', 'booked', 'cancelled', 'canceled', 'moved', 'rescheduled', 'knows', 'know',
  'aware', 'agreed', 'agrees', 'confirmed', 'confirms', 'prefers', 'prefer', 'would', 'wants', 'joined', 'joins', 'arrives',
  'arrived', 'sent', 'emailed', 'replied', 'rang', 'called', 'messaged', 'texted', 'fine', 'happy', 'okay', 'ok', 'free',
  'available', 'unavailable', 'away', 'back', 'off', 'on', 'welcome', 'due', 'expecting', 'copied', 'cc', 'included', 'invited',
  'let', 'will', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'received', 'completed', 'finished',
  'started', 'starts', 'begins', 'began', 'used', 'uses', 'signed', 'paid', 'told', 'mentioned', 'said', 'says',
  'delivered', 'remaining', 'remain', 'held', 'planned', 'scheduled', 'left', 'outstanding', 'run',
]);
const BEGIN_VERBS = new Set(['started', 'starts', 'begins', 'began', 'begun']);
/** Words after a client's name that show it is a possessive of arrangements ("Rohan's next session"). */
const DATE_WORDS = /^(\d.*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|weds|thu|thurs|fri|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|today|tomorrow|tonight|yesterday|morning|afternoon|evening|week|month|next|am|pm|noon)$/;

/**
 * The catch-all for sponsor-side messages: a clause whose subject is the client (or "the
 * coaching") and whose predicate is not about arrangements tells the reader something about them.
 * "Ifeoma is an absolute star", "he seems to have given up", "the sessions are going brilliantly".
 */
function readStatement(clause: Token[], matches: Match[], refs: Ref[], frame: SentenceFrame): { category: Category; weak: boolean; at: number; name?: string } | 'diary' | undefined {
  let first = 0;
  // "Hi Bronwen, Ifeoma is an absolute star": the greeting is not the subject.
  const comma = clause.findIndex((t) => t.norm === ',');
  if (comma > 0 && comma <= 4 && clause.slice(0, comma).every((t) => GREETING_WORDS.has(t.norm) || frame.notClients.has(t.norm) || t.cap)) first = comma + 1;
  // "Since the restructure, he…", "When we met on Tuesday, she…": the subject comes after the opener.
  if (SUBORDINATORS.has(clause[first]?.norm ?? '')) {
    const after = clause.findIndex((t, k) => k > first && t.norm === ',');
    if (after > 0 && after < clause.length - 2) first = after + 1;
  }
  while (first < clause.length && (clause[first]!.punct || inside(matches, first, FRAMING) || LEAD_INS.has(clause[first]!.norm) || clause[first]!.norm === 'that')) first++;
  // "the sessions are…", "our coaching has…": the determiner belongs to the subject.
  if (/^(the|our|these|this)$/.test(clause[first]?.norm ?? '') && refs.some((r) => r.index === first + 1 && r.kind === 'coaching')) first++;
  let subject = refs.find((r) => r.index === first);
  // A portal entry leaves its subject out: "Presented to the exec twice without notes", "Still
  // second-guesses herself". A clause that opens with a verb is about the coachee.
  if (!subject && frame.channel === 'hr-portal' && refs.every((r) => r.kind === 'client')) {
    let v = first;
    while (v < clause.length && PORTAL_ADVERBS.has(clause[v]!.norm)) v++;
    const verb = clause[v];
    const w = verb?.norm ?? '';
    const verbal = verb !== undefined && !verb.punct && ((w.length > 4 && w.endsWith('ed')) || IRREGULAR_PAST.has(w) || (v > first && /[^s]e?s$/.test(w)) || (v > first && w.length > 5 && w.endsWith('ing')));
    const predicate = clause.slice(v).filter((t) => !t.punct);
    if (verbal && predicate.length >= 3 && !matches.some((m) => m.from <= v && m.to > v && m.signal === 'logistics')) {
      const category = judgePredicate(clause, predicate, matches, v - 1, 'client');
      return category && category !== 'diary' ? { category, weak: true, at: v } : category;
    }
  }
  // "It's become clear that Amara is being treated unfairly": the statement follows "that".
  if (!subject || (subject.kind !== 'client' && subject.kind !== 'coaching')) {
    const that = clause.findIndex((t, k) => k >= first && k - first < 8 && t.norm === 'that');
    if (that < 0 || refs.some((r) => r.kind === 'client' && r.index < that)) return undefined;
    first = that + 1;
    subject = refs.find((r) => r.index === first);
    if (!subject || subject.kind !== 'client') return undefined;
  }
  const p = first + 1;
  // "Rohan's marriage…" reads on to the noun; "Rohan's a bit…" is "Rohan is".
  if (clause[p]?.norm === "'s" && subject.kind === 'client') {
    const after = clause[p + 1];
    if (after && !after.punct && !COPULA.has(after.norm) && !/^(a|an|the|very|really|so|def|definitely|not|got|been|always|never|just|still|such|quite|pretty|such)$/.test(after.norm) && !after.norm.endsWith('ing')) {
      if (DATE_WORDS.test(after.norm) || matches.some((m) => m.signal === 'logistics')) return 'diary';
    }
  }
  // "Siobhan, on the other hand, mostly uses…": an aside between commas is not the predicate.
  let from = p;
  if (clause[p]?.norm === ',') {
    const close = clause.findIndex((t, k) => k > p && k - p <= 6 && t.norm === ',');
    if (close > 0) from = close + 1;
  }
  let predicate = clause.slice(from).filter((t) => !t.punct);
  // "Kofi and Mei-Ling have both completed…": two subjects, one predicate.
  if (predicate[0]?.norm === 'and' && predicate[1] && (predicate[1].cap || frame.clients.has(predicate[1].norm))) predicate = predicate.slice(2);
  if (predicate.length < 2) return undefined;
  let category = judgePredicate(clause, predicate, matches, first, subject.kind);
  // "Tomasz has attended every session and has been refreshingly open": a second predicate
  // shares the subject, and may say what the first one didn't.
  if (category === 'diary' && subject.kind === 'client') {
    const and = predicate.findIndex((t, k) => k > 0 && t.norm === 'and' && (AUXILIARIES.has(predicate[k + 1]?.norm ?? '') || COPULA.has(predicate[k + 1]?.norm ?? '')));
    if (and > 0 && predicate.length - and > 2) {
      const tail = predicate.slice(and + 1);
      category = judgePredicate(clause, tail, matches, clause.indexOf(tail[0]!) - 1, subject.kind);
    }
  }
  if (!category || category === 'diary') return category;
  return { category, weak: true, at: first, ...(subject.name ? { name: subject.name } : {}) };
}

/** What a predicate about the client (or the coaching) says; 'diary' when it is about arrangements. */
function judgePredicate(clause: Token[], predicate: Token[], matches: Match[], first: number, subjectKind: RefKind): Category | 'diary' | undefined {
  // Look past an auxiliary: "has asked to switch" is about arrangements, "has real potential" is not.
  const head = AUXILIARIES.has(predicate[0]!.norm) ? predicate[1]?.norm ?? '' : predicate[0]!.norm;
  // "He's started delegating more" is a change in him; "she's started her sessions" is the diary.
  const arrangement = (w: string, k: number) => ARRANGEMENT_VERBS.has(w) && !(BEGIN_VERBS.has(w) && /.ing$/.test(predicate[k + 1]?.norm ?? '') && predicate[k + 1]!.norm !== 'coaching');
  const headAt = AUXILIARIES.has(predicate[0]!.norm) ? 1 : 0;
  // "Aoibhinn would be a safe pair of hands", "he'd make a great team lead": a verdict on the
  // client's future; "she'd be happy to move", "he'll be a few minutes late" are the diary.
  if (subjectKind === 'client' && /^(would|will|could|might)$/.test(predicate[0]!.norm) && /^(be|make)$/.test(predicate[1]?.norm ?? '') && /^(a|an|great|good|excellent|perfect|ideal|brilliant|fantastic|strong|superb|outstanding|wasted|invaluable|natural)$/.test(predicate[2]?.norm ?? '')) {
    const late = matches.some((m) => m.signal === 'logistics' && m.from > first);
    if (!late) return 'outcome-prediction';
  }
  if (arrangement(head, headAt) || predicate.slice(0, 3).some((t, k) => arrangement(t.norm, k) && !MODALS.has(t.norm))) return 'diary';
  // "Coaching contract summary:": a heading, not a sentence about the coaching.
  if (subjectKind === 'coaching' && !COPULA.has(predicate[0]!.norm) && !/(s|ed|ing)$/.test(predicate[0]!.norm)) return undefined;
  if (matches.some((m) => m.from > first && (m.signal === 'topic' || m.signal === 'consent'))) return undefined;
  // Arrangements right after the subject ("Rui's next session…", "Ana's room has changed") are the
  // diary; a session word further on ("doesn't really engage between sessions") is not.
  // "Mehmet and Isobel already have their replacement dates": an adverb is not the predicate's start.
  let predicateStart = clause.indexOf(predicate[0]!);
  while (/^(already|still|now|both|all|also|just)$/.test(clause[predicateStart]?.norm ?? '')) predicateStart++;
  const logistics = matches.filter((m) => m.signal === 'logistics' && m.from > first);
  // "…a much stronger place than in March": a date after "than" or "since" is a comparison, not the diary.
  const dated = predicate.some((t, k) => DATE_WORDS.test(t.norm) && !predicate.slice(Math.max(0, k - 3), k).some((b) => b.norm === 'than' || b.norm === 'since'));
  if (logistics.some((m) => m.from - predicateStart < 3) || dated) return 'diary';
  // "has been to all four sessions" counts sessions; "all over the place since the move" doesn't.
  if (logistics.some((m) => clause.slice(Math.max(0, m.from - 3), m.from).some((t) => COUNT_WORDS.test(t.norm)))) return 'diary';
  const copular = COPULA.has(predicate[0]!.norm);
  const colleague = matches.some((m) => m.signal === 'colleague' && m.from > first);
  return colleague ? 'third-party' : copular || subjectKind === 'coaching' ? 'progress-judgement' : 'session-content';
}

const HE = new Set(['he', 'him', 'his', 'himself', 'hes']);
const SHE = new Set(['she', 'her', 'hers', 'herself', 'shes']);
/** Whether two third-person words can be the same person: "she feels he talks over her" has two. */
function samePerson(a: string, b: string): boolean {
  if (HE.has(a)) return !SHE.has(b);
  if (SHE.has(a)) return !HE.has(b);
  return true;
}

const PRIORITY: Category[] = ['third-party', 'quotation', 'wellbeing', 'personal-life', 'career-intent', 'outcome-prediction', 'progress-judgement', 'session-content'];

/** Openers that frame a disclosure rather than make it ("Between us,", "fyi", "I should flag that"). */
const LEAD_INS = new Set(['and', 'but', 'so', 'which', 'between', 'us', 'fyi', 'btw', 'fwiw', 'imo', 'ngl', 'tbf', 'iirc', 'honestly', 'candidly', 'frankly', 'just', 'also', 'plus', 'because', 'as', 'while', 'though', 'although', 'however', 'then']);

function trimClause(clause: Token[]): { start: number; end: number } {
  let a = 0;
  // "Hi Jo, Priya is…": the greeting is not part of what leaks.
  const comma = clause.findIndex((t) => t.norm === ',');
  if (comma > 0 && comma <= 4 && comma < clause.length - 2 && GREETING_WORDS.has(clause[0]!.norm)) a = comma + 1;
  let b = clause.length - 1;
  while (a < b && (clause[a]!.punct || (LEAD_INS.has(clause[a]!.norm) && a < 3))) a++;
  while (b > a && clause[b]!.punct && !/["'\u201d\u2019)]/u.test(clause[b]!.norm)) b--;
  return { start: clause[a]!.start, end: clause[b]!.end };
}
