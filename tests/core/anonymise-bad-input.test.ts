import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../core/src/cli/main';
import { anonymise, findIdentifiers, parseRoster } from '../../core/src/index';
import { memoryIo } from '../helpers/memory-io';

const roster = parseRoster({ people: [{ name: 'Priya Shah', role: 'coachee' }], organisations: ['Acme Ltd'] });

describe('anonymise: odd input never throws and offsets stay inside the text', () => {
  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['lone surrogates and NULs', '\uD800 Priya \u0000 \uDFFF Shah'],
    ['emoji and RTL', '🙂 Priya שלום Shah مرحبا'],
    ['only punctuation', "''''....----@@@@////"],
    ['a huge single word', 'A'.repeat(20_000)],
  ])('%s', (_label, text) => {
    const result = anonymise(text, { roster });
    expect(typeof result.text).toBe('string');
    for (const r of result.replacements) expect(text.slice(r.start, r.end)).toBe(r.original);
  });

  it('any string: replacements are ordered, inside the text and non-overlapping; suspects inside the output', () => {
    const words = fc.constantFrom('Priya', 'Shah', "Priya's", 'Ms', 'Dr', 'Tyler', 'Osgood', 'at', 'Acme', 'Ltd', '3', 'March', '07700', '900461', 'x@y.com', '.', ',', '\n', 'the', 'Head', 'of', 'Treasury', '—', '/', '#1234', 'WA-0419');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(words, { maxLength: 60 }).map((w) => w.join(' '))), (text) => {
        const result = anonymise(text, { roster });
        let last = 0;
        for (const r of result.replacements) {
          expect(r.start).toBeGreaterThanOrEqual(last);
          expect(r.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(r.start, r.end)).toBe(r.original);
          last = r.end;
        }
        for (const s of result.suspects) expect(result.text.slice(s.start, s.end)).toBe(s.text);
        for (const i of findIdentifiers(text, { roster }).identifiers) expect(text.slice(i.start, i.end)).toBe(i.text);
      }),
      { numRuns: 300 },
    );
  });

  it('bad options fail loudly with a message saying what to do', () => {
    expect(() => anonymise('x', { rooster: {} } as never)).toThrow(/unknown option "rooster"/);
    expect(() => anonymise(42 as never)).toThrow(/text must be a string/);
    expect(() => anonymise('x', { mapping: { version: 1 } } as never)).toThrow(/entries/);
  });
});

describe('coach-guard anonymise', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'cg-anon-'));

  it('text: the anonymised note on stdout, suspects on stderr', async () => {
    const d = dir();
    writeFileSync(join(d, 'roster.json'), JSON.stringify({ people: [{ name: 'Priya Shah', role: 'coachee' }] }));
    const m = memoryIo('Priya is Head of Treasury; call 07700 900461.', d);
    expect(await runCli(['anonymise', '-', '--roster', 'roster.json'], m.io)).toBe(0);
    expect(m.stdout()).toBe('The coachee is Head of Treasury; call [phone].\n');
    expect(m.stderr()).toMatch(/"Head of Treasury": a specific job title/);
  });

  it('json: text, replacements and suspects exactly as documented', async () => {
    const m = memoryIo('Priya met Tyler Osgood on 3 March.');
    expect(await runCli(['anonymise', '--format', 'json'], m.io)).toBe(0);
    const out = JSON.parse(m.stdout());
    expect(Object.keys(out)).toEqual(['text', 'replacements', 'suspects']);
    expect(Object.keys(out.replacements[0])).toEqual(['start', 'end', 'original', 'replacement', 'type']);
    expect(out.replacements.map((r: { original: string }) => r.original)).toEqual(['Priya', 'Tyler Osgood', '3 March']);
  });

  it('--mapping: created, read back and updated, so the next note keeps its pseudonyms', async () => {
    const d = dir();
    const first = memoryIo('Tyler Osgood shouted.', d);
    expect(await runCli(['anonymise', '--mapping', 'case.json'], first.io)).toBe(0);
    expect(existsSync(join(d, 'case.json'))).toBe(true);
    const second = memoryIo('Declan Farrelly and Tyler left.', d);
    expect(await runCli(['anonymise', '--mapping', 'case.json'], second.io)).toBe(0);
    expect(second.stdout()).toBe('Colleague 2 and Colleague 1 left.\n');
    const saved = JSON.parse(readFileSync(join(d, 'case.json'), 'utf8'));
    expect(saved.entries.map((e: { pseudonym: string }) => e.pseudonym)).toEqual(['Colleague 1', 'Colleague 2']);
  });

  it('--jsonl: the corpus format as is, one output line per input line, in order', async () => {
    const d = dir();
    const lines = [
      { id: 'a', roster: { people: [{ name: 'Megan Thursfield', role: 'coachee' }], organisations: [] }, text: 'Megan cried.', keep: [] },
      { id: 'b', text: 'Call 07700 900461.' },
    ];
    writeFileSync(join(d, 'in.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const m = memoryIo('', d);
    expect(await runCli(['anonymise', '--jsonl', 'in.jsonl'], m.io)).toBe(0);
    const out = m.stdout().trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.text])).toEqual([
      ['a', 'The coachee cried.'],
      ['b', 'Call [phone].'],
    ]);
    expect(Object.keys(out[0])).toEqual(['id', 'text', 'replacements', 'suspects']);
  });

  it.each([
    ['an unreadable file', ['anonymise', 'nope.txt'], /cannot read nope.txt: no such file/],
    ['a bad --format', ['anonymise', '-', '--format', 'xml'], /--format must be one of text, json/],
    ['an unknown flag', ['anonymise', '--rooster', 'r.json'], /anonymise: Unknown option '--rooster'/],
    ['a roster of the wrong shape', ['anonymise', '-', '--roster', 'bad-roster.json'], /people\[0\].role must be one of/],
    ['a mapping that is not a mapping', ['anonymise', '-', '--mapping', 'bad-map.json'], /bad-map.json: mapping "version" must be 1/],
    ['a bad jsonl line', ['anonymise', '--jsonl', 'bad.jsonl'], /bad.jsonl:2: "text" must be a string/],
    ['two files', ['anonymise', 'a.txt', 'b.txt'], /expected at most one FILE/],
  ])('exit 2 with one line for %s, and no output', async (_label, argv, message) => {
    const d = dir();
    writeFileSync(join(d, 'bad-roster.json'), JSON.stringify({ people: [{ name: 'X', role: 'chieftain' }] }));
    writeFileSync(join(d, 'bad-map.json'), JSON.stringify({ version: 7, entries: [] }));
    writeFileSync(join(d, 'bad.jsonl'), '{"id":1,"text":"ok"}\n{"id":2,"text":5}\n');
    const m = memoryIo('Priya', d);
    expect(await runCli(argv, m.io)).toBe(2);
    expect(m.stderr()).toMatch(message);
    expect(m.stderr().trim().split('\n')).toHaveLength(1);
    expect(m.stdout()).toBe('');
  });

  it('a mapping file that fails to parse is left untouched', async () => {
    const d = dir();
    writeFileSync(join(d, 'map.json'), '{ broken');
    const m = memoryIo('Tyler Osgood.', d);
    expect(await runCli(['anonymise', '--mapping', 'map.json'], m.io)).toBe(2);
    expect(readFileSync(join(d, 'map.json'), 'utf8')).toBe('{ broken');
  });
});
