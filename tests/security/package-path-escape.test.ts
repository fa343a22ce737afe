/**
 * Threat: a sealed package whose note titles are paths ("../../.bashrc", "/etc/cron.d/x") makes
 * `coach-guard open -o DIR` write outside DIR. Every file must land inside DIR, and nothing
 * outside it may appear or change.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeNoteFileName } from '../../core/src/cli/open';
import { runCli } from '../../core/src/cli/main';
import { sealCase } from '../../core/src/index';
import { loadPersona, personaFile } from '../fixtures/keys/personas';
import { memoryIo } from '../helpers/memory-io';

const HOSTILE_TITLES = [
  '../../escaped',
  '../outside.md',
  '/tmp/absolute-escape',
  '..',
  '.',
  '....//....//x',
  'C:\\Windows\\System32\\evil',
  '..\\..\\windows-escape',
  '.bashrc',
  'con',
  '\u202eexe.md', // right-to-left override
  'a/../../b',
];

describe('threat: file names inside a package escape the output directory', () => {
  it('writes every note of a hostile case inside -o DIR and nothing anywhere else', async () => {
    const [coach, supervisor] = await Promise.all([loadPersona('coach'), loadPersona('supervisor')]);
    const root = mkdtempSync(join(tmpdir(), 'cg-escape-'));
    const work = join(root, 'a', 'b', 'work');
    const { bytes } = await sealCase(
      { notes: HOSTILE_TITLES.map((title, i) => ({ title, markdown: `note ${i}\n` })), questions: ['?'] },
      { supervisorKey: supervisor.publicKey, coachKey: coach.privateKey },
    );
    const m = memoryIo('', root);
    writeFileSync(join(root, 'case.gpg'), bytes);
    const before = listTree(root);
    const code = await runCli(['open', 'case.gpg', '--key', personaFile('supervisor', 'asc'), '--trust', personaFile('coach', 'pub.asc'), '--passphrase-file', personaFile('supervisor', 'passphrase'), '-o', work], m.io);
    expect(m.stderr()).toBe('');
    expect(code).toBe(0);

    const after = listTree(root);
    const added = after.filter((p) => !before.includes(p));
    // Only the directory chain and files directly inside DIR are new.
    for (const path of added) expect(path === 'a' || path === 'a/b' || path === 'a/b/work' || path.startsWith('a/b/work/')).toBe(true);
    const written = readdirSync(work);
    expect(written).toHaveLength(HOSTILE_TITLES.length + 1);
    for (const name of written) expect(resolve(work, name)).toBe(join(work, name));
    // Each note's content is intact under its numbered, sanitised name.
    HOSTILE_TITLES.forEach((title, i) => expect(readFileSync(join(work, safeNoteFileName(i, title)), 'utf8')).toBe(`note ${i}\n`));
  });

  it('reduces any title to one plain file name', () => {
    for (const [i, title] of HOSTILE_TITLES.entries()) {
      const name = safeNoteFileName(i, title);
      expect(name).toMatch(/^\d\d-[\p{L}\p{N}][\p{L}\p{N}._-]*\.md$|^\d\d-note\.md$/u);
      expect(name).not.toMatch(/\.\.|[/\\:]|\u202e/);
    }
  });
});

function listTree(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? [path, ...listTree(dir, path)] : [path];
  });
}
