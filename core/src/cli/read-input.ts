import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseRoster, type Roster } from '../roster';
import { CliError, type Io } from './io';

/** Reads a text file, or standard input for `-` or no file. Unreadable input is a CliError. */
export async function readTextInput(file: string | undefined, io: Io): Promise<string> {
  if (file === undefined || file === '-') return decodeUtf8(await io.readStdin(), 'standard input');
  return decodeUtf8(await readBytes(file, io), file);
}

export async function readBytes(file: string, io: Io): Promise<Uint8Array> {
  try {
    return await readFile(resolve(io.cwd, file));
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${describeFsError(error)}`);
  }
}

export async function readJsonFile(file: string, io: Io): Promise<unknown> {
  const text = decodeUtf8(await readBytes(file, io), file);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function readRosterFile(file: string | undefined, io: Io): Promise<Roster | undefined> {
  if (file === undefined) return undefined;
  try {
    return parseRoster(await readJsonFile(file, io));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Splits JSON Lines, skipping blank lines; a bad line is a CliError naming its line number. */
export function parseJsonLines(text: string, file: string): { line: number; value: unknown }[] {
  const rows: { line: number; value: unknown }[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    try {
      rows.push({ line: index + 1, value: JSON.parse(raw) });
    } catch (error) {
      throw new CliError(`${file}:${index + 1}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return rows;
}

function decodeUtf8(bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(`${where} is not UTF-8 text`);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
