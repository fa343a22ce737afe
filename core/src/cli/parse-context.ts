import { CHANNELS, RECIPIENT_ROLES, type AnalyseContext, type ConsentRecord, type RecipientRole } from '../detect/types';
import { parseRoster } from '../roster';
import { CliError } from './io';

/** Validates a context object from a JSON Lines record (the corpus format). */
export function parseAnalyseContext(value: unknown, where: string): AnalyseContext {
  if (value === undefined || value === null) return { channel: 'other', recipientRole: 'unknown' };
  if (typeof value !== 'object' || Array.isArray(value)) throw new CliError(`${where} must be an object`);
  const record = value as Record<string, unknown>;
  const channel = record.channel ?? 'other';
  const recipientRole = record.recipientRole ?? 'unknown';
  if (typeof channel !== 'string' || !(CHANNELS as readonly string[]).includes(channel)) {
    throw new CliError(`${where}.channel must be one of ${CHANNELS.join(', ')}`);
  }
  if (typeof recipientRole !== 'string' || !(RECIPIENT_ROLES as readonly string[]).includes(recipientRole)) {
    throw new CliError(`${where}.recipientRole must be one of ${RECIPIENT_ROLES.join(', ')}`);
  }
  const context: AnalyseContext = {
    channel: channel as AnalyseContext['channel'],
    recipientRole: recipientRole as AnalyseContext['recipientRole'],
  };
  if (record.roster !== undefined) {
    try {
      context.roster = parseRoster(record.roster);
    } catch (error) {
      throw new CliError(`${where}.roster: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (record.consent !== undefined) context.consent = parseConsent(record.consent, `${where}.consent`);
  if (record.coachee !== undefined) {
    if (typeof record.coachee !== 'string') throw new CliError(`${where}.coachee must be a name`);
    context.coachee = record.coachee;
  }
  if (record.today !== undefined) {
    if (typeof record.today !== 'string' || !ISO_DATE.test(record.today)) throw new CliError(`${where}.today must be a date like 2026-03-31`);
    context.today = record.today;
  }
  return context;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Consent records must be exact: a typo here would either leak or silence a real warning. */
function parseConsent(value: unknown, where: string): ConsentRecord[] {
  if (!Array.isArray(value)) throw new CliError(`${where} must be a list of {coachee, wording, recipients?, until?}`);
  return value.map((entry, i) => {
    const at = `${where}[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new CliError(`${at} must be an object with "coachee" and "wording"`);
    const r = entry as Record<string, unknown>;
    for (const key of Object.keys(r)) {
      if (!['coachee', 'wording', 'recipients', 'until'].includes(key)) throw new CliError(`${at} has an unknown field "${key}" (expected coachee, wording, recipients, until)`);
    }
    if (typeof r.coachee !== 'string' || r.coachee.trim() === '') throw new CliError(`${at}.coachee must be the coachee's name`);
    if (typeof r.wording !== 'string' || r.wording.trim() === '') throw new CliError(`${at}.wording must be the approved text`);
    const record: ConsentRecord = { coachee: r.coachee, wording: r.wording };
    if (r.recipients !== undefined) {
      if (!Array.isArray(r.recipients) || !r.recipients.every((x) => typeof x === 'string' && (RECIPIENT_ROLES as readonly string[]).includes(x))) {
        throw new CliError(`${at}.recipients must be a list of ${RECIPIENT_ROLES.join(', ')}`);
      }
      record.recipients = r.recipients as RecipientRole[];
    }
    if (r.until !== undefined) {
      if (typeof r.until !== 'string' || !ISO_DATE.test(r.until)) throw new CliError(`${at}.until must be a date like 2026-03-31`);
      record.until = r.until;
    }
    return record;
  });
}
