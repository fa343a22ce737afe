import type { IdentifierType } from './types';

/** Which recogniser found a span; earlier sources win overlaps (see `mergeSpans`). */
export type SpanSource = 'structured' | 'roster' | 'rules' | 'compromise';

/** What the words around a person say they are to the coachee, for a role-keeping pseudonym. */
export type PersonHint = 'partner' | 'child' | 'relative' | 'friend' | 'doctor' | 'colleague';

/** An identifier candidate inside the analysed text. Internal to anonymise. */
export interface Span {
  start: number;
  end: number;
  type: IdentifierType;
  source: SpanSource;
  /** Roster index key ("person:0", "org:1") when the span is a roster entry. */
  rosterKey?: string;
  hint?: PersonHint;
}

const PRIORITY: Record<SpanSource, number> = { structured: 0, roster: 1, rules: 2, compromise: 3 };

/**
 * Resolves overlaps: higher-priority sources first, then the longer span. Spans that overlap an
 * accepted one are dropped whole, so no replacement ever cuts another in half.
 */
export function mergeSpans(spans: Span[]): Span[] {
  const ordered = [...spans].sort(
    (a, b) => PRIORITY[a.source] - PRIORITY[b.source] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const accepted: Span[] = [];
  const end = spans.reduce((max, s) => Math.max(max, s.end), 0);
  const taken = new Coverage(end);
  for (const span of ordered) {
    if (span.end <= span.start || taken.overlaps(span.start, span.end)) continue;
    accepted.push(span);
    taken.add(span);
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/** A per-character map of covered text: constant-time overlap checks for many spans. */
export class Coverage {
  private readonly covered: Uint8Array;
  constructor(length: number, spans: readonly { start: number; end: number }[] = []) {
    this.covered = new Uint8Array(length + 1);
    for (const s of spans) this.add(s);
  }
  add(span: { start: number; end: number }): void {
    this.covered.fill(1, Math.max(0, span.start), Math.max(0, span.end));
  }
  overlaps(start: number, end: number): boolean {
    for (let i = Math.max(0, start); i < end && i < this.covered.length; i++) if (this.covered[i] === 1) return true;
    return false;
  }
}
