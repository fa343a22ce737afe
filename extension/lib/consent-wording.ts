/** Pure helpers for turning a finding into wording a coachee can approve. */
import type { Finding } from '@coach-guard/core';

/** The sentence a finding sits in: what a coachee approves is wording, not a fragment. */
export function sentenceAround(text: string, finding: Pick<Finding, 'start' | 'end'>): string {
  const before = text.slice(0, finding.start);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('\n'));
  const from = start < 0 ? 0 : start + (text[start] === '\n' ? 1 : 2);
  const rest = text.slice(finding.end);
  const m = /[.!?](\s|$)|\n/.exec(rest);
  const to = m ? finding.end + m.index + (m[0].startsWith('\n') ? 0 : 1) : text.length;
  return text.slice(from, to).trim();
}
