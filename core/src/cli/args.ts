import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io';

/**
 * `node:util` parseArgs with Coach Guard's error style: an unknown flag or a missing value is a
 * one-line CliError (exit 2) that names the flag, not a stack trace.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CliError(`${command}: ${message}`);
  }
}

export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}
