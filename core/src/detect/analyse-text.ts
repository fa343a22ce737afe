import type { AnalyseContext, Finding } from './types';

/**
 * Finds wording that would leak confidential coaching content to the given reader.
 * (Placeholder while the detector is built: reports nothing.)
 */
export function analyse(_text: string, _context: AnalyseContext): Finding[] {
  return [];
}
