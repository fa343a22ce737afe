/**
 * The CLI's KeyStore: one directory, two armored files per key — `<FINGERPRINT>.pub.asc` and, for
 * your own keys, `<FINGERPRINT>.sec.asc` (always passphrase-encrypted). The directory is created
 * 0700 and private key files 0600; writes go to a temporary file renamed into place, so a crash
 * mid-write never leaves half a key.
 */
import { chmod, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { compactFingerprint, type KeyStore, type StoredKey } from '../index';
import { CliError, type Io } from './io';
import { describeFsError } from './read-input';

const FILE_PATTERN = /^([0-9A-F]{40})\.(pub|sec)\.asc$/;

/** `--keyring DIR`, else `$XDG_CONFIG_HOME/coach-guard/keys`, else `~/.config/coach-guard/keys`. */
export function defaultKeyringDir(io: Io): string {
  const config = io.env.XDG_CONFIG_HOME || join(io.env.HOME || io.env.USERPROFILE || homedir(), '.config');
  return join(config, 'coach-guard', 'keys');
}

export function createFileKeyStore(dir: string): KeyStore {
  const pathOf = (fingerprint: string, kind: 'pub' | 'sec') => join(dir, `${compactFingerprint(fingerprint)}.${kind}.asc`);
  const readOptional = async (path: string) => {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return undefined;
      throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
    }
  };
  const get = async (fingerprint: string): Promise<StoredKey | undefined> => {
    const fp = compactFingerprint(fingerprint);
    if (!/^[0-9A-F]{40}$/.test(fp)) return undefined;
    const publicKey = await readOptional(pathOf(fp, 'pub'));
    if (publicKey === undefined) return undefined;
    const privateKey = await readOptional(pathOf(fp, 'sec'));
    return { fingerprint: fp, publicKey, ...(privateKey !== undefined ? { privateKey } : {}) };
  };
  return {
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return [];
        throw new CliError(`cannot read key directory ${dir}: ${describeFsError(error)}`);
      }
      const fingerprints = [...new Set(names.map((n) => FILE_PATTERN.exec(n)).filter((m) => m?.[2] === 'pub').map((m) => m![1]!))].sort();
      const keys = await Promise.all(fingerprints.map(get));
      return keys.filter((k): k is StoredKey => k !== undefined);
    },
    get,
    async put(key) {
      const fp = compactFingerprint(key.fingerprint);
      if (!/^[0-9A-F]{40}$/.test(fp)) throw new CliError(`not a fingerprint: ${key.fingerprint}`);
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        if (key.privateKey !== undefined) await writeAtomically(pathOf(fp, 'sec'), key.privateKey, 0o600);
        await writeAtomically(pathOf(fp, 'pub'), key.publicKey, 0o644);
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`cannot write to key directory ${dir}: ${describeFsError(error)}`);
      }
    },
  };
}

async function writeAtomically(path: string, content: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode, flag: 'w' });
  await chmod(temporary, mode);
  await rename(temporary, path);
}

export function keyringDir(option: string | undefined, io: Io): string {
  return option !== undefined ? resolve(io.cwd, option) : defaultKeyringDir(io);
}
