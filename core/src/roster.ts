/**
 * The coach's roster: the people and organisations a coach works with. Detection uses it to know
 * who a message is about and who will read it; anonymisation uses it to find every surface form
 * of a client's name.
 */

/** What a person is to the coach. `coachee` and `sponsor` matter most; the rest are context. */
export type PersonRole = 'coachee' | 'sponsor' | 'manager' | 'hr' | 'colleague' | 'other';

export const PERSON_ROLES: readonly PersonRole[] = ['coachee', 'sponsor', 'manager', 'hr', 'colleague', 'other'];

export interface RosterPerson {
  name: string;
  role: PersonRole;
  /** Nicknames and other names the person goes by ("Pri" for Priya). */
  aliases?: string[];
  email?: string;
  organisation?: string;
}

export interface Roster {
  people: RosterPerson[];
  organisations: string[];
  /** Email domains that belong to sponsors (HR, managers): mail to them goes to the sponsor side. */
  sponsorDomains: string[];
}

export const EMPTY_ROSTER: Roster = Object.freeze({ people: [], organisations: [], sponsorDomains: [] }) as Roster;

/** Thrown for a roster that is not of the documented shape; the message says what to fix. */
export class RosterError extends Error {
  override name = 'RosterError';
}

/**
 * Checks an untrusted value (a parsed roster file, an import) and returns a clean `Roster`.
 * Missing lists default to empty; anything of the wrong shape is refused with a message naming
 * the offending field, so a coach's typo never silently drops a client from protection.
 *
 * @example
 * parseRoster({ people: [{ name: 'Priya Shah', role: 'coachee', aliases: ['Pri'] }] })
 */
export function parseRoster(value: unknown): Roster {
  if (!isRecord(value)) throw new RosterError('roster must be a JSON object with "people", "organisations" and "sponsorDomains"');
  const known = new Set(['people', 'organisations', 'sponsorDomains']);
  for (const key of Object.keys(value)) {
    if (!known.has(key)) throw new RosterError(`roster has an unknown field "${key}" (expected people, organisations, sponsorDomains)`);
  }
  const people = optionalArray(value, 'people').map((entry, i) => parsePerson(entry, `people[${i}]`));
  const organisations = optionalArray(value, 'organisations').map((o, i) => nonEmptyString(o, `organisations[${i}]`));
  const sponsorDomains = optionalArray(value, 'sponsorDomains').map((d, i) =>
    nonEmptyString(d, `sponsorDomains[${i}]`).replace(/^@/, '').toLowerCase(),
  );
  return { people, organisations, sponsorDomains };
}

function parsePerson(value: unknown, where: string): RosterPerson {
  if (!isRecord(value)) throw new RosterError(`${where} must be an object with "name" and "role"`);
  const name = nonEmptyString(value.name, `${where}.name`);
  const role = value.role === undefined ? 'other' : typeof value.role === 'string' ? personRole(value.role) : undefined;
  if (role === undefined) {
    throw new RosterError(`${where}.role must be one of ${PERSON_ROLES.join(', ')} (or a common name for one, like "line manager" or "HRBP")`);
  }
  const person: RosterPerson = { name, role };
  if (value.aliases !== undefined) {
    if (!Array.isArray(value.aliases)) throw new RosterError(`${where}.aliases must be a list of names`);
    person.aliases = value.aliases.map((a, i) => nonEmptyString(a, `${where}.aliases[${i}]`));
  }
  if (value.email !== undefined) person.email = nonEmptyString(value.email, `${where}.email`).toLowerCase();
  if (value.organisation !== undefined) person.organisation = nonEmptyString(value.organisation, `${where}.organisation`);
  return person;
}

/** Roles as coaches write them, for the roles the roster knows. */
const ROLE_NAMES: Record<string, PersonRole> = {
  client: 'coachee',
  'line manager': 'manager',
  'line-manager': 'manager',
  boss: 'manager',
  'direct manager': 'manager',
  hrbp: 'hr',
  'hr business partner': 'hr',
  'human resources': 'hr',
  'people partner': 'hr',
  'people team': 'hr',
  peer: 'colleague',
};

/**
 * A role as written ("Coachee", "line manager", "HRBP") as one of the roster's roles, or undefined
 * for a word it doesn't know — which a caller should refuse rather than guess at: a misspelt
 * "coachee" must not quietly stop protecting a client.
 */
export function personRole(text: string): PersonRole | undefined {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return (PERSON_ROLES as readonly string[]).includes(key) ? (key as PersonRole) : ROLE_NAMES[key];
}

function optionalArray(record: Record<string, unknown>, key: string): unknown[] {
  const value = record[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new RosterError(`roster "${key}" must be a list`);
  return value;
}

function nonEmptyString(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new RosterError(`${where} must be a non-empty string`);
  return value.trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
