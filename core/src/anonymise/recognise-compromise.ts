/**
 * compromise's named-entity finder (people, places, organisations), kept as a recogniser of its
 * own so the eval can show what it adds to the rules (see bench/eval-anonymise.ts).
 */
import nlp from 'compromise';
import type { Span } from './span';

export function recogniseWithCompromise(text: string): Span[] {
  const spans: Span[] = [];
  const doc = nlp(text);
  const collect = (view: { json(options: object): unknown }, type: Span['type']) => {
    const found = view.json({ offset: true }) as { offset?: { start: number; length: number }; text: string }[];
    for (const item of found) {
      if (!item.offset) continue;
      let start = item.offset.start;
      let end = start + item.offset.length;
      // compromise includes trailing punctuation and possessives; the pseudonym should not eat them.
      while (end > start && /[\s.,;:!?'’)"”]/.test(text[end - 1]!)) end--;
      if (/['’]s$/.test(text.slice(start, end))) end -= 2;
      while (start < end && /[\s("“]/.test(text[start]!)) start++;
      if (end > start) spans.push({ start, end, type, source: 'compromise' });
    }
  };
  collect(doc.people(), 'person');
  collect(doc.places(), 'place');
  collect(doc.organizations(), 'organisation');
  return spans;
}
