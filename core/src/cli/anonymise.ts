import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { anonymise } from '../anonymise/anonymise-note';
import { createPseudonymMapping, MappingError, parsePseudonymMapping } from '../anonymise/pseudonym-mapping';
import type { AnonymiseResult, PseudonymMapping } from '../anonymise/types';
import { parseRoster, type Roster } from '../roster';
import { oneOf, parseCommandArgs } from './args';
import { CliError, type Io } from './io';
import { describeFsError, parseJsonLines, readJsonFile, readRosterFile, readTextInput } from './read-input';

const HELP = `Usage: coach-guard anonymise [FILE|-] [--roster ROSTER.json] [--mapping MAP.json] [--format text|json]
       coach-guard anonymise --jsonl FILE [--roster ROSTER.json] [--mapping MAP.json]

Replaces names, organisations, places, dates, emails, phone numbers, web addresses and reference
numbers in a case note with consistent pseudonyms, for a supervisor.
  text    the anonymised note on stdout; suspects (words a human should check) on stderr
  json    {"text", "replacements": [{start, end, original, replacement, type}], "suspects": [{text, reason}]}
--mapping keeps a case's pseudonyms across notes: read if the file exists, written back updated.
          It re-identifies people: it is yours alone, never send it with the note.
--jsonl   one JSON object per line {"id", "text", "roster"}; prints {"id", "text", "replacements",
          "suspects"} per line, in input order (with --mapping, all lines are one case).
Exit code: 0 done, 2 bad input.
`;

export async function runAnonymise(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('anonymise', args, {
    roster: { type: 'string' },
    mapping: { type: 'string' },
    format: { type: 'string' },
    jsonl: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1) throw new CliError(`expected at most one FILE, got ${positionals.length}`);
  const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
  const roster = await readRosterFile(values.roster, io);
  const mapping = values.mapping === undefined ? undefined : await readMapping(values.mapping, io);

  if (values.jsonl !== undefined) {
    if (positionals.length > 0) throw new CliError('--jsonl takes its file as its value; give no other FILE');
    if (values.format !== undefined) throw new CliError('--jsonl always prints JSON Lines; leave out --format');
    return anonymiseBatch(values.jsonl, roster, mapping, values.mapping, io);
  }

  const text = await readTextInput(positionals[0], io);
  const result = anonymise(text, { ...(roster ? { roster } : {}), ...(mapping ? { mapping } : {}) });
  // Write the mapping first: if that fails, nothing was printed that the next note can't match.
  if (values.mapping !== undefined) await writeMapping(values.mapping, result.mapping, io);
  if (format === 'json') {
    io.stdout.write(JSON.stringify(toJson(result), null, 2) + '\n');
  } else {
    io.stdout.write(result.text.endsWith('\n') || result.text === '' ? result.text : result.text + '\n');
    if (result.suspects.length > 0) {
      io.stderr.write(`${result.suspects.length} suspect${result.suspects.length === 1 ? '' : 's'} to check before this leaves you:\n`);
      for (const s of result.suspects) io.stderr.write(`  "${s.text.replace(/\s+/g, ' ')}": ${s.reason}\n`);
    }
  }
  return 0;
}

async function anonymiseBatch(file: string, roster: Roster | undefined, mapping: PseudonymMapping | undefined, mappingFile: string | undefined, io: Io): Promise<number> {
  const rows = parseJsonLines(await readTextInput(file, io), file);
  // Validate every line before printing anything, so a bad line 40 doesn't leave half an output.
  const items = rows.map(({ line, value }) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`${file}:${line}: expected an object with "id" and "text"`);
    const record = value as Record<string, unknown>;
    if (typeof record.text !== 'string') throw new CliError(`${file}:${line}: "text" must be a string`);
    let lineRoster = roster;
    if (record.roster !== undefined) {
      try {
        lineRoster = parseRoster(record.roster);
      } catch (error) {
        throw new CliError(`${file}:${line}: roster: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { id: record.id ?? null, text: record.text, roster: lineRoster };
  });
  let current = mapping ?? (mappingFile !== undefined ? createPseudonymMapping() : undefined);
  const out: string[] = [];
  for (const item of items) {
    const result = anonymise(item.text, { ...(item.roster ? { roster: item.roster } : {}), ...(current ? { mapping: current } : {}) });
    if (current) current = result.mapping;
    out.push(JSON.stringify({ id: item.id, ...toJson(result) }));
  }
  if (mappingFile !== undefined && current) await writeMapping(mappingFile, current, io);
  io.stdout.write(out.map((l) => l + '\n').join(''));
  return 0;
}

/** The CLI's JSON contract: the coach's own view, replacements included (never for the supervisor). */
function toJson(result: AnonymiseResult) {
  return {
    text: result.text,
    replacements: result.replacements.map(({ start, end, original, replacement, type }) => ({ start, end, original, replacement, type })),
    suspects: result.suspects.map(({ text, reason }) => ({ text, reason })),
  };
}

async function readMapping(file: string, io: Io): Promise<PseudonymMapping | undefined> {
  if (!existsSync(resolve(io.cwd, file))) return undefined;
  try {
    return parsePseudonymMapping(await readJsonFile(file, io));
  } catch (error) {
    if (error instanceof MappingError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/** Writes beside the target and renames over it, so a crash never leaves half a mapping. */
async function writeMapping(file: string, mapping: PseudonymMapping, io: Io): Promise<void> {
  const path = resolve(io.cwd, file);
  const temp = resolve(dirname(path), `.${path.split(/[\\/]/).pop()}.${process.pid}.tmp`);
  try {
    await writeFile(temp, JSON.stringify(mapping, null, 2) + '\n', { mode: 0o600 });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CliError(`cannot write ${file}: ${describeFsError(error)}`);
  }
}
