import { CHANNELS, RECIPIENT_ROLES, type AnalyseContext } from '../detect/types';
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
  if (Array.isArray(record.consent)) context.consent = record.consent as AnalyseContext['consent'];
  if (typeof record.coachee === 'string') context.coachee = record.coachee;
  return context;
}
