import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../core/src/cli/main';
import type { Finding } from '../../core/src/index';
import { memoryIo } from '../helpers/memory-io';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const sample = readFileSync(join(fixtures, 'sample-sponsor-email.txt'), 'utf8');

describe('coach-guard scan', () => {
  it('text format: line:column, category, the words, the reason and a safer wording; exit 1', async () => {
    const m = memoryIo(sample, fixtures);
    expect(await runCli(['scan', 'sample-sponsor-email.txt', '--to', 'sponsor'], m.io)).toBe(1);
    const out = m.stdout();
    expect(out).toMatch(/^5:13 +high +wellbeing +"[^"]*sleeping badly"/m);
    expect(out).toMatch(/^5:\d+ +high +outcome-prediction +"I doubt he'll meet the PIP targets by June"/m);
    expect(out).toMatch(/career-intent +"He mentioned he's already talking to recruiters"/);
    expect(out).toMatch(/^ {4}why: .+\.$/m);
    expect(out).toMatch(/^ {4}instead: I can confirm sessions are going ahead as agreed; Sam is best placed to share how it's going\.$/m);
    expect(out).toMatch(/\d+ findings \(recipient: sponsor\)\.\n$/);
  });

  it('the sample email: the leaks are found and the logistics lines stay quiet', async () => {
    const m = memoryIo(sample);
    expect(await runCli(['scan', '-', '--to', 'sponsor', '--format', 'json'], m.io)).toBe(1);
    const { findings } = JSON.parse(m.stdout()) as { findings: Finding[] };
    const categories = new Set(findings.map((f) => f.category));
    for (const c of ['wellbeing', 'personal-life', 'progress-judgement', 'outcome-prediction', 'career-intent']) expect(categories).toContain(c);
    const logistics = sample.indexOf('Thanks for checking in');
    const logisticsEnd = sample.indexOf('Between us');
    expect(findings.filter((f) => f.start < logisticsEnd && f.end > logistics)).toEqual([]);
    for (const f of findings) expect(sample.slice(f.start, f.end).length).toBeLessThan(120);
  });

  it('json format: {"findings": [...]} with offsets, category, severity, message, suggestion', async () => {
    const m = memoryIo("She told me she's been anxious about the PIP.");
    expect(await runCli(['scan', '--format', 'json', '--to', 'hr'], m.io)).toBe(1);
    const parsed = JSON.parse(m.stdout()) as { findings: Finding[] };
    expect(Object.keys(parsed)).toEqual(['findings']);
    expect(parsed.findings[0]).toMatchObject({ start: 0, category: 'wellbeing', severity: 'high' });
    expect(typeof parsed.findings[0]!.message).toBe('string');
  });

  it('exit 0 and a quiet report when nothing leaks', async () => {
    const m = memoryIo('Sessions are on Tuesday at 10:00.');
    expect(await runCli(['scan', '--to', 'manager'], m.io)).toBe(0);
    expect(m.stdout()).toBe('No confidential content found (recipient: manager).\n');
    const j = memoryIo('Sessions are on Tuesday at 10:00.');
    expect(await runCli(['scan', '--format', 'json'], j.io)).toBe(0);
    expect(JSON.parse(j.stdout())).toEqual({ findings: [] });
  });

  it('exit 2 with one line on stderr for bad input', async () => {
    const m = memoryIo('', fixtures);
    expect(await runCli(['scan', 'no-such-file.txt'], m.io)).toBe(2);
    expect(m.stderr().trim().split('\n')).toHaveLength(1);
    const f = memoryIo('hi');
    expect(await runCli(['scan', '-', '--format', 'yaml'], f.io)).toBe(2);
    expect(f.stderr()).toMatch(/--format must be one of text, json/);
  });

  it('--jsonl: the corpus format as is, one {"id", "findings"} line per input line, in input order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-scan-'));
    const lines = [
      { id: 'quiet', context: { channel: 'email', recipientRole: 'sponsor' }, text: 'The next session is on 3 May at 10:00.', risky: false, spans: [] },
      { id: 'leak', context: { channel: 'email', recipientRole: 'hr' }, text: "Hi Jo, Ana's been signed off with stress. Sam", risky: true, spans: [] },
      { id: 7, text: 'I think he will get there with the PIP.' },
      { id: 'consented', context: { channel: 'email', recipientRole: 'hr', consent: [{ coachee: 'Ana', wording: 'Ana is focusing on delegation.', recipients: ['hr'] }] }, text: 'Ana is focusing on delegation.' },
    ];
    writeFileSync(join(dir, 'in.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const m = memoryIo('', dir);
    expect(await runCli(['scan', '--jsonl', 'in.jsonl'], m.io)).toBe(1);
    const out = m.stdout().trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; findings: Finding[] });
    expect(out.map((o) => o.id)).toEqual(['quiet', 'leak', 7, 'consented']);
    expect(out.map((o) => o.findings.length > 0)).toEqual([false, true, true, false]);
    expect(out[1]!.findings[0]!.category).toBe('wellbeing');
  });

  it('--jsonl: a malformed consent record is refused, naming the line and field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-scan-'));
    writeFileSync(join(dir, 'in.jsonl'), JSON.stringify({ id: 'a', text: 'x', context: { channel: 'email', recipientRole: 'hr', consent: [{ coachee: 'Ana', wording: 'x', until: 'next week' }] } }) + '\n');
    const m = memoryIo('', dir);
    expect(await runCli(['scan', '--jsonl', 'in.jsonl'], m.io)).toBe(2);
    expect(m.stderr()).toMatch(/in.jsonl:1: context.consent\[0\].until must be a date like 2026-03-31/);
    expect(m.stdout()).toBe('');
  });

  it('--roster: a named coachee mentioned to another coachee is flagged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-scan-'));
    writeFileSync(join(dir, 'roster.json'), JSON.stringify({ people: [{ name: 'Priya Shah', role: 'coachee' }, { name: 'Tom Reed', role: 'coachee' }] }));
    const m = memoryIo('Hi Tom, by the way Priya had the same problem with the rota. Alex', dir);
    expect(await runCli(['scan', '-', '--to', 'coachee', '--roster', 'roster.json', '--format', 'json'], m.io)).toBe(1);
    expect((JSON.parse(m.stdout()) as { findings: Finding[] }).findings.map((f) => f.category)).toEqual(['third-party']);
  });
});
