import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compactFingerprint, describeKey, findKey, generateKeyPair, importKey, readPublicKey, type KeyInfo } from '../index';
import { parseCommandArgs } from './args';
import { CliError, type Io } from './io';
import { openKeyring, readPassphrase, refusalsAsCliErrors } from './key-options';
import { describeFsError, readBytes } from './read-input';

const HELP = `Usage: coach-guard keys generate --name NAME --email EMAIL [--passphrase-file FILE] [--out-dir DIR]
       coach-guard keys import FILE
       coach-guard keys export KEY
       coach-guard keys list
Every form takes --keyring DIR (default: $XDG_CONFIG_HOME/coach-guard/keys or ~/.config/coach-guard/keys).

Manages OpenPGP keys for sealed supervision cases. Keys are v4 curve25519 keys GnuPG 2.2 reads.
generate  makes your key pair; the private key is stored only passphrase-encrypted. The passphrase
          comes from --passphrase-file (first line) or is asked for without echo. --out-dir also
          writes the public key, private key and revocation certificate there.
import    adds someone's public key (armored or binary file) — importing a key is trusting it to
          sign cases you open — or your own passphrase-protected private key.
export    prints a public key (armored) to give to the other party. KEY: fingerprint, key id or email.
list      shows fingerprints (in fours, to compare aloud), user ids, creation and expiry.
Exit code: 0 done, 2 refused (one line on stderr says why).
`;

export async function runKeys(args: string[], io: Io): Promise<number> {
  const [action, ...rest] = args;
  if (action === undefined || action === '--help' || action === '-h') {
    io.stdout.write(HELP);
    return action === undefined ? 2 : 0;
  }
  switch (action) {
    case 'generate':
      return generate(rest, io);
    case 'import':
      return importFile(rest, io);
    case 'export':
      return exportKey(rest, io);
    case 'list':
      return list(rest, io);
    default:
      throw new CliError(`unknown keys action "${action}" (try: generate, import, export, list)`);
  }
}

async function generate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('keys generate', args, {
    name: { type: 'string' },
    email: { type: 'string' },
    'passphrase-file': { type: 'string' },
    'out-dir': { type: 'string' },
    keyring: { type: 'string' },
  });
  if (positionals.length > 0) throw new CliError(`keys generate takes no positional arguments (got "${positionals[0]}"); passphrases come from --passphrase-file or the prompt`);
  if (!values.name) throw new CliError('keys generate: --name is required');
  if (!values.email) throw new CliError('keys generate: --email is required');
  const { dir, store } = openKeyring(values.keyring, io);
  const base = values.email.replace(/[^A-Za-z0-9._@-]/g, '_');
  const out = values['out-dir'] !== undefined ? resolve(io.cwd, values['out-dir']) : undefined;
  const outFiles = out ? (['pub', 'sec', 'rev'] as const).map((kind) => join(out, `${base}.${kind}.asc`)) : [];
  // Check before generating, so a refusal leaves neither a half-written out-dir nor an extra key.
  for (const path of outFiles) if (existsSync(path)) throw new CliError(`${path} already exists; not overwriting it`);
  const passphrase = await readPassphrase(values['passphrase-file'], io, `Passphrase for ${values.name} <${values.email}>: `, { confirm: true });
  const pair = await refusalsAsCliErrors(() => generateKeyPair({ name: values.name!, email: values.email!, passphrase }));
  const fingerprint = compactFingerprint(pair.fingerprint);
  await store.put({ fingerprint, publicKey: pair.publicKey, privateKey: pair.privateKey });
  await writeSecretFile(join(dir, `${fingerprint}.rev.asc`), pair.revocationCertificate);
  if (out) {
    try {
      await mkdir(out, { recursive: true });
    } catch (error) {
      throw new CliError(`cannot create ${values['out-dir']}: ${describeFsError(error)}`);
    }
    await writeSecretFile(outFiles[0]!, pair.publicKey, 0o644);
    await writeSecretFile(outFiles[1]!, pair.privateKey);
    await writeSecretFile(outFiles[2]!, pair.revocationCertificate);
  }
  io.stdout.write(`Generated ${values.name} <${values.email}>\n  fingerprint ${pair.fingerprint}\n  stored in ${dir}\n`);
  io.stdout.write(`Give your public key to the other party: coach-guard keys export ${fingerprint}\n`);
  return 0;
}

async function importFile(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('keys import', args, { keyring: { type: 'string' } });
  if (positionals.length !== 1) throw new CliError(`keys import takes one FILE (got ${positionals.length})`);
  const file = positionals[0]!;
  const { store } = openKeyring(values.keyring, io);
  const bytes = await readBytes(file, io);
  const info = await refusalsAsCliErrors(() => importKey(store, bytes)).catch((error: unknown) => {
    throw error instanceof CliError ? new CliError(`${file}: ${error.message}`) : error;
  });
  io.stdout.write(`Imported ${info.isPrivate ? 'private key' : 'public key'} ${info.primaryUserId}\n  fingerprint ${info.fingerprint}\n`);
  const warning = usabilityWarning(info);
  if (warning) io.stderr.write(`warning: ${warning}\n`);
  return 0;
}

async function exportKey(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('keys export', args, { keyring: { type: 'string' } });
  if (positionals.length !== 1) throw new CliError(`keys export takes one KEY (fingerprint, key id or email; got ${positionals.length})`);
  const { store } = openKeyring(values.keyring, io);
  const stored = await refusalsAsCliErrors(() => findKey(store, positionals[0]!));
  // Re-armor through openpgp so only the public half ever leaves, whatever the file holds.
  const key = await refusalsAsCliErrors(() => readPublicKey(stored.publicKey));
  io.stdout.write(key.armor());
  return 0;
}

async function list(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs('keys list', args, { keyring: { type: 'string' } });
  if (positionals.length > 0) throw new CliError('keys list takes no arguments');
  const { dir, store } = openKeyring(values.keyring, io);
  const stored = await store.list();
  if (stored.length === 0) {
    io.stdout.write(`No keys in ${dir}. Make yours with: coach-guard keys generate --name NAME --email EMAIL\n`);
    return 0;
  }
  for (const entry of stored) {
    const key = await refusalsAsCliErrors(() => readPublicKey(entry.publicKey));
    const info = await describeKey(key);
    const kind = entry.privateKey !== undefined ? 'yours (private key)' : 'public';
    io.stdout.write(`${info.fingerprint}  ${kind}\n`);
    for (const userId of info.userIds) io.stdout.write(`  ${userId}\n`);
    io.stdout.write(`  created ${day(info.createdAt)}, ${info.expiresAt ? `${info.expired ? 'expired' : 'expires'} ${day(info.expiresAt)}` : 'does not expire'}\n`);
    const warning = usabilityWarning(info);
    if (warning) io.stdout.write(`  ! ${warning}\n`);
  }
  return 0;
}

function usabilityWarning(info: KeyInfo): string | undefined {
  if (info.revoked) return `${info.fingerprint} is revoked: cases cannot be sealed to it`;
  if (info.expired) return `${info.fingerprint} has expired: cases cannot be sealed to it`;
  if (!info.canEncrypt) return `${info.fingerprint} has no encryption key: cases cannot be sealed to it`;
  return undefined;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

async function writeSecretFile(path: string, content: string, mode = 0o600): Promise<void> {
  try {
    await writeFile(path, content, { mode, flag: 'wx' });
  } catch (error) {
    if ((error as { code?: string }).code === 'EEXIST') throw new CliError(`${path} already exists; not overwriting it`);
    throw new CliError(`cannot write ${path}: ${describeFsError(error)}`);
  }
}
