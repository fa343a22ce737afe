import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../bench/eval-disclosure';
import { analyse } from '../../core/src/index';

/**
 * Quality floors on labelled corpora, so a change that trades recall for quiet (or the reverse)
 * fails here rather than in the next eval run. The figures themselves are printed by `npm run eval`.
 */
function score(path: string) {
  const items = readCorpus(path);
  let caught = 0;
  let alarms = 0;
  let spans = 0;
  let spansHit = 0;
  for (const item of items) {
    const findings = analyse(item.text, item.context);
    if (!item.risky) {
      if (findings.length > 0) alarms++;
      continue;
    }
    if (findings.length > 0) caught++;
    for (const span of item.spans) {
      const start = item.text.indexOf(span.text);
      if (start < 0) continue;
      spans++;
      if (findings.some((f) => f.start < start + span.text.length && start < f.end)) spansHit++;
    }
  }
  const risky = items.filter((i) => i.risky).length;
  return { recall: caught / risky, falseAlarms: alarms / (items.length - risky), spanRecall: spansHit / spans };
}

const corpora = [
  new URL('../fixtures/disclosure/extra.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind2.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind3.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind4.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind5.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind6.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind7.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind8.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind9.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind10.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind11.jsonl', import.meta.url).pathname,
  new URL('../fixtures/disclosure/blind12.jsonl', import.meta.url).pathname,
  new URL('../../../shared/corpus/disclosure-dev.jsonl', import.meta.url).pathname,
];

describe('analyse on labelled corpora', () => {
  for (const path of corpora) {
    it.skipIf(!existsSync(path))(`${path.split('/').slice(-2).join('/')}: recall ≥ 0.95, false alarms ≤ 0.05, span recall ≥ 0.90`, () => {
      const s = score(path);
      expect(s.recall).toBeGreaterThanOrEqual(0.95);
      expect(s.falseAlarms).toBeLessThanOrEqual(0.05);
      expect(s.spanRecall).toBeGreaterThanOrEqual(0.9);
    });
  }
});
