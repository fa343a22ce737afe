/**
 * npm run bench -- detect
 * Disclosure detection speed: full analysis and re-analysis after a one-character edit (the
 * incremental analyser an editor calls on each keystroke), for 200-, 2,000- and 6,000-word inputs
 * and a 35 kB email; the same texts linted by harper.js for scale; adversarial shapes that would
 * expose super-linear behaviour; and compromise's tagger on the same text, the reason it is not used.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { analyse, createIncrementalAnalyser, type AnalyseContext } from '../core/src/index';
import { heading, ms, percentile, timeRuns, timeRunsAsync } from './stats';

const context: AnalyseContext = { channel: 'email', recipientRole: 'sponsor' };

/** Sentences of the kind coaches write to sponsors: mostly arrangements, some leaks. */
const POOL = [
  'Thanks for checking in about the coaching programme.',
  'We have now had four of the six sessions, and the next one is on Tuesday at 10:00 in the usual room.',
  "I'll send the invoice for March at the end of the week.",
  'Could we move the session on the 14th to the afternoon?',
  'The room on the third floor is booked for all the remaining dates.',
  "She's been really struggling since the divorce and told me she has been sleeping badly.",
  "Honestly I doubt he'll meet the PIP targets by June.",
  'He mentioned he is already talking to recruiters.',
  'As agreed at contracting, what we discuss in sessions stays confidential.',
  "I can't comment on progress, but Sam is welcome to share his own reflections.",
  'Attendance has been perfect so far, with no cancellations.',
  'Priya is doing really well and is much more confident in meetings.',
  'Please let me know if the new purchase order number has been raised.',
  'I hope the restructure announcement goes smoothly for the team.',
  'We spent most of the last session on how she handles her manager in one-to-ones.',
  'I have attached the updated schedule for the second block of sessions.',
];

function makeText(words: number, seed = 7): string {
  // mulberry32: a tiny deterministic generator, so every run benches the same text.
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const paragraphs: string[] = ['Hi Rachel,'];
  let count = 2;
  let paragraph: string[] = [];
  while (count < words) {
    const sentence = POOL[next() % POOL.length]!;
    paragraph.push(sentence);
    count += sentence.split(/\s+/).length;
    if (paragraph.length >= 4) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) paragraphs.push(paragraph.join(' '));
  paragraphs.push('Best wishes,\nAlex');
  return paragraphs.join('\n\n');
}

function emailOfBytes(bytes: number): string {
  const sample = readFileSync(new URL('../tests/fixtures/sample-sponsor-email.txt', import.meta.url), 'utf8');
  let text = sample;
  let i = 0;
  while (new TextEncoder().encode(text).length < bytes) text += `\n\n${makeText(120, ++i)}`;
  return text;
}

/**
 * Wall-clock and CPU milliseconds per run. On a shared machine the wall clock includes time spent
 * waiting for a core; CPU time is what the analysis itself costs.
 */
function timeBoth(fn: () => unknown, runs: number, warmup: number): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < warmup; i++) fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

/** Times a keystroke: each run types one more character into the middle of the text. */
function keystrokeTimes(text: string, runs: number): { wall: number[]; cpu: number[] } {
  const incremental = createIncrementalAnalyser();
  const at = text.indexOf(' ', Math.floor(text.length / 2));
  let current = text;
  incremental.analyse(current, context);
  const typed = 'and she said something new about it ';
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = typed[i % typed.length]!;
    current = current.slice(0, at + i) + c + current.slice(at + i);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    incremental.analyse(current, context);
    wall.push(performance.now() - t0);
    const d = process.cpuUsage(c0);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

async function harperLinter() {
  try {
    const { LocalLinter } = await import('harper.js');
    const { binaryInlined } = await import('harper.js/binaryInlined');
    const linter = new LocalLinter({ binary: binaryInlined });
    await linter.setup();
    return linter;
  } catch (error) {
    console.log(`harper.js unavailable (${(error as Error).message.split('\n')[0]}); ratios skipped`);
    return undefined;
  }
}

export async function run(): Promise<void> {
  heading('detect: analyse() speed (target ≤ 5 ms full, ≤ 1 ms per keystroke)');
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (wall times include waiting for a core; cpu is the analysis itself)`);
  const inputs: [string, string][] = [
    ['200 words', makeText(200)],
    ['2,000 words', makeText(2000)],
    ['6,000 words', makeText(6000)],
    ['35 kB email', emailOfBytes(35_000)],
  ];
  const harper = await harperLinter();
  console.log('input          chars  findings | full: median   p95   cpu median | keystroke: median   p95   cpu median | harper median  ours/harper');
  for (const [name, text] of inputs) {
    const findings = analyse(text, context).length;
    const full = timeBoth(() => analyse(text, context), 40, 5);
    const keys = keystrokeTimes(text, 80);
    let harperMedian = NaN;
    if (harper) {
      const times = await timeRunsAsync(() => harper.lint(text), name.startsWith('200') ? 10 : 3, 1);
      harperMedian = percentile(times, 50);
    }
    const ratio = Number.isNaN(harperMedian) ? 'n/a' : `${(percentile(full.wall, 50) / harperMedian).toFixed(4)}`;
    const m = (xs: number[], p: number) => ms(percentile(xs, p)).padStart(9);
    console.log(
      `${name.padEnd(12)} ${String(text.length).padStart(6)} ${String(findings).padStart(9)} | ${m(full.wall, 50)} ${m(full.wall, 95)} ${m(full.cpu, 50)} | ${m(keys.wall, 50)} ${m(keys.wall, 95)} ${m(keys.cpu, 50)} | ${(Number.isNaN(harperMedian) ? 'n/a' : ms(harperMedian)).padStart(12)}  ${ratio.padStart(10)}`,
    );
  }

  heading('detect: adversarial shapes (each must take well under a second)');
  const adversarial: [string, string][] = [
    ['1 MB of one letter', 'a'.repeat(1_000_000)],
    ['1 MB of spaces', ' '.repeat(1_000_000)],
    ['1 MB of full stops', '.'.repeat(1_000_000)],
    ['1 MB of apostrophes', "'".repeat(1_000_000)],
    ['1 MB of quote marks', '"'.repeat(1_000_000)],
    ['1 MB "a " repeated', 'a '.repeat(500_000)],
    ['1 MB "she " repeated', 'she '.repeat(250_000)],
    ['1 MB of one word per line', 'anxious\n'.repeat(125_000)],
    ['1 MB "Sam\'s " repeated', "Sam's ".repeat(166_667)],
    ['1 MB emoji', '😟'.repeat(500_000)],
  ];
  console.log('shape                              wall        cpu   findings');
  for (const [name, text] of adversarial) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const n = analyse(text, context).length;
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    console.log(`${name.padEnd(28)} ${ms(wall).padStart(10)} ${ms((c.user + c.system) / 1000).padStart(10)}   ${n}`);
  }

  heading('detect: why not compromise for sentences and tags');
  const { default: nlp } = await import('compromise');
  const text = makeText(2000);
  const ours = timeRuns(() => analyse(text, context), 10, 2);
  const theirs = timeRuns(() => nlp(text).sentences().json(), 3, 1);
  console.log(`2,000 words: compromise parse + sentences ${ms(percentile(theirs, 50))} vs our whole analysis ${ms(percentile(ours, 50))}`);
}

export { makeText };
