/**
 * The coach's own data as the extension keeps it: coachees, sponsors, consent, ignored findings,
 * site rules and sensitivity. Pure: no storage, no DOM. The same shape is the export file.
 */
import { CATEGORIES, RECIPIENT_ROLES, type Category, type ConsentRecord, type RecipientRole, type Roster, type RosterPerson } from '@coach-guard/core';

export interface Coachee {
  id: string;
  name: string;
  aliases: string[];
  email?: string;
  organisation?: string;
  /** The sponsor's name (HR contact, line manager) as the coach knows them. */
  sponsor?: string;
}

export interface Sponsor {
  id: string;
  name: string;
  /** Domains whose mail goes to the sponsor side, e.g. `acme.com`. */
  emailDomains: string[];
  email?: string;
  organisation?: string;
}

export interface StoredConsent extends ConsentRecord {
  id: string;
}

/** A finding the coach chose to ignore: the same words in the same category stay quiet. */
export interface IgnoredFinding {
  id: string;
  category: Category;
  text: string;
}

/** A per-site rule. `id` is the host name; a rule for `acme.com` covers `hr.acme.com`. */
export interface SiteRule {
  id: string;
  enabled: boolean;
  /** The coach says this site is an HR portal: everything typed there is an HR record. */
  hrPortal: boolean;
}

export interface Settings {
  /** Categories that warn. */
  categories: Category[];
  /** With a passphrase set: minutes without use before the coach's data locks again (default 15). */
  autoLockMinutes?: number;
}

export const DEFAULT_SETTINGS: Settings = { categories: [...CATEGORIES] };

export interface CoachData {
  coachees: Coachee[];
  sponsors: Sponsor[];
  consent: StoredConsent[];
  ignored: IgnoredFinding[];
  sites: SiteRule[];
  settings: Settings;
}

export type Collection = Exclude<keyof CoachData, 'settings'>;
export const COLLECTIONS: readonly Collection[] = ['coachees', 'sponsors', 'consent', 'ignored', 'sites'];

export const EXPORT_FORMAT = 'coach-guard-extension-data';
export const EXPORT_VERSION = 1;

export interface CoachDataFile extends CoachData {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
}

/** Thrown for an import file that is not of the documented shape; the message says what to fix. */
export class CoachDataError extends Error {
  override name = 'CoachDataError';
}

export function emptyCoachData(): CoachData {
  return { coachees: [], sponsors: [], consent: [], ignored: [], sites: [], settings: { categories: [...CATEGORIES] } };
}

/**
 * The roster core's `analyse` understands, built from the coach's coachees and sponsors.
 *
 * @example
 * rosterFromCoachData({ ...emptyCoachData(), sponsors: [{ id: 's', name: 'Dana Hill', emailDomains: ['acme.com'] }] })
 *   // → { people: [{ name: 'Dana Hill', role: 'sponsor' }], sponsorDomains: ['acme.com'], organisations: [] }
 */
export function rosterFromCoachData(data: Pick<CoachData, 'coachees' | 'sponsors'>): Roster {
  const people: RosterPerson[] = [];
  const organisations = new Set<string>();
  const sponsorDomains = new Set<string>();
  for (const c of data.coachees) {
    const person: RosterPerson = { name: c.name, role: 'coachee' };
    if (c.aliases.length > 0) person.aliases = [...c.aliases];
    if (c.email) person.email = c.email.toLowerCase();
    if (c.organisation) {
      person.organisation = c.organisation;
      organisations.add(c.organisation);
    }
    people.push(person);
  }
  for (const s of data.sponsors) {
    const person: RosterPerson = { name: s.name, role: 'sponsor' };
    if (s.email) person.email = s.email.toLowerCase();
    if (s.organisation) {
      person.organisation = s.organisation;
      organisations.add(s.organisation);
    }
    people.push(person);
    for (const d of s.emailDomains) sponsorDomains.add(d.replace(/^@/, '').toLowerCase());
  }
  return { people, organisations: [...organisations], sponsorDomains: [...sponsorDomains] };
}

/** The file the options page offers for download. */
export function toCoachDataFile(data: CoachData): CoachDataFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, ...data };
}

/**
 * Checks an untrusted import (a file the coach picked) and returns clean data. Anything of the
 * wrong shape is refused with the path of the offending field, so an import never half-succeeds
 * and never silently drops a client from protection.
 */
export function parseCoachDataFile(value: unknown): CoachData {
  const root = record(value, 'file');
  if (root.format !== EXPORT_FORMAT) throw new CoachDataError(`file: "format" must be "${EXPORT_FORMAT}" — is this a Coach Guard export?`);
  if (root.version !== EXPORT_VERSION) throw new CoachDataError(`file: "version" ${String(root.version)} is not supported (expected ${EXPORT_VERSION})`);
  const known = new Set(['format', 'version', ...COLLECTIONS, 'settings']);
  for (const key of Object.keys(root)) if (!known.has(key)) throw new CoachDataError(`file: unknown field "${key}"`);
  return {
    coachees: list(root.coachees, 'coachees').map((v, i) => parseCoachee(v, `coachees[${i}]`)),
    sponsors: list(root.sponsors, 'sponsors').map((v, i) => parseSponsor(v, `sponsors[${i}]`)),
    consent: list(root.consent, 'consent').map((v, i) => parseConsent(v, `consent[${i}]`)),
    ignored: list(root.ignored, 'ignored').map((v, i) => parseIgnored(v, `ignored[${i}]`)),
    sites: list(root.sites, 'sites').map((v, i) => parseSite(v, `sites[${i}]`)),
    settings: root.settings === undefined ? { categories: [...CATEGORIES] } : parseSettings(root.settings, 'settings'),
  };
}

function parseCoachee(value: unknown, where: string): Coachee {
  const r = record(value, where);
  const c: Coachee = { id: text(r.id, `${where}.id`), name: text(r.name, `${where}.name`), aliases: strings(r.aliases ?? [], `${where}.aliases`) };
  if (r.email !== undefined) c.email = text(r.email, `${where}.email`);
  if (r.organisation !== undefined) c.organisation = text(r.organisation, `${where}.organisation`);
  if (r.sponsor !== undefined) c.sponsor = text(r.sponsor, `${where}.sponsor`);
  return c;
}

function parseSponsor(value: unknown, where: string): Sponsor {
  const r = record(value, where);
  const s: Sponsor = { id: text(r.id, `${where}.id`), name: text(r.name, `${where}.name`), emailDomains: strings(r.emailDomains ?? [], `${where}.emailDomains`) };
  if (r.email !== undefined) s.email = text(r.email, `${where}.email`);
  if (r.organisation !== undefined) s.organisation = text(r.organisation, `${where}.organisation`);
  return s;
}

function parseConsent(value: unknown, where: string): StoredConsent {
  const r = record(value, where);
  const c: StoredConsent = { id: text(r.id, `${where}.id`), coachee: text(r.coachee, `${where}.coachee`), wording: text(r.wording, `${where}.wording`) };
  if (r.recipients !== undefined) {
    c.recipients = strings(r.recipients, `${where}.recipients`).map((role) => {
      if (!(RECIPIENT_ROLES as readonly string[]).includes(role)) throw new CoachDataError(`${where}.recipients: "${role}" is not one of ${RECIPIENT_ROLES.join(', ')}`);
      return role as RecipientRole;
    });
  }
  if (r.until !== undefined) {
    const until = text(r.until, `${where}.until`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) throw new CoachDataError(`${where}.until must be a date like 2026-12-31`);
    c.until = until;
  }
  return c;
}

function parseIgnored(value: unknown, where: string): IgnoredFinding {
  const r = record(value, where);
  return { id: text(r.id, `${where}.id`), category: category(r.category, `${where}.category`), text: text(r.text, `${where}.text`) };
}

function parseSite(value: unknown, where: string): SiteRule {
  const r = record(value, where);
  if (typeof r.enabled !== 'boolean') throw new CoachDataError(`${where}.enabled must be true or false`);
  if (typeof r.hrPortal !== 'boolean') throw new CoachDataError(`${where}.hrPortal must be true or false`);
  return { id: text(r.id, `${where}.id`).toLowerCase(), enabled: r.enabled, hrPortal: r.hrPortal };
}

function parseSettings(value: unknown, where: string): Settings {
  const r = record(value, where);
  const settings: Settings = { categories: list(r.categories, `${where}.categories`).map((c, i) => category(c, `${where}.categories[${i}]`)) };
  if (r.autoLockMinutes !== undefined) {
    if (typeof r.autoLockMinutes !== 'number' || !(r.autoLockMinutes >= 1)) throw new CoachDataError(`${where}.autoLockMinutes must be a number of minutes, 1 or more`);
    settings.autoLockMinutes = r.autoLockMinutes;
  }
  return settings;
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CoachDataError(`${where} must be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new CoachDataError(`${where} must be a list`);
  return value;
}

function strings(value: unknown, where: string): string[] {
  return list(value, where).map((v, i) => text(v, `${where}[${i}]`));
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new CoachDataError(`${where} must be a non-empty string`);
  return value.trim();
}

function category(value: unknown, where: string): Category {
  if (typeof value !== 'string' || !(CATEGORIES as readonly string[]).includes(value)) throw new CoachDataError(`${where} must be one of ${CATEGORIES.join(', ')}`);
  return value as Category;
}
