/**
 * Who will read what the coach is typing, decided from the recipients' addresses and the site.
 * Pure: the DOM side (extension/lib/recipient-fields.ts) only collects the addresses.
 */
import type { Channel, RecipientRole, Roster } from '@coach-guard/core';
import { BUILT_IN_HR_PORTALS, hostMatches } from './hr-portals';

export interface RecipientInput {
  /** Addresses found in the composer's To/Cc fields, in any case. */
  emails: readonly string[];
  hostname: string;
  roster: Roster;
  /** The coach's own HR portals, added to the built-in list. */
  hrPortals?: readonly string[];
}

export interface RecipientVerdict {
  role: RecipientRole;
  channel: Channel;
  /** The coachee the message goes to, when exactly one coachee is addressed. */
  coachee?: string;
  /** Plain words for the card: why the extension thinks this is the reader. */
  reason: string;
}

// When several readers are addressed, the most exposed one decides how strongly to warn.
const SPONSOR_SIDE: readonly RecipientRole[] = ['hr', 'sponsor', 'manager'];

/**
 * The order is the issue's: To/Cc addresses matched against the roster, then a known HR portal,
 * then `unknown` (which still warns about every category).
 *
 * @example
 * decideRecipient({ emails: ['dana@acme.com'], hostname: 'mail.example', roster: { people: [], organisations: [], sponsorDomains: ['acme.com'] } })
 *   // → { role: 'sponsor', channel: 'email', reason: 'dana@acme.com is at a sponsor domain (acme.com)' }
 */
export function decideRecipient(input: RecipientInput): RecipientVerdict {
  const emails = [...new Set(input.emails.map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@')))];
  if (emails.length > 0) {
    const sponsorSide: { role: RecipientRole; reason: string }[] = [];
    const coachees = new Map<string, string>();
    const unknown: string[] = [];
    for (const email of emails) {
      const person = input.roster.people.find((p) => p.email?.toLowerCase() === email);
      const domain = email.slice(email.lastIndexOf('@') + 1);
      if (person?.role === 'coachee') coachees.set(person.name, email);
      else if (person && (person.role === 'sponsor' || person.role === 'hr' || person.role === 'manager')) {
        sponsorSide.push({ role: person.role, reason: `${email} is ${person.name}, ${person.role === 'hr' ? 'in HR' : `a ${person.role}`}` });
      } else if (input.roster.sponsorDomains.some((d) => hostMatches(domain, d))) {
        sponsorSide.push({ role: 'sponsor', reason: `${email} is at a sponsor domain (${domain})` });
      } else unknown.push(email);
    }
    const onlyCoachee = coachees.size === 1 ? [...coachees.keys()][0] : undefined;
    const withCoachee = (v: RecipientVerdict): RecipientVerdict => (onlyCoachee ? { ...v, coachee: onlyCoachee } : v);
    if (sponsorSide.length > 0) {
      const first = SPONSOR_SIDE.map((role) => sponsorSide.find((s) => s.role === role)).find((s) => s !== undefined)!;
      return withCoachee({ role: first.role, channel: 'email', reason: first.reason });
    }
    if (coachees.size > 1) {
      return { role: 'other-client', channel: 'email', reason: `the message goes to several of your coachees (${[...coachees.keys()].join(', ')})` };
    }
    if (onlyCoachee && unknown.length === 0) {
      return { role: 'coachee', channel: 'email', coachee: onlyCoachee, reason: `${coachees.get(onlyCoachee)} is your coachee ${onlyCoachee}` };
    }
    return withCoachee({ role: 'unknown', channel: 'email', reason: `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in your roster` });
  }
  const portal = [...BUILT_IN_HR_PORTALS, ...(input.hrPortals ?? [])].find((d) => hostMatches(input.hostname, d));
  if (portal) return { role: 'hr', channel: 'hr-portal', reason: `${input.hostname} is an HR portal: what you type here is an HR record` };
  return { role: 'unknown', channel: 'other', reason: 'Coach Guard cannot tell who will read this' };
}
