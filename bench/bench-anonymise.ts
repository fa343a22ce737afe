/**
 * anonymise speed: a 100 kB set of real-looking case notes (target: ≤ 50 ms for the set), and the
 * time ratio between 1 MB and 100 kB of adversarial text (near 10 means no super-linear pattern).
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { anonymise } from '../core/src/anonymise/anonymise-note';
import { parseRoster, type Roster } from '../core/src/roster';
import { heading, ms, percentile, timeRuns } from './stats';

interface Note {
  text: string;
  roster: Roster;
}

const SOURCES = [
  fileURLToPath(new URL('../tests/fixtures/anonymise/extra.jsonl', import.meta.url)),
  fileURLToPath(new URL('../../shared/corpus/anonymise-dev.jsonl', import.meta.url)),
];

function loadNotes(): Note[] {
  const notes: Note[] = [];
  for (const file of SOURCES) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const r = JSON.parse(line) as { text: string; roster?: unknown };
      notes.push({ text: r.text, roster: parseRoster(r.roster ?? {}) });
    }
  }
  return notes;
}

/** Repeats the notes until the set holds `bytes` of text (each copy is still a separate note). */
function noteSet(notes: Note[], bytes: number): Note[] {
  const set: Note[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const note = notes[i % notes.length]!;
    set.push(note);
    size += new TextEncoder().encode(note.text).length;
  }
  return set;
}

/** Text built to stress every recogniser: capital runs, digit runs, dots, @, month names, titles. */
function adversarial(length: number): string {
  const pieces = [
    'Aa Bb Cc Dd Ee Ff Gg Hh ',
    '1-2-3-4-5-6-7-8-9-0-1-2 ',
    'a.b.c.d.e.f.g.h.i.j.k.com ',
    '@@@ x@y @z. ',
    'March 12 12 12 May May 3/3/3/3/3 ',
    'Head of Head of Director of the Only ',
    '(((0))) +44 +44 +44 0 0 0 ',
    'Mr Mr Dr Ms. Prof. A. B. C. ',
    'WA-WA-WA-0000-0000 #### ',
    'https://x.y/' + 'z'.repeat(40) + ' ',
    "O'O'O'-A-B-C's ’s ",
    'Xyzzy, she said. Xyzzy was. ',
    '.'.repeat(200) + ' ',
    'a'.repeat(300) + ' head of ',
    'Head of ' + 'Aa'.repeat(100) + ' ',
  ];
  let out = '';
  for (let i = 0; out.length < length; i++) out += pieces[i % pieces.length];
  return out.slice(0, length);
}

export async function run(): Promise<void> {
  heading('anonymise');
  const notes = loadNotes();
  if (notes.length === 0) {
    console.log('anonymise: no notes found (tests/fixtures/anonymise/extra.jsonl), skipped');
    return;
  }
  const set = noteSet(notes, 100_000);
  const kb = set.reduce((n, note) => n + note.text.length, 0) / 1000;
  const cpu: number[] = [];
  const times = timeRuns(() => {
    const before = process.cpuUsage();
    for (const note of set) anonymise(note.text, { roster: note.roster });
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }, 20);
  cpu.sort((a, b) => a - b);
  console.log(
    `anonymise ${set.length} notes (${kb.toFixed(0)} kB, roster each): median ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (target <= 50 ms)`,
  );
  // On a shared machine wall time mostly measures the queue for a core; CPU time is the work done.
  console.log(`  same runs in CPU time: median ${ms(percentile(cpu, 50))}, best ${ms(cpu[0]!)} (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`);

  const small = adversarial(100_000);
  const large = adversarial(1_000_000);
  const tSmall = percentile(timeRuns(() => anonymise(small), 5, 1), 50);
  const tLarge = percentile(timeRuns(() => anonymise(large), 3, 1), 50);
  console.log(`adversarial text: 100 kB ${ms(tSmall)}, 1 MB ${ms(tLarge)}, ratio ${(tLarge / tSmall).toFixed(1)} (linear is about 10)`);
}
