import type { Roster } from '../roster';
import type { Span } from './span';

/** People, organisations and places not in the roster, found by shape and context. */
export function recogniseNames(_text: string, _known: readonly Span[], _roster: Roster | undefined): Span[] {
  return [];
}
