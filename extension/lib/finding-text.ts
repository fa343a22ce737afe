/** Pure helpers over a finding and the text it was found in: consent wording, replacements. */
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

/**
 * What Apply replaces. Core's span may stop before the sentence's full stop while its suggestion
 * is a whole sentence with its own; swallowing the original stop avoids "details with you..".
 */
export function replacementFor(text: string, finding: Pick<Finding, 'start' | 'end' | 'suggestion'>): { start: number; end: number; replacement: string } {
  const replacement = finding.suggestion ?? '';
  let end = finding.end;
  const closing = /[.!?]$/.exec(replacement);
  if (closing) {
    const after = /^[.!?]+/.exec(text.slice(end));
    if (after) end += after[0].length;
  }
  return { start: finding.start, end, replacement };
}
