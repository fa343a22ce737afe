import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { sealCase, sealReply, type CaseNote } from '../index';
import { parseCommandArgs } from './args';
import { CliError, type Io } from './io';
import { openKeyring, refusalsAsCliErrors, resolvePrivateKey, resolvePublicKey, unlockWithPassphrase } from './key-options';
import { describeFsError, readTextInput } from './read-input';

const KEY_HELP = `KEY is a key file, or a fingerprint, 16-digit key id or email of a key in the key directory
(--keyring DIR, default $XDG_CONFIG_HOME/coach-guard/keys or ~/.config/coach-guard/keys).
Each NOTE is a markdown file of anonymised notes; its title is its first line when that is a
"# heading", otherwise the file name. The passphrase for your key comes from --passphrase-file
or a prompt that does not echo.
Exit code: 0 sealed, 2 refused (one line on stderr says why); nothing is written on refusal.`;

const SEAL_HELP = `Usage: coach-guard seal NOTE... --to SUPERVISOR_KEY [--sign-with COACH_KEY] [--question TEXT]...
                        [--delete-after YYYY-MM-DD] [--armor] [--case-id ID] -o CASE_FILE

Seals an anonymised supervision case: encrypted to your supervisor and to you, signed by you.
The supervisor reads it with "coach-guard open CASE_FILE", or with GnuPG alone:
  gpg --decrypt CASE_FILE > case.md
--sign-with defaults to your only private key. At least one --question is required.
${KEY_HELP}
`;

const REPLY_HELP = `Usage: coach-guard reply NOTE... --case CASE_ID --to COACH_KEY [--sign-with SUPERVISOR_KEY]
                         [--delete-after YYYY-MM-DD] [--armor] -o REPLY_FILE

Seals a supervisor's reply to a case, back to the coach (who opens it with "coach-guard open").
${KEY_HELP}
`;

export async function runSeal(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('seal', args, {
    to: { type: 'string' },
    'sign-with': { type: 'string' },
    question: { type: 'string', multiple: true },
    'delete-after': { type: 'string' },
    armor: { type: 'boolean' },
    'case-id': { type: 'string' },
    output: { type: 'string', short: 'o' },
    keyring: { type: 'string' },
    'passphrase-file': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(SEAL_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new CliError('give at least one NOTE file to seal');
  if (!values.to) throw new CliError("--to SUPERVISOR_KEY is required (the supervisor's key file, fingerprint or email)");
  const questions = values.question ?? [];
  if (questions.length === 0) throw new CliError('give at least one --question for supervision');
  const output = requireNewOutput(values.output, io);
  const notes = await readNotes(positionals, io);
  const { store } = openKeyring(values.keyring, io);
  const supervisorKey = await resolvePublicKey(values.to, store, io);
  const coachKey = await unlockWithPassphrase(await resolvePrivateKey(values['sign-with'], store, io), values['passphrase-file'], io);
  const sealed = await refusalsAsCliErrors(() =>
    sealCase(
      {
        notes,
        questions,
        ...(values['delete-after'] !== undefined ? { deleteAfter: values['delete-after'] } : {}),
        ...(values['case-id'] !== undefined ? { caseId: values['case-id'] } : {}),
      },
      { supervisorKey, coachKey, armor: values.armor ?? false },
    ),
  );
  await writeNewFile(output, sealed.bytes);
  io.stdout.write(`Sealed case ${sealed.document.caseId} (${notes.length} note${notes.length === 1 ? '' : 's'}) to ${supervisorKey.getUserIDs()[0] ?? 'the supervisor'}: ${values.output}\n`);
  return 0;
}

export async function runReply(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('reply', args, {
    case: { type: 'string' },
    to: { type: 'string' },
    'sign-with': { type: 'string' },
    'delete-after': { type: 'string' },
    armor: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    keyring: { type: 'string' },
    'passphrase-file': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(REPLY_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new CliError('give at least one NOTE file for the reply');
  if (!values.case) throw new CliError('--case CASE_ID is required (the case id shown when you opened the case)');
  if (!values.to) throw new CliError("--to COACH_KEY is required (the coach's key file, fingerprint or email)");
  const output = requireNewOutput(values.output, io);
  const notes = await readNotes(positionals, io);
  const { store } = openKeyring(values.keyring, io);
  const coachKey = await resolvePublicKey(values.to, store, io);
  const supervisorKey = await unlockWithPassphrase(await resolvePrivateKey(values['sign-with'], store, io), values['passphrase-file'], io);
  const sealed = await refusalsAsCliErrors(() =>
    sealReply(
      { inReplyTo: values.case!, notes, ...(values['delete-after'] !== undefined ? { deleteAfter: values['delete-after'] } : {}) },
      { coachKey, supervisorKey, armor: values.armor ?? false },
    ),
  );
  await writeNewFile(output, sealed.bytes);
  io.stdout.write(`Sealed reply ${sealed.document.replyId} to case ${sealed.document.inReplyTo}: ${values.output}\n`);
  return 0;
}

function requireNewOutput(output: string | undefined, io: Io): string {
  if (!output) throw new CliError('-o FILE is required (where to write the sealed file)');
  const path = resolve(io.cwd, output);
  if (existsSync(path)) throw new CliError(`${output} already exists; not overwriting it`);
  return path;
}

/** A note's title is its leading "# heading" (removed from the text), else the file's name. */
async function readNotes(files: string[], io: Io): Promise<CaseNote[]> {
  const notes: CaseNote[] = [];
  for (const file of files) {
    const text = await readTextInput(file, io);
    const heading = /^# +([^\n]*?)\s*(?:\r?\n(?:\r?\n)?|$)/.exec(text);
    const title = heading?.[1]?.trim() || basename(file, extname(file));
    notes.push({ title, markdown: heading?.[1]?.trim() ? text.slice(heading[0].length) : text });
  }
  return notes;
}

async function writeNewFile(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${describeFsError(error)}`);
  }
}
