import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../core/src/cli/main';
import { personaFile } from '../fixtures/keys/personas';
import { memoryIo } from '../helpers/memory-io';

/** A workspace with the two personas' keyrings set up from the fixtures via the CLI itself. */
async function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'cg-seal-cli-'));
  for (const name of ['coach', 'supervisor'] as const) {
    copyFileSync(personaFile(name, 'asc'), join(dir, `${name}.asc`));
    copyFileSync(personaFile(name, 'pub.asc'), join(dir, `${name}.pub.asc`));
    copyFileSync(personaFile(name, 'passphrase'), join(dir, `${name}.passphrase`));
  }
  const run = async (...argv: string[]) => {
    const m = memoryIo('', dir);
    const code = await runCli(argv, m.io);
    return { code, stdout: m.stdout(), stderr: m.stderr() };
  };
  // Each persona has their own private key and the other's public key.
  for (const [me, other] of [['coach', 'supervisor'], ['supervisor', 'coach']] as const) {
    expect((await run('keys', 'import', `${me}.asc`, '--keyring', `${me}-keys`)).code).toBe(0);
    expect((await run('keys', 'import', `${other}.pub.asc`, '--keyring', `${me}-keys`)).code).toBe(0);
  }
  writeFileSync(join(dir, 'session-3.md'), '# Session 3: the PIP\n\nThe coachee (C) is on a performance plan.\n');
  writeFileSync(join(dir, 'reflection.md'), 'I noticed I wanted to rescue C.\n');
  return { dir, run };
}

describe('coach-guard keys', () => {
  it('generates a key pair from a passphrase file, lists it, exports only the public key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-keys-'));
    writeFileSync(join(dir, 'pass'), 'correct horse battery staple\n');
    const m = memoryIo('', dir);
    expect(await runCli(['keys', 'generate', '--name', 'Alex Coach', '--email', 'alex@coach.example', '--passphrase-file', 'pass', '--keyring', 'k', '--out-dir', 'out'], m.io)).toBe(0);
    const fingerprint = /fingerprint ((?:[0-9A-F]{4} ){9}[0-9A-F]{4})/.exec(m.stdout())![1]!;
    const compact = fingerprint.replace(/ /g, '');
    expect(statSync(join(dir, 'k', `${compact}.sec.asc`)).mode & 0o077).toBe(0);
    expect(readFileSync(join(dir, 'k', `${compact}.sec.asc`), 'utf8')).toMatch(/BEGIN PGP PRIVATE KEY BLOCK/);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['alex@coach.example.pub.asc', 'alex@coach.example.rev.asc', 'alex@coach.example.sec.asc']);

    const list = memoryIo('', dir);
    expect(await runCli(['keys', 'list', '--keyring', 'k'], list.io)).toBe(0);
    expect(list.stdout()).toContain(`${fingerprint}  yours (private key)\n  Alex Coach <alex@coach.example>\n  created `);
    expect(list.stdout()).toContain('does not expire');

    for (const query of [fingerprint, compact, 'alex@coach.example']) {
      const exported = memoryIo('', dir);
      expect(await runCli(['keys', 'export', query, '--keyring', 'k'], exported.io)).toBe(0);
      expect(exported.stdout()).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
      expect(exported.stdout()).not.toMatch(/PRIVATE/);
    }
  });

  it('asks for the passphrase twice without echo when there is no passphrase file, and refuses a mismatch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-keys-'));
    const answers = ['first', 'second'];
    const m = memoryIo('', dir);
    const questions: string[] = [];
    m.io.promptSecret = async (q) => (questions.push(q), answers.shift()!);
    expect(await runCli(['keys', 'generate', '--name', 'A', '--email', 'a@b.example', '--keyring', 'k'], m.io)).toBe(2);
    expect(m.stderr()).toBe('coach-guard keys: the two passphrases differ; nothing was changed\n');
    expect(questions).toEqual(['Passphrase for A <a@b.example>: ', 'Repeat the passphrase: ']);
    expect(existsSync(join(dir, 'k'))).toBe(false);
  });

  it('never takes a passphrase as a plain argument, and refuses without a terminal or file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-keys-'));
    const m = memoryIo('', dir);
    expect(await runCli(['keys', 'generate', '--name', 'A', '--email', 'a@b.example', '--passphrase', 'secret'], m.io)).toBe(2);
    expect(m.stderr()).toMatch(/Unknown option '--passphrase'/);
    const n = memoryIo('', dir);
    expect(await runCli(['keys', 'generate', '--name', 'A', '--email', 'a@b.example', '--keyring', 'k'], n.io)).toBe(2);
    expect(n.stderr()).toMatch(/no passphrase: give --passphrase-file FILE/);
  });

  it('refuses to import something that is not a key, and warns about an expired one', async () => {
    const { run } = await workspace();
    const bad = await run('keys', 'import', 'session-3.md', '--keyring', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^coach-guard keys: session-3.md: not an OpenPGP key/);
    const expired = await run('keys', 'import', personaFile('expired', 'pub.asc'), '--keyring', 'x');
    expect(expired.code).toBe(0);
    expect(expired.stderr).toMatch(/warning: .* has expired/);
  });
});

describe('coach-guard seal / open / reply', () => {
  it('seals a case, the supervisor opens it to stdout and to a directory, replies, the coach opens the reply', async () => {
    const { dir, run } = await workspace();
    const sealed = await run('seal', 'session-3.md', 'reflection.md', '--to', 'sam@supervision.example', '--question', 'Am I colluding?', '--delete-after', '2027-06-30', '--case-id', 'pip-1', '--passphrase-file', 'coach.passphrase', '--keyring', 'coach-keys', '-o', 'case.gpg');
    expect(sealed).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'case.gpg'))[0]! & 0x80).toBe(0x80);

    const opened = await run('open', 'case.gpg', '--passphrase-file', 'supervisor.passphrase', '--keyring', 'supervisor-keys');
    expect(opened.code).toBe(0);
    expect(opened.stdout).toMatch(/^Case pip-1\nSigned by Alex Coach <alex@coach.example> \((?:[0-9A-F]{4} ){9}[0-9A-F]{4}\) on \d{4}-\d\d-\d\dT/);
    expect(opened.stdout).toContain('## Question for supervision\n\nAm I colluding?\n');
    expect(opened.stdout).toContain('## Session 3: the PIP\n\nThe coachee (C) is on a performance plan.\n');
    expect(opened.stdout).toContain('## reflection\n\nI noticed I wanted to rescue C.\n');

    const toDir = await run('open', 'case.gpg', '--passphrase-file', 'supervisor.passphrase', '--keyring', 'supervisor-keys', '-o', 'opened');
    expect(toDir.code).toBe(0);
    expect(readdirSync(join(dir, 'opened')).sort()).toEqual(['01-Session-3-the-PIP.md', '02-reflection.md', 'case.json']);
    expect(readFileSync(join(dir, 'opened', '02-reflection.md'), 'utf8')).toBe('I noticed I wanted to rescue C.\n');
    const meta = JSON.parse(readFileSync(join(dir, 'opened', 'case.json'), 'utf8'));
    expect(meta).toMatchObject({ caseId: 'pip-1', questions: ['Am I colluding?'], deleteAfter: '2027-06-30', signer: { userId: 'Alex Coach <alex@coach.example>' } });

    writeFileSync(join(dir, 'thoughts.md'), '# Thoughts\n\nNotice the pull to rescue.\n');
    const reply = await run('reply', 'thoughts.md', '--case', 'pip-1', '--to', 'alex@coach.example', '--armor', '--passphrase-file', 'supervisor.passphrase', '--keyring', 'supervisor-keys', '-o', 'reply.asc');
    expect(reply).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(dir, 'reply.asc'), 'utf8')).toMatch(/^-----BEGIN PGP MESSAGE-----/);
    const back = await run('open', 'reply.asc', '--passphrase-file', 'coach.passphrase', '--keyring', 'coach-keys', '--trust', 'supervisor.pub.asc');
    expect(back.code).toBe(0);
    expect(back.stdout).toMatch(/^Reply reply-[0-9a-f]{16} to case pip-1\nSigned by Sam Supervisor <sam@supervision.example>/);
    expect(back.stdout).toContain('## Thoughts\n\nNotice the pull to rescue.\n');
  });

  it('refuses each problem with exit 2 and one line naming the cause, writing nothing', async () => {
    const { dir, run } = await workspace();
    await run('seal', 'session-3.md', '--to', 'supervisor.pub.asc', '--question', 'Q?', '--passphrase-file', 'coach.passphrase', '--keyring', 'coach-keys', '-o', 'case.gpg');
    writeFileSync(join(dir, 'wrong.passphrase'), 'nope\n');
    const bytes = readFileSync(join(dir, 'case.gpg'));
    writeFileSync(join(dir, 'cut.gpg'), bytes.subarray(0, bytes.length >> 1));
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 40]! ^= 1;
    writeFileSync(join(dir, 'flipped.gpg'), flipped);
    const cases: [string[], RegExp][] = [
      [['open', 'session-3.md'], /open: this is not an OpenPGP file, so it is not a sealed case\n/],
      [['open', 'cut.gpg'], /open: the sealed file is cut short \(truncated\)/],
      [['open', 'flipped.gpg'], /open: the sealed case was modified after sealing/],
      [['open', 'case.gpg', '--passphrase-file', 'wrong.passphrase'], /open: wrong passphrase for key/],
      [['open', 'case.gpg', '--trust', personaFile('impostor', 'pub.asc')], /open: signed by key [0-9A-F]{16}, which is not among the keys you trust/],
      [['open', 'case.gpg', '--max-size', '0.0001'], /open: case.gpg is \d+ bytes, over the/],
      [['open', 'missing.gpg'], /open: cannot read missing.gpg: no such file/],
      [['seal', 'session-3.md', '--to', personaFile('expired', 'pub.asc'), '--question', 'Q', '-o', 'x.gpg'], /seal: Old Key <old@coach.example> .* expired on 2020-12-31/],
      [['seal', 'session-3.md', '--to', personaFile('sign-only', 'pub.asc'), '--question', 'Q', '-o', 'x.gpg'], /seal: .* has no valid encryption key/],
      [['seal', 'session-3.md', '--to', 'nobody@example.org', '--question', 'Q', '-o', 'x.gpg'], /seal: no key matching "nobody@example.org"/],
      [['seal', 'session-3.md', '--to', 'supervisor.pub.asc', '-o', 'x.gpg'], /seal: give at least one --question/],
      [['seal', 'session-3.md', '--to', 'supervisor.pub.asc', '--question', 'Q', '--delete-after', 'next week', '-o', 'x.gpg'], /seal: delete-after "next week" is not a date/],
      [['seal', 'session-3.md', '--to', 'supervisor.pub.asc', '--question', 'Q', '-o', 'case.gpg'], /seal: case.gpg already exists; not overwriting it/],
    ];
    for (const [argv, message] of cases) {
      const keyring = argv[0] === 'seal' ? 'coach-keys' : 'supervisor-keys';
      const passphrase = argv[0] === 'seal' ? 'coach.passphrase' : 'supervisor.passphrase';
      const extra = argv.includes('--passphrase-file') ? [] : ['--passphrase-file', passphrase];
      const result = await run(...argv, '--keyring', keyring, ...extra);
      expect({ argv, code: result.code }).toEqual({ argv, code: 2 });
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'x.gpg'))).toBe(false);
  });
});
