import { CliError, type Io } from './io';
import { runScan } from './scan';
import { runAnonymise } from './anonymise';
import { runKeys } from './keys';
import { runOpen } from './open';
import { runReply, runSeal } from './seal';

type Command = (args: string[], io: Io) => Promise<number>;

/** Every subcommand, each in its own file. */
const COMMANDS: Record<string, { run: Command; summary: string }> = {
  scan: { run: runScan, summary: 'check a message for confidential content before it goes to a sponsor' },
  anonymise: { run: runAnonymise, summary: 'replace names, places, dates and contacts in a case note with pseudonyms for supervision' },
  keys: { run: runKeys, summary: 'generate, import, export and list keys for sealed supervision cases' },
  seal: { run: runSeal, summary: 'seal an anonymised case for your supervisor (encrypted and signed)' },
  open: { run: runOpen, summary: 'open a sealed case or reply, checking who signed it' },
  reply: { run: runReply, summary: "seal a supervisor's reply to a case, back to the coach" },
};

export const USAGE = `Usage: coach-guard <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Run "coach-guard <command> --help" for a command's options.
`;

/** Runs the CLI and returns its exit code; never throws for user errors. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`coach-guard: unknown command "${name}" (try: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`coach-guard ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
