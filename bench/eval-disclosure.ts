/**
 * Quality figures for disclosure detection on a labelled corpus (JSON Lines: id, context, text,
 * risky, spans[{text, category}]). Prints message-level recall on risky items, the false-alarm rate
 * on safe items, span recall (some finding overlaps each labelled span) and per-category figures.
 * `--verbose` also lists every miss and false alarm with a snippet, which is what you read to improve.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyse } from '../core/src/detect/analyse-text';
import { CATEGORIES, type Category, type Finding } from '../core/src/detect/types';
import { clauseFeatures, trainClauseScorer, useClauseScorer } from '../core/src/detect/score-clause';
import { segmentSentences, splitClauses, tokenise } from '../core/src/detect/segment-text';
import { parseAnalyseContext } from '../core/src/cli/parse-context';

interface LabelledSpan {
  text: string;
  category: Category;
}

export interface Item {
  id: string;
  text: string;
  risky: boolean;
  spans: LabelledSpan[];
  context: ReturnType<typeof parseAnalyseContext>;
}

export function readCorpus(path: string): Item[] {
  const items: Item[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const where = `${basename(path)}:${i + 1}`;
      const raw = JSON.parse(line) as Record<string, unknown>;
      if (typeof raw.text !== 'string') throw new Error(`${where}: "text" must be a string`);
      const spans = Array.isArray(raw.spans) ? (raw.spans as LabelledSpan[]) : [];
      for (const span of spans) {
        if (!(CATEGORIES as readonly string[]).includes(span.category)) throw new Error(`${where}: unknown category "${span.category}"`);
      }
      items.push({
        id: String(raw.id ?? where),
        text: raw.text,
        risky: raw.risky === true,
        spans,
        context: parseAnalyseContext(raw.context, `${where}: context`),
      });
    });
  return items;
}

const overlaps = (f: Finding, start: number, end: number) => f.start < end && start < f.end;
const ratio = (n: number, d: number) => (d === 0 ? '  n/a' : (n / d).toFixed(3));
const snippet = (s: string, max = 110) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function evalDisclosure(path: string, verbose = process.argv.includes('--verbose')): void {
  const items = readCorpus(path);
  const risky = items.filter((i) => i.risky);
  const safe = items.filter((i) => !i.risky);
  let caught = 0;
  let falseAlarms = 0;
  let spansTotal = 0;
  let spansHit = 0;
  let unlocated = 0;
  let extraFindings = 0;
  const perCategory = new Map<Category, { total: number; hit: number; sameCategory: number }>(
    CATEGORIES.map((c) => [c, { total: 0, hit: 0, sameCategory: 0 }]),
  );
  const missedMessages: string[] = [];
  const missedSpans: string[] = [];
  const alarms: string[] = [];
  const wrongCategory: string[] = [];
  const t0 = performance.now();

  for (const item of items) {
    const findings = analyse(item.text, item.context);
    if (!item.risky) {
      if (findings.length > 0) {
        falseAlarms++;
        for (const f of findings) alarms.push(`${item.id}  [${f.category}] "${snippet(item.text.slice(f.start, f.end))}"`);
      }
      continue;
    }
    if (findings.length > 0) caught++;
    else missedMessages.push(`${item.id}  ${snippet(item.text)}`);
    const covered = new Set<Finding>();
    for (const span of item.spans) {
      const start = item.text.indexOf(span.text);
      if (start < 0) {
        unlocated++;
        continue;
      }
      const end = start + span.text.length;
      const stats = perCategory.get(span.category)!;
      spansTotal++;
      stats.total++;
      const hits = findings.filter((f) => overlaps(f, start, end));
      hits.forEach((f) => covered.add(f));
      if (hits.length === 0) {
        missedSpans.push(`${item.id}  [${span.category}] "${snippet(span.text)}"`);
        continue;
      }
      spansHit++;
      stats.hit++;
      if (hits.some((f) => f.category === span.category)) stats.sameCategory++;
      else wrongCategory.push(`${item.id}  [${span.category} → ${hits.map((f) => f.category).join(', ')}] "${snippet(span.text)}"`);
    }
    extraFindings += findings.filter((f) => !covered.has(f)).length;
  }
  const elapsed = performance.now() - t0;

  console.log(`\n== disclosure: ${basename(path)} (${items.length} messages: ${risky.length} risky, ${safe.length} safe) ==`);
  console.log(`message recall (risky flagged)     ${ratio(caught, risky.length)}  (${caught}/${risky.length})`);
  console.log(`false-alarm rate (safe flagged)    ${ratio(falseAlarms, safe.length)}  (${falseAlarms}/${safe.length})`);
  console.log(`span recall (finding overlaps)     ${ratio(spansHit, spansTotal)}  (${spansHit}/${spansTotal})`);
  console.log(`findings outside labelled spans    ${extraFindings} (on risky messages)`);
  if (unlocated > 0) console.log(`labelled spans not found in text   ${unlocated} (skipped)`);
  console.log('');
  console.log('category              spans  span recall  same category');
  for (const [category, s] of perCategory) {
    if (s.total === 0) continue;
    console.log(`${category.padEnd(20)}  ${String(s.total).padStart(5)}  ${ratio(s.hit, s.total).padStart(11)}  ${ratio(s.sameCategory, s.hit).padStart(13)}`);
  }
  console.log(`(${elapsed.toFixed(0)} ms for the whole corpus)`);

  if (verbose) {
    const list = (title: string, rows: string[]) => {
      console.log(`\n${title} (${rows.length})`);
      for (const row of rows) console.log(`  ${row}`);
    };
    list('missed risky messages', missedMessages);
    list('missed spans', missedSpans);
    list('false alarms on safe messages', alarms);
    list('span found under another category', wrongCategory);
  } else {
    console.log('(run with --verbose to list misses and false alarms)');
  }
}

/** Every clause of every message, risky when it overlaps a labelled span: the scorer's training data. */
export function clauseExamples(items: Item[]): { features: string[]; risky: boolean }[] {
  const out: { features: string[]; risky: boolean }[] = [];
  for (const item of items) {
    const spans = item.spans.map((s) => ({ start: item.text.indexOf(s.text), end: item.text.indexOf(s.text) + s.text.length })).filter((s) => s.start >= 0);
    for (const sentence of segmentSentences(item.text)) {
      for (const clause of splitClauses(tokenise(item.text, sentence.start, sentence.end))) {
        const words = clause.filter((t) => !t.punct);
        if (words.length === 0) continue;
        const start = words[0]!.start;
        const end = words.at(-1)!.end;
        const risky = spans.some((s) => Math.min(s.end, end) - Math.max(s.start, start) >= Math.min(8, (end - start) / 2));
        out.push({ features: clauseFeatures(clause), risky });
      }
    }
  }
  return out;
}

/** Message recall, false-alarm rate and span recall of `analyse` on labelled items. */
export function quality(items: Item[]): { recall: number; falseAlarms: number; spanRecall: number } {
  let caught = 0;
  let alarms = 0;
  let spans = 0;
  let hit = 0;
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
      if (findings.some((f) => overlaps(f, start, start + span.text.length))) hit++;
    }
  }
  const risky = items.filter((i) => i.risky).length;
  return { recall: caught / risky, falseAlarms: alarms / (items.length - risky), spanRecall: hit / spans };
}

/**
 * `node scripts/run-ts.mjs bench/eval-disclosure.ts --train [--threshold T] [SETS…]`: for each set,
 * trains on the others and prints rules-alone and rules-plus-model figures on it (the model never
 * saw it), then trains on all of them and writes core/src/detect/clause-scorer-weights.ts.
 */
function trainMain(args: string[]): void {
  const thresholdAt = args.indexOf('--threshold');
  const threshold = thresholdAt >= 0 ? Number(args[thresholdAt + 1]) : 0.5;
  const here = new URL('.', import.meta.url).pathname;
  const given = args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--threshold');
  const fixtures = `${here}../tests/fixtures/disclosure/`;
  const paths = given.length > 0 ? given : [`${here}../../shared/corpus/disclosure-dev.jsonl`, ...readdirSync(fixtures).filter((f) => f.endsWith('.jsonl')).sort().map((f) => fixtures + f)];
  const sets = paths.map((p) => ({ name: basename(p), items: readCorpus(p) }));
  const fmt = (q: ReturnType<typeof quality>) => `R ${q.recall.toFixed(2)} FA ${q.falseAlarms.toFixed(2)} SR ${q.spanRecall.toFixed(2)}`;
  console.log(`leave-one-set-out, threshold ${threshold}: rules alone | rules + model trained without the set`);
  for (const held of sets) {
    const scorer = trainClauseScorer(sets.filter((s) => s !== held).flatMap((s) => clauseExamples(s.items)), { threshold });
    useClauseScorer(null);
    const alone = quality(held.items);
    useClauseScorer(scorer);
    const both = quality(held.items);
    console.log(`${held.name.padEnd(22)} ${fmt(alone)} | ${fmt(both)}`);
  }
  const scorer = trainClauseScorer(sets.flatMap((s) => clauseExamples(s.items)), { threshold });
  const out = `${here}../core/src/detect/clause-scorer-weights.ts`;
  writeFileSync(
    out,
    `// Written by \`node scripts/run-ts.mjs bench/eval-disclosure.ts --train\` from ${sets.map((s) => s.name).join(', ')}; do not edit by hand.\nimport type { ClauseScorer } from './score-clause';\n\nexport const CLAUSE_SCORER: ClauseScorer = ${JSON.stringify(scorer)};\n`,
  );
  console.log(`wrote ${Object.keys(scorer.weights).length} weights to ${out}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv.includes('--train')) trainMain(process.argv.slice(2));
