import type { AnalyseContext, Finding } from './types';

/**
 * Finds wording that would leak confidential coaching content to the given reader.
 * (Placeholder while the detector is built: reports nothing.)
 */
export function analyse(_text: string, _context: AnalyseContext): Finding[] {
  return [];
}

/** An analyser that keeps per-sentence results between calls, for keystroke-by-keystroke use. */
export interface IncrementalAnalyser {
  analyse(text: string, context: AnalyseContext): Finding[];
}

export function createIncrementalAnalyser(): IncrementalAnalyser {
  return { analyse };
}
