/**
 * Whole-message facts every sentence needs: who the reader is (the greeting), who the coach is
 * (the sign-off), which names are clients (roster, `context.coachee`), which are not.
 */
import type { Roster } from '../roster';
import { NOT_NAMES } from './lexicon';
import { tokenise, type Segment } from './segment-text';
import type { SentenceFrame } from './read-sentence';
import type { AnalyseContext } from './types';

export type MessageFrame = Omit<SentenceFrame, 'carry'>;

const GREETINGS = new Set(['hi', 'hello', 'dear', 'hey', 'morning', 'afternoon', 'evening', 'good', 'hiya', 'to']);
const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam']);
const SIGN_OFFS = new Set(['best', 'regards', 'thanks', 'thank', 'cheers', 'warmly', 'wishes', 'love', 'yours', 'sincerely', 'care', 'x', 'speak', 'soon']);

/** Lower-case parts of a name: "Priya Shah" → priya, shah. */
function nameParts(name: string): string[] {
  return tokenise(name, 0, name.length)
    .filter((t) => !t.punct && t.norm.length > 1 && !TITLES.has(t.norm) && t.norm !== "'s")
    .map((t) => t.norm);
}

export function frameMessage(text: string, sentences: Segment[], context: AnalyseContext): MessageFrame {
  const clients = new Set<string>();
  const notClients = new Set<string>();
  const focus = new Set<string>();
  const roster: Roster | undefined = context.roster;
  if (roster) {
    for (const person of roster.people) {
      const parts = [...nameParts(person.name), ...(person.aliases ?? []).flatMap(nameParts)];
      for (const p of parts) (person.role === 'coachee' ? clients : notClients).add(p);
    }
    for (const org of roster.organisations) for (const p of nameParts(org)) notClients.add(p);
  }
  if (context.coachee) for (const p of nameParts(context.coachee)) focus.add(p);

  const readerNames = greetingNames(text, sentences);
  const coachNames = signOffNames(text, sentences);
  const toClientSide = context.recipientRole === 'coachee' || context.recipientRole === 'other-client';
  for (const n of readerNames) {
    if (toClientSide) focus.add(n);
    else if (!clients.has(n)) notClients.add(n);
  }
  for (const n of coachNames) if (!clients.has(n)) notClients.add(n);
  // A client is never "not a client" because a sponsor shares their first name.
  for (const c of clients) if (focus.has(c) && !toClientSide) focus.delete(c);
  return { recipientRole: context.recipientRole, channel: context.channel, clients, notClients, focus };
}

/** "Hi Rachel,", "Dear Mrs Kapoor", "Trevor —", "Hamid,": the reader's names. */
function greetingNames(text: string, sentences: Segment[]): string[] {
  const first = sentences[0];
  if (!first) return [];
  const tokens = tokenise(text, first.start, Math.min(first.end, first.start + 200));
  const names: string[] = [];
  let i = 0;
  if (tokens[0] && GREETINGS.has(tokens[0].norm)) {
    i = 1;
    if (tokens[1]?.norm === 'morning' || tokens[1]?.norm === 'afternoon') i = 2;
  } else if (!(tokens[0]?.cap && (tokens[1] === undefined || tokens[1].norm === ',' || tokens[1].norm === '—' || tokens[1].norm === '-' || tokens[1].norm === '–' || tokens[1]?.cap))) {
    return [];
  }
  for (; i < tokens.length && i < 6; i++) {
    const t = tokens[i]!;
    if (t.punct) break;
    if (TITLES.has(t.norm)) continue;
    if (!t.cap || NOT_NAMES.has(t.norm)) break;
    names.push(t.norm);
  }
  return names;
}

/** "Best, Paul", "Harriet Lowe" on the last line: the coach's names. */
function signOffNames(text: string, sentences: Segment[]): string[] {
  const last = sentences.at(-1);
  if (!last) return [];
  const tokens = tokenise(text, Math.max(last.start, last.end - 120), last.end);
  const names: string[] = [];
  for (let i = tokens.length - 1; i >= 0 && names.length < 3; i--) {
    const t = tokens[i]!;
    if (t.punct || !t.cap || NOT_NAMES.has(t.norm) || SIGN_OFFS.has(t.norm)) break;
    names.push(t.norm);
  }
  // Only a short final line or a name after a sign-off word counts; "…to Sam" mid-sentence does not.
  const before = tokens[tokens.length - 1 - names.length];
  const shortLine = tokens.length === names.length;
  if (shortLine || (before && (before.punct || SIGN_OFFS.has(before.norm)))) return names;
  return [];
}

/** A stable string for everything in the frame, used in cache keys. */
export function frameKey(frame: MessageFrame): string {
  const list = (s: ReadonlySet<string>) => [...s].sort().join(',');
  return `${frame.recipientRole}|${frame.channel}|${list(frame.clients)}|${list(frame.notClients)}|${list(frame.focus)}`;
}
