import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quality, readCorpus } from '../../bench/eval-disclosure';

/**
 * Quality floors on labelled corpora, so a change that trades recall for quiet (or the reverse)
 * fails here rather than in the next eval run. The figures themselves are printed by `npm run eval`.
 */
const score = (path: string) => quality(readCorpus(path));

/** Floors sit a little under each set's current figures; the default is the target on the dev set. */
interface Floor {
  recall: number;
  falseAlarms: number;
  spanRecall: number;
}
const TARGET: Floor = { recall: 0.95, falseAlarms: 0.05, spanRecall: 0.9 };
const fixture = (name: string) => new URL(`../fixtures/disclosure/${name}`, import.meta.url).pathname;
const corpora: [string, Floor][] = [
  ...['extra.jsonl', 'blind.jsonl', ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 17, 18, 19, 20, 22, 23, 25, 26].map((n) => `blind${n}.jsonl`)].map((name): [string, Floor] => [fixture(name), TARGET]),
  // Only partly fixed after its first run (a verdict as a fragment, "Conall, without a doubt", and
  // an aside after a name at the start of a sentence still slip through); floors under its figures.
  [fixture('blind14.jsonl'), { recall: 0.9, falseAlarms: 0.1, spanRecall: 0.8 }],
  // Partly fixed too: verdicts with no subject of their own ("the other three are still treating it
  // as an hour off") and situations told by implication ("the train ticket is not possible for her").
  [fixture('blind16.jsonl'), { recall: 0.95, falseAlarms: 0.07, spanRecall: 0.85 }],
  // Partly fixed: a reported question answered by a description of the process ("Simple: he sets
  // the agenda…") still reads as content, and praise in metaphors ("a future creative director on
  // your hands") slips through.
  [fixture('blind21.jsonl'), { recall: 0.95, falseAlarms: 0.06, spanRecall: 0.85 }],
  // A lower-case chat name before a possessive ("extend tobias's contract") is not read as a client.
  [fixture('blind24.jsonl'), { recall: 0.95, falseAlarms: 0.05, spanRecall: 0.85 }],
  [new URL('../../../shared/corpus/disclosure-dev.jsonl', import.meta.url).pathname, TARGET],
];

describe('analyse on labelled corpora', () => {
  for (const [path, floor] of corpora) {
    it.skipIf(!existsSync(path))(
      `${path.split('/').slice(-2).join('/')}: recall ≥ ${floor.recall}, false alarms ≤ ${floor.falseAlarms}, span recall ≥ ${floor.spanRecall}`,
      () => {
        const s = score(path);
        expect(s.recall).toBeGreaterThanOrEqual(floor.recall);
        expect(s.falseAlarms).toBeLessThanOrEqual(floor.falseAlarms);
        expect(s.spanRecall).toBeGreaterThanOrEqual(floor.spanRecall);
      },
    );
  }
});
