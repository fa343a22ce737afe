import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../core/src/cli/main';
import { memoryIo } from '../helpers/memory-io';

describe('coach-guard CLI', () => {
  it('refuses an unknown command with exit 2 and one line', async () => {
    const m = memoryIo();
    expect(await runCli(['frobnicate'], m.io)).toBe(2);
    expect(m.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('scan: an unreadable file is exit 2 with a one-line error', async () => {
    const m = memoryIo();
    expect(await runCli(['scan', 'does-not-exist.txt'], m.io)).toBe(2);
    expect(m.stderr()).toMatch(/^coach-guard scan: cannot read does-not-exist.txt: no such file\n$/);
  });

  it('scan: a roster that is not JSON is exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-'));
    writeFileSync(join(dir, 'roster.json'), '{ not json');
    const m = memoryIo('hello', dir);
    expect(await runCli(['scan', '-', '--roster', 'roster.json'], m.io)).toBe(2);
    expect(m.stderr()).toMatch(/roster.json is not valid JSON/);
  });

  it('scan: bad --to and --format values name the allowed ones', async () => {
    const m = memoryIo('hi');
    expect(await runCli(['scan', '-', '--to', 'boss'], m.io)).toBe(2);
    expect(m.stderr()).toMatch(/--to must be one of sponsor, hr, manager, coachee, other-client, unknown/);
  });

  it('scan --jsonl: a bad line is exit 2 naming the line, before any output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-'));
    writeFileSync(join(dir, 'in.jsonl'), '{"id":"a","text":"ok"}\n{"id":"b",\n');
    const m = memoryIo('', dir);
    expect(await runCli(['scan', '--jsonl', 'in.jsonl'], m.io)).toBe(2);
    expect(m.stderr()).toMatch(/in.jsonl:2: not valid JSON/);
    expect(m.stdout()).toBe('');
  });
});
