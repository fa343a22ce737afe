/**
 * Turns spans into entities and entities into pseudonyms that keep the roles supervision needs:
 * the coachee stays "the coachee", the sponsor "the sponsor", a partner "Partner", others
 * "Colleague 1", "Organisation 2", "[city]". Surface forms of one entity ("Tyler Osgood",
 * "Tyler", "Osgood's") unify, within the note and with the mapping from earlier notes.
 */
import type { PersonRole, Roster } from '../roster';
import { isKnownPlace } from './lexicon';
import { monthOfDate } from './recognise-structured';
import type { PersonHint, Span } from './span';
import type { IdentifierType, MappingEntry, PseudonymMapping } from './types';

const ROLE_LABEL: Record<PersonRole, { one: string; many: string }> = {
  coachee: { one: 'the coachee', many: 'Client' },
  sponsor: { one: 'the sponsor', many: 'Sponsor' },
  manager: { one: 'the line manager', many: 'Manager' },
  hr: { one: 'the HR contact', many: 'HR contact' },
  colleague: { one: 'Colleague', many: 'Colleague' },
  other: { one: 'Person', many: 'Person' },
};

const HINT_LABEL: Record<PersonHint, string> = {
  partner: 'Partner',
  child: 'Child',
  relative: 'Relative',
  friend: 'Friend',
  doctor: 'Doctor',
  colleague: 'Colleague',
};

const STRUCTURED_LABEL: Partial<Record<IdentifierType, string>> = {
  email: '[email]',
  phone: '[phone]',
  url: '[web address]',
  'id-number': '[reference]',
};

/** Lower-cased, without titles, possessives or stray punctuation: how forms are compared. */
export function normaliseForm(words: string): string {
  return words
    .normalize('NFC')
    .replace(/['’]s?$/u, '')
    .replace(/^(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|pak|ibu|chief)\.?\s+/iu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface Assigned extends Span {
  pseudonym: string;
}

/**
 * Gives every span its pseudonym, adding new entities to `mapping` (mutated: the caller passes a
 * copy). Roster people keep role labels; everyone else is numbered in order of first appearance.
 */
export function assignPseudonyms(text: string, spans: Span[], roster: Roster | undefined, mapping: PseudonymMapping): Assigned[] {
  const byForm = new Map<string, MappingEntry>();
  const byToken = new Map<string, MappingEntry>();
  const index = (entry: MappingEntry, form: string) => {
    const n = normaliseForm(form);
    if (n === '') return;
    if (!byForm.has(n)) byForm.set(n, entry);
    if (entry.type === 'person' || entry.type === 'organisation') {
      for (const token of n.split(' ')) if (token.length >= 3 && !byToken.has(`${entry.type}:${token}`)) byToken.set(`${entry.type}:${token}`, entry);
    }
  };
  for (const entry of mapping.entries) for (const form of entry.forms) index(entry, form);

  const used = new Set(mapping.entries.map((e) => e.pseudonym));
  // Where each numbered series goes on from, so a note with thousands of names stays linear.
  const nextFree = new Map<string, number>();
  const nextNumbered = (prefix: string) => {
    for (let n = nextFree.get(prefix) ?? 1; ; n++) {
      const candidate = `${prefix} ${n}`;
      if (!used.has(candidate)) {
        nextFree.set(prefix, n + 1);
        return candidate;
      }
    }
  };
  const newEntry = (type: IdentifierType, pseudonym: string, form: string): MappingEntry => {
    const entry: MappingEntry = { pseudonym, type, forms: [form] };
    mapping.entries.push(entry);
    used.add(pseudonym);
    index(entry, form);
    return entry;
  };
  // Forms already on an entry, as sets: a note naming one person a thousand times stays linear.
  const formSets = new Map<MappingEntry, Set<string>>();
  const remember = (entry: MappingEntry, form: string) => {
    let forms = formSets.get(entry);
    if (!forms) formSets.set(entry, (forms = new Set(entry.forms)));
    if (forms.has(form)) return;
    forms.add(form);
    entry.forms.push(form);
    index(entry, form);
  };

  // Roster entities first, in roster order, so their labels are stable whatever the note says.
  const rosterEntries = new Map<string, MappingEntry>();
  const roleCounts = new Map<PersonRole, number>();
  for (const p of roster?.people ?? []) roleCounts.set(p.role, (roleCounts.get(p.role) ?? 0) + 1);
  const roleSeen = new Map<PersonRole, number>();
  roster?.people.forEach((p, i) => {
    const existing = byForm.get(normaliseForm(p.name));
    if (existing && existing.type === 'person') {
      rosterEntries.set(`person:${i}`, existing);
      return;
    }
    const label = ROLE_LABEL[p.role];
    const seen = (roleSeen.get(p.role) ?? 0) + 1;
    roleSeen.set(p.role, seen);
    let pseudonym: string;
    if (p.role === 'colleague' || p.role === 'other') pseudonym = nextNumbered(label.one);
    else if ((roleCounts.get(p.role) ?? 0) === 1 && !used.has(label.one)) pseudonym = label.one;
    else pseudonym = nextLettered(label.many, used);
    rosterEntries.set(`person:${i}`, newEntry('person', pseudonym, p.name));
  });
  roster?.organisations.forEach((o, i) => {
    const existing = byForm.get(normaliseForm(o));
    rosterEntries.set(`org:${i}`, existing && existing.type === 'organisation' ? existing : newEntry('organisation', nextNumbered('Organisation'), o));
  });

  // Numbers go by first appearance; a lone "Tyler" seen before "Tyler Osgood" still joins him,
  // because the full names are known up front.
  const fullNames = new Map<string, { form: string; span: Span }>();
  for (const span of spans) {
    if (span.rosterKey || (span.type !== 'person' && span.type !== 'organisation')) continue;
    const form = normaliseForm(text.slice(span.start, span.end));
    const tokens = form.split(' ');
    if (tokens.length < 2) continue;
    for (const token of tokens) if (token.length >= 3 && !fullNames.has(token)) fullNames.set(token, { form, span });
  }
  const order = [...spans].sort((a, b) => a.start - b.start);
  const pseudonyms = new Map<Span, string>();
  for (const span of order) {
    const words = text.slice(span.start, span.end);
    if (span.type === 'date') {
      const month = monthOfDate(words);
      pseudonyms.set(span, month ? `[date, ${month}]` : '[date]');
      continue;
    }
    const fixed = STRUCTURED_LABEL[span.type];
    if (fixed) {
      pseudonyms.set(span, fixed);
      continue;
    }
    let entry = span.rosterKey ? rosterEntries.get(span.rosterKey) : undefined;
    const form = normaliseForm(words);
    if (!entry) {
      const known = byForm.get(form);
      if (known && (known.type === span.type || span.source !== 'roster')) entry = known;
    }
    if (!entry && (span.type === 'person' || span.type === 'organisation')) {
      const tokens = form.split(' ');
      // A lone "Tyler" joins "Tyler Osgood"; a new full name never merges into someone else's.
      // Across types too: a lone "Albatros" joins "Albatros Resorts" even when it looked like a person.
      if (tokens.length === 1) entry = byToken.get(`${span.type}:${tokens[0]}`) ?? byToken.get(`${span.type === 'person' ? 'organisation' : 'person'}:${tokens[0]}`);
    }
    if (!entry && (span.type === 'person' || span.type === 'organisation')) {
      const owner = form.includes(' ') ? undefined : fullNames.get(form);
      if (owner) {
        entry = byForm.get(owner.form);
        if (!entry) {
          const ownerWords = text.slice(owner.span.start, owner.span.end);
          entry = owner.span.type === 'person'
            ? newEntry('person', owner.span.hint ? numberedHint(owner.span.hint, used, nextNumbered) : nextNumbered('Colleague'), ownerWords)
            : newEntry('organisation', nextNumbered('Organisation'), ownerWords);
        }
        remember(entry, words);
      }
    }
    if (!entry) {
      if (span.type === 'person') entry = newEntry('person', span.hint ? numberedHint(span.hint, used, nextNumbered) : nextNumbered('Colleague'), words);
      else if (span.type === 'organisation') entry = newEntry('organisation', nextNumbered('Organisation'), words);
      else entry = newEntry('place', placeLabel(words), words);
    } else {
      remember(entry, words);
    }
    pseudonyms.set(span, entry.pseudonym);
  }
  return spans.map((span) => ({ ...span, pseudonym: pseudonyms.get(span) ?? '[redacted]' }));
}

function numberedHint(hint: PersonHint, used: Set<string>, nextNumbered: (prefix: string) => string): string {
  const label = HINT_LABEL[hint];
  // The first partner is simply "Partner"; a second one (an ex, a colleague's) gets a number.
  if (hint === 'partner') return used.has(label) ? nextNumbered(label).replace(/ 1$/, ' 2') : label;
  return nextNumbered(label);
}

function nextLettered(prefix: string, used: Set<string>): string {
  for (let i = 0; i < 26 * 26; i++) {
    const letters = i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(65 + Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
    const candidate = `${prefix} ${letters}`;
    if (!used.has(candidate)) return candidate;
  }
  return `${prefix} ${used.size + 1}`;
}

function placeLabel(words: string): string {
  if (/\d/.test(words) || /\b(?:street|st|road|rd|avenue|ave|lane|drive|boulevard|blvd|way|square|court|crescent|terrace|close)\b\.?/i.test(words)) return '[address]';
  return isKnownPlace(words.split(/[\s,]+/)[0] ?? '') ? '[city]' : '[place]';
}
