import { analyse } from '../detect/analyse-text';
import { CHANNELS, RECIPIENT_ROLES, type AnalyseContext, type Finding } from '../detect/types';
import type { Roster } from '../roster';
import { oneOf, parseCommandArgs } from './args';
import { CliError, type Io } from './io';
import { parseJsonLines, readRosterFile, readTextInput } from './read-input';
import { parseAnalyseContext } from './parse-context';

const HELP = `Usage: coach-guard scan [FILE|-] [--channel email|hr-portal|chat|other] [--to ROLE] [--roster ROSTER.json] [--format text|json]
       coach-guard scan --jsonl FILE [--roster ROSTER.json]

Checks a message for confidential coaching content before it reaches a sponsor.
ROLE is one of: ${RECIPIENT_ROLES.join(', ')} (default: unknown).
Exit code: 0 no finding, 1 findings, 2 bad input.
`;

export async function runScan(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('scan', args, {
    channel: { type: 'string' },
    to: { type: 'string' },
    roster: { type: 'string' },
    format: { type: 'string' },
    jsonl: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new CliError(`expected at most one FILE, got ${positionals.length}`);
  const roster = await readRosterFile(values.roster, io);

  if (values.jsonl !== undefined) {
    if (positionals.length > 0) throw new CliError('--jsonl takes its file as its value; give no other FILE');
    return scanBatch(values.jsonl, roster, io);
  }

  const context: AnalyseContext = {
    channel: oneOf('--channel', values.channel, CHANNELS, 'email'),
    recipientRole: oneOf('--to', values.to, RECIPIENT_ROLES, 'unknown'),
    ...(roster ? { roster } : {}),
  };
  const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
  const text = await readTextInput(positionals[0], io);
  const findings = analyse(text, context);

  if (format === 'json') io.stdout.write(JSON.stringify({ findings }, null, 2) + '\n');
  else io.stdout.write(formatFindings(text, findings, context));
  return findings.length > 0 ? 1 : 0;
}

async function scanBatch(file: string, roster: Roster | undefined, io: Io): Promise<number> {
  const text = await readTextInput(file, io);
  const rows = parseJsonLines(text, file);
  let any = false;
  // Validate every line before printing anything, so a bad line 40 doesn't leave half an output.
  const items = rows.map(({ line, value }) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`${file}:${line}: expected an object with "id" and "text"`);
    const record = value as Record<string, unknown>;
    if (typeof record.text !== 'string') throw new CliError(`${file}:${line}: "text" must be a string`);
    const context = parseAnalyseContext(record.context, `${file}:${line}: context`);
    if (roster && !context.roster) context.roster = roster;
    return { id: record.id ?? null, text: record.text, context };
  });
  for (const item of items) {
    const findings = analyse(item.text, item.context);
    any ||= findings.length > 0;
    io.stdout.write(JSON.stringify({ id: item.id, findings }) + '\n');
  }
  return any ? 1 : 0;
}

/** Human-readable report: line:column, category, the words, why, and a safer wording. */
export function formatFindings(text: string, findings: Finding[], context: AnalyseContext): string {
  if (findings.length === 0) return `No confidential content found (recipient: ${context.recipientRole}).\n`;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return `${lo + 1}:${offset - lineStarts[lo]! + 1}`;
  };
  const out: string[] = [];
  for (const f of findings) {
    const words = text.slice(f.start, f.end).replace(/\s+/g, ' ');
    out.push(`${position(f.start)}  ${f.severity.padEnd(6)} ${f.category}  "${words}"`);
    out.push(`    why: ${f.message}`);
    if (f.suggestion) out.push(`    instead: ${f.suggestion}`);
  }
  const n = findings.length;
  out.push('', `${n} finding${n === 1 ? '' : 's'} (recipient: ${context.recipientRole}).`);
  return out.join('\n') + '\n';
}
