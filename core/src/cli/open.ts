import { stat, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { DEFAULT_MAX_CASE_SIZE, openSealed, readStoredPublicKeys, sealedForKeyIds, type OpenedDocument, type PublicKey } from '../index';
import { parseCommandArgs } from './args';
import { CliError, type Io } from './io';
import { openKeyring, refusalsAsCliErrors, resolvePrivateKey, resolvePublicKey, unlockWithPassphrase } from './key-options';
import { describeFsError, readBytes } from './read-input';

const HELP = `Usage: coach-guard open CASE_FILE [--key MY_KEY] [--trust SIGNER_KEY]... [-o DIR] [--max-size MB]

Opens a sealed supervision case or reply: decrypts it with your private key, checks it is signed
by a key you trust, and prints who signed it and when. Without -o the notes are printed; with
-o DIR each note is written to DIR as NN-title.md, with case.json (or reply.json) holding the
ids, dates, questions and signer. Existing files are never overwritten.
--key       your private key (default: the one the case is sealed to)
--trust     a signer you accept (key file, fingerprint or email); repeatable.
            Default: every key in your key directory — importing a key is trusting it.
--max-size  refuse sealed or decompressed content over this many MB (default 50)
KEY is a key file, or a fingerprint, key id or email in the key directory (--keyring DIR).
The passphrase comes from --passphrase-file or a prompt that does not echo.
Exit code: 0 opened, 2 refused (one line on stderr names the cause).
`;

export async function runOpen(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('open', args, {
    key: { type: 'string' },
    trust: { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
    'max-size': { type: 'string' },
    keyring: { type: 'string' },
    'passphrase-file': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`open takes one CASE_FILE (got ${positionals.length})`);
  const file = positionals[0]!;
  const maxSize = parseMaxSize(values['max-size']);
  // Refuse an oversized file from its size on disk, before reading it into memory.
  const size = await stat(resolve(io.cwd, file)).then(
    (s) => s.size,
    (error: unknown) => {
      throw new CliError(`cannot read ${file}: ${describeFsError(error)}`);
    },
  );
  if (size > maxSize) throw new CliError(`${file} is ${size} bytes, over the ${maxSize / 1024 / 1024} MB limit (--max-size)`);
  const bytes = await readBytes(file, io);
  const recipients = await refusalsAsCliErrors(() => sealedForKeyIds(bytes, maxSize));

  const { store } = openKeyring(values.keyring, io);
  const trustedSigners: PublicKey[] = [];
  for (const arg of values.trust ?? []) trustedSigners.push(await resolvePublicKey(arg, store, io));
  if (values.trust === undefined) trustedSigners.push(...(await refusalsAsCliErrors(() => readStoredPublicKeys(store))));
  const locked = await resolvePrivateKey(values.key, store, io, recipients);
  const recipientKey = await unlockWithPassphrase(locked, values['passphrase-file'], io);

  const opened = await refusalsAsCliErrors(() => openSealed(bytes, { recipientKey, trustedSigners, maxSize }));
  if (values.output !== undefined) {
    const written = await writeToDirectory(opened, resolve(io.cwd, values.output));
    io.stdout.write(signedLine(opened));
    io.stdout.write(`Wrote ${written.length} files to ${values.output}: ${written.join(', ')}\n`);
  } else {
    io.stdout.write(signedLine(opened));
    io.stdout.write(terminalSafe(printable(opened)));
  }
  return 0;
}

function parseMaxSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_CASE_SIZE;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new CliError(`--max-size must be a positive number of MB (got "${value}")`);
  return Math.floor(mb * 1024 * 1024);
}

function signedLine({ document, signer }: OpenedDocument): string {
  const what = document.kind === 'case' ? `Case ${document.caseId}` : `Reply ${document.replyId} to case ${document.inReplyTo}`;
  const expired = signer.keyExpiredSince ? `Note: this key has expired since (${signer.keyExpiredSince.toISOString()}); it was valid when it signed.\n` : '';
  return terminalSafe(`${what}\nSigned by ${signer.userId} (${signer.fingerprint}) on ${signer.date.toISOString()}\n${expired}`);
}

function printable({ document }: OpenedDocument): string {
  const out: string[] = [`Created ${document.createdAt}`];
  if (document.deleteAfter) out.push(`Please delete after ${document.deleteAfter}`);
  out.push('');
  if (document.kind === 'case') for (const q of document.questions) out.push('## Question for supervision', '', q, '');
  for (const note of document.notes) out.push(`## ${note.title}`, '', note.markdown, '');
  return out.join('\n');
}

/**
 * A file name for a note that cannot leave the output directory: the title reduced to letters,
 * digits, spaces, "." "_" and "-", no leading dots, numbered so that two notes never collide and
 * no name is empty, ".." or a device name.
 */
export function safeNoteFileName(index: number, title: string): string {
  const slug = title
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._ -]+/gu, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/, '');
  return `${String(index + 1).padStart(2, '0')}-${slug || 'note'}.md`;
}

async function writeToDirectory(opened: OpenedDocument, dir: string): Promise<string[]> {
  const { document, signer } = opened;
  const files = new Map<string, string>();
  document.notes.forEach((note, i) => files.set(safeNoteFileName(i, note.title), note.markdown));
  const meta = { ...document, notes: document.notes.map((n, i) => ({ title: n.title, file: safeNoteFileName(i, n.title) })), signer };
  files.set(`${document.kind}.json`, JSON.stringify(meta, null, 2) + '\n');
  // Belt and braces: whatever the names, every path must resolve inside the directory.
  for (const name of files.keys()) {
    const path = resolve(dir, name);
    if (!path.startsWith(dir + sep)) throw new CliError(`refusing to write "${name}" outside ${dir}`);
    if (existsSync(path)) throw new CliError(`${path} already exists; not overwriting it (choose an empty -o DIR)`);
  }
  try {
    await mkdir(dir, { recursive: true });
    for (const [name, content] of files) await writeFile(resolve(dir, name), content, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    throw new CliError(`cannot write to ${dir}: ${describeFsError(error)}`);
  }
  return [...files.keys()];
}

/** Control characters from a case must not drive the terminal (escape sequences can rewrite what is shown). */
function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => (c === '\r' ? '' : '\uFFFD'));
}
