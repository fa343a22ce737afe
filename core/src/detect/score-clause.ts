/**
 * A small learned second opinion for clauses the rules leave quiet: logistic regression over the
 * clause's words and word pairs, trained on the labelled corpora (clauses inside a labelled span
 * against every other clause). It only ever sees clauses that the rules have already decided are
 * about a client and not declined, consented or addressed to a client (see read-sentence.ts), so it
 * widens the wording the detector recognises without widening whom it applies to.
 *
 * Weights live in clause-scorer-weights.ts (a JSON object in a module, so every host's bundler
 * takes it as is), written by `node scripts/run-ts.mjs bench/eval-disclosure.ts
 * --train`; nothing is downloaded at run time.
 */
import { CLAUSE_SCORER } from './clause-scorer-weights';
import { NOT_NAMES } from './lexicon';
import type { Token } from './segment-text';

export interface ClauseScorer {
  bias: number;
  /** Probability above which a clause counts as a disclosure. */
  threshold: number;
  weights: Record<string, number>;
}

let SCORER: ClauseScorer | null = CLAUSE_SCORER;
let UNIGRAMS = new Map<string, number>();
/** First word → second word → weight, so scoring a clause builds no strings. */
let BIGRAMS = new Map<string, Map<string, number>>();
index(SCORER);

function index(scorer: ClauseScorer | null): void {
  UNIGRAMS = new Map();
  BIGRAMS = new Map();
  for (const [feature, weight] of Object.entries(scorer?.weights ?? {})) {
    const space = feature.indexOf(' ');
    if (space < 0) UNIGRAMS.set(feature, weight);
    else {
      const first = feature.slice(0, space);
      const seconds = BIGRAMS.get(first) ?? new Map<string, number>();
      seconds.set(feature.slice(space + 1), weight);
      BIGRAMS.set(first, seconds);
    }
  }
}

/**
 * Swaps the model (or, with null, switches it off) for measuring: the eval script uses it to
 * compare rules alone with rules and model, and to score a set with a model that never saw it.
 * Not for hosts: `analyse` is otherwise a pure function of its input.
 */
export function useClauseScorer(scorer: ClauseScorer | null): void {
  SCORER = scorer;
  index(scorer);
}

/** A word as the model sees it: numbers and capitalised words after the first are placeholders. */
function modelWord(t: Token, first: boolean): string {
  const c = t.norm.charCodeAt(0);
  if (c >= 48 && c <= 57) return '<num>';
  if (t.cap && !first && !NOT_NAMES.has(t.norm)) return '<cap>';
  return t.norm;
}

/**
 * The features of a clause: lower-case words and adjacent pairs, with names, numbers and
 * capitalised words folded to placeholders so the model learns wording, not people.
 */
export function clauseFeatures(clause: Token[]): string[] {
  const words: string[] = [];
  for (const t of clause) if (!t.punct) words.push(modelWord(t, words.length === 0));
  const features: string[] = [];
  for (let i = 0; i < words.length; i++) {
    features.push(words[i]!);
    if (i + 1 < words.length) features.push(`${words[i]!} ${words[i + 1]!}`);
  }
  return features;
}

/** The probability that a clause discloses something, by the model in use (0 when switched off). */
export function scoreClause(clause: Token[]): number {
  if (!SCORER) return 0;
  let z = SCORER.bias;
  let previous: string | undefined;
  for (const t of clause) {
    if (t.punct) continue;
    const word = modelWord(t, previous === undefined);
    z += UNIGRAMS.get(word) ?? 0;
    if (previous !== undefined) z += BIGRAMS.get(previous)?.get(word) ?? 0;
    previous = word;
  }
  return 1 / (1 + Math.exp(-z));
}

/** Whether the model counts this clause as a disclosure. */
export function clauseLooksRisky(clause: Token[]): boolean {
  return SCORER !== null && scoreClause(clause) >= SCORER.threshold;
}

/**
 * Fits the weights by stochastic gradient descent (a fixed visiting order, so training is
 * reproducible) with classes balanced and L2 shrinkage; pure, so tests and the training script share it.
 */
export function trainClauseScorer(examples: { features: string[]; risky: boolean }[], options: { epochs?: number; rate?: number; l2?: number; threshold?: number } = {}): ClauseScorer {
  const { epochs = 40, rate = 0.1, l2 = 0.01, threshold = 0.5 } = options;
  const index = new Map<string, number>();
  const rows = examples.map((e) => e.features.map((f) => index.get(f) ?? (index.set(f, index.size), index.size - 1)));
  const w = new Float64Array(index.size);
  let bias = 0;
  const positives = examples.filter((e) => e.risky).length;
  // Balance the classes: a safe clause is far more common than a leaking one.
  const posWeight = examples.length / (2 * Math.max(1, positives));
  const negWeight = examples.length / (2 * Math.max(1, examples.length - positives));
  const order = rows.map((_, k) => k);
  for (let epoch = 0; epoch < epochs; epoch++) {
    // A deterministic shuffle (multiplicative hash of the epoch), so runs are repeatable.
    order.sort((a, b) => ((a * 2654435761 + epoch * 40503) % 1000003) - ((b * 2654435761 + epoch * 40503) % 1000003));
    for (const k of order) {
      const row = rows[k]!;
      const risky = examples[k]!.risky;
      let z = bias;
      for (const j of row) z += w[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const err = (p - (risky ? 1 : 0)) * (risky ? posWeight : negWeight);
      for (const j of row) w[j] = w[j]! - rate * err;
      bias -= rate * err * 0.1;
    }
    for (let j = 0; j < w.length; j++) w[j] = w[j]! * (1 - l2);
  }
  const weights: Record<string, number> = {};
  for (const [f, j] of index) if (Math.abs(w[j]!) >= 0.02) weights[f] = Math.round(w[j]! * 1000) / 1000;
  return { bias: Math.round(bias * 1000) / 1000, threshold, weights };
}
