import type { Span } from './span';
import type { Suspect } from './types';

/** Words left in place that a human should look at before the note leaves. */
export function findSuspects(_text: string, _identifiers: readonly Span[]): Suspect[] {
  return [];
}
