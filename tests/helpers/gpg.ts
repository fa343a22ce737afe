/**
 * GnuPG for interop tests and the bench: makes sure `gpg` is installed (installing Debian's gnupg
 * when it is missing and we may), and runs it in an isolated GNUPGHOME in batch mode with loopback
 * pinentry, capturing the machine-readable `--status-fd` lines so tests check GOODSIG/VALIDSIG
 * rather than human messages.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GpgResult {
  code: number;
  stdout: Buffer;
  stderr: string;
  /** `--status-fd` lines without the "[GNUPG:] " prefix, e.g. "GOODSIG 9C58EE586A3C2E8A Alex …". */
  status: string[];
}

export interface GpgHome {
  home: string;
  /** Runs gpg with --batch --pinentry-mode loopback and a status fd; `input` goes to stdin. */
  run(args: string[], options?: { input?: Uint8Array | string }): GpgResult;
  /** Like run, but throws with gpg's stderr when it exits non-zero. */
  ok(args: string[], options?: { input?: Uint8Array | string }): GpgResult;
  /** Writes a passphrase file inside the home and returns its path. */
  passphraseFile(passphrase: string): string;
  /** Stops this home's agent (gpgconf --kill all) and removes the directory. */
  dispose(): void;
}

let checked: string | undefined;

/** Returns gpg's version line, installing gnupg with apt-get when it is missing and we are root. */
export function ensureGpg(): string {
  if (checked) return checked;
  const probe = () => spawnSync('gpg', ['--version'], { encoding: 'utf8' });
  let version = probe();
  if (version.status !== 0) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot) throw new Error('gpg is not installed and this is not root: install it with "apt-get install -y gnupg"');
    let install = spawnSync('apt-get', ['install', '-y', '-q', 'gnupg'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (install.status !== 0) {
      spawnSync('apt-get', ['update', '-q'], { encoding: 'utf8' });
      install = spawnSync('apt-get', ['install', '-y', '-q', 'gnupg'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    }
    if (install.status !== 0) throw new Error(`could not install gnupg: ${install.stderr}`);
    version = probe();
    if (version.status !== 0) throw new Error('gpg still missing after installing gnupg');
  }
  checked = version.stdout.split('\n')[0]!;
  return checked;
}

export function createGpgHome(): GpgHome {
  ensureGpg();
  const home = mkdtempSync(join(tmpdir(), 'cg-gnupg-'));
  chmodSync(home, 0o700);
  const env = { ...process.env, GNUPGHOME: home, LC_ALL: 'C' };
  const run = (args: string[], options: { input?: Uint8Array | string } = {}): GpgResult => {
    const result = spawnSync('gpg', ['--batch', '--no-tty', '--pinentry-mode', 'loopback', '--status-fd', '3', ...args], {
      env,
      input: options.input,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      maxBuffer: 1024 * 1024 * 1024,
    });
    const status = (result.output[3]?.toString() ?? '')
      .split('\n')
      .filter((l) => l.startsWith('[GNUPG:] '))
      .map((l) => l.slice('[GNUPG:] '.length));
    return { code: result.status ?? -1, stdout: result.stdout as Buffer, stderr: (result.stderr as Buffer).toString(), status };
  };
  return {
    home,
    run,
    ok(args, options) {
      const result = run(args, options);
      if (result.code !== 0) throw new Error(`gpg ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
      return result;
    },
    passphraseFile(passphrase) {
      const file = join(home, `pass-${Math.random().toString(16).slice(2)}`);
      writeFileSync(file, passphrase, { mode: 0o600 });
      return file;
    },
    dispose() {
      spawnSync('gpgconf', ['--kill', 'all'], { env });
      rmSync(home, { recursive: true, force: true });
    },
  };
}
